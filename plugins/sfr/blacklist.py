"""SFR blocked numbers (guide 004 §6.13) and anonymous-call rejection (§6.6), per line."""

from __future__ import annotations

from backoffice.plugin import (
    CallContext,
    CallStep,
    Line,
    Tenant,
    anonymous_calls_block,
    anonymous_rejection_steps,
    blocked_number_steps,
    blocked_numbers_block,
)

GUIDE = "004_1c65287363dc7b18.txt"
BLOCKED_SECTION = f"{GUIDE} §6.13"
ANONYMOUS_SECTION = f"{GUIDE} §6.6"
ANONYMOUS_ANNOUNCEMENT = ("Votre correspondant ne souhaite pas recevoir d'appels anonymes. "
                          "Pour le joindre, désactivez le masquage de votre numéro")
"""What the caller hears (§6.6.1), word for word: it is the network's message, in French."""

BLOCKS = (blocked_numbers_block(guide_section=BLOCKED_SECTION),
          anonymous_calls_block(guide_section=ANONYMOUS_SECTION))


def screening_steps(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A withheld number on a line rejecting them, then a number on the line's list."""
    return [*anonymous_rejection_steps(call=call, tenant=tenant, line=line,
                                       guide_section=ANONYMOUS_SECTION,
                                       announcement=ANONYMOUS_ANNOUNCEMENT),
            *blocked_number_steps(call=call, tenant=tenant, line=line,
                                  guide_section=BLOCKED_SECTION)]
