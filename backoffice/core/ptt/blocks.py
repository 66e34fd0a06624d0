"""Blocks of push-to-talk administration, for carriers to list in their ``blocks``."""

from __future__ import annotations

from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.errors import N_
from backoffice.core.ptt import devices, service
from backoffice.core.ptt.schemas import PttMessagingSchema, PttScanningSchema


def contacts_block(*, guide_section: str, title: str = N_("Master list"),
                   block_id: str = "ptt-contacts") -> CollectionBlock:
    """The master list: the devices (in its summary) and the external contacts, which are
    added, edited and removed with confirmation."""
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.contact_schema,
        guide_section=guide_section, items=service.contacts, find=service.find_contact,
        add=service.add_contact, change=service.change_contact, remove=service.remove_contact,
        describe=service.describe_contact, summary=service.master_list_summary)


def _lists_block(kind: service.ListKind, *, block_id: str, title: str,
                 guide_section: str) -> CollectionBlock:
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.list_schema,
        guide_section=guide_section, items=kind.items, find=kind.find, add=kind.add,
        change=kind.change, remove=kind.remove, describe=kind.describe)


def sub_lists_block(*, guide_section: str, title: str = N_("Sub-lists"),
                    block_id: str = "ptt-sub-lists") -> CollectionBlock:
    """Sub-lists: a name and members of the master list; deleted with confirmation."""
    return _lists_block(service.SUB_LISTS, block_id=block_id, title=title,
                        guide_section=guide_section)


def talk_groups_block(*, guide_section: str, title: str = N_("Talk groups"),
                      block_id: str = "ptt-talk-groups") -> CollectionBlock:
    """Talk groups: a name and members of the master list; deleted with confirmation."""
    return _lists_block(service.TALK_GROUPS, block_id=block_id, title=title,
                        guide_section=guide_section)


def scanning_block(*, guide_section: str, title: str = N_("Talk group scanning"),
                   block_id: str = "ptt-scanning") -> SettingsBlock:
    """A device's "enable talk group scanning" switch."""
    return SettingsBlock(
        id=block_id, feature=devices.SCANNING, title=title,
        schema=lambda tenant: PttScanningSchema(), guide_section=guide_section,
        read=devices.read_scanning, write=devices.write_scanning)


def scan_list_block(*, guide_section: str, title: str = N_("Scan list"),
                    block_id: str = "ptt-scan-list") -> CollectionBlock:
    """The talk groups on a device's scan list, each with its priority."""
    return CollectionBlock(
        id=block_id, feature=devices.SCANNING, title=title, schema=devices.scan_entry_schema,
        guide_section=guide_section, items=devices.scan_list, find=devices.find_scan_entry,
        add=devices.add_scan_entry, change=devices.change_scan_entry,
        remove=devices.remove_scan_entry, describe=devices.describe_scan_entry)


def messaging_block(*, guide_section: str, title: str = N_("Messaging and location"),
                    block_id: str = "ptt-messaging") -> SettingsBlock:
    """A device's integrated secure messaging, voice-message fallback and location services."""
    return SettingsBlock(
        id=block_id, feature=devices.MESSAGING, title=title,
        schema=lambda tenant: PttMessagingSchema(), guide_section=guide_section,
        read=devices.read_messaging, write=devices.write_messaging)
