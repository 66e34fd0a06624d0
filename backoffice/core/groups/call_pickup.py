"""Call pickup as a per-line switch (``call_pickup``): a line with it on answers, from its
own phone, the calls ringing the customer's other lines. Its default is the carrier's
``SwitchLimits.default``."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from marshmallow import fields
from sqlalchemy import select

from backoffice.core.blacklist import flags
from backoffice.core.blacklist.models import LineFlag
from backoffice.core.blocks import SettingsBlock
from backoffice.core.carriers import offers, registry
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.errors import N_
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

FEATURE = "call_pickup"
FLAG = "call_pickup"


class CallPickupSchema(SettingsSchema):
    call_pickup = fields.Boolean(load_default=False, metadata={"label": N_("Call pickup")})
    version = fields.Integer(dump_only=True)


def read_call_pickup(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    return {FLAG: flags.read_flag(tenant, line, FEATURE, FLAG),
            "version": flags.flag_version(line, FLAG)}


def set_call_pickup(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> LineFlag:
    return flags.write_flag(tenant, line, FEATURE, FLAG, CallPickupSchema(), data)


def call_pickup_block(*, guide_section: str, title: str = N_("Call pickup"),
                      block_id: str = "call-pickup") -> SettingsBlock:
    """The line's call pickup switch."""
    return SettingsBlock(id=block_id, feature=FEATURE, title=title,
                         schema=lambda tenant: CallPickupSchema(), guide_section=guide_section,
                         read=read_call_pickup, write=set_call_pickup)


def call_pickup_steps(call: CallContext, tenant: Tenant, line: Line, *,
                      section: str) -> list[CallStep]:
    """While the line rings, the other lines with call pickup on can answer it."""
    if call.state not in ("idle", "no_answer") or not offers(tenant, FEATURE, line):
        return []
    offer = registry()[tenant.carrier_id].offer(FEATURE)
    plans = offer.plans if offer else ()
    others = list(db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.id != line.id, Line.plan.in_(plans))
        .order_by(Line.extension, Line.number)))
    saved = dict(db.session.execute(select(LineFlag.line_id, LineFlag.enabled).where(
        LineFlag.name == FLAG, LineFlag.line_id.in_([other.id for other in others]))).all())
    able = [other for other in others if saved.get(other.id, offer.limits.default)]
    if not able:
        return []
    names = ", ".join(" ".join(part for part in (other.extension or other.number,
                                                  other.display_name) if part)
                      for other in able)
    return [CallStep("pickup", gettext(
        "While it rings, %(lines)s can answer it from their own phone (call pickup).",
        lines=names), section, target=", ".join(o.extension or o.number or "" for o in able),
        code="call_pickup")]
