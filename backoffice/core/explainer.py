"""The call-path explainer: where does a call to a line go, and which rule decided it.

The call-path types (:class:`CallContext`, :class:`CallStep`) are declarations, beside the
others a carrier uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from flask_babel import gettext

from backoffice.core.calling import outgoing
from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.e911.explain import location_steps
from backoffice.core.errors import N_
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import InvalidNumber, any_number
from backoffice.i18n import current_language

CORE_SECTION = "DESIGN.md §6"
_LINE_OUTCOME = {
    "idle": CallStep("ring", N_("The line is free: it rings and is answered."), CORE_SECTION,
                     final=True),
    "busy": CallStep("busy_tone", N_("The line is busy and nothing redirects the call."),
                     CORE_SECTION, final=True),
    "no_answer": CallStep("ring",
                          N_("The line rings without answer and nothing redirects the call."),
                          CORE_SECTION, final=True),
    "unreachable": CallStep("unreachable",
                            N_("The line is unreachable and nothing redirects the call."),
                            CORE_SECTION, final=True),
}


_PLAN_OUTCOME = {
    "voicemail": CallStep("voicemail", N_(
        "Every call to this line goes straight to its voicemail box: no phone rings."), "",
        target="voicemail", final=True, code="plan.voicemail"),
    "announcement": CallStep("announcement", N_(
        "Callers to this line only hear an announcement or a recorded greeting: no phone "
        "rings."), "", final=True, code="plan.announcement"),
    "distribution": CallStep("distribution", N_(
        "This line hands its calls to its members, in the order its distribution rule "
        "sets, and holds them waiting while none is free. Members and distribution are not "
        "modelled yet: the explainer cannot say which member answers."), "", final=True,
        code="plan.distribution"),
    "menu": CallStep("menu", N_(
        "Callers to this line hear a voice menu and choose with the keys of their phone. "
        "No menu is set up on this line yet: the explainer cannot say where the call goes."),
        "", final=True, code="plan.menu"),
}
ACTION_WORDS = {
    "allow": N_("Let through"), "announcement": N_("Announcement"),
    "busy_tone": N_("Busy tone"), "closed": N_("Closed"), "distribution": N_("Handed to members"),
    "forward": N_("Forwarded"), "hunt_group": N_("Hunt group"), "menu": N_("Voice menu"),
    "no_forward": N_("Not forwarded"), "not_modelled": N_("Not modelled yet"),
    "reject": N_("Rejected"), "ring": N_("Rings"), "ring_together": N_("Rings together"),
    "unreachable": N_("Unreachable"), "voicemail": N_("Voicemail"),
    "call_waiting": N_("Call waiting"), "connect": N_("Goes out"),
    "emergency": N_("Emergency call"), "queue": N_("Waits in the queue"),
    "overflow": N_("Overflow"), "pickup": N_("Call pickup"),
    "greeting": N_("Greeting"), "hold_music": N_("Hold music"),
    "menu_off": N_("Voice menu off"), "no_input": N_("No choice"),
}


def action_words(action: str) -> str:
    """What a step does, in the agent's language (a carrier's own step: its words)."""
    words = ACTION_WORDS.get(action)
    return gettext(words) if words else gettext(action.replace("_", " ").capitalize())


_NOT_MODELLED = CallStep("not_modelled", N_(
    "What answers a call to a line of the plan “%(plan)s” is not modelled yet: the explainer "
    "cannot say how the call ends."), "", final=True, code="plan.not_modelled")


def member_inputs(values: Mapping[str, Any], country: str) -> dict[str, Any]:
    """The group inputs of a call (API payload or form), numbers read as E.164 when they are
    numbers and kept as typed when they are extensions."""
    def key(text: str) -> str:
        text = text.strip()
        if text.isdigit() and len(text) <= 6:
            return text
        try:
            return any_number(text, country)
        except InvalidNumber:
            return text

    def keys(value: Any) -> tuple[str, ...]:
        items = value.splitlines() if isinstance(value, str) else list(value or ())
        return tuple(key(item) for item in items if str(item).strip())

    last = (values.get("last_answered") or "").strip()
    return {"busy_members": keys(values.get("busy_members")),
            "offline_members": keys(values.get("offline_members")),
            "calls_waiting": int(values.get("calls_waiting") or 0),
            "waited": int(values.get("waited") or 0),
            "last_answered": key(last) if last else None}


def explain_call(tenant: Tenant, line: Line, call: CallContext) -> list[CallStep]:
    """The ordered steps of ``call`` to ``line``, up to the step that ends it.

    When no carrier step ends the call, what answers it ends the path: a person's phone
    rings (or is busy, unanswered, unreachable); a line of another kind of plan ends as its
    plan's ``answered_by`` says, citing the plan's guide section. A step that reaches the
    line's mailbox names its state (off, full, e-mail only, taking messages). A call the line
    makes (``call.direction == "outgoing"``) follows the carrier's ``outgoing_call_steps``.
    """
    from backoffice.core.voicemail.explain import with_mailbox_state

    if call.direction == "outgoing":
        return _explain_outgoing(tenant, line, call)
    groups = registry().hook(tenant.carrier_id).call_steps(call=call, tenant=tenant, line=line)
    path: list[CallStep] = []
    for step in (step for group in groups for step in group):
        path.append(with_mailbox_state(step, tenant, line))
        if step.final:
            return path
    path.append(with_mailbox_state(_outcome(tenant, line, call), tenant, line))
    return path


def _explain_outgoing(tenant: Tenant, line: Line, call: CallContext) -> list[CallStep]:
    """A call the line makes: emergency numbers always go out, with the 9-1-1 location
    the line sends when its carrier offers them; else the carrier's restrictions and
    permissions, then the call goes out with the line's presentation."""
    if outgoing.reach(tenant, line, call.dialled or "").kind == "emergency":
        location = location_steps(call=call, tenant=tenant, line=line)
        out = outgoing.emergency_steps(call)
        return [*(replace(step, final=False) for step in out), *location] if location else out
    hook = registry().hook(tenant.carrier_id)
    path: list[CallStep] = []
    for group in hook.outgoing_call_steps(call=call, tenant=tenant, line=line):
        for step in group:
            path.append(step)
            if step.final:
                return path
    path.append(outgoing.connect_step(tenant, line, call))
    return path


def _outcome(tenant: Tenant, line: Line, call: CallContext) -> CallStep:
    entry = registry()[tenant.carrier_id]
    plan = entry.plan(line.plan)
    if plan is None or plan.answered_by == "phone":
        outcome = _LINE_OUTCOME[call.state]
        return replace(outcome, rule=gettext(outcome.rule))
    outcome = _PLAN_OUTCOME.get(plan.answered_by, _NOT_MODELLED)
    label = plan.label_for(current_language())
    return replace(outcome, rule=gettext(outcome.rule, plan=label),
                   guide_section=plan.guide_section or CORE_SECTION)
