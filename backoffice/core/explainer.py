"""The call-path explainer: where does a call to a line go, and which rule decided it.

The call-path types (:class:`CallContext`, :class:`CallStep`) are declarations, beside the
others a carrier uses.
"""

from __future__ import annotations

from dataclasses import replace

from flask_babel import gettext

from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.errors import N_
from backoffice.core.models import Line, Tenant
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
    "call_waiting": N_("Call waiting"), "greeting": N_("Greeting"),
    "menu_off": N_("Voice menu off"), "no_input": N_("No choice"),
}


def action_words(action: str) -> str:
    """What a step does, in the agent's language (a carrier's own step: its words)."""
    words = ACTION_WORDS.get(action)
    return gettext(words) if words else gettext(action.replace("_", " ").capitalize())


_NOT_MODELLED = CallStep("not_modelled", N_(
    "What answers a call to a line of the plan “%(plan)s” is not modelled yet: the explainer "
    "cannot say how the call ends."), "", final=True, code="plan.not_modelled")


def explain_call(tenant: Tenant, line: Line, call: CallContext) -> list[CallStep]:
    """The ordered steps of ``call`` to ``line``, up to the step that ends it.

    When no carrier step ends the call, what answers it ends the path: a person's phone
    rings (or is busy, unanswered, unreachable); a line of another kind of plan ends as its
    plan's ``answered_by`` says, citing the plan's guide section.
    """
    groups = registry().hook(tenant.carrier_id).call_steps(call=call, tenant=tenant, line=line)
    path: list[CallStep] = []
    for step in (step for group in groups for step in group):
        path.append(step)
        if step.final:
            return path
    path.append(_outcome(tenant, line, call))
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
