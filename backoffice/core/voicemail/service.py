"""A line's mailbox settings: read with the carrier's defaults, saved through the change
pipeline (guides 002 voicemail, 003 §3.1-§3.3 and §9.1, 004 §6.15)."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from marshmallow import Schema, ValidationError
from sqlalchemy import delete, select

from backoffice.core.carriers import carrier_country, offer_of, registry
from backoffice.core.changes import Change, apply_change, from_marshmallow
from backoffice.core.errors import N_, ChangeRejected, NotOffered, Violation
from backoffice.core.limits import VoicemailLimits
from backoffice.core.media.inspection import duration_words
from backoffice.core.media.service import audio_checks
from backoffice.core.models import Line, Tenant
from backoffice.core.voicemail import contents
from backoffice.core.voicemail.models import Mailbox, VoicemailMessage
from backoffice.core.voicemail.schemas import (
    EmptyingSchema,
    OptionFields,
    mailbox_schema_class,
    option_names,
)
from backoffice.extensions import db

FEATURE = "voicemail"
OBJECT_TYPE = "voicemail"
CORE_COLUMNS = ("enabled", "greeting", "notification", "email", "email_only",
                "max_message_seconds")


def voicemail_limits(tenant: Tenant, line: Line | None = None) -> VoicemailLimits:
    """The carrier's voicemail limits; :class:`NotOffered` where it has no mailbox."""
    return offer_of(tenant, FEATURE, line).limits


def mailbox_line(tenant: Tenant, line: Line) -> Line:
    """The line whose mailbox ``line`` uses: its own, or the one it shares (004 §6.15: a
    fixed line associated with a mobile line uses the mobile line's mailbox)."""
    limits = voicemail_limits(tenant, line)
    field = limits.shared_with_field
    if not field or line.plan in limits.shared_owner_plans:
        return line
    number = getattr(line, field, None)
    if not number:
        return line
    owner = db.session.scalar(select(Line).where(
        Line.tenant_id == tenant.id, Line.number == number,
        Line.plan.in_(limits.shared_owner_plans)))
    return owner or line


def mailbox_of(line: Line) -> Mailbox | None:
    """The saved mailbox of ``line`` (its own row, not a shared one), or ``None``."""
    return db.session.scalar(select(Mailbox).where(Mailbox.line_id == line.id))


def effective(tenant: Tenant, line: Line) -> tuple[Line, Mailbox | None, VoicemailLimits]:
    """The line keeping the mailbox ``line`` uses, its saved row and the limits."""
    owner = mailbox_line(tenant, line)
    return owner, mailbox_of(owner), voicemail_limits(tenant, line)


def saved_mailbox(tenant: Tenant, line: Line) -> Mailbox | None:
    """The saved mailbox ``line`` uses (its own or the shared one), or ``None``."""
    return effective(tenant, line)[1]


def is_enabled(box: Mailbox | None, limits: VoicemailLimits) -> bool:
    if not limits.switchable:
        return True
    return limits.default_enabled if box is None else box.enabled


def mailbox_schema(tenant: Any, options: OptionFields | None = None) -> Schema:
    """The carrier's mailbox schema, reading numbers in the tenant's country."""
    cls = mailbox_schema_class(tenant.carrier_id, options)
    region = carrier_country(tenant) if getattr(tenant, "id", None) else None
    return cls(region=region)


def secret_names(tenant: Any, options: OptionFields | None) -> tuple[str, ...]:
    """The carrier's options never shown back (``metadata={"secret": True}``)."""
    cls = mailbox_schema_class(tenant.carrier_id, options)
    return tuple(name for name, field in cls._declared_fields.items()
                 if field.metadata.get("secret"))


def read_mailbox(tenant: Tenant, line: Line | None,
                 options: OptionFields | None = None) -> dict[str, Any]:
    """The mailbox's settings and what it holds, the carrier's defaults where unsaved."""
    assert line is not None
    owner, box, limits = effective(tenant, line)
    values: dict[str, Any] = {
        "enabled": is_enabled(box, limits),
        "greeting": box.greeting if box else "default",
        "greeting_audio": box.greeting_audio_id if box else None,
        "notification": box.notification if box else limits.default_notification,
        "email": box.email if box else None,
        "email_only": box.email_only if box else False,
        "max_message_seconds": (box.max_message_seconds if box else None)
        or limits.max_message_seconds,
        "version": box.version if box else None,
    }
    secrets = secret_names(tenant, options)
    stored = (box.options or {}) if box else {}
    for name, field in mailbox_schema_class(tenant.carrier_id, options)._declared_fields.items():
        if name in option_names(tenant.carrier_id, options) and name not in secrets:
            default = field.load_default() if callable(field.load_default) \
                else field.load_default
            values[name] = stored.get(name, default)
    if limits.greeting is None:
        values["recorded_greeting"] = recorded_greeting_words(box)
    state = contents.mailbox_state(tenant, line)
    values.update(state=state.words(), messages=state.count_words(),
                  box_limits=contents.limits_words(limits),
                  shared_with=owner.number if owner.id != line.id else None)
    return values


def _checks(tenant: Tenant, limits: VoicemailLimits):
    def check(data: dict[str, Any]) -> list[Violation]:
        violations = []
        notifying = data.get("notification", "none") != "none" or data.get("email_only")
        if notifying and not data.get("email"):
            violations.append(Violation(
                code="voicemail.email.required", field="email", message=N_(
                    "Give the e-mail address that receives the messages or their "
                    "notifications.")))
        if data.get("greeting") == "custom" and not data.get("greeting_audio"):
            violations.append(Violation(
                code="voicemail.greeting_audio.required", field="greeting_audio",
                message=N_("A custom greeting needs its recording: choose an MP3 or WAV "
                           "file.")))
        if limits.greeting is not None:
            violations.extend(audio_checks(tenant, data.get("greeting_audio"), limits.greeting,
                                           object_type=OBJECT_TYPE, field="greeting_audio"))
        return violations
    return check


def save_mailbox(tenant: Tenant, line: Line | None, raw: dict[str, Any],
                 options: OptionFields | None = None) -> Mailbox:
    """Validate and save the mailbox of ``line`` (the shared one, for a line sharing it)."""
    assert line is not None
    owner, existing, limits = effective(tenant, line)
    extra = option_names(tenant.carrier_id, options)
    schema = mailbox_schema(tenant, options)
    secrets = secret_names(tenant, options)
    if existing is not None:
        existing.secret_options = secrets
    kept = dict(existing.options or {}) if existing else {}

    def persist(clean: dict[str, Any]) -> Mailbox:
        box = existing or Mailbox(tenant_id=tenant.id, line_id=owner.id,
                                  enabled=limits.default_enabled, options={})
        box.secret_options = secrets
        for name in CORE_COLUMNS:
            if name in clean:
                setattr(box, name, clean[name])
        if "greeting_audio" in clean:
            box.greeting_audio_id = clean["greeting_audio"]
            if clean["greeting_audio"] is None:
                box.greeting = "default"
        box.options = {name: kept.get(name) if name in secrets and not clean.get(name)
                       else clean.get(name) for name in extra}
        db.session.add(box)
        return box

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update" if existing else "create",
        data=raw, schema=schema, persist=persist, target=existing,
        feature=FEATURE, line=owner, checks=[_checks(tenant, limits)]))


def recorded_greeting_words(box: Mailbox | None) -> str:
    """The greeting of a mailbox whose greetings are recorded at the phone."""
    if box is None or box.greeting != "custom":
        return gettext("Default")
    return gettext("Personal, recorded at the phone (%(duration)s)",
                   duration=duration_words(box.recorded_greeting_seconds or 0))


class Emptying:
    """A mailbox being emptied, as its audit record shows it."""

    def __init__(self, box: Mailbox, count: int, erase_greetings: bool):
        self.id, self.version = box.id, box.version
        self.count, self.erase_greetings = count, erase_greetings

    def audit_state(self) -> dict[str, Any]:
        return {"id": self.id, "messages": self.count, "erase_greetings": self.erase_greetings}


def read_emptying(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    assert line is not None
    _, box, limits = effective(tenant, line)
    state = contents.state_of(box, limits)
    return {"messages": state.count_words(), "empty": False, "erase_greetings": False,
            "version": box.version if box else None}


def empty_mailbox(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Emptying | None:
    """Empty the mailbox once the agent confirmed it, and erase its personal greetings too
    when asked (003 §3.2 "Vider une boîte vocale"). Unconfirmed, nothing happens."""
    assert line is not None
    owner, box, limits = effective(tenant, line)
    if not limits.may_empty:
        raise NotOffered(registry()[tenant.carrier_id].carrier.name, "voicemail emptying")
    schema = EmptyingSchema()
    try:
        asked = schema.load({k: v for k, v in raw.items() if k != "version"})
    except ValidationError as exc:
        raise ChangeRejected(from_marshmallow("voicemail_messages", exc.messages)) from None
    if not asked["empty"]:
        if asked["erase_greetings"]:
            raise ChangeRejected([Violation(
                code="voicemail_messages.empty.required", field="empty", message=N_(
                    "Tick “Empty the mailbox” to erase the personal greetings with the "
                    "messages."))])
        return None
    if box is None:
        return None
    count, _ = contents.held(box)
    before = Emptying(box, count, asked["erase_greetings"])

    def persist(clean: dict[str, Any]) -> Emptying:
        db.session.execute(delete(VoicemailMessage).where(VoicemailMessage.mailbox_id == box.id))
        if clean["erase_greetings"]:
            box.greeting, box.greeting_audio_id, box.recorded_greeting_seconds = \
                "default", None, None
        return Emptying(box, 0, clean["erase_greetings"])

    return apply_change(Change(
        tenant=tenant, object_type="voicemail_messages", action="delete", data=raw,
        schema=schema, persist=persist, target=before, feature=FEATURE, line=owner))
