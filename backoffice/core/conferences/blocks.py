"""The conference blocks: the customer's conferences and the people invited to them."""

from __future__ import annotations

from backoffice.core.blocks import CollectionBlock
from backoffice.core.conferences import service
from backoffice.core.errors import N_


def conferences_block(*, guide_section: str, title: str = N_("Conferences"),
                      block_id: str = "conferences") -> CollectionBlock:
    """The customer's conferences: create, change, delete."""
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.conference_schema,
        guide_section=guide_section, items=service.list_conferences,
        find=service.find_conference, add=service.add_conference,
        change=service.change_conference, remove=service.remove_conference,
        describe=service.describe_conference, summary=service.conferences_summary)


def participants_block(*, guide_section: str, title: str = N_("Conference participants"),
                       block_id: str = "conference-participants") -> CollectionBlock:
    """The invitations to the customer's conferences: invite, change, withdraw."""
    return CollectionBlock(
        id=block_id, feature=service.FEATURE, title=title, schema=service.participant_schema,
        guide_section=guide_section, items=service.list_participants,
        find=service.find_participant, add=service.add_participant,
        change=service.change_participant, remove=service.remove_participant,
        describe=service.describe_participant)
