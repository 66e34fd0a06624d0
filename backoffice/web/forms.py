"""HTML forms generated from marshmallow schemas, and form posts turned back into payloads.

The schema stays the single definition of a feature: the same one validates the API
payload. Field labels come from ``metadata={"label": N_("...")}``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from flask import g, url_for
from markupsafe import Markup
from marshmallow import Schema, fields, missing, validate
from werkzeug.datastructures import MultiDict

from backoffice.core.calendars.schemas import LinesField
from backoffice.core.destinations import KINDS, DestinationField
from backoffice.core.errors import N_
from backoffice.core.phone import for_display
from backoffice.core.schemas import PhoneNumber
from backoffice.i18n import gettext


@dataclass
class FormField:
    name: str
    label: str
    kind: str  # text, number, checkbox, checkboxes, select, email, tel, textarea, date, time
    value: Any = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    required: bool = False
    errors: list[str] = field(default_factory=list)
    help: str = ""
    maxlength: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    readonly: bool = False
    group: str = ""  # the fieldset it belongs to (a trigger of forwarding...), translated
    detail: Any = ""  # a destination's number or extension, beside its kind in ``value``
    autofocus: bool = False  # the first field of the form: the cursor goes there


def label_of(name: str, schema_field: fields.Field) -> str:
    label = schema_field.metadata.get("label")
    return gettext(label) if label else gettext(name.replace("_", " ").capitalize())


def read_labels(schema: Schema) -> dict[str, str]:
    """The label of each field a read view shows, in the schema's order: neither the
    form-only fields (``metadata["form_only"]``, such as a new calendar's name) nor ids."""
    return {name: label_of(name, schema_field) for name, schema_field in schema.fields.items()
            if not schema_field.load_only and not schema_field.metadata.get("form_only")
            and name not in ("id", "version")}


def read_sections(schema: Schema) -> list[tuple[str, list[str]]]:
    """The fields a read view shows, consecutive ones of the same group together:
    ``[(group label or "", [field names])]``, as the form's fieldsets."""
    sections: list[tuple[str, list[str]]] = []
    labels = read_labels(schema)
    for name in labels:
        group = schema.fields[name].metadata.get("group")
        group = gettext(group) if group else ""
        if sections and sections[-1][0] == group:
            sections[-1][1].append(name)
        else:
            sections.append((group, [name]))
    return sections


_DESTINATION_KIND_LABELS = {
    "voicemail": N_("Voicemail"), "number": N_("A phone number"),
    "extension": N_("An extension")}


def destination_choices(schema_field: fields.Field) -> list[tuple[str, str]]:
    """The kinds of destination a field accepts (``metadata["kinds"]``), in words."""
    kinds = schema_field.metadata.get("kinds") or KINDS
    return [(kind, gettext(_DESTINATION_KIND_LABELS[kind])) for kind in kinds
            if kind in _DESTINATION_KIND_LABELS]


def split_destination(value: Any, country: str) -> tuple[str, str]:
    """A destination (dumped text or the API's mapping) as the form's kind and value."""
    if value in (None, "") or value is missing:
        return "", ""
    if isinstance(value, dict):
        kind, detail = str(value.get("kind") or ""), str(value.get("value") or "")
    elif str(value) == "voicemail":
        return "voicemail", ""
    elif str(value).startswith("+"):
        kind, detail = "number", str(value)
    elif str(value).isdigit():
        kind, detail = "extension", str(value)
    else:
        return "", str(value)
    if kind == "number" and detail.startswith("+") and detail[1:].isdigit():
        detail = for_display(detail, country)
    return kind, detail


def _kind(schema_field: fields.Field) -> str:
    if schema_field.metadata.get("widget"):
        return schema_field.metadata["widget"]
    if isinstance(schema_field, DestinationField):
        return "destination"
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


def audio_url(tenant: Any, audio_id: Any) -> str:
    """Where the page's player reads one of the tenant's audio files."""
    if tenant is None or not isinstance(audio_id, int) or not getattr(tenant, "id", None):
        return ""
    return url_for("media.play", tenant_id=tenant.id, audio_id=audio_id)


def audio_player(tenant: Any, audio_id: Any) -> Any:
    """An audio file as the read view shows it: a player (no query: the id is enough)."""
    url = audio_url(tenant, audio_id)
    if not url:
        return None
    return Markup('<audio controls preload="none" src="{url}">'
                  '<a href="{url}">{label}</a></audio>').format(
        url=url, label=gettext("Listen"))


def audio_help(tenant: Any, schema_field: fields.Field) -> str:
    """The formats, longest recording and largest file the carrier accepts for the field."""
    from backoffice.core.errors import NotOffered
    from backoffice.core.media.inspection import FORMAT_NAMES, duration_words
    from backoffice.core.media.service import UnknownUse, audio_limits

    if tenant is None or not getattr(tenant, "id", None):
        return ""
    try:
        limits = audio_limits(tenant, schema_field.metadata["use"])
    except (NotOffered, UnknownUse):
        return ""
    parts = [", ".join(FORMAT_NAMES[name] for name in limits.formats)]
    if limits.max_seconds:
        parts.append(gettext("at most %(duration)s", duration=duration_words(limits.max_seconds)))
    if limits.max_bytes:
        parts.append(gettext("at most %(size)s MB", size=round(limits.max_bytes / 1e6, 1)))
    return " · ".join(parts)


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


def _national(value: Any, country: str) -> Any:
    if country and isinstance(value, str) and value.startswith("+") and value[1:].isdigit():
        return for_display(value, country)
    return value


def _display(value: Any, kind: str, country: str = "") -> Any:
    """A value as the form shows it: a list one item per line, nothing for no value,
    numbers in the national format the pages show (they load back to the same number)."""
    if value is None or value is missing:
        return ""
    if kind == "textarea" and isinstance(value, list | tuple):
        return "\n".join(str(_national(item, country)) for item in value)
    return _national(value, country)


def _parses_national(schema_field: fields.Field) -> bool:
    """Whether the field reads numbers written the national way (so the form shows them so);
    a field whose carrier asks for the international format keeps it."""
    inner = schema_field.inner if isinstance(schema_field, fields.List) else schema_field
    return isinstance(inner, PhoneNumber) and not inner.metadata.get("typed_digits")


def _country(tenant: Any) -> str:
    if tenant is None or not getattr(tenant, "carrier_id", None):
        return ""
    from backoffice.core.carriers import carrier_country

    try:
        return carrier_country(tenant)
    except (KeyError, AttributeError):
        return ""


def build_form(schema: Schema, values: dict[str, Any] | None = None,
               errors: dict[str, list[str]] | None = None, tenant: Any = None,
               readonly: Collection[str] = ()) -> list[FormField]:
    """The fields of ``schema`` that an agent fills, with current values and errors;
    those of ``readonly`` are shown but cannot be edited."""
    values, errors = values or {}, errors or {}
    country = _country(tenant)
    form = []
    for name, schema_field in schema.fields.items():
        if schema_field.dump_only:
            continue
        kind = _kind(schema_field)
        group = schema_field.metadata.get("group")
        group = gettext(group) if group else ""
        if kind == "destination":
            chosen, detail = split_destination(values.get(name), country)
            form.append(FormField(
                name=name, label=label_of(name, schema_field), kind=kind, value=chosen,
                detail=detail, choices=destination_choices(schema_field),
                required=schema_field.required,
                errors=errors.get(name, []) + errors.get(f"{name}__value", []),
                help=_help(schema_field), group=group))
            continue
        value = values.get(name, schema_field.load_default
                           if not callable(schema_field.load_default) else None)
        if kind == "keys":
            form.append(keys_field(name, schema_field, value, values, errors, tenant))
            continue
        if kind == "audio":
            form.append(FormField(
                name=name, label=label_of(name, schema_field), kind=kind,
                value=value if isinstance(value, int) else None,
                detail=audio_url(tenant, value), errors=errors.get(name, []),
                help=_help(schema_field) or audio_help(tenant, schema_field), group=group))
            continue
        if isinstance(value, list | tuple) and kind not in ("checkbox", "checkboxes"):
            kind = "textarea"  # a field of its own kind that holds a list (numbers...)
        choices = _choices(schema_field, tenant)
        if choices and kind not in ("checkbox", "textarea", "checkboxes"):
            kind = "select"
        if kind == "select" and value not in (None, "") and str(value) not in dict(choices):
            # a value the list no longer offers stays chosen: saved unchanged, nothing changes
            choices = [*choices, (str(value), str(_national(value, country)))]
        if kind == "checkboxes":  # several choices ticked: the values chosen, as text
            value = [str(item) for item in value or ()]
        length = next((v for v in _validators(schema_field) if isinstance(v, validate.Length)),
                      None)
        bounds = next((v for v in _validators(schema_field) if isinstance(v, validate.Range)),
                      None)
        # a select keeps its options' own values; a typed number shows the national format
        shown_in = country if _parses_national(schema_field) and kind != "select" else ""
        form.append(FormField(
            name=name, label=label_of(name, schema_field), kind=kind,
            value=_display(value, kind, shown_in),
            choices=choices, required=schema_field.required, errors=errors.get(name, []),
            help=gettext("Given when it was created: it cannot be changed.")
            if name in readonly else _help(schema_field),
            maxlength=length.max if length else None,
            minimum=bounds.min if bounds else None, maximum=bounds.max if bounds else None,
            readonly=name in readonly, group=group,
        ))
    for form_field in form:
        if not form_field.readonly:
            form_field.autofocus = True
            break
    return form


def grouped(form: list[FormField]) -> list[tuple[str, list[FormField]]]:
    """Consecutive fields of the same group together: one fieldset per group."""
    groups: list[tuple[str, list[FormField]]] = []
    for form_field in form:
        if groups and groups[-1][0] == form_field.group:
            groups[-1][1].append(form_field)
        else:
            groups.append((form_field.group, [form_field]))
    return groups


def payload_from_form(schema: Schema, form: MultiDict) -> dict[str, Any]:
    """Read a posted form as the payload the schema (and the API) expects."""
    payload: dict[str, Any] = {}
    for name, schema_field in schema.fields.items():
        if schema_field.dump_only:
            continue
        kind = _kind(schema_field)
        if kind == "checkbox":
            payload[name] = name in form
        elif kind == "destination" and f"{name}__value" in form:
            chosen = form.get(name, "").strip()
            detail = form.get(f"{name}__value", "").strip()
            if not chosen:
                payload[name] = None
            elif chosen == "voicemail":
                payload[name] = {"kind": "voicemail", "value": ""}
            else:
                payload[name] = {"kind": chosen, "value": detail}
        elif kind == "audio":
            kept = form.get(name, "").strip()
            payload[name] = int(kept) if kept.isdigit() and f"{name}__remove" not in form \
                else None  # a new file, posted beside, replaces it (attach_uploads)
        elif kind == "keys":
            payload[name] = read_keys_form(form, name)
            if f"{name}__capacity" in form:  # the layout's size, for the form shown again
                payload["capacity"] = form[f"{name}__capacity"]
        elif isinstance(schema_field, fields.List):
            raw = form.getlist(name)
            items = raw if len(raw) > 1 else (raw[0].splitlines() if raw else [])
            payload[name] = [item.strip() for item in items if item.strip()]
        elif name in form and kind == "number" and not form[name].strip() \
                and schema_field.allow_none:
            payload[name] = None  # a cleared number is no number, never a default
        elif name in form:
            payload[name] = form[name]
    if "version" in form:
        payload["version"] = form["version"]
    return payload


def keys_field(name: str, schema_field: fields.Field, value: Any, values: dict[str, Any],
               errors: dict[str, list[str]], tenant: Any) -> FormField:
    """A key layout: one row per key of the model, with its kind, line, number and label;
    the errors of its keys go to their rows."""
    labels = schema_field.metadata.get("choice_labels", {})
    kinds = [(kind, gettext(labels.get(kind, kind)))
             for kind in schema_field.metadata.get("kinds", ())]
    keys = [dict(key) for key in value or ()] if isinstance(value, list | tuple) else []
    try:
        room = int(values.get("capacity") or 0)
    except (TypeError, ValueError):
        room = 0
    rows: dict[int, list[str]] = {}
    for field_name, messages in errors.items():
        match = re.fullmatch(rf"{name}\.(\d+)\..*", field_name)
        if match:
            rows.setdefault(int(match.group(1)), []).extend(messages)
    return FormField(
        name=name, label=label_of(name, schema_field), kind="keys", value=keys,
        choices=_choices(schema_field, tenant), errors=errors.get(name, []),
        help=_help(schema_field),
        detail={"capacity": max(room, len(keys)), "kinds": kinds, "row_errors": rows,
                "categories": schema_field.metadata.get("categories", {})})


def read_keys_form(form: MultiDict, name: str) -> list[dict[str, Any]]:
    """A posted key layout as the API's list of keys: the filled rows, by their position
    (the order the agent gave them), an empty row leaving no gap; "reset all" clears it."""
    if f"{name}__reset" in form:
        return []
    rows = []
    for key in form:
        match = re.fullmatch(rf"{name}-(\d+)-kind", key)
        if not match or not form[key].strip():
            continue
        index = int(match.group(1))
        order = form.get(f"{name}-{index}-order", "").strip()
        row = {"kind": form[key].strip()}
        for part in ("line_id", "number", "label"):
            text = form.get(f"{name}-{index}-{part}", "").strip()
            row[part] = text or None
        rows.append((int(order) if order.isdigit() else index + 1, index, row))
    return [row for _, _, row in sorted(rows, key=lambda found: found[:2])]


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
        if _kind(schema_field) == "keys":
            shown[name] = keys_picture(schema_field, value, values)
            continue
        # An empty value has no label to look up: its choices (a query, for some) can wait.
        labels = dict(_choices(schema_field, tenant)) if value not in (None, "", [], ()) \
            else {}
        shown[name] = _readable(schema_field, value, labels, country,
                                getattr(tenant, "timezone", None) or "UTC", tenant)
    return shown


def keys_picture(schema_field: fields.Field, keys: Any, values: dict[str, Any]) -> Any:
    """A phone's key layout as a picture: a grid of the model's keys, each with its kind
    and what it shows."""
    from flask import render_template

    labels = schema_field.metadata.get("choice_labels", {})
    return Markup(render_template(
        "devices/_layout.html", keys=list(keys or ()), capacity=values.get("capacity") or 0,
        model=values.get("model"), kind_labels={k: gettext(v) for k, v in labels.items()}))


def _readable(schema_field: fields.Field, value: Any, labels: dict[str, str],
              country: str, timezone: str = "UTC", tenant: Any = None) -> Any:
    if _kind(schema_field) == "audio":
        return audio_player(tenant, value)
    if isinstance(value, list | tuple):
        return [_readable(schema_field, item, labels, country, timezone, tenant) for item in value]
    if value is not None and str(value) in labels:
        return labels[str(value)]
    display = getattr(schema_field, "display_text", None)
    if callable(display) and isinstance(value, str):
        value = display(value)
    elif isinstance(value, str) and isinstance(schema_field, fields.Date | fields.DateTime):
        from backoffice.web.wording import moment_words

        return moment_words(value, timezone)
    if isinstance(value, str) and value.startswith("+") and value[1:].isdigit():
        return for_display(value, country)
    return value
