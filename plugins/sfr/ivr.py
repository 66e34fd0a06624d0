"""SFR interactive voice response, "Accueil Vocal Interactif" (guide 004 §3.5, §5.2.1, §8),
and the announcements of a site (§4.5).

An "avi" line is the menu's number. Two levels: keys 1 to 9 of the main menu send the
call to a number or open a sub-menu; the keys of a sub-menu send it to a number. At least
one greeting (no default one); with a calendar, a second greeting and menu for the closed
hours. Destinations follow the forwarding table (§6.14: no special numbers, no
international number outside the European zone). Announcements are kept per site, with
the predefined "Accueil", "Attente" and "Dissuasion" on every site.
"""

from __future__ import annotations

from typing import Any

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    Violation,
    announcements_block,
    ivr_block,
    ivr_keys_block,
    menu_steps,
)
from plugins.sfr.destinations import destination_violations

GUIDE = "004_1c65287363dc7b18.txt"
SECTION = f"{GUIDE} §3.5.1"
PREDEFINED = ("Accueil", "Attente", "Dissuasion")  # §4.5.1: "Accueil prédéfini"...

BLOCKS = (
    ivr_block(guide_section=f"{GUIDE} §5.2.1, §8.1", title=N_("Interactive voice response")),
    ivr_keys_block(guide_section=f"{GUIDE} §3.5.1, §8.1.1", title=N_("Configure the keys")),
    announcements_block(guide_section=f"{GUIDE} §4.5",
                        title=N_("Announcements of hunt groups and IVRs")),
)


def validate_ivr(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """A key's number follows the forwarding table (§3.5.1, §6.14)."""
    return destination_violations("ivr", "destination", data.get("destination"))


def menu_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """An "avi" line's menu, walked with the keys the caller presses."""
    return menu_steps(call, tenant, line, section=SECTION)
