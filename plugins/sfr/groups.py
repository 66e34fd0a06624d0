"""SFR hunt groups, "Groupement d'appels" (guide 004 §3.4, §6.1, §7.1 to §7.4), and pickup
groups, "Groupes d'interception" (§4.3). On a member's own line (§6.1.1, §6.1.2, bloc
« GROUPES D'APPELS »), its groups each with the "Présent/Sorti" switch ("CONNECTÉ").

A hunt group is a line of the plan "groupement": its members (fixed lines and mobile lines,
as many as wanted, in the order they were added, "Présent" when added), its distribution
(Linéaire, Poste libre, Cyclique, Parallèle; 5 rings at most 10; wrap-up at most 3,600 s),
its queue (20 calls by default, at most 50; 300 s by default, at most 3,600 s) and its
overflow (no forwarding, the deterrent announcement "Dissuasion prédéfinie", or a number of
the §6.14 destination table; never a voicemail). The limits are data (``carrier.py``); this
module holds the rule that is more than a limit (the destination table) and the call stages.
"""

from __future__ import annotations

from typing import Any

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Destination,
    Line,
    Tenant,
    Violation,
    distribution_steps,
    hunt_group_block,
    hunt_group_members_block,
    hunt_group_memberships_block,
    membership_steps,
    pickup_groups_block,
    pickup_steps,
)
from plugins.sfr.destinations import destination_violations

GUIDE = "004_1c65287363dc7b18.txt"
SECTIONS = {"members": f"{GUIDE} §7.1", "distribution": f"{GUIDE} §7.2",
            "waiting": f"{GUIDE} §7.3", "overflow": f"{GUIDE} §7.4"}
MEMBERSHIP_SECTION = f"{GUIDE} §7.1"
PICKUP_SECTION = f"{GUIDE} §4.3"
GROUP_PLAN = "groupement"

BLOCKS = (
    hunt_group_block(guide_section=f"{GUIDE} §7.2, §7.3, §7.4", title=N_("Hunt group")),
    hunt_group_members_block(guide_section=f"{GUIDE} §7.1", title=N_("Hunt group members")),
    pickup_groups_block(guide_section=PICKUP_SECTION, title=N_("Pickup groups")),
    # §6.1.2: the line's own page lists its groups with their "CONNECTÉ" (Présent) switch
    hunt_group_memberships_block(guide_section=f"{GUIDE} §6.1.1, §6.1.2, §7.1",
                                 title=N_("Call groups")),
)


def validate_hunt_group(*, tenant: Tenant, line: Line | None,
                        data: dict[str, Any]) -> list[Violation]:
    """The overflow number follows the forwarding destination table (§7.4 → §6.14)."""
    number = data.get("overflow_number")
    if data.get("overflow") != "number" or not number:
        return []
    return destination_violations("hunt_group", "overflow_number", Destination("number", number))


def hunt_group_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A call to the group's number: members, queue, overflow (§3.4.1's three phases)."""
    if line.plan != GROUP_PLAN:
        return []
    return distribution_steps(call, tenant, line, country="FR", sections=SECTIONS,
                              code_prefix="sfr.hunt_group")


def membership_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A call to a member: the group's calls prevail over the line's forwarding (§7.1)."""
    return membership_steps(call, tenant, line, country="FR", section=MEMBERSHIP_SECTION,
                            code="sfr.hunt_group")


def pickup_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """While a member rings, the others of its pickup group can take it with *98 (§4.3)."""
    return pickup_steps(call, tenant, line, country="FR", section=PICKUP_SECTION,
                        code="sfr.pickup_group")
