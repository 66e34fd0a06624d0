"""The call-path explainer: where does a call to a line go, and which rule decided it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from flask_babel import gettext

from backoffice.core.carriers import registry
from backoffice.core.errors import N_
from backoffice.core.models import Line, Tenant

LineState = Literal["idle", "busy", "no_answer", "unreachable"]
LINE_STATES: tuple[LineState, ...] = ("idle", "busy", "no_answer", "unreachable")


@dataclass(frozen=True)
class CallContext:
    """The call to explain: who calls (``None`` when anonymous), when, and the line's state.

    ``caller`` is what :func:`backoffice.core.phone.any_number` reads from the agent's text:
    E.164 when recognised, else digits as typed, so that any number a list of blocked
    numbers may hold can be tried as a caller.
    """

    caller: str | None
    moment: datetime  # aware, in the tenant's time zone
    state: LineState = "idle"
    digits: str = ""


@dataclass(frozen=True)
class CallStep:
    """One step of the path: what happens, the rule that decided it and where it is written."""

    action: str  # "ring", "forward", "reject", "voicemail", "busy_tone", ...
    rule: str  # in the agent's language, written when the step is made
    guide_section: str
    target: str = ""
    final: bool = False
    code: str = ""  # the stable id of the rule: "forwarding.always", "<carrier>.call_waiting"


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


def explain_call(tenant: Tenant, line: Line, call: CallContext) -> list[CallStep]:
    """The ordered steps of ``call`` to ``line``, up to the step that ends it."""
    groups = registry().hook(tenant.carrier_id).call_steps(call=call, tenant=tenant, line=line)
    path: list[CallStep] = []
    for step in (step for group in groups for step in group):
        path.append(step)
        if step.final:
            return path
    outcome = _LINE_OUTCOME[call.state]
    path.append(replace(outcome, rule=gettext(outcome.rule)))
    return path
