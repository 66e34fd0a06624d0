"""Conferences and their participants: list, add, change, remove, through the pipeline.

The carrier's :class:`~backoffice.core.limits.ConferenceLimits` decide the languages, the
longest one-time conference and whether a permanent one may be broadcast; the room number
is the first free 4-digit number of the customer's.
"""

from __future__ import annotations

from typing import Any

from flask_babel import ngettext
from marshmallow import Schema
from sqlalchemy import func, select

from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change, assign_to, delete_all
from backoffice.core.conferences.models import Conference, ConferenceParticipant
from backoffice.core.conferences.schemas import ConferenceSchema, ParticipantSchema
from backoffice.core.declarations import FeatureOffer
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

FEATURE = "conferences"
ONE_TIME_FIELDS = ("start_date", "start_time", "duration_minutes")


def _offer(tenant: Tenant, line: Line | None = None) -> FeatureOffer:
    return offer_of(tenant, FEATURE, line, scope="tenant")


def conference_schema(tenant: Tenant) -> ConferenceSchema:
    """The schema, offering the carrier's languages."""
    return ConferenceSchema(languages=_offer(tenant).limits.languages)


def participant_schema(tenant: Tenant) -> ParticipantSchema:
    """The schema of an invitation to one of the customer's conferences."""
    return ParticipantSchema()


# Conferences


def list_conferences(tenant: Tenant, line: Line | None = None) -> list[Conference]:
    """The customer's conferences, by title."""
    _offer(tenant, line)
    return list(db.session.scalars(select(Conference).where(
        Conference.tenant_id == tenant.id).order_by(Conference.title, Conference.id)))


def find_conference(tenant: Tenant, line: Line | None, item_id: int) -> Conference | None:
    """One conference of the customer's, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(Conference).where(
        Conference.id == item_id, Conference.tenant_id == tenant.id))


def _conference_checks(tenant: Tenant):
    limits = _offer(tenant).limits

    def check(data: dict[str, Any]) -> list[Violation]:
        violations = []
        if data["kind"] == "one_time":
            violations += [Violation(code=f"conference.{name}.required", field=name,
                                     message=N_("A one-time conference needs this field."))
                           for name in ONE_TIME_FIELDS if data.get(name) is None]
            minutes = data.get("duration_minutes")
            if minutes is not None and limits.max_minutes is not None \
                    and minutes > limits.max_minutes:
                violations.append(Violation(
                    code="conference.duration_minutes.too_long", field="duration_minutes",
                    message=N_("A one-time conference lasts at most %(max)s minutes; create "
                               "another conference if needed."),
                    params={"max": limits.max_minutes}, limit=limits.max_minutes))
        elif data.get("web_broadcast") and not limits.web_broadcast_permanent:
            violations.append(Violation(
                code="conference.web_broadcast.not_allowed", field="web_broadcast",
                message=N_("A permanent conference cannot be broadcast on the web.")))
        return violations
    return check


def _normalized(tenant: Tenant, clean: dict[str, Any]) -> dict[str, Any]:
    """A permanent conference keeps no schedule; a one-time one has a time zone."""
    if clean["kind"] == "permanent":
        return {**clean, **dict.fromkeys((*ONE_TIME_FIELDS, "timezone"))}
    return {**clean, "timezone": clean.get("timezone") or tenant.timezone}


def _free_room(tenant: Tenant) -> str:
    """The first 4-digit room number the customer does not use."""
    taken = set(db.session.scalars(select(Conference.room).where(
        Conference.tenant_id == tenant.id)))
    return next(f"{n:04d}" for n in range(1000, 10_000) if f"{n:04d}" not in taken)


def add_conference(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Conference:
    """Create a conference; its room number is assigned."""
    _offer(tenant, line)

    def persist(clean: dict[str, Any]) -> Conference:
        # Lock the tenant so that two conferences created at once get different rooms.
        db.session.execute(select(Tenant.id).where(Tenant.id == tenant.id).with_for_update())
        conference = Conference(**_normalized(tenant, clean), tenant_id=tenant.id,
                                room=_free_room(tenant))
        db.session.add(conference)
        return conference

    return apply_change(Change(
        tenant=tenant, object_type="conference", action="create", data=data,
        schema=conference_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_conference_checks(tenant)]))


def change_conference(conference: Conference, data: dict[str, Any]) -> Conference:
    """Change a conference's settings (its room number stays)."""
    tenant = conference.tenant
    assign = assign_to(conference)
    return apply_change(Change(
        tenant=tenant, object_type="conference", action="update", data=data,
        schema=conference_schema(tenant), target=conference, feature=FEATURE,
        persist=lambda clean: assign(_normalized(tenant, clean)),
        checks=[_conference_checks(tenant)]))


def remove_conference(conference: Conference) -> Conference:
    """Delete a conference and its invitations."""
    return apply_change(Change(
        tenant=conference.tenant, object_type="conference", action="delete", data={},
        schema=Schema(), persist=delete_all(conference), target=conference, feature=FEATURE))


def describe_conference(conference: Conference) -> str:
    return f"{conference.title} ({conference.room})"


def conferences_summary(tenant: Tenant, line: Line | None = None) -> str:
    count = db.session.scalar(select(func.count()).select_from(Conference).where(
        Conference.tenant_id == tenant.id)) or 0
    return ngettext("%(num)d conference", "%(num)d conferences", count)


# Participants


def list_participants(tenant: Tenant, line: Line | None = None) -> list[ConferenceParticipant]:
    """Everyone invited to the customer's conferences, by conference then name."""
    _offer(tenant, line)
    return list(db.session.scalars(
        select(ConferenceParticipant).join(Conference)
        .where(ConferenceParticipant.tenant_id == tenant.id)
        .order_by(Conference.title, ConferenceParticipant.name)))


def find_participant(tenant: Tenant, line: Line | None,
                     item_id: int) -> ConferenceParticipant | None:
    _offer(tenant, line)
    return db.session.scalar(select(ConferenceParticipant).where(
        ConferenceParticipant.id == item_id, ConferenceParticipant.tenant_id == tenant.id))


def _participant_checks(tenant: Tenant, participant: ConferenceParticipant | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        conference = db.session.get(Conference, data["conference_id"])
        if conference is None or conference.tenant_id != tenant.id:
            return [Violation(code="conference_participant.conference_id.unknown",
                              field="conference_id",
                              message=N_("This conference does not belong to this customer."))]
        other = db.session.scalar(select(ConferenceParticipant).where(
            ConferenceParticipant.conference_id == conference.id,
            func.lower(ConferenceParticipant.email) == data["email"].lower()))
        if other is not None and other is not participant:
            return [Violation(code="conference_participant.email.duplicate", field="email",
                              message=N_("%(value)s is already invited to this conference."),
                              params={"value": data["email"]})]
        return []
    return check


def add_participant(tenant: Tenant, line: Line | None,
                    data: dict[str, Any]) -> ConferenceParticipant:
    """Invite someone to a conference; the network sends the invitation e-mail."""
    _offer(tenant, line)

    def persist(clean: dict[str, Any]) -> ConferenceParticipant:
        participant = ConferenceParticipant(**clean, tenant_id=tenant.id)
        db.session.add(participant)
        return participant

    return apply_change(Change(
        tenant=tenant, object_type="conference_participant", action="create", data=data,
        schema=participant_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_participant_checks(tenant, None)]))


def change_participant(participant: ConferenceParticipant,
                       data: dict[str, Any]) -> ConferenceParticipant:
    """Change an invitation (name, e-mail, role, conference)."""
    return apply_change(Change(
        tenant=participant.tenant, object_type="conference_participant", action="update",
        data=data, schema=participant_schema(participant.tenant),
        persist=assign_to(participant), target=participant, feature=FEATURE,
        checks=[_participant_checks(participant.tenant, participant)]))


def remove_participant(participant: ConferenceParticipant) -> ConferenceParticipant:
    """Withdraw an invitation."""
    return apply_change(Change(
        tenant=participant.tenant, object_type="conference_participant", action="delete",
        data={}, schema=Schema(), persist=delete_all(participant), target=participant,
        feature=FEATURE))


def describe_participant(participant: ConferenceParticipant) -> str:
    return f"{participant.name} <{participant.email}>"
