"""The device blocks: a line's hardware and its key layout; a phone bank and the phones
assigned to an extension."""

from __future__ import annotations

from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.devices import service
from backoffice.core.errors import N_


def line_device_block(*, guide_section: str, title: str = N_("Hardware of the line"),
                      block_id: str = "hardware") -> CollectionBlock:
    """The hardware associated with a line (one at most): associate, change, remove. A
    change to a model with fewer keys asks the agent to acknowledge the keys it loses."""
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title,
        schema=service.line_device_schema, guide_section=guide_section,
        items=service.list_line_devices, find=service.find_line_device,
        add=service.add_line_device, change=service.change_line_device,
        remove=service.remove_line_device, describe=service.describe_line_device,
        caution=service.change_caution)


def keys_block(*, guide_section: str, title: str = N_("Programmable keys"),
               block_id: str = "programmable-keys") -> SettingsBlock:
    """The key layout of the line's phone, saved whole (the phone takes it at once)."""
    return SettingsBlock(
        id=block_id, feature=service.KEYS_FEATURE, title=title, schema=service.keys_schema,
        guide_section=guide_section, read=service.read_keys, write=service.write_keys)


def phone_bank_block(*, guide_section: str, title: str = N_("Phone bank"),
                     block_id: str = "phones") -> CollectionBlock:
    """The customer's bank of phones: add (MAC address and name), change, remove."""
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.phone_schema,
        guide_section=guide_section, items=service.list_phones, find=service.find_phone,
        add=service.add_phone, change=service.change_phone, remove=service.remove_phone,
        describe=service.describe_phone, summary=service.devices_summary)


def assignments_block(*, guide_section: str, title: str = N_("Phones of the extension"),
                      block_id: str = "phone-assignments") -> CollectionBlock:
    """The phones of the bank assigned to an extension, each on its line keys; choosing a
    model asks the agent to acknowledge that a wrong model leaves the phone unusable."""
    return CollectionBlock(
        id=block_id, feature=service.KEYS_FEATURE, title=title,
        schema=service.assignment_schema, guide_section=guide_section,
        items=service.list_assignments, find=service.find_assignment,
        add=service.add_assignment, change=service.change_assignment,
        remove=service.remove_assignment, describe=service.describe_assignment,
        caution=service.assignment_caution)


def softphones_block(*, guide_section: str, title: str = N_("Softphones"),
                     block_id: str = "softphones") -> CollectionBlock:
    """The softphones of an extension, each with its own SIP account (user name, server,
    password); the carrier's fees are shown as information."""
    from backoffice.core.devices import softphones

    return CollectionBlock(
        id=block_id, feature=softphones.FEATURE, title=title,
        schema=softphones.softphone_schema, guide_section=guide_section,
        items=softphones.list_softphones, find=softphones.find_softphone,
        add=softphones.add_softphone, change=softphones.change_softphone,
        remove=softphones.remove_softphone, describe=softphones.describe_softphone,
        summary=softphones.softphones_summary)
