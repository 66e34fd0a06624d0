"""The history of held conferences and their recordings (003 §16.4 "Retrouver
l'historique de vos conférences"):

- the network reports each time a conference was held: who connected, from when to when,
  and its audio recording (:meth:`~backoffice.core.network.SandboxNetwork.hold_conference`);
- "Une conférence n'ayant eu aucun participant connecté n'apparaîtra pas dans
  l'historique";
- "Les enregistrements audios sont archivés pour une durée maximale de 7 jours": the
  carrier's ``ConferenceLimits.recording_days``; a daily job (:func:`queue_purge`) drops
  the older ones, and the history says until when each one is kept;
- the sessions of a permanent conference are found by its name "dans les filtres".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.orm import selectinload

from backoffice.core.carriers import offer_of, registry
from backoffice.core.conferences.models import (
    Conference,
    ConferenceAttendance,
    ConferenceSession,
)
from backoffice.core.jobs import commit, enqueue
from backoffice.core.models import Tenant, utcnow
from backoffice.extensions import db

PAGE_SIZE = 50


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def recording_days(tenant: Tenant) -> int | None:
    """How many days the carrier keeps a conference's recording (``None``: none kept)."""
    return offer_of(tenant, "conferences", scope="tenant").limits.recording_days


def record_session(conference: Conference, started_at: datetime, ended_at: datetime,
                   attendees: Iterable[tuple[str, datetime, datetime]],
                   recording_seconds: int | None = None) -> ConferenceSession:
    """Keep one held conference as the network reports it (the caller commits). Its
    recording is kept only when the conference records and the carrier keeps recordings."""
    days = recording_days(conference.tenant)
    session = ConferenceSession(
        tenant_id=conference.tenant_id, conference=conference, started_at=_naive(started_at),
        ended_at=_naive(ended_at),
        recording_seconds=recording_seconds if conference.recording and days else None)
    session.attendances = [ConferenceAttendance(
        tenant_id=conference.tenant_id, name=name, joined_at=_naive(joined),
        left_at=_naive(left)) for name, joined, left in attendees]
    db.session.add(session)
    return session


def history(tenant: Tenant, conference_id: int | None = None, page: int = 1
            ) -> tuple[list[ConferenceSession], bool]:
    """The held conferences someone connected to, newest first, with their attendance (two
    queries whatever the page's size); and whether another page follows."""
    query = (select(ConferenceSession)
             .where(ConferenceSession.tenant_id == tenant.id,
                    exists().where(ConferenceAttendance.session_id == ConferenceSession.id))
             .options(selectinload(ConferenceSession.attendances),
                      selectinload(ConferenceSession.conference))
             .order_by(ConferenceSession.ended_at.desc(), ConferenceSession.id.desc())
             .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1))
    if conference_id is not None:
        query = query.where(ConferenceSession.conference_id == conference_id)
    sessions = list(db.session.scalars(query))
    return sessions[:PAGE_SIZE], len(sessions) > PAGE_SIZE


def kept_until(session: ConferenceSession, days: int | None) -> datetime | None:
    """Until when (naive UTC) the session's recording is kept; ``None`` without one."""
    if session.recording_seconds is None or not days:
        return None
    return session.ended_at + timedelta(days=days)


def purge_recordings(tenant_id: int, now_iso: str) -> int:
    """Job: drop the recordings of ``tenant_id``'s conferences that ended more than the
    carrier's ``recording_days`` before ``now_iso``; how many went."""
    tenant = db.session.get(Tenant, tenant_id)
    days = recording_days(tenant) if tenant is not None else None
    if not days:
        return 0
    limit = _naive(datetime.fromisoformat(now_iso)) - timedelta(days=days)
    gone = db.session.execute(update(ConferenceSession).where(
        ConferenceSession.tenant_id == tenant_id, ConferenceSession.ended_at < limit,
        ConferenceSession.recording_seconds.is_not(None)).values(recording_seconds=None))
    commit()
    return gone.rowcount or 0


def queue_purge(now: datetime | None = None) -> int:
    """Queue a :func:`purge_recordings` job for each tenant whose carrier keeps recordings
    a limited time; how many were queued."""
    moment = (now or utcnow()).isoformat()
    carriers = [entry.carrier.id for entry in registry().all()
                if (offer := entry.offer("conferences")) is not None
                and offer.limits.recording_days]
    tenant_ids = list(db.session.scalars(select(Tenant.id).where(
        Tenant.carrier_id.in_(carriers)))) if carriers else []
    for tenant_id in tenant_ids:
        enqueue(purge_recordings, tenant_id, moment)
    commit()
    return len(tenant_ids)
