"""TELUS voicemail (guide 002, "Messages et avis" of users, queues and voicemail-only
extensions): a default or custom greeting (an uploaded .WAV or .MP3 file), the recipient of
the messages, notifications by e-mail or phone, and the advanced notification options
(several addresses, mark as read, attachments). A voicemail-only extension sends every
call straight to its mailbox (Groupes > Postes de messagerie seulement)."""

from __future__ import annotations

import io
import math
import wave
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    AudioLimits,
    Line,
    PhoneNumber,
    Tenant,
    Violation,
    VoicemailLimits,
    audio_limits,
    db,
    saved_mailbox,
    store_audio,
    voicemail_block,
)

GUIDE = "002_6093346da80557bc.txt"
SECTION = f"{GUIDE} Messages et avis"
PLANS = ("user", "queue", "voicemail_only")

LIMITS = VoicemailLimits(
    greeting=AudioLimits(formats=("wav", "mp3")),  # "le fichier .WAV ou .MP3"
    notifications=("none", "notify", "attach"),  # attachments: advanced options
)


def recipient_choices(tenant: Tenant) -> list[tuple[str, str]]:
    lines = db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.plan.in_(("user", "queue")),
        Line.extension.is_not(None)).order_by(Line.extension))
    return [(line.extension, f"{line.extension} {line.first_name} {line.last_name}".strip())
            for line in lines]


def options() -> dict[str, fields.Field]:
    return {
        "recipient": fields.String(load_default=None, allow_none=True, metadata={
            "label": N_("Message recipient"), "choices": recipient_choices,
            "help": N_("The user or queue that receives the messages (this line when "
                       "empty).")}),
        "notify_phone": PhoneNumber(load_default=None, allow_none=True, metadata={
            "label": N_("Notify by phone at")}),
        "more_emails": fields.List(fields.String(validate=validate.Email(error=_l(
            "Enter a valid e-mail address."))), load_default=list, metadata={
            "label": N_("More e-mail addresses to notify"), "group": N_("Advanced options")}),
        "mark_as_read": fields.Boolean(load_default=False, metadata={
            "label": N_("Mark messages as read once notified"),
            "group": N_("Advanced options")}),
    }


BLOCK = voicemail_block(guide_section=SECTION, options=options)


def validate_voicemail(*, tenant: Tenant, line: Line | None,
                       data: dict[str, Any]) -> list[Violation]:
    """The recipient is a user or a queue of the customer."""
    recipient = data.get("recipient")
    if not recipient:
        return []
    found = db.session.scalar(select(Line.id).where(
        Line.tenant_id == tenant.id, Line.extension == recipient,
        Line.plan.in_(("user", "queue"))))
    if found is not None:
        return []
    return [Violation(code="voicemail.recipient.unknown", field="recipient",
                      message=N_("No user or queue has the extension %(value)s."),
                      params={"value": recipient})]


def demo_greeting(seconds: float = 2.0, rate: int = 8000) -> bytes:
    """A short two-tone chime as a mono 8-bit WAV, made with the standard library."""
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(rate)
        samples = (128 + int(60 * math.sin(2 * math.pi * (660 if i < rate * seconds / 2
                                                          else 880) * i / rate))
                   for i in range(int(rate * seconds)))
        writer.writeframes(bytes(samples))
    return out.getvalue()


def setup(factory, tenant) -> None:
    """Nadia's custom greeting and notifications; extension 300's messages go to her."""
    lines = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    if saved_mailbox(tenant, lines["101"]) is None:
        audio = store_audio(tenant, demo_greeting(), "accueil-nadia.wav",
                            audio_limits(tenant, "voicemail.greeting"),
                            object_type="voicemail", field="greeting_audio")
        BLOCK.write(tenant, lines["101"], {
            "greeting": "custom", "greeting_audio": audio.id, "notification": "notify",
            "email": "nadia.roy@cliniquehorizon.ca", "notify_phone": "604 555-0101",
            "more_emails": ["accueil@cliniquehorizon.ca"], "mark_as_read": True})
        factory.created += 1
    if saved_mailbox(tenant, lines["300"]) is None:
        BLOCK.write(tenant, lines["300"], {
            "notification": "attach", "email": "nadia.roy@cliniquehorizon.ca",
            "recipient": "101"})
        factory.created += 1
