"""Blocks of groups, for carriers to list in their ``blocks``: a group line's settings and
members, and the tenant's pickup groups."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from marshmallow import fields

from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.errors import N_
from backoffice.core.groups import hunt_groups, pickup


def hunt_group_block(*, guide_section: str, title: str = N_("Hunt group"),
                     block_id: str = "hunt-group", feature: str = hunt_groups.FEATURE,
                     distribution_labels: Mapping[str, str] | None = None,
                     extra: Callable[[object], Mapping[str, fields.Field]] | None = None
                     ) -> SettingsBlock:
    """The group line's distribution, waiting and overflow settings.

    ``distribution_labels`` names the distributions in the carrier's words (English msgids);
    ``extra(tenant)`` gives the carrier's own fields (kept with the group's settings).
    """
    def schema(tenant):
        return hunt_groups.settings_schema(tenant, feature, distribution_labels,
                                           extra(tenant) if extra else None)

    def read(tenant, line):
        values = hunt_groups.read_settings(tenant, line, feature)
        for name, field in schema(tenant).fields.items():
            if name not in values and not field.dump_only:
                values[name] = None if callable(field.load_default) else field.load_default
        return values

    return SettingsBlock(
        id=block_id, feature=feature, title=title, schema=schema, guide_section=guide_section,
        read=read,
        write=lambda tenant, line, raw: hunt_groups.write_settings(
            tenant, line, raw, feature, schema(tenant)))


def hunt_group_members_block(*, guide_section: str, title: str = N_("Members"),
                             block_id: str = "hunt-group-members",
                             feature: str = hunt_groups.FEATURE) -> CollectionBlock:
    """The group's members: add, reorder, connect or disconnect, remove."""
    return CollectionBlock(
        id=block_id, feature=feature, title=title, schema=hunt_groups.member_schema,
        guide_section=guide_section,
        items=partial(hunt_groups.list_members, feature=feature),
        find=partial(hunt_groups.find_member, feature=feature),
        add=partial(hunt_groups.add_member, feature=feature),
        change=hunt_groups.change_member, remove=hunt_groups.remove_member,
        describe=hunt_groups.describe_member)


def hunt_group_memberships_block(*, guide_section: str, title: str = N_("Call groups"),
                                 block_id: str = "call-groups",
                                 feature: str = "hunt_group_presence") -> CollectionBlock:
    """On a member's own line: the groups it belongs to, each with its present/away switch
    (``HuntGroupLimits.presence``); the line may join a group or leave one."""
    return CollectionBlock(
        id=block_id, feature=feature, title=title, schema=hunt_groups.membership_schema,
        guide_section=guide_section,
        items=partial(hunt_groups.list_memberships, feature=feature),
        find=partial(hunt_groups.find_membership, feature=feature),
        add=partial(hunt_groups.join_group, feature=feature),
        change=hunt_groups.change_presence, remove=hunt_groups.remove_member,
        describe=lambda member: hunt_groups.describe_line(member.group.line))


def pickup_groups_block(*, guide_section: str, title: str = N_("Pickup groups"),
                        block_id: str = "pickup-groups") -> CollectionBlock:
    """The tenant's pickup groups: add, change, delete."""
    return CollectionBlock(
        id=block_id, feature=pickup.FEATURE, title=title, schema=pickup.pickup_schema,
        guide_section=guide_section, items=pickup.list_groups, find=pickup.find_group,
        add=pickup.add_group, change=pickup.change_group, remove=pickup.remove_group,
        describe=lambda group: group.name)
