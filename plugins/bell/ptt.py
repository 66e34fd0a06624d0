"""Bell Push-to-Talk enterprise administration tool (guide 001, the whole page).

The guide's text has no numbered sections: each block cites the heading it carries.
Master list with external contacts (a name of at most 30 characters, a ten-digit number,
removal with confirmation); sub-lists and talk groups (a name and members, deletion with
confirmation); per contact, talk-group scanning, the groups of its scan list and each
one's priority; integrated secure messaging, whose removal also removes the voice-message
fallback; location services, which cannot be removed. Updates reach the devices
automatically (the sandbox answers so).
"""

from __future__ import annotations

from backoffice.plugin import (
    N_,
    PttLimits,
    PttScanLimits,
    contacts_block,
    messaging_block,
    scan_list_block,
    scanning_block,
    sub_lists_block,
    talk_groups_block,
)

GUIDE = "001_bd78f33463b5f0c1.txt"
LIMITS = PttLimits(contact_name_max=30, contact_number_digits=10, device_plans=("ptt",))
# The guide shows a "Priorité" drop-down without its values: three levels, 1 the highest.
SCAN_LIMITS = PttScanLimits(priorities=3)

BLOCKS = (
    contacts_block(guide_section=f"{GUIDE} « Ajouter un contact externe »",
                   title=N_("Master list")),
    sub_lists_block(guide_section=f"{GUIDE} « Gérer les sous-listes »"),
    talk_groups_block(guide_section=f"{GUIDE} « Comment créer un groupe »"),
    scanning_block(guide_section=f"{GUIDE} « Pour activer les groupes de discussion »"),
    scan_list_block(guide_section=f"{GUIDE} « Pour activer les groupes de discussion »"),
    messaging_block(guide_section=f"{GUIDE} « Supprimer la Messagerie sécurisée intégrée »"),
)
