"""SFR private numbering (guide 004 §4.8, "Votre numérotation privée"): the company
directory's external contacts, "500 au maximum". The other half of §4.8, short numbers
("numéros courts") for the lines, is each line's extension."""

from __future__ import annotations

from backoffice.plugin import DirectoryLimits, FeatureOffer, external_contacts_block

GUIDE = "004_1c65287363dc7b18.txt"
SECTION = f"{GUIDE} §4.8"

OFFER = FeatureOffer("external_contacts", "tenant", (), DirectoryLimits(max_contacts=500),
                     SECTION)
BLOCK = external_contacts_block(guide_section=SECTION)
