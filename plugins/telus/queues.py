"""TELUS call queues, "Files d'attente" (guide 002, Système téléphonique > Groupes).

A queue is a line of the plan "queue", created with its extension ("Numéro de poste"), its
name ("Nom du poste") and its manager's e-mail ("Courriel gestionnaire"), then its members
(users). It takes up to 25 calls; its calls go to the members "En rotation – en ordre
croissant des numéros de poste", "Simultanément – à tous les postes du service" or "Selon
l'ordre établi". It has a greeting (default), hold music, a message recipient among its
members and notifications by e-mail of voice messages and missed calls. The limits are data
(``carrier.py``); this module holds the queue's own fields, its rule and its call stage.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    Violation,
    db,
    distribution_steps,
    hunt_group_block,
    hunt_group_members_block,
    members_of,
)

GUIDE = "002_6093346da80557bc.txt"
SECTION = f"{GUIDE} Files d'attente"
SECTIONS = {"members": SECTION, "distribution": f"{GUIDE} Traitement des appels",
            "waiting": SECTION, "overflow": f"{GUIDE} Messages et avis"}
QUEUE_PLAN = "queue"
DISTRIBUTION_LABELS = {
    "cyclic": N_("In rotation, in ascending order of extension numbers"),
    "parallel": N_("Simultaneously, to every extension of the queue"),
    "linear": N_("In the set order"),
}


def _recipient_choices(tenant: Any) -> list[tuple[int, str]]:
    if tenant is None or not hasattr(tenant, "id"):
        return []
    users = db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.plan == "user").order_by(Line.extension))
    return [(line.id, f"{line.extension} {line.display_name}".strip()) for line in users]


def queue_fields(tenant: Any) -> dict[str, fields.Field]:
    """The queue's own settings, beside distribution and waiting."""
    return {
        "greeting": fields.Boolean(load_default=False, metadata={
            "label": N_("Queue greeting (default greeting)")}),
        "hold_music": fields.Boolean(load_default=True, metadata={"label": N_("Hold music")}),
        "message_recipient": fields.Integer(load_default=None, allow_none=True, metadata={
            "label": N_("Message recipient"), "choices": _recipient_choices}),
        "notify_email": fields.String(load_default=None, allow_none=True, validate=[
            validate.Email(error=_l("Enter a valid e-mail address.")),
            validate.Length(max=254)], metadata={"label": N_("Notification e-mail")}),
        "notify_voicemail": fields.Boolean(load_default=False, metadata={
            "label": N_("Notify of voice messages")}),
        "notify_missed": fields.Boolean(load_default=False, metadata={
            "label": N_("Notify of missed calls")}),
    }


BLOCKS = (
    hunt_group_block(guide_section=f"{GUIDE} Traitement des appels, Messages et avis",
                     title=N_("Call queue"), block_id="queue", feature="hunt_groups",
                     distribution_labels=DISTRIBUTION_LABELS, extra=queue_fields),
    hunt_group_members_block(guide_section=SECTION, title=N_("Queue members"),
                             block_id="queue-members"),
)


def validate_queue(*, tenant: Tenant, line: Line | None,
                   data: dict[str, Any]) -> list[Violation]:
    """The message recipient is a member; notifications need an address."""
    found: list[Violation] = []
    recipient = data.get("message_recipient")
    if recipient is not None and line is not None and recipient not in {
            member.line_id for member in members_of(line)}:
        found.append(Violation(code="hunt_group.message_recipient.not_member",
                               field="message_recipient",
                               message=N_("The message recipient is one of the queue's "
                                          "members.")))
    if (data.get("notify_voicemail") or data.get("notify_missed")) \
            and not data.get("notify_email"):
        found.append(Violation(code="hunt_group.notify_email.required", field="notify_email",
                               message=N_("Give the e-mail address notifications go to.")))
    return found


def queue_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A call to the queue: its members in the queue's order, up to 25 waiting calls."""
    if line.plan != QUEUE_PLAN:
        return []
    return distribution_steps(call, tenant, line, country="CA", sections=SECTIONS,
                              code_prefix="telus.queue")
