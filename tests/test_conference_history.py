"""Cooptel's ended conferences (003 §16.4): sessions reported by the sandbox network, none
without a participant, recordings kept 7 days and purged by a job, in the UI and the API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from backoffice.core.conferences.history import queue_purge
from backoffice.core.conferences.models import Conference, ConferenceSession
from backoffice.core.models import Tenant
from backoffice.core.provisioning import network_for
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "cooptel", **{"Accept-Language": "fr"})


def lac() -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.name == "Fromagerie du Lac"))


def room(title: str) -> Conference:
    return db.session.scalar(select(Conference).where(Conference.title == title))


def test_the_demo_history_hides_the_session_nobody_joined(api):
    tenant = lac()
    answer = api("GET", f"/api/v1/tenants/{tenant.id}/conference-history")
    assert answer.status_code == 200, answer.json
    items = answer.json["items"]
    held = db.session.scalars(select(ConferenceSession).where(
        ConferenceSession.tenant_id == tenant.id)).all()
    assert len(held) == 4 and len(items) == 3
    assert all(item["participants"] for item in items)
    assert [p["name"] for p in items[0]["participants"]] == ["Sophie Bergeron", "Luc Paquette"]
    # the newest recordings are kept 7 days after their end; the oldest one is gone
    for item in items:
        if item["recording_seconds"] is not None:
            ended = datetime.fromisoformat(item["ended_at"].rstrip("Z"))
            assert item["recording_kept_until"] == (ended + timedelta(days=7)).isoformat() + "Z"
    assert items[-1]["recording_seconds"] is None and items[-1]["recording_kept_until"] is None


def test_the_purge_job_drops_recordings_past_7_days(api):
    tenant = lac()
    team = room("Réunion d'équipe")
    ended = datetime(2026, 11, 1, 15, 0, tzinfo=UTC)
    network = network_for("cooptel")
    session = network.hold_conference(team, ended - timedelta(hours=1), ended,
                                      [("Sophie Bergeron", ended - timedelta(hours=1), ended)],
                                      recording_seconds=3600)
    db.session.commit()
    assert queue_purge(ended + timedelta(days=7) - timedelta(minutes=1)) >= 1
    assert db.session.get(ConferenceSession, session.id).recording_seconds == 3600
    queue_purge(ended + timedelta(days=7, minutes=1))
    db.session.expire_all()
    assert db.session.get(ConferenceSession, session.id).recording_seconds is None
    assert tenant.id == session.tenant_id


def test_a_conference_that_does_not_record_keeps_no_recording(api):
    sales = room("Réunion d'équipe")
    sales.recording = False
    db.session.commit()
    moment = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    session = network_for("cooptel").hold_conference(
        sales, moment, moment + timedelta(minutes=10), [("Luc", moment, moment)],
        recording_seconds=600)
    assert session.recording_seconds is None


def test_the_filter_by_conference_and_another_tenants_conference(api, app):
    tenant = lac()
    team = room("Réunion d'équipe")
    mine = api("GET", f"/api/v1/tenants/{tenant.id}/conference-history?conference_id={team.id}")
    assert {item["conference_id"] for item in mine.json["items"]} == {team.id}
    sales = room("Meeting ventes")
    none = api("GET", f"/api/v1/tenants/{tenant.id}/conference-history?conference_id={sales.id}")
    assert none.json["items"] == []
    other = db.session.scalar(select(Tenant).where(Tenant.carrier_id == "telus"))
    admin = bearer_client(app, "operator_admin", None)
    wrong = admin("GET", f"/api/v1/tenants/{other.id}/conference-history")
    assert wrong.status_code == 404


def test_the_page_says_until_when_each_recording_is_kept(app, agent_client):
    load_demo()
    tenant = lac()
    client = agent_client("support_agent", "cooptel")
    statements = []

    def count(*args, **kwargs):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        french = client.get(f"/tenants/{tenant.id}/conferences/history?lang=fr")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert french.status_code == 200
    assert "Conférences terminées" in french.text and "conservé jusqu'au" in french.text
    assert french.text.count('class="conference-session"') == 3
    # the page's query (with its EXISTS) and one query of every session's attendance
    assert len([s for s in statements if "conference_attendance" in s]) == 2
    english = client.get(f"/tenants/{tenant.id}/conferences/history?lang=en")
    assert "kept until" in english.text and "No audio recording kept." in english.text
    assert f"/tenants/{tenant.id}/conferences/history" in client.get(
        f"/tenants/{tenant.id}").text
