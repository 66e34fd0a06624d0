"""The catalog of problem codes: every code raised anywhere is in it, every code in it
reads ``<object>.<field>.<reason>``, and the OpenAPI document and docs/errors.md list it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from backoffice.api.contract import problem_schemas
from backoffice.auth import UNAUTHENTICATED
from backoffice.core.codes import catalog, code_for, follows_scheme, is_known, register_codes
from backoffice.problems import CSRF_REASONS, TABLE
from tests import fifth_carrier

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "backoffice").rglob("*.py")), *sorted((ROOT / "plugins").rglob("*.py")),
           ROOT / "tests" / "fifth_carrier.py"]
#: Calls that raise or build a refusal, and where their code is: a keyword or a position.
CODE_ARGUMENTS = {"Violation": ("code", None), "forbidden": ("code", 1),
                  "Forbidden": ("code", 1), "Refused": ("code", 1), "FileProblem": ("code", 0),
                  "_kept": ("code", 0), "Answer": ("code", 1)}
ANY_PART = r"(?:[a-z0-9_.]|<[a-z_]+>)+"


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _code_argument(call: ast.Call) -> ast.expr | None:
    keyword, position = CODE_ARGUMENTS[_name(call)]
    for given in call.keywords:
        if given.arg == keyword:
            return given.value
    if position is not None and len(call.args) > position:
        return call.args[position]
    return None


def _pattern(node: ast.expr) -> str | None:
    """The code an expression makes, as a regex over catalog entries (a varying part
    matches a placeholder or a concrete part); None for what is not a code literal."""
    if isinstance(node, ast.Lambda):
        return _pattern(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(re.escape(part.value) if isinstance(part, ast.Constant) else ANY_PART
                       for part in node.values)
    if isinstance(node, ast.Call) and _name(node) == "code_for" and len(node.args) == 3:
        parts = [_pattern(arg) or ANY_PART for arg in node.args]
        return r"\.".join(parts)
    return None


def raised_codes() -> Iterator[tuple[str, str]]:
    """(place, pattern) of every code literal passed where a refusal is made."""
    for path in SOURCES:
        if "/tests/" in str(path.relative_to(ROOT)) or path.name.startswith("test_"):
            continue
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in CODE_ARGUMENTS | {"code_for": 0}:
                argument = node if _name(node) == "code_for" else _code_argument(node)
                pattern = _pattern(argument) if argument is not None else None
                if pattern is not None:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", pattern


def in_catalog(pattern: str) -> bool:
    """Whether an entry fits the code, its varying parts being placeholders or any part."""
    sample = re.sub(r"\\(.)", r"\1", pattern.replace(ANY_PART, "x"))
    return any(re.fullmatch(pattern, entry) for entry in catalog()) or is_known(sample)


def test_every_code_raised_in_the_sources_is_in_the_catalog(app):
    found = list(raised_codes())
    assert len(found) > 80  # the scan sees the refusals
    missing = [(place, pattern) for place, pattern in found if not in_catalog(pattern)]
    assert not missing, missing


def test_every_code_of_the_error_tables_is_in_the_catalog(app):
    codes = [code for code, _ in UNAUTHENTICATED.values()]
    codes += [code for _, code, _ in CSRF_REASONS] + ["auth.csrf_token.invalid"]
    codes += [answer.code for answer in TABLE.values() if isinstance(answer.code, str)]
    assert [code for code in codes if not is_known(code)] == []


def test_every_catalog_code_follows_the_scheme_with_a_meaning(app):
    entries = catalog()
    assert len(entries) > 70
    assert [code for code in entries if not follows_scheme(code)] == []
    assert all(meaning.strip() for meaning in entries.values())
    assert not [code for code in entries if re.search(r"\b(sfr|bell|telus|cooptel)\b|-", code)]


@pytest.mark.parametrize("code", ["not_found", "line.number",
                                  "phone-numbers.in_use", "order.applied", "Line.x.y"])
def test_a_code_off_the_scheme_cannot_be_registered(code):
    with pytest.raises(ValueError):
        register_codes({code: "Anything."})
    assert code not in catalog()


def test_a_code_keeps_its_meaning():
    with pytest.raises(ValueError):
        register_codes({"line.plan.unknown": "Another meaning."})


def test_a_field_written_by_the_client_makes_a_code_of_the_scheme():
    assert code_for("line", "First Name", "invalid") == "line.first_name.invalid"
    assert code_for("calendar", "hours.0.start", "invalid") == "calendar.hours.0.start.invalid"
    assert code_for("line", "_schema", "invalid") == "line.schema.invalid"
    assert code_for("line", "", "invalid") == "line.item.invalid"
    assert all(follows_scheme(code_for("line", name, "invalid"))
               for name in ("é", "a-b", "..", "x..y", "€uro"))


def test_the_catalog_is_the_openapi_documents(app):
    problem = problem_schemas()["Problem"]
    assert problem["x-codes"] == catalog()
    for code in catalog():
        assert f"`{code}`" in problem["properties"]["code"]["description"]
    assert re.fullmatch(problem["properties"]["code"]["pattern"], "order.status.not_failed")


def test_docs_errors_lists_every_code_and_only_those(app):
    text = (ROOT / "docs" / "errors.md").read_text()
    listed = re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE)
    assert sorted(listed) == sorted(set(catalog()) - set(fifth_carrier.CODES))
    assert "docs/errors.md" in (ROOT / "README.md").read_text()
