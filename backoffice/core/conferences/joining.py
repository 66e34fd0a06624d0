"""What a participant dialling into a conference meets, by the carrier's limits.

- a one-time conference opens ``opens_minutes_before`` its start and ends after its length;
- without an administrator connected, participants wait in a waiting room;
- otherwise the participant joins the conference.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from backoffice.core.carriers import offer_of
from backoffice.core.conferences.models import Conference
from backoffice.core.errors import N_

OUTCOMES = {
    "too_early": N_("Too early: a one-time conference opens %(minutes)s minutes before "
                    "it starts."),
    "ended": N_("The conference is over."),
    "waiting_room": N_("Waiting room: the conference starts when an administrator joins."),
    "joined": N_("Joins the conference."),
}


def opening_and_end(conference: Conference) -> tuple[datetime, datetime] | None:
    """When a one-time conference can first be joined and when it ends (aware); ``None``
    for a permanent conference."""
    if conference.kind != "one_time":
        return None
    limits = offer_of(conference.tenant, "conferences", scope="tenant").limits
    zone = ZoneInfo(conference.timezone or conference.tenant.timezone)
    start = datetime.combine(conference.start_date, conference.start_time, zone)
    return (start - timedelta(minutes=limits.opens_minutes_before),
            start + timedelta(minutes=conference.duration_minutes))


def joining(conference: Conference, at: datetime, administrator_connected: bool) -> str:
    """``too_early``, ``ended``, ``waiting_room`` or ``joined`` (``at`` is aware)."""
    window = opening_and_end(conference)
    if window is not None:
        opens, ends = window
        if at < opens:
            return "too_early"
        if at >= ends:
            return "ended"
    return "joined" if administrator_connected else "waiting_room"
