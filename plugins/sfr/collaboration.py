"""SFR collaboration options (guide 004 §3.6): Webex for "Forfait Fixe" lines only.

"l'accès aux options Webex n'est possible que pour les utilisateurs de Forfait Fixe":
Softphonie is included; "Collaboration" gives "une salle de conférence personnelle de 25
participants maximum", "Collaboration premium" one "de 1000 participants". §3.2.1: "la
collaboration est incompatible avec le forfait numéro fixe": the feature is offered on
"fixe" lines only, so a "fixe_mobile" line has no such block and the API answers it is
not offered. §3.6.2: an option is added, changed or removed from the line's details; it
takes one of the customer's subscribed options (``offer``), while one is available.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from marshmallow import fields, validate
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.plugin import (
    N_,
    Change,
    LimitError,
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
    said,
)
from plugins.sfr.offer import OPTION_WORDS, available

GUIDE_SECTION = "004_1c65287363dc7b18.txt §3.6"
FEATURE = "collaboration"
NONE = "softphone"
"""No subscribed option: the included "Softphonie"."""


@dataclass(frozen=True)
class CollaborationLimits:
    """The collaboration options and their personal meeting rooms (§3.6.1)."""

    participants: Mapping[str, int] = said(
        N_("Option “%(key)s”: a personal meeting room of %(value)s participants at most."),
        key_words=OPTION_WORDS)
    """Option -> the most participants of its personal meeting room."""

    def check(self, plans: tuple[str, ...]) -> None:
        unknown = sorted(set(self.participants) - set(OPTION_WORDS))
        if unknown:
            raise LimitError("participants", f"{', '.join(unknown)} not among "
                                             f"{sorted(OPTION_WORDS)}")
        if any(value < 1 for value in self.participants.values()):
            raise LimitError("participants", "a room holds at least 1 participant")


class SfrCollaboration(TenantOwned, Versioned, db.Model):
    """The collaboration option of a line (None: Softphonie only)."""

    __tablename__ = "sfr_collaboration"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    option: Mapped[str | None] = mapped_column(String(40))


class SfrCollaborationSchema(SettingsSchema):
    option = fields.String(
        load_default=NONE, validate=validate.OneOf((NONE, *OPTION_WORDS)),
        metadata={"label": N_("Collaboration option"), "choice_labels": {
            NONE: N_("Softphone only (included)"), **OPTION_WORDS}})
    participants = fields.Integer(dump_only=True, allow_none=True, metadata={
        "label": N_("Personal meeting room (participants at most)")})
    version = fields.Integer(dump_only=True)


def _setting(line: Line) -> SfrCollaboration | None:
    return db.session.scalar(select(SfrCollaboration).where(SfrCollaboration.line_id == line.id))


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    assert line is not None
    setting = _setting(line)
    option = setting.option if setting and setting.option else NONE
    limits = offer_of(tenant, FEATURE).limits
    return {"option": option, "participants": limits.participants.get(option),
            "version": setting.version if setting else None}


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> SfrCollaboration:
    """Add, change or remove the line's collaboration option (§3.6.2)."""
    assert line is not None
    offer_of(tenant, FEATURE, line)
    existing = _setting(line)

    def persist(clean: dict[str, Any]) -> SfrCollaboration:
        setting = existing or SfrCollaboration(tenant_id=tenant.id, line_id=line.id)
        setting.option = None if clean["option"] == NONE else clean["option"]
        db.session.add(setting)
        return setting

    return apply_change(Change(
        tenant=tenant, object_type=FEATURE, action="update" if existing else "create",
        data=raw, schema=SfrCollaborationSchema(), persist=persist, target=existing,
        feature=FEATURE, line=line))


def validate_collaboration(*, tenant: Tenant, line: Line | None,
                           data: dict[str, Any]) -> list[Violation]:
    """A newly chosen option needs one of the customer's subscribed options available."""
    option = data.get("option")
    if option in (None, NONE) or line is None:
        return []
    setting = _setting(line)
    if setting is not None and setting.option == option:
        return []
    found = available(tenant, option)
    if found is None or found[1] > 0:
        return []
    return [Violation(
        code="collaboration.option.none_available", field="option", limit=found[0],
        params={"count": found[0]},
        message=N_("No option of this kind is available: the %(count)s subscribed are all "
                   "attributed. Order more options first."))]


BLOCK = SettingsBlock(id="collaboration", feature=FEATURE, title=N_("Collaboration"),
                      schema=lambda tenant: SfrCollaborationSchema(), read=read, write=write,
                      guide_section=GUIDE_SECTION)
