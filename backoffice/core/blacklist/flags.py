"""Per-line on/off settings (``reject_anonymous``...), defaulting to the carrier's offer."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema
from sqlalchemy import select

from backoffice.core.blacklist.models import LineFlag
from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db


def read_flag(tenant: Tenant, line: Line, feature: str, name: str) -> bool:
    """The flag's value on the line, or the offer's ``default`` limit when never set."""
    offer = offer_of(tenant, feature, line, scope="line")
    enabled = db.session.scalar(select(LineFlag.enabled).where(
        LineFlag.line_id == line.id, LineFlag.name == name))
    return offer.limits.default if enabled is None else enabled


def flag_version(line: Line, name: str) -> int | None:
    """The version of the flag's row; ``None`` when it was never set."""
    return db.session.scalar(select(LineFlag.version).where(
        LineFlag.line_id == line.id, LineFlag.name == name))


def write_flag(tenant: Tenant, line: Line, feature: str, name: str, schema: Schema,
               data: dict[str, Any]) -> LineFlag:
    """Set the flag from a form or API payload; an absent field (unticked box) is off."""
    offer_of(tenant, feature, line, scope="line")
    flag = db.session.scalar(select(LineFlag).where(
        LineFlag.line_id == line.id, LineFlag.name == name))

    def persist(clean: dict[str, Any]) -> LineFlag:
        target = flag or LineFlag(tenant_id=tenant.id, line_id=line.id, name=name)
        target.enabled = clean[name]
        db.session.add(target)
        return target

    return apply_change(Change(
        tenant=tenant, object_type=feature, action="update" if flag else "create",
        data={name: False, **data}, schema=schema, persist=persist, target=flag,
        feature=feature, line=line))
