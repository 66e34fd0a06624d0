"""The common features every carrier may offer, with the words agents use for them."""

from __future__ import annotations

from flask_babel import gettext

from backoffice.core.errors import N_

COMMON_FEATURES = {
    "forwarding": N_("call forwarding"),
    "voicemail": N_("voicemail boxes"),
    "ptt_groups": N_("push-to-talk groups"),
    "ptt_scanning": N_("push-to-talk talk-group scanning"),
    "ptt_messaging": N_("push-to-talk messaging"),
    "blacklist": N_("blacklist"),
    "anonymous_call_rejection": N_("anonymous-call rejection"),
    "ivr": N_("interactive voice response"),
    "e911_addresses": N_("9-1-1 addresses"),
    "calendars": N_("calendars"),
    "lines": N_("lines"),
    "sites": N_("sites"),
    "external_contacts": N_("external contacts"),
    "conferences": N_("audio conferences"),
    "address_books": N_("address books"),
    "call_log": N_("call log"),
    "users": N_("users"),
    "company_numbers": N_("company numbers"),
    "phone_contacts": N_("contacts on the phones"),
    "appearance": N_("appearance"),
    "faxes": N_("faxes"),
    "fax_numbers": N_("fax number settings"),
    "softphones": N_("softphones"),
}


CORE_PAGE_FEATURES = ("lines", "sites", "appearance", "faxes")
"""Features agents use on core's own pages; a carrier declares only their limits."""


def feature_label(feature: str) -> str:
    """The feature's name in the agent's language (its id when it has no common name)."""
    label = COMMON_FEATURES.get(feature)
    return gettext(label) if label else feature.replace("_", " ")
