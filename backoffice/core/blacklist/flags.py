"""Per-line on/off settings (``reject_anonymous``...), defaulting to the carrier's offer."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema
from sqlalchemy import select

from backoffice.core.blacklist.models import LineFlag
from backoffice.core.blacklist.offer import feature_offer
from backoffice.core.changes import Change, apply_change
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db


def read_flag(tenant: Tenant, line: Line, feature: str, name: str) -> bool:
    """The flag's value on the line, or the offer's ``default`` limit when never set."""
    offer = feature_offer(tenant, line, feature)
    enabled = db.session.scalar(select(LineFlag.enabled).where(
        LineFlag.line_id == line.id, LineFlag.name == name))
    return bool(offer.limits.get("default", False)) if enabled is None else enabled


def write_flag(tenant: Tenant, line: Line, feature: str, name: str, schema: Schema,
               data: dict[str, Any]) -> LineFlag:
    """Set the flag from a form or API payload; an absent field (unticked box) is off."""
    feature_offer(tenant, line, feature)
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
