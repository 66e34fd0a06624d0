"""Blocks of the blacklist, for carriers to list in their ``blocks``.

``rules_block`` is for a tenant-wide offer (match rules), ``blocked_numbers_block`` for a
line-scoped one (a list per line), ``anonymous_calls_block`` for the per-line
``anonymous_call_rejection`` setting.
"""

from __future__ import annotations

from backoffice.core.blacklist import anonymous, blocked_numbers, rules
from backoffice.core.blacklist.schemas import AnonymousCallRejectionSchema
from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.errors import N_


def rules_block(*, guide_section: str, title: str = N_("Blacklist rules"),
                block_id: str = "blacklist-rules") -> CollectionBlock:
    """Account-wide rules: search, add, edit, delete one, delete all."""
    return CollectionBlock(
        id=block_id, feature=rules.FEATURE, title=title, schema=rules.rule_schema,
        guide_section=guide_section, items=rules.list_rules, find=rules.find_rule,
        add=rules.add_rule, change=rules.change_rule, remove=rules.remove_rule,
        clear=rules.clear_rules, search=rules.search_rules, describe=rules.describe_rule,
        summary=rules.rules_effect, caution=rules.first_allow_only_caution)


def blocked_numbers_block(*, guide_section: str, title: str = N_("Blocked numbers"),
                          block_id: str = "blocked-numbers") -> CollectionBlock:
    """A line's blocked numbers: add, remove one, reset the list. Entries are not edited."""
    return CollectionBlock(
        id=block_id, feature=blocked_numbers.FEATURE, title=title,
        schema=blocked_numbers.blocked_number_schema, guide_section=guide_section,
        items=blocked_numbers.list_blocked, find=blocked_numbers.find_blocked,
        add=blocked_numbers.add_blocked, remove=blocked_numbers.remove_blocked,
        clear=blocked_numbers.clear_blocked, describe=lambda item: item.number)


def anonymous_calls_block(*, guide_section: str, title: str = N_("Anonymous calls"),
                          block_id: str = "anonymous-calls") -> SettingsBlock:
    """The line's "reject anonymous calls" switch."""
    return SettingsBlock(
        id=block_id, feature=anonymous.FEATURE, title=title,
        schema=lambda tenant: AnonymousCallRejectionSchema(), guide_section=guide_section,
        read=anonymous.read_anonymous_rejection, write=anonymous.set_anonymous_rejection)
