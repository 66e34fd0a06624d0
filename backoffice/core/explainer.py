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
