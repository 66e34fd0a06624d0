"""Voicemail in the call-path explainer: a call that reaches a mailbox says what it finds
there (off, full, e-mail only, or taking messages), and carriers whose unanswered calls go
to the mailbox end the path with :func:`no_answer_steps`."""

from __future__ import annotations

from dataclasses import replace

from flask_babel import gettext

from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.media.inspection import duration_words
from backoffice.core.models import Line, Tenant
from backoffice.core.voicemail import contents


def with_mailbox_state(step: CallStep, tenant: Tenant, line: Line) -> CallStep:
    """``step`` with the state of the mailbox it sends the call to (unchanged for a step
    that goes elsewhere, or a line without a mailbox)."""
    if step.target != "voicemail" or not contents.offered(tenant, line):
        return step
    state = contents.mailbox_state(tenant, line)
    text = gettext("Mailbox: %(state)s", state=state.words())
    limits = state.limits
    if state.kind == "on" and limits.max_message_seconds:
        text += " " + gettext("A message lasts at most %(duration)s.",
                              duration=duration_words(limits.max_message_seconds))
    return replace(step, rule=f"{step.rule} {text}".strip())


def no_answer_steps(*, call: CallContext, tenant: Tenant, line: Line, guide_section: str,
                    ring_seconds: int | None = None) -> list[CallStep]:
    """An unanswered call that nothing forwarded: to the mailbox after the ring duration,
    or, with the mailbox off, the phone rings on forever (003 §9.1 "Attention!")."""
    if call.state != "no_answer" or not contents.offered(tenant, line):
        return []
    state = contents.mailbox_state(tenant, line)
    if state.kind == "off":
        return [CallStep("ring", gettext(
            "Voicemail is off on this extension: the phone rings indefinitely."),
            guide_section, final=True, code="voicemail.off_rings_forever")]
    if ring_seconds:
        text = gettext("Nobody answers within the ring duration (%(seconds)s s): the call "
                       "goes to the voicemail box.", seconds=ring_seconds)
    else:
        text = gettext("Nobody answers within the ring duration: the call goes to the "
                       "voicemail box.")
    return [CallStep("voicemail", text, guide_section, target="voicemail", final=True,
                     code="voicemail.no_answer")]
