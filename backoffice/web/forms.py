"""HTML forms generated from marshmallow schemas, and form posts turned back into payloads.

The schema stays the single definition of a feature: the same one validates the API
payload. Field labels come from ``metadata={"label": N_("...")}``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from flask import g
from marshmallow import Schema, fields, missing, validate
from werkzeug.datastructures import MultiDict

from backoffice.core.calendars.schemas import LinesField
from backoffice.core.phone import for_display
from backoffice.core.schemas import PhoneNumber
from backoffice.i18n import gettext


@dataclass
class FormField:
    name: str
    label: str
    kind: str  # text, number, checkbox, select, email, tel, textarea, date, time, hidden
    value: Any = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    required: bool = False
    errors: list[str] = field(default_factory=list)
    help: str = ""
    maxlength: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    readonly: bool = False


def label_of(name: str, schema_field: fields.Field) -> str:
    label = schema_field.metadata.get("label")
    return gettext(label) if label else gettext(name.replace("_", " ").capitalize())


def read_labels(schema: Schema) -> dict[str, str]:
    """The label of each field a read view shows, in the schema's order."""
    return {name: label_of(name, schema_field) for name, schema_field in schema.fields.items()
            if not schema_field.load_only and name not in ("id", "version")}


def _kind(schema_field: fields.Field) -> str:
    if schema_field.metadata.get("widget"):
        return schema_field.metadata["widget"]
    if isinstance(schema_field, fields.Boolean):
        return "checkbox"
    if isinstance(schema_field, fields.Integer | fields.Float | fields.Decimal):
        return "number"
    if isinstance(schema_field, PhoneNumber):
        return "tel"
    if isinstance(schema_field, fields.Date):
        return "date"
    if isinstance(schema_field, fields.Time):
        return "time"
    if isinstance(schema_field, fields.List | fields.Dict | fields.Nested | LinesField):
        return "textarea"
    if any(isinstance(v, validate.Email) for v in _validators(schema_field)):
        return "email"
    return "text"


def _validators(schema_field: fields.Field) -> list[Any]:
    return list(schema_field.validators)


@contextmanager
def shared_choices() -> Iterator[None]:
    """While one page is put together, run each choices provider once per tenant.

    A page asks for the same choices several times (the edit form and the read view of
    a line both want the tenant's sites; several blocks want its calendars); each would
    otherwise be a query. The memo lives only for the ``with`` block, never across
    requests, and pages build it after any change of theirs, so it is never stale.
    """
    previous = g.get("choices_memo")
    g.choices_memo = {}
    try:
        yield
    finally:
        g.choices_memo = previous


def _provided(provider: Any, tenant: Any) -> list[tuple[str, str]]:
    memo = g.get("choices_memo")
    key = (provider, getattr(tenant, "id", None))
    if memo is not None and key in memo:
        return memo[key]
    choices = [(str(value), str(label)) for value, label in provider(tenant)]
    if memo is not None:
        memo[key] = choices
    return choices


def _choices(schema_field: fields.Field, tenant: Any = None) -> list[tuple[str, str]]:
    """Choices of a field: ``metadata["choices"](tenant)`` (values that depend on the
    tenant, such as its calendars), else its OneOf validator with ``choice_labels``."""
    provider = schema_field.metadata.get("choices")
    if callable(provider):
        return list(_provided(provider, tenant))
    target = schema_field.inner if isinstance(schema_field, fields.List) else schema_field
    for validator in _validators(target):
        if isinstance(validator, validate.OneOf):
            labels = validator.labels or validator.choices
            named = schema_field.metadata.get("choice_labels", {})
            return [(str(choice), gettext(named.get(choice, str(label))))
                    for choice, label in zip(validator.choices, labels, strict=False)]
    return []


def _help(schema_field: fields.Field) -> str:
    text = schema_field.metadata.get("help")
    return gettext(text) if text else ""


def _display(value: Any, kind: str) -> Any:
    """A value as the form shows it: a list one item per line, nothing for no value."""
    if value is None or value is missing:
        return ""
    if kind == "textarea" and isinstance(value, list | tuple):
        return "\n".join(str(item) for item in value)
    return value


def build_form(schema: Schema, values: dict[str, Any] | None = None,
               errors: dict[str, list[str]] | None = None, tenant: Any = None,
               readonly: Collection[str] = ()) -> list[FormField]:
    """The fields of ``schema`` that an agent fills, with current values and errors;
    those of ``readonly`` are shown but cannot be edited."""
    values, errors = values or {}, errors or {}
    form = []
    for name, schema_field in schema.fields.items():
        if schema_field.dump_only:
            continue
        kind = _kind(schema_field)
        value = values.get(name, schema_field.load_default
                           if not callable(schema_field.load_default) else None)
        if isinstance(value, list | tuple) and kind != "checkbox":
            kind = "textarea"  # a field of its own kind that holds a list (numbers...)
        choices = _choices(schema_field, tenant)
        if choices and kind not in ("checkbox", "textarea"):
            kind = "select"
        length = next((v for v in _validators(schema_field) if isinstance(v, validate.Length)),
                      None)
        bounds = next((v for v in _validators(schema_field) if isinstance(v, validate.Range)),
                      None)
        form.append(FormField(
            name=name, label=label_of(name, schema_field), kind=kind,
            value=_display(value, kind),
            choices=choices, required=schema_field.required, errors=errors.get(name, []),
            help=gettext("Given when it was created: it cannot be changed.")
            if name in readonly else _help(schema_field),
            maxlength=length.max if length else None,
            minimum=bounds.min if bounds else None, maximum=bounds.max if bounds else None,
            readonly=name in readonly,
        ))
    return form


def payload_from_form(schema: Schema, form: MultiDict) -> dict[str, Any]:
    """Read a posted form as the payload the schema (and the API) expects."""
    payload: dict[str, Any] = {}
    for name, schema_field in schema.fields.items():
        if schema_field.dump_only:
            continue
        kind = _kind(schema_field)
        if kind == "checkbox":
            payload[name] = name in form
        elif isinstance(schema_field, fields.List):
            raw = form.getlist(name)
            items = raw if len(raw) > 1 else (raw[0].splitlines() if raw else [])
            payload[name] = [item.strip() for item in items if item.strip()]
        elif name in form:
            payload[name] = form[name]
    if "version" in form:
        payload["version"] = form["version"]
    return payload


def display_values(schema: Schema, values: dict[str, Any], tenant: Any,
                   country: str) -> dict[str, Any]:
    """Dumped values as an agent reads them: choice labels, localized words, numbers in
    the national format at home and the international one abroad."""
    shown: dict[str, Any] = {}
    for name, value in values.items():
        schema_field = schema.fields.get(name)
        if schema_field is None:
            shown[name] = value
            continue
        # An empty value has no label to look up: its choices (a query, for some) can wait.
        labels = dict(_choices(schema_field, tenant)) if value not in (None, "", [], ()) \
            else {}
        shown[name] = _readable(schema_field, value, labels, country)
    return shown


def _readable(schema_field: fields.Field, value: Any, labels: dict[str, str],
              country: str) -> Any:
    if isinstance(value, list | tuple):
        return [_readable(schema_field, item, labels, country) for item in value]
    if value is not None and str(value) in labels:
        return labels[str(value)]
    display = getattr(schema_field, "display_text", None)
    if callable(display) and isinstance(value, str):
        value = display(value)
    if isinstance(value, str) and value.startswith("+") and value[1:].isdigit():
        return for_display(value, country)
    return value
