"""Probes of :class:`CallLogLimits` and of ``ConferenceLimits.recording_days``: each
declared limit acts on what the carrier's network reports (calls carried, conferences
held), read through the call log's filters, its e-mail block and the recordings' purge.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backoffice.core.call_log.models import FREQUENCIES
from backoffice.core.call_log.records import call_page, read_filters
from backoffice.core.conferences.history import purge_recordings
from backoffice.core.conferences.models import ConferenceSession
from backoffice.plugin import CallLogLimits, ConferenceLimits, db, network_for
from backoffice.testing.probes import Probe, ProbeContext, english

FILTER_QUERIES = {"period": {"since": "2026-01-01", "until": "2026-01-31"},
                  "call_type": {"call_type": "incoming"}, "blocked": {"blocked": "yes"},
                  "recorded": {"recorded": "no"}}


def probe_faxes(ctx: ProbeContext) -> None:
    """A fax the network carried is listed as a fax; the type filter takes ``fax``."""
    assert ctx.value is True, f"{ctx.name}: only True widens the default"
    network = network_for(ctx.tenant.carrier_id)
    moment = datetime(2026, 2, 3, 15, 0, tzinfo=UTC)
    network.carry_call(ctx.tenant, started_at=moment, call_type="incoming", kind="fax",
                       caller="+15145550123", called="+15145550100", seconds=40)
    db.session.commit()
    with english(ctx.app):
        page = call_page(ctx.tenant, read_filters(ctx.tenant, {
            "call_type": "fax", "since": "2026-02-03", "until": "2026-02-03"}))
    assert [r.kind for r in page.records] == ["fax"], f"{ctx.name}: the fax is not listed"


def probe_filters(ctx: ProbeContext) -> None:
    """Each declared filter selects; each other one is refused on its field."""
    for name, query in FILTER_QUERIES.items():
        if name in ctx.value:
            ctx.accepted(lambda q=query: read_filters(ctx.tenant, q), f"the {name} filter")
        else:
            ctx.refused(lambda q=query: read_filters(ctx.tenant, q), next(iter(query)),
                        f"the {name} filter, not offered")


def probe_email_frequencies(ctx: ProbeContext) -> None:
    """The log is e-mailed at each declared frequency; another one is refused."""
    block = ctx.settings_block()
    days = {"weekly": {"weekday": "monday"}, "monthly": {"month_day": 15}}
    for frequency in FREQUENCIES:
        data = {"frequency": frequency, "email": "probe.log@conformance.example",
                **days.get(frequency, {})}
        if frequency in ctx.value:
            ctx.accepted(lambda d=data: block.write(ctx.tenant, None, d),
                         f"an e-mail {frequency}")
        else:
            ctx.refused(lambda d=data: block.write(ctx.tenant, None, d), "frequency",
                        f"an e-mail {frequency}, not offered")


def probe_recording_days(ctx: ProbeContext) -> None:
    """A recording is kept ``recording_days`` after its conference ends, not a day more."""
    days = ctx.value
    block = ctx.collection_block()
    conference = ctx.accepted(lambda: block.add(ctx.tenant, None, {
        "kind": "permanent", "title": f"Probe recordings {datetime.now(UTC).timestamp()}",
        "language": ctx.limits.languages[0], "recording": True}), "a recorded conference")
    network = network_for(ctx.tenant.carrier_id)
    now = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    sessions = []
    for age in (timedelta(days=days) - timedelta(hours=1), timedelta(days=days, hours=1)):
        ended = now - age
        sessions.append(network.hold_conference(
            conference, ended - timedelta(minutes=30), ended,
            [("Probe", ended - timedelta(minutes=30), ended)], recording_seconds=1800))
    db.session.commit()
    ids = [session.id for session in sessions]
    purge_recordings(ctx.tenant.id, now.isoformat())
    db.session.expire_all()
    kept = [db.session.get(ConferenceSession, i).recording_seconds for i in ids]
    assert kept == [1800, None], f"{ctx.name}: recordings after the purge: {kept}"


PROBES: dict[tuple[type | None, str], Probe] = {
    (CallLogLimits, "faxes"): probe_faxes,
    (CallLogLimits, "filters"): probe_filters,
    (CallLogLimits, "email_frequencies"): probe_email_frequencies,
    (ConferenceLimits, "recording_days"): probe_recording_days,
}
