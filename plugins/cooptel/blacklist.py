"""Cooptel blacklist (guide 003 §8): account-wide rules that block or allow only.

The rules never apply to calls without a number (§8.1: "Les règles ne s'appliqueront
pas aux appels entrants sans numéro, anonymes ou confidentiels"); the offer says so with
``applies_to_anonymous``, which core's screening reads.
"""

from __future__ import annotations

from backoffice.plugin import CallContext, CallStep, Line, Tenant, rule_steps, rules_block

SECTION = "003_1f8630d8cbff8d99.txt §8"
BLOCKS = (rules_block(guide_section=SECTION),)


def screening_steps(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """The account's rules decide before anything else (§8.2, "Restriction d'appels")."""
    return rule_steps(call=call, tenant=tenant, guide_section=SECTION)
