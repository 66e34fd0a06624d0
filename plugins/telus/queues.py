"""TELUS call queues, "Files d'attente" (guide 002, Système téléphonique > Groupes).

A queue is a line of the plan "queue", created with its extension ("Numéro de poste"), its
name ("Nom du poste") and its manager's e-mail ("Courriel gestionnaire"), then its members
(users). It takes up to 25 calls; its calls go to the members "En rotation – en ordre
croissant des numéros de poste", "Simultanément – à tous les postes du service" or "Selon
l'ordre établi" (Traitement des appels). Its greeting ("Messages d'accueil de la file
d'attente") is off until turned on, then "Par défaut" or "Personnaliser" (an imported .WAV
or .MP3 file); its hold music ("Attente musicale") is the default one or a file of its own.
Its hours ("Heures ouvrables de la file d'attente") are 24 hours or the hours of each day (a
calendar); "Après les heures" the after-hours greeting plays and the queue's voicemail takes
the call. Messages go to the recipient chosen among its members; notifications ("Avis") of
voice messages and missed calls go by e-mail or phone (Messages et avis). The limits are
data (``carrier.py``); this module holds the queue's own fields, its rule and its call stage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    PhoneNumber,
    Tenant,
    Violation,
    db,
    distribution_steps,
    group_settings,
    hunt_group_block,
    hunt_group_members_block,
    members_of,
)

GUIDE = "002_6093346da80557bc.txt"
SECTION = f"{GUIDE} Files d'attente"
SECTIONS = {"members": SECTION, "distribution": f"{GUIDE} Traitement des appels",
            "waiting": SECTION, "overflow": f"{GUIDE} Messages et avis",
            "greeting": f"{GUIDE} Messages d'accueil de la file d'attente",
            "hold_music": f"{GUIDE} Traitement des appels",
            "hours": f"{GUIDE} Info sur la file d'attente"}
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
        "message_recipient": fields.Integer(load_default=None, allow_none=True, metadata={
            "label": N_("Message recipient"), "choices": _recipient_choices}),
        "notify_email": fields.String(load_default=None, allow_none=True, validate=[
            validate.Email(error=_l("Enter a valid e-mail address.")),
            validate.Length(max=254)], metadata={"label": N_("Notification e-mail")}),
        "notify_phone": PhoneNumber(load_default=None, allow_none=True, metadata={
            "label": N_("Notify by phone at")}),
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
            and not data.get("notify_email") and not data.get("notify_phone"):
        found.append(Violation(code="hunt_group.notify_email.required", field="notify_email",
                               message=N_("Give the e-mail address or the phone number "
                                          "notifications go to.")))
    return found


def queue_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A call to the queue: its members in the queue's order, up to 25 waiting calls."""
    if line.plan != QUEUE_PLAN:
        return []
    steps = distribution_steps(call, tenant, line, country="CA", sections=SECTIONS,
                               code_prefix="telus.queue")
    if steps and steps[-1].action == "voicemail":
        steps[-1] = replace(steps[-1], rule=" ".join(
            part for part in (steps[-1].rule, _messages_words(tenant, line)) if part))
    return steps


def _messages_words(tenant: Tenant, line: Line) -> str:
    """Who receives the queue's messages and who is notified (Messages et avis)."""
    options = group_settings(tenant, line)["options"]
    parts = []
    recipient = db.session.get(Line, options["message_recipient"]) \
        if options.get("message_recipient") else None
    if recipient is not None:
        parts.append(gettext("The message goes to %(who)s, the queue's message recipient.",
                             who=f"{recipient.display_name} ({recipient.extension})"))
    if options.get("notify_voicemail"):
        to = ", ".join(value for value in (options.get("notify_email"),
                                           options.get("notify_phone")) if value)
        parts.append(gettext("A notification of the voice message is sent to %(to)s.", to=to))
    return " ".join(parts)
