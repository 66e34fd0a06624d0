"""docs/plugins.md keeps up with the code a carrier author works against.

Everything checked here is derived from the code, so a hook, a parameter, a public name or
a limit added without its documentation fails the suite:

- every hook of ``hookspecs.py`` has its ``### <hook>`` section, holding its whole
  signature on a line of its own, and a docstring;
- every name of ``backoffice.plugin.__all__`` has its row in the reference table;
- every limits class has its ``### <class>`` section, with one row per field giving its
  type and default as the code says, and every common feature names its limits class;
- the toolkit functions' signatures are written as the code says.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

import backoffice.plugin
from backoffice.core import hookspecs, limits

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "plugins.md").read_text()
HOOKS = sorted(name for name, value in vars(hookspecs).items()
               if callable(value) and hasattr(value, f"{hookspecs.PROJECT}_spec"))
LIMITS_CLASSES = sorted(
    (value for value in vars(limits).values()
     if inspect.isclass(value) and dataclasses.is_dataclass(value)
     and value.__module__ == limits.__name__),
    key=lambda cls: cls.__name__)
TOOLKIT = sorted(
    name for name in backoffice.plugin.__all__
    if inspect.isfunction(getattr(backoffice.plugin, name))
    and getattr(backoffice.plugin, name).__module__.startswith((
        "backoffice.core.forwarding", "backoffice.core.calendars",
        "backoffice.core.blacklist", "backoffice.core.e911", "backoffice.core.ptt",
        "backoffice.core.groups")))


def annotation(value: object) -> str:
    """An annotation as written in the source (``from __future__ import annotations``)."""
    return value if isinstance(value, str) else inspect.formatannotation(value)


def signature(function, *, name: str | None = None, keep_star: bool = False) -> str:
    """``name(p1: T1, p2: T2 = default) -> R`` with the annotations as written.

    Hooks are documented without the keyword-only ``*`` (pluggy passes keywords anyway);
    toolkit functions keep it, since a caller must respect it.
    """
    parts: list[str] = []
    star_written = False
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is parameter.VAR_POSITIONAL:
            star_written = True
        if (keep_star and parameter.kind is parameter.KEYWORD_ONLY and not star_written):
            parts.append("*")
            star_written = True
        text = parameter.name
        if parameter.kind is parameter.VAR_POSITIONAL:
            text = f"*{text}"
        elif parameter.kind is parameter.VAR_KEYWORD:
            text = f"**{text}"
        if parameter.annotation is not parameter.empty:
            text += f": {annotation(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {parameter.default!r}"
        parts.append(text)
    result = f"{name or function.__name__}({', '.join(parts)})"
    returned = inspect.signature(function).return_annotation
    if returned is not inspect.Signature.empty:
        result += f" -> {annotation(returned)}"
    return result


def section(heading: str) -> str:
    """The text under ``### <heading>`` up to the next heading of level 1 to 3.

    A ``# comment`` inside a fenced code block is not a heading.
    """
    found: list[str] | None = None
    fenced = False
    for line in DOCS.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,3} ", line):
            if found is not None:
                break
            if line == f"### {heading}":
                found = []
                continue
        if found is not None:
            found.append(line)
    assert found is not None, f"docs/plugins.md has no '### {heading}' section"
    return "\n".join(found)


def lines_of(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines()}


def test_the_checks_find_what_they_check():
    assert "carrier_identity" in HOOKS and len(HOOKS) >= 12
    assert {"ForwardingLimits", "RingBounds", "LineLimits"} <= {c.__name__ for c in LIMITS_CLASSES}
    assert {"forwarding_steps", "calendar_block", "add_blocked"} <= set(TOOLKIT)
    rendered = signature(hookspecs.validate_change)
    parameters = inspect.signature(hookspecs.validate_change).parameters
    assert rendered.startswith("validate_change(") and " -> " in rendered
    assert all(f"{name}: " in rendered for name in parameters), rendered


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_whole_signature(hook):
    spec = getattr(hookspecs, hook)
    assert spec.__doc__, f"{hook} has no docstring in hookspecs.py"
    text = section(hook)
    assert signature(spec) in lines_of(text), (
        f"the '### {hook}' section lacks the line {signature(spec)!r}")
    assert "Used by:" in text, f"the '### {hook}' section does not say who uses it"


@pytest.mark.parametrize("name", backoffice.plugin.__all__)
def test_every_public_name_has_its_row_in_the_reference_table(name):
    assert re.search(rf"^\| `{re.escape(name)}` \|", DOCS, re.MULTILINE), (
        f"`{name}` of backoffice.plugin.__all__ has no row in the reference table")


def default_text(item: dataclasses.Field) -> str:
    if item.default is not dataclasses.MISSING:
        return f"`{item.default!r}`"
    if item.default_factory is not dataclasses.MISSING:
        return f"`{item.default_factory()!r}`"
    return "required"


@pytest.mark.parametrize("cls", LIMITS_CLASSES, ids=lambda cls: cls.__name__)
def test_every_limit_is_documented_with_its_type_and_default(cls):
    text = section(cls.__name__)
    for item in dataclasses.fields(cls):
        row = re.search(rf"^\| `{item.name}` \|(.*)$", text, re.MULTILINE)
        assert row, f"{cls.__name__}.{item.name} has no row under '### {cls.__name__}'"
        # a "|" inside a cell (``int | None``) is written "\\|" so as not to end the cell
        cells = [cell.strip().replace("\\|", "|")
                 for cell in re.split(r"(?<!\\)\|", row.group(1))]
        assert cells[0] == f"`{annotation(item.type)}`", f"{cls.__name__}.{item.name}: type"
        assert cells[1] == default_text(item), f"{cls.__name__}.{item.name}: default"
        assert cells[2], f"{cls.__name__}.{item.name}: meaning"


@pytest.mark.parametrize("feature", sorted(limits.LIMITS))
def test_every_common_feature_names_its_limits_class(feature):
    cls = limits.LIMITS[feature].__name__
    assert re.search(rf"^\| `{feature}` \| `{cls}` \|", DOCS, re.MULTILINE), (
        f"the feature table does not map `{feature}` to `{cls}`")


@pytest.mark.parametrize("name", TOOLKIT)
def test_every_toolkit_function_is_documented_with_its_signature(name):
    function = getattr(backoffice.plugin, name)
    written = signature(function, name=name, keep_star=True)
    assert written in lines_of(DOCS), f"docs/plugins.md lacks the line {written!r}"
