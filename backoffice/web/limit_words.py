"""A carrier's declared limits as sentences in the agent's language, for the carriers page.

Each limit field says what it means (``said`` in :mod:`backoffice.core.limits`): its words,
the words of its codes and of its keys. Only the limits the carrier declared (those that
differ from their class's defaults) are shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from babel import Locale
from babel.lists import format_list

from backoffice.core.limits import DESTINATION_WORDS, TRIGGER_WORDS, declared
from backoffice.i18n import current_language, gettext
from backoffice.web.wording import FIELDS


def limit_sentences(limits: Any, entry: Any) -> list[str]:
    """The declared limits of ``limits`` as sentences; ``entry`` is the carrier's registry
    entry (its plan labels name the plans)."""
    if not dataclasses.is_dataclass(limits):
        return [f"{key}: {value}" for key, value in (limits or {}).items()]
    shown = declared(limits)
    sentences = []
    for item in dataclasses.fields(limits):
        if item.name not in shown:
            continue
        value = getattr(limits, item.name)
        meta = item.metadata
        if not meta.get("words"):
            sentences.append(f"{item.name}: {shown[item.name]}")
        else:
            sentences.extend(_said(meta, value, entry))
    return sentences


def _said(meta: Mapping[str, Any], value: Any, entry: Any) -> list[str]:
    if isinstance(value, bool):
        words = meta["words"] if value else meta.get("otherwise")
        return [gettext(words)] if words else []
    if isinstance(value, Mapping):
        return [_sentence(meta, {"key": _key_words(meta, key, entry),
                                 **_values(meta, item, entry)})
                for key, item in value.items()]
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return [_sentence(meta, {"first": _code(meta, first), "second": _code(meta, second)})
                for first, second in value]
    return [_sentence(meta, _values(meta, value, entry))]


def _values(meta: Mapping[str, Any], value: Any, entry: Any) -> dict[str, Any]:
    """The placeholders a value fills: ``value``, or a nested limit's own fields."""
    if dataclasses.is_dataclass(value):
        found = {item.name: getattr(value, item.name) for item in dataclasses.fields(value)}
        if "country" in found:
            found["country"] = _country(found["country"])
        return found
    if isinstance(value, Mapping):  # trigger -> its state until saved
        return {"value": _list([_default_rule(trigger, rule, entry)
                                for trigger, rule in value.items()
                                if getattr(rule, "enabled", True)])}
    if isinstance(value, tuple | list):
        return {"value": _list([_code(meta, item, entry) for item in value],
                               "or" if meta.get("alternatives") else "standard")}
    return {"value": _code(meta, value, entry)}


def _sentence(meta: Mapping[str, Any], values: dict[str, Any]) -> str:
    words = meta["words"]
    if any(value is None for value in values.values()) and meta.get("short"):
        words = meta["short"]
    return gettext(words, **{key: "" if value is None else value
                             for key, value in values.items()})


def _code(meta: Mapping[str, Any], code: Any, entry: Any = None) -> str:
    named = meta.get("value_words") or {}
    if named == "subdivision":
        from backoffice.core.e911.schemas import province_label

        return province_label(code)
    if named == "message":
        return gettext(code)
    if named == "plan":
        return _key_words(meta | {"key_words": "plan"}, code, entry)
    return gettext(named[code]) if code in named else str(code)


def _key_words(meta: Mapping[str, Any], key: str, entry: Any) -> str:
    named = meta.get("key_words")
    if named == "plan":
        plan = entry.plan(key) if entry is not None else None
        return plan.label_for(current_language()) if plan else key
    return gettext(named[key]) if isinstance(named, Mapping) and key in named else key


def _default_rule(trigger: str, rule: Any, entry: Any) -> str:
    destination = getattr(rule, "destination", None) or ""
    if destination.startswith("line:"):
        field = destination.removeprefix("line:")
        where = gettext(FIELDS[field]) if field in FIELDS else field
    else:
        where = gettext(DESTINATION_WORDS[destination]) if destination in DESTINATION_WORDS \
            else destination
    what = gettext(TRIGGER_WORDS[trigger]) if trigger in TRIGGER_WORDS else trigger
    return f"{what} → {where}" if where else what


def _list(items: list[str], style: str = "standard") -> str:
    return format_list(items, style=style, locale=current_language()) if items else "—"


def _country(code: str) -> str:
    return Locale.parse(current_language()).territories.get(code, code)
