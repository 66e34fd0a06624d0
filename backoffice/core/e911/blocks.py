"""Blocks of the emergency addresses, for carriers to list in their ``blocks``."""

from __future__ import annotations

from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.e911 import service
from backoffice.core.errors import N_


def e911_addresses_block(*, guide_section: str, title: str = N_("9-1-1 addresses"),
                         block_id: str = "e911-addresses") -> CollectionBlock:
    """A line's saved addresses: add, edit, make one current, delete all but the current."""
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.address_schema,
        guide_section=guide_section, items=service.list_addresses, find=service.find_address,
        add=service.add_address, change=service.change_address, remove=service.remove_address,
        removable=service.why_kept, describe=service.describe_address,
        summary=service.addresses_summary)


def e911_location_block(*, guide_section: str, title: str = N_("Personal 9-1-1 service"),
                        block_id: str = "e911-location") -> SettingsBlock:
    """The line's current location at a glance, and the switch of the outside option."""
    return SettingsBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.location_schema,
        guide_section=guide_section, read=service.read_location, write=service.write_location)
