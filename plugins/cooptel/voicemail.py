"""Cooptel voicemail boxes (guide 003 §3.1-§3.3) and the extension's voicemail switch
(§9.1 "Boîte vocale"): extension, name, password, longest message, e-mail address, "e-mail
only, not kept on the server", destinations of keys 0 and *; at most 100 messages, a full
box takes none; emptying asks for confirmation and offers to erase the personal greetings.
With the voicemail off, the phone rings indefinitely (§9.1 "Attention!")."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    Violation,
    VoicemailLimits,
    db,
    forwarding_of,
    leave_message,
    mailbox_state,
    no_answer_voicemail_steps,
    saved_mailbox,
    voicemail_block,
    voicemail_messages_block,
)

GUIDE = "003_1f8630d8cbff8d99.txt"
SECTION = f"{GUIDE} §3.1, §3.2, §9.1"
PLANS = ("extension",)

LIMITS = VoicemailLimits(
    default_enabled=False,  # §3.1: a mailbox is added to an extension
    switchable=True,  # §9.1: "activer la boîte vocale pour le poste téléphonique"
    notifications=("none", "attach"),  # §3.1 item 6: the messages go to the address
    email_only=True,  # §3.1 item 7
    max_messages=100,  # §3.1 item 5, §3.2: "(0 message / 100)"
    message_seconds_settable=True,  # §3.1 item 4: "Définir la durée maximale des messages"
    may_empty=True,  # §3.2 "Vider une boîte vocale"
)


def extension_choices(tenant: Tenant) -> list[tuple[str, str]]:
    lines = db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.extension.is_not(None)).order_by(Line.extension))
    return [(line.extension, f"{line.extension} {line.first_name} {line.last_name}".strip())
            for line in lines]


def options() -> dict[str, fields.Field]:
    """§3.1 items 2, 3, 8 and 9."""
    return {
        "name": fields.String(load_default=None, allow_none=True,
                              validate=validate.Length(max=80),
                              metadata={"label": N_("Mailbox name")}),
        "password": fields.String(load_default=None, allow_none=True, load_only=True,
                                  validate=validate.Regexp(r"^\d{1,20}$", error=N_(
                                      "Digits only: it is typed on the phone's keypad.")),
                                  metadata={"label": N_("Mailbox password"),
                                            "widget": "password", "secret": True,
                                            "help": N_("Never shown; leave it empty to keep "
                                                       "the current one.")}),
        "key_0": fields.String(load_default=None, allow_none=True, metadata={
            "label": N_("Key 0 sends the caller to"), "choices": extension_choices}),
        "key_star": fields.String(load_default=None, allow_none=True, metadata={
            "label": N_("Key * sends the caller to"), "choices": extension_choices}),
    }


BLOCK = voicemail_block(guide_section=SECTION, options=options)
MESSAGES_BLOCK = voicemail_messages_block(guide_section=f"{GUIDE} §3.2")


def validate_voicemail(*, tenant: Tenant, line: Line | None,
                       data: dict[str, Any]) -> list[Violation]:
    """Keys 0 and * send the caller to an extension of the customer."""
    wanted = {key: data.get(key) for key in ("key_0", "key_star") if data.get(key)}
    if not wanted:
        return []
    known = set(db.session.scalars(select(Line.extension).where(
        Line.tenant_id == tenant.id, Line.extension.in_(wanted.values()))))
    return [Violation(code=f"voicemail.{key}.unknown_extension", field=key,
                      message=N_("No extension %(value)s in this account."),
                      params={"value": value})
            for key, value in wanted.items() if value not in known]


def voicemail_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """An unanswered extension that nothing forwarded: its mailbox, or it rings forever."""
    forwarding = forwarding_of(line)
    ring_seconds = forwarding.ring_seconds if forwarding else None
    if call.state == "no_answer" and ring_seconds == 0:
        return [CallStep("ring", gettext(
            "The ring duration is 0: the extension rings forever and voicemail never "
            "answers."), f"{GUIDE} §9.1", final=True, code="cooptel.voicemail.rings_forever")]
    return no_answer_voicemail_steps(call=call, tenant=tenant, line=line,
                                     guide_section=f"{GUIDE} §9.1", ring_seconds=ring_seconds)


def setup(factory, tenant) -> None:
    """Sophie's full mailbox and Luc's e-mail-only one, through the block."""
    lines = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    settings = {
        "101": {"enabled": True, "name": "Sophie Bergeron", "password": "4821",
                "max_message_seconds": 180, "email": "sophie@fromageriedulac.ca",
                "notification": "attach", "key_0": "102"},
        "102": {"enabled": True, "name": "Luc Paquette", "password": "7305",
                "email": "luc@fromageriedulac.ca", "notification": "attach",
                "email_only": True},
    }
    for extension, data in settings.items():
        line = lines[extension]
        if saved_mailbox(tenant, line) is not None:
            continue
        BLOCK.write(tenant, line, data)
        factory.created += 1
        if extension == "101":
            while mailbox_state(tenant, line).kind != "full":
                leave_message(tenant, line, 20, caller="+15149073400")
