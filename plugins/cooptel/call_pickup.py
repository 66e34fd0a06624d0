"""Cooptel call pickup, "Interception d'appels" (guide 003 §9.2, administrator settings of
an extension): "Cette option vous permet de répondre aux appels entrants à partir d'un
autre téléphone". Read as: an extension with the option on answers, from its own phone,
the calls ringing the customer's other extensions. Off until an administrator turns it on.
"""

from __future__ import annotations

from backoffice.plugin import (
    CallContext,
    CallStep,
    Line,
    Tenant,
    call_pickup_block,
    call_pickup_steps,
)

SECTION = "003_1f8630d8cbff8d99.txt §9.2"
BLOCK = call_pickup_block(guide_section=SECTION)


def call_pickup_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """While an extension rings, who else can answer it."""
    return call_pickup_steps(call, tenant, line, section=SECTION)
