"""Bell long-distance automatic call forwarding (guide 000 §4).

Three independent options, each with its switch and a number from the user's phone-number
list (§4.6): all calls (§4.3) and scheduled (§4.4) with a ring reminder, out of service
(§4.5) without. The schedule: days, hours, ends never / on a date / after N occurrences.
The feature is optional per user (§4.2). Everything here is data in ``carrier.py`` and core's
per-trigger form; this module names the blocks and the order a call meets the options.
"""

from __future__ import annotations

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    TriggerForm,
    forwarding_steps,
    numbers_block,
    offer_of,
)

GUIDE = "000_9e38ee5fe306c767.txt"
SECTIONS = {"always": f"{GUIDE} §4.3", "scheduled": f"{GUIDE} §4.4",
            "out_of_service": f"{GUIDE} §4.5"}
FORM = TriggerForm("forwarding", {
    "always": N_("Call forwarding: all calls"),
    "scheduled": N_("Call forwarding: scheduled calls"),
    "out_of_service": N_("Call forwarding: out of service"),
})
BLOCK = FORM.block(id="forwarding", title=N_("Long-distance automatic call forwarding"),
                   guide_section=f"{GUIDE} §4")
NUMBERS_BLOCK = numbers_block(id="phone-numbers", title=N_("Phone-number list"),
                              guide_section=f"{GUIDE} §4.6")


def forwarding_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """The options in the declared ``priority``: all calls, scheduled, out of service.

    The guide gives no order between the options; "all calls" forwards every call, so it
    comes first, and "out of service" only acts when the phone is offline.
    """
    priority = offer_of(tenant, "forwarding").limits.priority
    return forwarding_steps(call, tenant, line, order=priority,
                            section=SECTIONS, code_prefix="bell.forwarding")
