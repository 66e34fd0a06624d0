"""Forwarding in the call-path explainer: which rule takes a call, and the step it makes.

Carriers call :func:`forwarding_steps` from their call stages with their own order of
precedence and guide section, or compose :func:`why_forwarded` and :func:`forward_step`
when their semantics need more (call waiting, follow-me...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask_babel import gettext, ngettext

from backoffice.core.carriers import offer_of
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.errors import N_
from backoffice.core.forwarding.models import RuleState
from backoffice.core.forwarding.service import effective_states, is_subscribed
from backoffice.core.models import Line, Tenant

STATE_TRIGGERS = {"busy": "busy", "no_answer": "no_answer", "unreachable": "unreachable",
                  "out_of_service": "unreachable"}
STATE_RULES = {
    "busy": N_("The line is busy and forwarding on busy is on."),
    "no_answer": N_("The line does not answer and forwarding on no answer is on."),
    "unreachable": N_("The line is unreachable and forwarding when unreachable is on."),
    "out_of_service": N_("The line is out of service and out-of-service forwarding is on."),
}


def why_forwarded(state: RuleState | None, call: CallContext, tenant: Tenant) -> str | None:
    """Why the rule ``state`` forwards ``call``, or ``None`` when it does not.

    The text is written in the agent's language (the current locale) when it is made.
    """
    if state is None or not state.enabled:
        return None
    trigger = state.trigger
    if trigger == "always":
        return gettext("Forwarding of all calls is on: the call is forwarded without ringing "
                       "the line.")
    if trigger == "do_not_disturb":
        return gettext("Do not disturb is on: every caller is sent to voicemail.")
    if trigger in STATE_TRIGGERS:
        if call.state != STATE_TRIGGERS[trigger]:
            return None
        if trigger == "no_answer" and state.ring_count:
            return ngettext("The line does not answer and forwarding on no answer is on "
                            "(after %(num)s ring).",
                            "The line does not answer and forwarding on no answer is on "
                            "(after %(num)s rings).", state.ring_count)
        return gettext(STATE_RULES[trigger])
    if trigger == "caller_confirms":
        if call.state != "no_answer" or "1" not in call.digits:
            return None
        return gettext("The line does not answer and the caller pressed 1: the call is "
                       "forwarded.")
    if trigger == "scheduled":
        return _why_scheduled(state, call, tenant)
    return None


def _why_scheduled(state: RuleState, call: CallContext, tenant: Tenant) -> str | None:
    if state.calendar is not None:
        status = state.calendar.status(call.moment)
        if status.open:
            return None
        return gettext("Scheduled forwarding is on with the calendar “%(calendar)s”: "
                       "%(reason)s.", calendar=state.calendar.name, reason=status.reason)
    if state.schedule is not None and state.schedule.is_active(call.moment, tenant.timezone):
        return gettext("Scheduled forwarding is on and its schedule is active (%(schedule)s).",
                       schedule=state.schedule.describe())
    return None


def forward_step(state: RuleState, why: str, *, section: str, code: str,
                 final: bool = True) -> CallStep:
    """The step of a rule that took the call: to voicemail or to its destination."""
    destination = state.destination
    if destination is None or destination.kind == "voicemail":
        return CallStep("voicemail", why, section, target="voicemail", final=final, code=code)
    reminder = " " + gettext("The line rings briefly as a reminder.") if state.ring_reminder \
        else ""
    return CallStep("forward", why + reminder, section, target=destination.value, final=final,
                    code=code)


def line_rules(tenant: Tenant, line: Line) -> dict[str, RuleState]:
    """The line's rules as they apply to calls: none when the line lacks the option."""
    offer = offer_of(tenant, "forwarding")
    if not is_subscribed(line, offer):
        return {}
    return effective_states(line, offer)


def forwarding_steps(call: CallContext, tenant: Tenant, line: Line, *, order: Sequence[str],
                     section: str | Mapping[str, str], code_prefix: str) -> list[CallStep]:
    """The step of the first rule in ``order`` that forwards the call, if any.

    ``section`` is the guide section of every trigger, or one per trigger.
    """
    rules = line_rules(tenant, line)
    for trigger in order:
        why = why_forwarded(rules.get(trigger), call, tenant)
        if why:
            where = section if isinstance(section, str) else section[trigger]
            return [forward_step(rules[trigger], why, section=where,
                                 code=f"{code_prefix}.{trigger}")]
    return []
