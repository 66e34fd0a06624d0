"""Blocks of voicemail, for carriers to list in their ``blocks``: the mailbox's settings and,
where the carrier lets agents empty a mailbox, its messages."""

from __future__ import annotations

from backoffice.core.blocks import SettingsBlock
from backoffice.core.errors import N_
from backoffice.core.voicemail import service
from backoffice.core.voicemail.schemas import EmptyingSchema, OptionFields


def voicemail_block(*, guide_section: str, options: OptionFields | None = None,
                    title: str = N_("Voicemail"), block_id: str = "voicemail") -> SettingsBlock:
    """The line's mailbox: core's fields the limits offer, then ``options()``, the carrier's
    own fields (kept in the mailbox's ``options``; check them with a ``voicemail`` rule)."""
    return SettingsBlock(
        id=block_id, feature=service.FEATURE, title=title, guide_section=guide_section,
        schema=lambda tenant: service.mailbox_schema(tenant, options),
        read=lambda tenant, line: service.read_mailbox(tenant, line, options),
        write=lambda tenant, line, raw: service.save_mailbox(tenant, line, raw, options))


def voicemail_messages_block(*, guide_section: str, title: str = N_("Voicemail messages"),
                             block_id: str = "voicemail-messages") -> SettingsBlock:
    """The count of the mailbox's messages, and emptying it once confirmed, with its personal
    greetings if asked (needs ``may_empty``)."""
    return SettingsBlock(
        id=block_id, feature=service.FEATURE, title=title, guide_section=guide_section,
        schema=lambda tenant: EmptyingSchema(), read=service.read_emptying,
        write=service.empty_mailbox)
