"""SFR's offer: plans and options subscribed, attributed and available (guide 004 §2.2.1
"Gérer votre offre": "Le nombre total de forfaits souscrits", "Le détail du nombre de lignes
activées par type de forfait", "182 forfaits dont 93 disponibles", "11 attribué | 17
disponibles"; §3.6 for the options).

Readings kept:
- "attribué" is the number of lines of the plan (of collaboration options set on lines);
  "disponible" is subscribed minus attributed, as the guide's example adds up (182 - 89
  = 93; 31 + 16 = 47 Collaboration);
- the subscribed numbers are what the customer ordered ("Faire évoluer votre offre"):
  the agent records them; a line (an option) is activated only while one is available;
  a customer with nothing recorded is not limited;
- "Ligne mobile avec option PABX" is not a plan of the offer's table (§2.2.1 lists five
  plans): mobile lines are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import ForeignKey, func, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.plugin import (
    N_,
    AccountSection,
    Change,
    Line,
    SettingsBlock,
    SettingsSchema,
    Tenant,
    TenantOwned,
    Versioned,
    Violation,
    apply_change,
    db,
    offer_of,
    register_codes,
    said,
)

GUIDE_SECTION = "004_1c65287363dc7b18.txt §2.2.1, §3.6"
FEATURE = "plan_inventory"
OPTION_WORDS = {"collaboration": N_("Collaboration"),
                "collaboration_premium": N_("Collaboration Premium")}
ITEM_WORDS = {"fixe": N_("Fixed line plan"), "analogique": N_("Analogue line plan"),
              "groupement": N_("Hunt group"),
              "fixe_mobile": N_("Fixed number for mobile line"),
              "avi": N_("Interactive voice response"), **OPTION_WORDS}
"""Each counted item, as the offer's table names it (§2.2.1)."""

register_codes({
    "plan_inventory.<field>.below_attributed": N_("Fewer subscribed than already attributed "
                                                  "(`limit`)."),
    "line.plan.none_available": N_("No plan of this kind is available: all those subscribed "
                                   "(`limit`) are attributed."),
    "collaboration.option.none_available": N_("No option of this kind is available: all "
                                              "those subscribed (`limit`) are attributed."),
})


@dataclass(frozen=True)
class PlanInventoryLimits:
    """What the offer's table counts (§2.2.1)."""

    plans: tuple[str, ...] = said(
        N_("Plans counted, subscribed and available: %(value)s. A line is activated only "
           "while one of its plan is available."), value_words="plan")
    """The plans counted; a new line of one needs one available."""
    options: tuple[str, ...] = said(
        N_("Options counted, subscribed and available: %(value)s. An option is set on a line "
           "only while one is available."), value_words=OPTION_WORDS, default=())
    """The options counted (those of ``collaboration``); setting one needs one available."""

    def check(self, plans: tuple[str, ...]) -> None:
        from backoffice.plugin import LimitError

        unknown = sorted(set(self.plans) - set(plans))
        if unknown:
            raise LimitError("plans", f"{', '.join(unknown)} not among {sorted(plans)}")
        unknown = sorted(set(self.options) - set(OPTION_WORDS))
        if unknown:
            raise LimitError("options", f"{', '.join(unknown)} not among {sorted(OPTION_WORDS)}")


class SfrOffer(TenantOwned, Versioned, db.Model):
    """How many of each plan and option the customer subscribed (None: not recorded)."""

    __tablename__ = "sfr_offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), unique=True)
    fixe: Mapped[int | None]
    fixe_mobile: Mapped[int | None]
    analogique: Mapped[int | None]
    groupement: Mapped[int | None]
    avi: Mapped[int | None]
    collaboration: Mapped[int | None]
    collaboration_premium: Mapped[int | None]


ITEMS = tuple(ITEM_WORDS)


def _subscribed_field(item: str) -> fields.Integer:
    return fields.Integer(
        load_default=None, allow_none=True,
        validate=validate.Range(min=0, max=100_000, error=_l("From {min} to {max}.")),
        metadata={"label": N_("Subscribed"), "group": ITEM_WORDS[item],
                  "help": N_("Empty: not recorded, the activations are not limited."),
                  "description": f"How many `{item}` the customer subscribed, as the agent "
                                 "records it (null: not recorded, activations not limited)."})


COUNTED_LABELS = {"attributed": N_("Attributed"), "available": N_("Available")}
COUNTED = {
    "attributed": "How many `{item}` are attributed: lines of the plan, or lines with the "
                  "option (counted, read-only).",
    "available": "Subscribed minus attributed, never below 0: a new `{item}` is activated "
                 "only while this is above 0 (null: nothing recorded).",
}


def _counted_field(item: str, kind: str) -> fields.Integer:
    return fields.Integer(dump_only=True, allow_none=True, metadata={
        "label": COUNTED_LABELS[kind], "group": ITEM_WORDS[item],
        "description": COUNTED[kind].format(item=item)})


def _schema_fields() -> dict[str, fields.Field]:
    """The totals first (the offer's headline), then per item: subscribed, attributed,
    available, grouped under the item's name (one section per plan or option)."""
    offer = N_("Your offer")
    made: dict[str, fields.Field] = {
        "total_plans": fields.Integer(dump_only=True, metadata={
            "label": N_("Plans subscribed"), "group": offer,
            "description": "The plans subscribed, all counted plans together (\"182 "
                           "forfaits\")."}),
        "total_plans_available": fields.Integer(dump_only=True, allow_none=True, metadata={
            "label": N_("of which available"), "group": offer,
            "description": "Of which available (\"dont 93 disponibles\"); null while a "
                           "plan's subscription is not recorded."}),
        "total_options": fields.Integer(dump_only=True, metadata={
            "label": N_("Options subscribed"), "group": offer,
            "description": "The options subscribed, all counted options together."}),
        "total_options_available": fields.Integer(dump_only=True, allow_none=True, metadata={
            "label": N_("of which options available"), "group": offer,
            "description": "Of which available; null while an option's subscription is not "
                           "recorded."}),
    }
    for item in ITEMS:
        made[item] = _subscribed_field(item)
        made[f"{item}_attributed"] = _counted_field(item, "attributed")
        made[f"{item}_available"] = _counted_field(item, "available")
    made["version"] = fields.Integer(dump_only=True)
    return made


SfrOfferSchema = type("SfrOfferSchema", (SettingsSchema,), {
    "__doc__": "Subscribed (written by the agent), attributed and available (counted).",
    **_schema_fields()})


def _row(tenant: Tenant) -> SfrOffer | None:
    return db.session.scalar(select(SfrOffer).where(SfrOffer.tenant_id == tenant.id))


def attributed(tenant: Tenant) -> dict[str, int]:
    """Item -> how many are attributed: lines per plan, options per kind (two queries)."""
    from plugins.sfr.collaboration import SfrCollaboration

    counts = dict(db.session.execute(select(Line.plan, func.count(Line.id)).where(
        Line.tenant_id == tenant.id).group_by(Line.plan)).all())
    counts.update(db.session.execute(
        select(SfrCollaboration.option, func.count(SfrCollaboration.id)).where(
            SfrCollaboration.tenant_id == tenant.id, SfrCollaboration.option.is_not(None))
        .group_by(SfrCollaboration.option)).all())
    return counts


def inventory(tenant: Tenant) -> dict[str, Any]:
    """The offer's table: per item subscribed, attributed and available; the totals."""
    limits = offer_of(tenant, FEATURE).limits
    row = _row(tenant)
    used = attributed(tenant)
    data: dict[str, Any] = {"version": row.version if row else None}
    totals = {"plans": [0, 0, True], "options": [0, 0, True]}
    for kind, items in (("plans", limits.plans), ("options", limits.options)):
        for item in items:
            subscribed = getattr(row, item) if row else None
            count = used.get(item, 0)
            available = None if subscribed is None else max(subscribed - count, 0)
            data.update({item: subscribed, f"{item}_attributed": count,
                         f"{item}_available": available})
            if subscribed is None:
                totals[kind][2] = False
            else:
                totals[kind][0] += subscribed
                totals[kind][1] += available
    for kind, (subscribed, available, complete) in totals.items():
        data[f"total_{kind}"] = subscribed
        data[f"total_{kind}_available"] = available if complete else None
    return data


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    return inventory(tenant)


def _not_below_attributed(tenant: Tenant):
    def check(data: dict[str, Any]) -> list[Violation]:
        used = attributed(tenant)
        return [Violation(
            code=f"plan_inventory.{item}.below_attributed", field=item, limit=used.get(item, 0),
            params={"value": data[item], "count": used.get(item, 0)},
            message=N_("%(value)s subscribed is fewer than the %(count)s already attributed."))
            for item in ITEMS if data.get(item) is not None and data[item] < used.get(item, 0)]
    return check


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> SfrOffer:
    """Record what the customer subscribed; never fewer than what is attributed."""
    limits = offer_of(tenant, FEATURE).limits
    counted = (*limits.plans, *limits.options)
    existing = _row(tenant)
    raw = {key: value for key, value in raw.items() if key in counted or key == "version"}

    def persist(clean: dict[str, Any]) -> SfrOffer:
        row = existing or SfrOffer(tenant_id=tenant.id)
        for item in counted:
            setattr(row, item, clean.get(item))
        db.session.add(row)
        return row

    return apply_change(Change(
        tenant=tenant, object_type=FEATURE, action="update" if existing else "create",
        data=raw, schema=SfrOfferSchema(only=(*counted, "version")), persist=persist,
        target=existing, feature=FEATURE, checks=[_not_below_attributed(tenant)]))


def available(tenant: Tenant, item: str) -> tuple[int, int] | None:
    """(subscribed, available) of one item, or None when nothing is recorded for it."""
    row = _row(tenant)
    subscribed = getattr(row, item, None) if row else None
    if subscribed is None:
        return None
    return subscribed, max(subscribed - attributed(tenant).get(item, 0), 0)


def plan_violations(tenant: Tenant, line: Line | None, merged: dict[str, Any]) -> list[Violation]:
    """A new line (or a line given another plan) needs one of its plan available."""
    plan = merged.get("plan")
    if plan not in offer_of(tenant, FEATURE).limits.plans or (line is not None
                                                               and line.plan == plan):
        return []
    found = available(tenant, plan)
    if found is None or found[1] > 0:
        return []
    return [Violation(
        code="line.plan.none_available", field="plan", limit=found[0],
        params={"count": found[0]},
        message=N_("No plan of this kind is available: the %(count)s subscribed are all "
                   "attributed. Order more plans first."))]


BLOCK = SettingsBlock(id="offer", feature=FEATURE, title=N_("Your offer"),
                      schema=lambda tenant: SfrOfferSchema(), read=read, write=write,
                      guide_section=GUIDE_SECTION)


def _count_available(tenant: Tenant) -> int:
    return inventory(tenant)["total_plans_available"] or 0


SECTION = AccountSection(
    "offer", N_("Plans available"), _count_available,
    lambda tenant: url_for("tenants.show", tenant_id=tenant.id) + "#offer", order=25)
"""The account's structure shows how many plans are still available (§2.2.1)."""
