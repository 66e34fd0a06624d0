"""Bell personal 9-1-1 service (guide 000 §3): a Liaisons SIP user's 9-1-1 addresses.

No default address (§3.2): the first one added is selected and saved as current; required:
province, municipality, building number, street name; optional: street suffix, street
direction, apartment, longitude, latitude. "Hors du Canada" is always offered as the
current location. Any saved address can be made current, edited, and deleted unless it is
the current one (§3.3.3). A call to 9-1-1 sends the current address (§3.1).
"""

from __future__ import annotations

from backoffice.plugin import (
    N_,
    E911Limits,
    e911_addresses_block,
    e911_location_block,
)

GUIDE = "000_9e38ee5fe306c767.txt"
PROVINCES = ("CA-AB", "CA-BC", "CA-MB", "CA-NB", "CA-NL", "CA-NS", "CA-NT", "CA-NU",
             "CA-ON", "CA-PE", "CA-QC", "CA-SK", "CA-YT")
"""Canada's ten provinces and three territories (ISO 3166-2:CA)."""
LIMITS = E911Limits(provinces=PROVINCES, outside_option=N_("Outside Canada"),
                    emergency_numbers=("911",))

LOCATION_BLOCK = e911_location_block(guide_section=f"{GUIDE} §3.2",
                                     title=N_("Personal 9-1-1 service"))
ADDRESSES_BLOCK = e911_addresses_block(guide_section=f"{GUIDE} §3.3.3",
                                       title=N_("9-1-1 address list"))

