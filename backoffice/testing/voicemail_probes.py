"""Probes of :class:`VoicemailLimits`: each declared limit acts on a mailbox of the carrier,
through its blocks (the change pipeline) and the mailbox's contents as its server keeps them.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from typing import Any

from backoffice.core.media.storage import FolderStorage
from backoffice.plugin import (
    ChangeRejected,
    Line,
    SettingsBlock,
    VoicemailLimits,
    audio_limits,
    leave_message,
    mailbox_state,
    purge_expired,
    record_greeting,
    store_audio,
)
from backoffice.testing.audio import fake_mp3_bytes, mp3_bytes, wav_bytes
from backoffice.testing.probes import Probe, ProbeContext, english

EMAIL = "probe.voicemail@conformance.example"


def mailbox_block(ctx: ProbeContext) -> SettingsBlock:
    return next(block for block in ctx.blocks
                if isinstance(block, SettingsBlock) and "notification" in ctx.fields_of(block))


def payload(ctx: ProbeContext, **values: Any) -> dict[str, Any]:
    """A mailbox that takes messages (on, where it can be off), with ``values``."""
    names = ctx.fields_of(mailbox_block(ctx))
    data: dict[str, Any] = {"email": EMAIL}
    if "enabled" in names:
        data["enabled"] = True
    return {**data, **values}


def saved_box(ctx: ProbeContext, **values: Any) -> Line:
    """A new line of the offer whose mailbox is saved with ``values``."""
    line = ctx.new_line(ctx.plans()[0])
    block = mailbox_block(ctx)
    ctx.accepted(lambda: block.write(ctx.tenant, line, payload(ctx, **values)),
                 f"a mailbox with {values or 'its defaults'}")
    return line


def probe_default_enabled(ctx: ProbeContext) -> None:
    """A line never saved has the declared state."""
    line = ctx.new_line(ctx.plans()[0])
    kind = mailbox_state(ctx.tenant, line).kind
    assert (kind != "off") is ctx.value, f"{ctx.name}: a fresh line's mailbox is {kind}"


def probe_switchable(ctx: ProbeContext) -> None:
    """Off, the mailbox takes no call; on again, it does."""
    line = saved_box(ctx, enabled=False)
    assert mailbox_state(ctx.tenant, line).kind == "off", f"{ctx.name}: still on"
    mailbox_block(ctx).write(ctx.tenant, line, payload(ctx, enabled=True))
    assert mailbox_state(ctx.tenant, line).kind == "on", f"{ctx.name}: not on again"


def probe_notifications(ctx: ProbeContext) -> None:
    """Each declared notification is accepted; any other is refused."""
    line = ctx.new_line(ctx.plans()[0])
    block = mailbox_block(ctx)
    for kind in ctx.value:
        ctx.accepted(lambda k=kind: block.write(ctx.tenant, line,
                                                payload(ctx, notification=k)), kind)
    for kind in sorted({"none", "notify", "attach"} - set(ctx.value)):
        ctx.refused(lambda k=kind: block.write(ctx.tenant, line, payload(ctx, notification=k)),
                    "notification", f"notification {kind} not offered")


def probe_default_notification(ctx: ProbeContext) -> None:
    line = ctx.new_line(ctx.plans()[0])
    block = mailbox_block(ctx)
    shown = block.schema(ctx.tenant).dump(block.read(ctx.tenant, line))["notification"]
    assert shown == ctx.value, f"{ctx.name}: a fresh line reads {shown}"


def probe_email_only(ctx: ProbeContext) -> None:
    """E-mail only: messages are sent, not kept; without an address, refused."""
    line = ctx.new_line(ctx.plans()[0])
    block = mailbox_block(ctx)
    ctx.refused(lambda: block.write(ctx.tenant, line, payload(ctx, email_only=True, email=None)),
                "email", "e-mail only without an address")
    block.write(ctx.tenant, line, payload(ctx, email_only=True))
    assert mailbox_state(ctx.tenant, line).kind == "email_only"
    assert leave_message(ctx.tenant, line, 10) is None, f"{ctx.name}: a message was kept"


def _refused_message(ctx: ProbeContext, line: Line, why: str) -> None:
    from backoffice.core.voicemail.contents import MessageRefused

    try:
        leave_message(ctx.tenant, line, 1)
    except MessageRefused as refused:
        assert refused.reason == "full", f"{ctx.name}: {why}: refused as {refused.reason}"
    else:
        raise AssertionError(f"{ctx.name}: {why}: the message was kept")


def probe_max_messages(ctx: ProbeContext) -> None:
    """The box takes its last message at the limit, then none: it is full."""
    line = saved_box(ctx)
    for _ in range(ctx.value):
        assert leave_message(ctx.tenant, line, 1) is not None
    assert mailbox_state(ctx.tenant, line).kind == "full", f"{ctx.name}: not full"
    _refused_message(ctx, line, f"message {ctx.value + 1}")


def probe_max_message_seconds(ctx: ProbeContext) -> None:
    """A message of the longest length is kept whole; a longer one stops there."""
    line = saved_box(ctx)
    assert leave_message(ctx.tenant, line, ctx.value).seconds == ctx.value
    assert leave_message(ctx.tenant, line, ctx.value + 1).seconds == ctx.value, (
        f"{ctx.name}: a longer message was not cut at {ctx.value} s")


def probe_message_seconds_settable(ctx: ProbeContext) -> None:
    """The agent's longest message applies; past the carrier's ceiling it is refused."""
    from backoffice.core.voicemail.schemas import MESSAGE_SECONDS_CEILING

    line = saved_box(ctx, max_message_seconds=30)
    assert leave_message(ctx.tenant, line, 45).seconds == 30, f"{ctx.name}: not cut at 30 s"
    ceiling = ctx.limits.max_message_seconds or MESSAGE_SECONDS_CEILING
    block = mailbox_block(ctx)
    ctx.accepted(lambda: block.write(ctx.tenant, line, payload(
        ctx, max_message_seconds=ceiling)), f"{ceiling} s")
    ctx.refused(lambda: block.write(ctx.tenant, line, payload(
        ctx, max_message_seconds=ceiling + 1)), "max_message_seconds", f"{ceiling + 1} s")


def probe_max_box_seconds(ctx: ProbeContext) -> None:
    """Messages up to the box's time fill it; then it takes none."""
    line = saved_box(ctx)
    each = ctx.limits.max_message_seconds or ctx.value
    left = ctx.value
    while left > 0:
        left -= leave_message(ctx.tenant, line, min(each, left)).seconds
    assert mailbox_state(ctx.tenant, line).kind == "full", f"{ctx.name}: not full"
    _refused_message(ctx, line, "one more message")


def _retention_probe(archived: bool) -> Probe:
    def probe(ctx: ProbeContext) -> None:
        from backoffice.core.models import utcnow

        line = saved_box(ctx)
        now = utcnow()
        kept = leave_message(ctx.tenant, line, 5, archived=archived,
                             at=now - timedelta(days=ctx.value))
        gone = leave_message(ctx.tenant, line, 5, archived=archived,
                             at=now - timedelta(days=ctx.value, minutes=1))
        assert purge_expired(ctx.tenant, line, now) == 1, f"{ctx.name}: not one expired"
        from backoffice.core.voicemail.models import VoicemailMessage
        from backoffice.extensions import db

        assert db.session.get(VoicemailMessage, kept.id) is not None
        assert db.session.get(VoicemailMessage, gone.id) is None
    return probe


def probe_max_greeting_seconds(ctx: ProbeContext) -> None:
    """A greeting recorded at the phone stops at the longest greeting."""
    line = saved_box(ctx)
    assert record_greeting(ctx.tenant, line, ctx.value) == ctx.value
    assert record_greeting(ctx.tenant, line, ctx.value + 30) == ctx.value, (
        f"{ctx.name}: a longer greeting was not cut at {ctx.value} s")


def probe_greeting(ctx: ProbeContext) -> None:
    """A custom greeting is uploaded within its limits; a file past one is refused."""
    ctx.app.extensions.setdefault("media_storage", FolderStorage(tempfile.mkdtemp()))
    limits = audio_limits(ctx.tenant, "voicemail.greeting")
    line = ctx.new_line(ctx.plans()[0])
    block = mailbox_block(ctx)
    seconds = min(limits.max_seconds or 3, 3)
    sample = wav_bytes(seconds) if "wav" in limits.formats else mp3_bytes(seconds)
    with english(ctx.app):
        audio = store_audio(ctx.tenant, sample, "greeting", limits, object_type="voicemail",
                            field="greeting_audio")
    ctx.accepted(lambda: block.write(ctx.tenant, line, payload(
        ctx, greeting="custom", greeting_audio=audio.id)), "a custom greeting")
    ctx.refused(lambda: store_audio(ctx.tenant, fake_mp3_bytes(), "fake.mp3", limits,
                                    object_type="voicemail", field="greeting_audio"),
                "greeting_audio", "a text file named .mp3")
    ctx.refused(lambda: block.write(ctx.tenant, line, payload(ctx, greeting="custom",
                                                              greeting_audio=None)),
                "greeting_audio", "a custom greeting without a recording")
    if limits.max_seconds:
        ctx.refused(lambda: store_audio(ctx.tenant, wav_bytes(limits.max_seconds + 1), "long",
                                        limits, object_type="voicemail",
                                        field="greeting_audio"),
                    "greeting_audio", "a greeting past the longest")


def probe_may_empty(ctx: ProbeContext) -> None:
    """Emptying, once confirmed, deletes the messages, and the greetings when asked."""
    line = saved_box(ctx)
    leave_message(ctx.tenant, line, 5)
    record_greeting(ctx.tenant, line, 5)
    block = next(b for b in ctx.blocks if isinstance(b, SettingsBlock)
                 and "empty" in ctx.fields_of(b))
    block.write(ctx.tenant, line, {"empty": False, "erase_greetings": False})
    assert mailbox_state(ctx.tenant, line).count == 1, f"{ctx.name}: emptied unconfirmed"
    ctx.refused(lambda: block.write(ctx.tenant, line, {"erase_greetings": True}), "empty",
                "erasing greetings without emptying")
    ctx.accepted(lambda: block.write(ctx.tenant, line, {"empty": True}), "emptying")
    assert mailbox_state(ctx.tenant, line).count == 0, f"{ctx.name}: not emptied"
    read = mailbox_block(ctx).read(ctx.tenant, line)
    assert read.get("recorded_greeting") != "Default" or read.get("greeting") == "custom"
    leave_message(ctx.tenant, line, 5)
    block.write(ctx.tenant, line, {"empty": True, "erase_greetings": True})
    from backoffice.core.voicemail.service import effective

    assert effective(ctx.tenant, line)[1].greeting == "default", f"{ctx.name}: greeting kept"


def probe_shared(ctx: ProbeContext) -> None:
    """A line naming a line of an owner plan in the field uses that line's mailbox."""
    from backoffice.core.voicemail.service import effective, mailbox_of

    limits: VoicemailLimits = ctx.limits
    owner = ctx.new_line(limits.shared_owner_plans[0])
    plan = next(p for p in ctx.plans() if p not in limits.shared_owner_plans)
    try:
        sharing = ctx.new_line(plan, **{limits.shared_with_field: owner.number})
    except ChangeRejected as refused:
        raise AssertionError(f"{ctx.name}: cannot make a line sharing a mailbox: "
                             f"{[v.code for v in refused.violations]}") from None
    block = mailbox_block(ctx)
    ctx.accepted(lambda: block.write(ctx.tenant, sharing, payload(ctx, notification="attach")),
                 "the shared mailbox from the sharing line")
    assert mailbox_of(sharing) is None and mailbox_of(owner) is not None, (
        f"{ctx.name}: the sharing line got a mailbox of its own")
    assert effective(ctx.tenant, owner)[1].notification == "attach"


PROBES: dict[tuple[type | None, str], Probe] = {
    (VoicemailLimits, "default_enabled"): probe_default_enabled,
    (VoicemailLimits, "switchable"): probe_switchable,
    (VoicemailLimits, "notifications"): probe_notifications,
    (VoicemailLimits, "default_notification"): probe_default_notification,
    (VoicemailLimits, "email_only"): probe_email_only,
    (VoicemailLimits, "max_messages"): probe_max_messages,
    (VoicemailLimits, "max_message_seconds"): probe_max_message_seconds,
    (VoicemailLimits, "message_seconds_settable"): probe_message_seconds_settable,
    (VoicemailLimits, "max_box_seconds"): probe_max_box_seconds,
    (VoicemailLimits, "new_message_days"): _retention_probe(archived=False),
    (VoicemailLimits, "archived_message_days"): _retention_probe(archived=True),
    (VoicemailLimits, "max_greeting_seconds"): probe_max_greeting_seconds,
    (VoicemailLimits, "greeting"): probe_greeting,
    (VoicemailLimits, "may_empty"): probe_may_empty,
    (VoicemailLimits, "shared_with_field"): probe_shared,
    (VoicemailLimits, "shared_owner_plans"): probe_shared,
}
"""(VoicemailLimits, key) -> its probe; merged into the kit's ``DEFAULT_PROBES``."""
