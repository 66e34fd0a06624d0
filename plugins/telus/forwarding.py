"""TELUS call handling and forwarding per user (guide 002, Utilisateurs > Gestion et renvoi
des appels; Ne pas déranger).

Three switches per user: do not disturb ("Tous les appelants sont dirigés vers la boîte
vocale"), instant forward ("renvoi instantané", every call) and forwarding ("renvoi des
appels", read as: when the user does not answer). Do not disturb comes first: it sends every
caller to voicemail, whatever the forwarding.
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
    offer_of,
)

GUIDE = "002_6093346da80557bc.txt"
SECTIONS = {"do_not_disturb": f"{GUIDE} Ne pas déranger",
            "always": f"{GUIDE} Utilisateurs > Gestion et renvoi des appels",
            "no_answer": f"{GUIDE} Utilisateurs > Gestion et renvoi des appels"}
FORM = TriggerForm("forwarding", {
    "do_not_disturb": N_("Do not disturb"),
    "always": N_("Instant forward"),
    "no_answer": N_("Call forwarding"),
})
BLOCK = FORM.block(id="forwarding", title=N_("Call handling and forwarding"),
                   guide_section=SECTIONS["always"])


def forwarding_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """Do not disturb, then instant forward, then forwarding when the user does not answer."""
    priority = offer_of(tenant, "forwarding").limits.priority
    return forwarding_steps(call, tenant, line, order=priority,
                            section=SECTIONS, code_prefix="telus.forwarding")
