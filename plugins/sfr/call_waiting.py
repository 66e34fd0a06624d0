"""SFR call waiting, "Signal d'appel" (guide 004 §6.7): a per-line switch, off by default.

When it is on, a call to a busy line is signalled to the user instead of being forwarded
on busy (§6.14 "Interaction avec le signal d'appel").
"""

from __future__ import annotations

from typing import Any

from marshmallow import fields
from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.plugin import (
    N_,
    Change,
    Line,
    SettingsBlock,
    SettingsSchema,
    Tenant,
    TenantOwned,
    Versioned,
    apply_change,
    db,
    offer_of,
)

GUIDE_SECTION = "004_1c65287363dc7b18.txt §6.7"


class SfrCallWaiting(TenantOwned, Versioned, db.Model):
    """Whether call waiting is on for a line."""

    __tablename__ = "sfr_call_waiting"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    enabled: Mapped[bool] = mapped_column(default=False)


class SfrCallWaitingSchema(SettingsSchema):
    enabled = fields.Boolean(load_default=False, metadata={"label": N_("Call waiting")})
    version = fields.Integer(dump_only=True)


def _setting(line: Line) -> SfrCallWaiting | None:
    return db.session.scalar(select(SfrCallWaiting).where(SfrCallWaiting.line_id == line.id))


def _enabled(tenant: Tenant, setting: SfrCallWaiting | None) -> bool:
    if setting is None:
        return offer_of(tenant, "call_waiting").limits.default
    return setting.enabled


def call_waiting_on(tenant: Tenant, line: Line) -> bool:
    """Whether call waiting is on for ``line``: the declared ``default`` until set."""
    return _enabled(tenant, _setting(line))


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    assert line is not None
    setting = _setting(line)  # one query: call_waiting_on would look the setting up again
    return {"enabled": _enabled(tenant, setting),
            "version": setting.version if setting else None}


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> SfrCallWaiting:
    """Turn call waiting on or off for the line."""
    assert line is not None
    offer_of(tenant, "call_waiting", line)
    existing = _setting(line)

    def persist(clean: dict[str, Any]) -> SfrCallWaiting:
        setting = existing or SfrCallWaiting(tenant_id=tenant.id, line_id=line.id)
        setting.enabled = clean["enabled"]
        db.session.add(setting)
        return setting

    return apply_change(Change(
        tenant=tenant, object_type="call_waiting", action="update" if existing else "create",
        data=raw, schema=SfrCallWaitingSchema(), persist=persist, target=existing,
        feature="call_waiting", line=line))


BLOCK = SettingsBlock(id="call-waiting", feature="call_waiting", title=N_("Call waiting"),
                      schema=lambda tenant: SfrCallWaitingSchema(), read=read, write=write,
                      guide_section=GUIDE_SECTION)
