"""Reading and saving a feature's calling options, and the generic blocks built on them.

``read_options`` answers the saved values over the defaults (a line that never saved a
feature reads its defaults: no row is written when a line is created). ``option_change``
is the one change of one feature of one line; ``save_options`` runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from marshmallow import Schema, fields
from sqlalchemy import select

from backoffice.core.blocks import SettingsBlock
from backoffice.core.calling.models import CallingOption
from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change
from backoffice.core.errors import Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

Check = Callable[[dict[str, Any]], list[Violation]]
SchemaFactory = Callable[[Tenant], Schema]


def option_row(tenant: Tenant, line: Line | None, feature: str) -> CallingOption | None:
    """The saved row of ``feature`` for the line (or the tenant), if any."""
    return db.session.scalar(select(CallingOption).where(
        CallingOption.tenant_id == tenant.id, CallingOption.feature == feature,
        CallingOption.line_id == line.id if line is not None
        else CallingOption.line_id.is_(None)))


def rows_of(tenant: Tenant, features: Sequence[str]) -> dict[tuple[int | None, str], CallingOption]:
    """Every saved row of ``features`` of the tenant, by (line id, feature): one query."""
    rows = db.session.scalars(select(CallingOption).where(
        CallingOption.tenant_id == tenant.id, CallingOption.feature.in_(features)))
    return {(row.line_id, row.feature): row for row in rows}


def read_options(row: CallingOption | None, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The saved values over ``defaults``, with the row's ``version`` (``None``: never set)."""
    values = dict(defaults)
    if row is not None:
        values.update({key: value for key, value in row.values.items() if key in defaults})
    values["version"] = row.version if row is not None else None
    return values


def schema_defaults(schema: Schema) -> dict[str, Any]:
    """The values a schema loads when nothing is given: what a line reads until it saves."""
    return {name: (field.load_default() if callable(field.load_default) else field.load_default)
            for name, field in schema.fields.items()
            if not field.dump_only and field.load_default is not fields.missing_}


def _stored(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_stored(item) for item in value]
    return value


def stored_values(clean: dict[str, Any]) -> dict[str, Any]:
    """Clean values as a row keeps them (JSON)."""
    return {key: _stored(value) for key, value in clean.items()}


def option_change(tenant: Tenant, line: Line | None, feature: str, raw: dict[str, Any],
                  schema: Schema, checks: Sequence[Check] = (),
                  row: CallingOption | None = None, found: bool = False) -> Change:
    """The change that saves ``raw`` as ``feature``'s values for the line (or tenant).

    ``row``/``found``: the row already looked up (a grid looks every row up at once).
    """
    existing = row if found else option_row(tenant, line, feature)

    def persist(clean: dict[str, Any]) -> CallingOption:
        target = existing or CallingOption(tenant_id=tenant.id,
                                           line_id=line.id if line is not None else None,
                                           feature=feature)
        target.values = stored_values(clean)
        db.session.add(target)
        return target

    return Change(tenant=tenant, object_type=feature,
                  action="update" if existing else "create", data=raw, schema=schema,
                  persist=persist, target=existing, feature=feature, line=line,
                  checks=list(checks))


def save_options(tenant: Tenant, line: Line | None, feature: str, raw: dict[str, Any],
                 schema: Schema, checks: Sequence[Check] = ()) -> CallingOption:
    """Validate and save a feature's values: one change, audited and provisioned."""
    offer_of(tenant, feature, line)
    return apply_change(option_change(tenant, line, feature, raw, schema, checks))


def no_checks(tenant: Tenant, line: Line | None) -> Sequence[Check]:
    return ()


@dataclass(frozen=True, kw_only=True)
class OptionsBlock(SettingsBlock):
    """A settings block saved as calling options: its values are its schema's (with the
    schema's ``load_default``s until saved), checked by ``checks(tenant, line)``. A
    quick-edit grid saves many lines' values of such blocks in one change."""

    checks: Callable[[Tenant, Line | None], Sequence[Check]] = no_checks
    tenant_wide: bool = False  # one set of values for the tenant, whatever the line


def options_block(*, id: str, feature: str, title: str, schema: SchemaFactory,
                  guide_section: str = "",
                  checks: Callable[[Tenant, Line | None], Sequence[Check]] = no_checks,
                  tenant_wide: bool | Callable[[Tenant], bool] = False) -> OptionsBlock:
    """A block of a carrier's own small settings (busy behaviour, language, recording...)
    or of a common calling option: read and written as ``calling_option`` rows."""

    def owner(tenant: Tenant, line: Line | None) -> Line | None:
        wide = tenant_wide(tenant) if callable(tenant_wide) else tenant_wide
        return None if wide else line

    def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
        return read_options(option_row(tenant, owner(tenant, line), feature),
                            schema_defaults(schema(tenant)))

    def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> CallingOption:
        return save_options(tenant, owner(tenant, line), feature, raw, schema(tenant),
                            checks(tenant, line))

    return OptionsBlock(id=id, feature=feature, title=title, schema=schema, read=read,
                        write=write, guide_section=guide_section, checks=checks,
                        tenant_wide=bool(tenant_wide) and not callable(tenant_wide))


_SWITCH_SCHEMAS: dict[tuple[str, str, str], type[SettingsSchema]] = {}


def switch_schema(tenant: Tenant, feature: str, label: str) -> SettingsSchema:
    """The schema of a per-line on/off feature: one ``enabled`` box, at the offer's
    ``default`` (``SwitchLimits``) until set."""
    key = (tenant.carrier_id, feature, label)
    if key not in _SWITCH_SCHEMAS:
        default = offer_of(tenant, feature).limits.default
        name = "".join(part.capitalize() for part in (tenant.carrier_id, *feature.split("_")))
        _SWITCH_SCHEMAS[key] = type(f"{name}SwitchSchema", (SettingsSchema,), {
            "enabled": fields.Boolean(load_default=default, metadata={"label": label}),
            "version": fields.Integer(dump_only=True)})
    return _SWITCH_SCHEMAS[key]()


def switch_block(*, id: str, feature: str, title: str, label: str,
                 guide_section: str = "") -> OptionsBlock:
    """A per-line switch (do not disturb, callback on busy...) whose limits are a
    ``SwitchLimits``. A form leaves an unticked box out: it is read as off."""
    inner = options_block(id=id, feature=feature, title=title, guide_section=guide_section,
                          schema=lambda tenant: switch_schema(tenant, feature, label))

    def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> CallingOption:
        return inner.write(tenant, line, {"enabled": False, **raw})

    return replace(inner, write=write)


def switch_on(tenant: Tenant, line: Line | None, feature: str) -> bool:
    """Whether the switch is on: its saved value, or the offer's ``default`` until set."""
    row = option_row(tenant, line, feature)
    if row is None:
        return offer_of(tenant, feature, line).limits.default
    return bool(row.values.get("enabled"))
