"""SFR call forwarding, "Renvois d'appel d'une ligne utilisateur" (guide 004 §6.14).

Five kinds, each with its switch and destination (voicemail or a number), no-answer rings
1..10, scheduled forwarding with a tenant calendar. The limits and the defaults per plan
are data (``carrier.py``); this module holds the rules that are more than a limit (the
destination table, scheduled and immediate exclusive) and the priorities in a call's path:
hunt-group membership > scheduled > immediate > call waiting over busy > busy / no answer /
unreachable. Membership is ``groups.membership_stage``, a stage before this one: calls
from a group ring its members whatever their forwarding (§7.1).
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    TriggerForm,
    Violation,
    forward_step,
    line_rules,
    offer_of,
    why_forwarded,
)
from plugins.sfr import multi_line_ring
from plugins.sfr.call_waiting import GUIDE_SECTION as CALL_WAITING_SECTION
from plugins.sfr.call_waiting import call_waiting_on
from plugins.sfr.destinations import destination_violations
from plugins.sfr.line_announcements import call_waiting_words

GUIDE_SECTION = "004_1c65287363dc7b18.txt §6.14"
FORM = TriggerForm("forwarding", {
    "always": N_("Immediate forwarding"),
    "busy": N_("Forwarding on busy"),
    "no_answer": N_("Forwarding on no answer"),
    "unreachable": N_("Forwarding when unreachable"),
    "scheduled": N_("Scheduled forwarding"),
})
BLOCK = FORM.block(id="forwarding", title=N_("Call forwarding"), guide_section=GUIDE_SECTION)


def validate_forwarding(*, tenant: Tenant, line: Line | None,
                        data: dict[str, Any]) -> list[Violation]:
    """Exclusive kinds, and every destination checked against the §6.14 table."""
    limits = offer_of(tenant, "forwarding").limits
    found: list[Violation] = []
    for first, second in limits.exclusive:
        if data.get(f"{first}_enabled") and data.get(f"{second}_enabled"):
            found.append(Violation(
                code=f"forwarding.{second}_enabled.exclusive", field=f"{second}_enabled",
                message=N_("Scheduled forwarding and immediate forwarding are exclusive: "
                           "turn one of them off.")))
    for trigger in limits.triggers:
        found.extend(destination_violations("forwarding", f"{trigger}_destination",
                                            data.get(f"{trigger}_destination")))
    return found


def forwarding_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """SFR's priorities between forwarding kinds, call waiting and multi-line ring."""
    rules = line_rules(tenant, line)
    for trigger in ("scheduled", "always"):
        why = why_forwarded(rules.get(trigger), call, tenant)
        if why:
            return [forward_step(rules[trigger], why, section=GUIDE_SECTION,
                                 code=f"sfr.forwarding.{trigger}")]
    if call.state == "busy" and call_waiting_on(tenant, line):
        heard = call_waiting_words(tenant, line, call)
        return [CallStep(
            "call_waiting", gettext(
                "Call waiting is on and prevails over forwarding on busy: the call is "
                "signalled to the user, who may take it or refuse it (a refused call follows "
                "forwarding on no answer).") + (f" {heard}" if heard else ""),
            CALL_WAITING_SECTION, final=True, code="sfr.call_waiting")]
    steps = multi_line_ring.ring_step(call, tenant, line)
    for trigger in ("busy", "no_answer", "unreachable"):
        why = why_forwarded(rules.get(trigger), call, tenant)
        if why:
            return [*steps, forward_step(rules[trigger], why, section=GUIDE_SECTION,
                                         code=f"sfr.forwarding.{trigger}")]
    return steps
