"""SFR voicemail of a user line (guide 004 §6.15): every user line has a mailbox; the
manager sets only the e-mail notification of messages (§6.15.2 "Notification de messages
vocaux sur une boîte mail"); a fixed line associated with a mobile line shares the mobile
line's mailbox ("Messagerie convergente"). The recording and retention limits of §6.15.1
("Limites d'utilisation") are the mailbox server's, declared as data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from backoffice.plugin import (
    Line,
    VoicemailLimits,
    db,
    leave_message,
    mailbox_state,
    record_greeting,
    saved_mailbox,
    voicemail_block,
)

GUIDE_SECTION = "004_1c65287363dc7b18.txt §6.15"
PLANS = ("fixe", "fixe_mobile", "mobile")

LIMITS = VoicemailLimits(
    max_greeting_seconds=2 * 60,  # "Durée maximum de l'annonce d'accueil : 2 minutes"
    max_message_seconds=15 * 60,  # "Durée maximum d'un message : 15 minutes"
    new_message_days=60,  # "Nouveau message : 60 jours"
    archived_message_days=14,  # "Message archivé : 14 jours"
    max_box_seconds=4 * 3600,  # "4 heures de messages accumulés"
    notifications=("none", "notify", "attach"),
    default_notification="none",  # "Pas de notification"
    shared_with_field="associated_number",
    shared_owner_plans=("mobile",),
)

BLOCK = voicemail_block(guide_section=GUIDE_SECTION)


def setup(factory, tenant) -> None:
    """The demo mailboxes (see ``demo``), through the block; skipped when already there."""
    lines = {line.number: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    settings = {
        "+33483050173": {"notification": "attach", "email": "toineimmo-stephane@gmail.com"},
        "+33483050174": {"notification": "notify", "email": "toineimmo+valerie@gmail.com"},
        "+33483050190": {"notification": "notify", "email": "toineimmo+alain@gmail.com"},
    }
    for number, data in settings.items():
        line = lines[number]
        if saved_mailbox(tenant, line) is not None:
            continue
        BLOCK.write(tenant, line, data)
        factory.created += 1
        if number == "+33483050173":
            record_greeting(tenant, line, 45)
            for days, seconds, archived in ((0, 40, False), (3, 95, False), (10, 30, True)):
                leave_message(tenant, line, seconds, archived=archived,
                              at=datetime.now(UTC) - timedelta(days=days), caller="+33612345678")
        if number == "+33483050174":
            while mailbox_state(tenant, line).kind != "full":
                leave_message(tenant, line, LIMITS.max_message_seconds, caller="+33145834778")
