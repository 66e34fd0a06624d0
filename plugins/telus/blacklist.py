"""TELUS blocked calls per user (guide 002, Utilisateurs > Filtrage, message d'accueil et
attente musicale: "les paramètres des appels bloqués de l'utilisateur sélectionné").

The guide names the setting and nothing more: no limit, no format. We read it as a list
of blocked numbers per user, in any format, without a maximum.
"""

from __future__ import annotations

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    blocked_number_steps,
    blocked_numbers_block,
)

SECTION = "002_6093346da80557bc.txt Utilisateurs > Filtrage, message d'accueil et attente musicale"
BLOCKS = (blocked_numbers_block(guide_section=SECTION, title=N_("Blocked calls"),
                                block_id="blocked-calls"),)


def screening_steps(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A caller on the user's blocked calls does not reach the user."""
    return blocked_number_steps(call=call, tenant=tenant, line=line, guide_section=SECTION)
