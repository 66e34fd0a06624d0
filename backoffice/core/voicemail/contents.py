"""What a mailbox holds, as the carrier's (sandbox) network keeps it: messages and a
greeting recorded at the phone, within the carrier's limits, and the state calls meet.

The messages are rows (:class:`VoicemailMessage`) that the demo data and tests leave
through :func:`leave_message`, as callers would on the carrier's server: the count
"(n message / 100)" and a full box are read from them, never typed in. The recording
limits act as the server does: a message or a greeting stops at its longest length, a
full box takes no message, and expired messages go (:func:`purge_expired`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask_babel import gettext, ngettext
from sqlalchemy import delete, func, select

from backoffice.core.carriers import offer_of
from backoffice.core.jobs import commit
from backoffice.core.limits import VoicemailLimits
from backoffice.core.media.inspection import duration_words
from backoffice.core.models import Line, Tenant, utcnow
from backoffice.core.voicemail.models import Mailbox, VoicemailMessage
from backoffice.extensions import db

STATES = ("off", "full", "email_only", "on")


@dataclass(frozen=True)
class MailboxState:
    """A mailbox as a call meets it: ``kind`` is off, full, email_only or on."""

    kind: str
    count: int
    seconds: int
    limits: VoicemailLimits
    email: str | None = None

    @property
    def takes_messages(self) -> bool:
        return self.kind in ("on", "email_only")

    def count_words(self) -> str:
        """``(3 messages / 100)`` (003 §3.2), with the time held where it is limited."""
        limits = self.limits
        if limits.max_messages:
            text = ngettext("(%(num)s message / %(max)s)", "(%(num)s messages / %(max)s)",
                            self.count, max=limits.max_messages)
        else:
            text = ngettext("%(num)s message", "%(num)s messages", self.count)
        if limits.max_box_seconds:
            text += " · " + gettext("%(held)s of %(max)s", held=duration_words(self.seconds),
                                    max=duration_words(limits.max_box_seconds))
        return text

    def words(self) -> str:
        """The state in a sentence, as the explainer and the page say it."""
        count = self.count_words()
        count = count if count.startswith("(") else f"({count})"
        if self.kind == "off":
            return gettext("Off: no mailbox answers on this line.")
        if self.kind == "full":
            return gettext("Full %(count)s: callers can no longer leave a message.",
                           count=count)
        if self.kind == "email_only":
            return gettext("E-mail only: messages are sent to %(email)s and not kept on "
                           "the server, so they cannot be heard by phone.",
                           email=self.email or "?")
        return gettext("On %(count)s: callers may leave a message.", count=count)


def limits_words(limits: VoicemailLimits) -> str:
    """The carrier's recording and retention limits in one line (004 §6.15.1)."""
    parts = []
    if limits.max_greeting_seconds:
        parts.append(gettext("greeting at most %(d)s",
                             d=duration_words(limits.max_greeting_seconds)))
    if limits.max_message_seconds:
        parts.append(gettext("message at most %(d)s",
                             d=duration_words(limits.max_message_seconds)))
    if limits.new_message_days:
        parts.append(gettext("new messages kept %(days)s days",
                             days=limits.new_message_days))
    if limits.archived_message_days:
        parts.append(gettext("archived messages kept %(days)s days",
                             days=limits.archived_message_days))
    if limits.max_box_seconds:
        parts.append(gettext("at most %(d)s of messages per mailbox",
                             d=duration_words(limits.max_box_seconds)))
    if limits.max_messages:
        parts.append(gettext("at most %(max)s messages per mailbox", max=limits.max_messages))
    return "; ".join(parts)


def held(box: Mailbox | None) -> tuple[int, int]:
    """How many messages the box holds and their total seconds (one query)."""
    if box is None:
        return 0, 0
    count, seconds = db.session.execute(
        select(func.count(VoicemailMessage.id), func.coalesce(func.sum(VoicemailMessage.seconds),
                                                              0))
        .where(VoicemailMessage.mailbox_id == box.id)).one()
    return int(count), int(seconds)


def state_of(box: Mailbox | None, limits: VoicemailLimits) -> MailboxState:
    """The state of a saved (or never saved) mailbox under ``limits``."""
    from backoffice.core.voicemail.service import is_enabled

    count, seconds = held(box)
    email = box.email if box else None
    if not is_enabled(box, limits):
        kind = "off"
    elif box is not None and box.email_only and limits.email_only:
        kind = "email_only"
    elif (limits.max_messages and count >= limits.max_messages) or (
            limits.max_box_seconds and seconds >= limits.max_box_seconds):
        kind = "full"
    else:
        kind = "on"
    return MailboxState(kind, count, seconds, limits, email)


def mailbox_state(tenant: Tenant, line: Line) -> MailboxState:
    """The state of the mailbox ``line`` uses (its own or the shared one)."""
    from backoffice.core.voicemail.service import effective

    _, box, limits = effective(tenant, line)
    return state_of(box, limits)


class MessageRefused(Exception):
    """The mailbox takes no message: off or full (``reason``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _box(tenant: Tenant, line: Line) -> tuple[Mailbox, VoicemailLimits]:
    from backoffice.core.voicemail.service import effective

    owner, box, limits = effective(tenant, line)
    if box is None:
        raise MessageRefused("unsaved")  # the demo saves its mailboxes' settings first
    return box, limits


def leave_message(tenant: Tenant, line: Line, seconds: int, *, at: datetime | None = None,
                  archived: bool = False, caller: str | None = None) -> VoicemailMessage | None:
    """A caller leaves a message of ``seconds``, as the carrier's server takes it: cut at
    the longest message (and at what the box still holds); :class:`MessageRefused` when the
    box is off or full. An e-mail-only box sends it and keeps nothing (``None``)."""
    box, limits = _box(tenant, line)
    state = state_of(box, limits)
    if not state.takes_messages:
        raise MessageRefused(state.kind)
    if state.kind == "email_only":
        return None
    longest = [value for value in (box.max_message_seconds, limits.max_message_seconds)
               if value]
    kept = min([seconds, *longest])
    if limits.max_box_seconds:
        kept = min(kept, limits.max_box_seconds - state.seconds)
    message = VoicemailMessage(tenant_id=tenant.id, mailbox_id=box.id, seconds=kept,
                               left_at=_utc(at or utcnow()), archived=archived, caller=caller)
    db.session.add(message)
    commit()
    return message


def record_greeting(tenant: Tenant, line: Line, seconds: int) -> int:
    """The user records a personal greeting at the phone: the server stops at the longest
    greeting. Returns the seconds kept."""
    box, limits = _box(tenant, line)
    kept = min(seconds, limits.max_greeting_seconds or seconds)
    box.greeting = "custom"
    box.recorded_greeting_seconds = kept
    commit()
    return kept


def expired(message: VoicemailMessage, limits: VoicemailLimits, now: datetime) -> bool:
    """Whether the server has dropped ``message`` by ``now`` (new and archived periods)."""
    days = limits.archived_message_days if message.archived else limits.new_message_days
    return days is not None and _utc(now) - _utc(message.left_at) > timedelta(days=days)


def _utc(moment: datetime) -> datetime:
    """A moment as the database keeps it: naive UTC."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def purge_expired(tenant: Tenant, line: Line, now: datetime | None = None) -> int:
    """Drop the messages kept past their period, as the server does; how many went."""
    box, limits = _box(tenant, line)
    now = now or utcnow()
    gone = [message.id for message in db.session.scalars(
        select(VoicemailMessage).where(VoicemailMessage.mailbox_id == box.id))
        if expired(message, limits, now)]
    if gone:
        db.session.execute(delete(VoicemailMessage).where(VoicemailMessage.id.in_(gone)))
        commit()
    return len(gone)


def offered(tenant: Tenant, line: Line) -> bool:
    from backoffice.core.errors import NotOffered

    try:
        offer_of(tenant, "voicemail", line)
    except NotOffered:
        return False
    return True
