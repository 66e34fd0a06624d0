"""Audio conferences through the API (Cooptel §16): rules, refusals in French, nothing
partly saved, and the room number assigned."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.core.conferences.models import Conference, ConferenceParticipant
from backoffice.core.models import Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "cooptel", **{"Accept-Language": "fr"})


def url(kind: str = "conferences") -> str:
    tenant = db.session.scalar(select(Tenant.id).where(Tenant.name == "Fromagerie du Lac"))
    return f"/api/v1/tenants/{tenant}/{kind}"


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_one_time_conference_gets_a_free_room_and_the_customers_zone(api):
    created = api("POST", url(), json={
        "kind": "one_time", "title": "Inventaire", "language": "en",
        "start_date": "2027-03-01", "start_time": "09:30", "duration_minutes": 180})
    assert created.status_code == 201, created.json
    rooms = set(db.session.scalars(select(Conference.room)))
    assert created.json["room"] in rooms and len(rooms) == count(Conference)
    assert created.json["timezone"] == "America/Toronto"


def test_a_permanent_conference_keeps_no_schedule(api):
    created = api("POST", url(), json={
        "kind": "permanent", "title": "Salle B", "language": "fr",
        "start_date": "2027-03-01", "start_time": "09:30", "duration_minutes": 30})
    assert created.status_code == 201
    assert [created.json[name] for name in ("start_date", "start_time", "duration_minutes",
                                            "timezone")] == [None] * 4


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"kind": "one_time", "title": "X", "language": "fr", "start_date": "2027-03-01",
      "start_time": "09:30", "duration_minutes": 181}, "duration_minutes",
     "Une conférence à usage unique dure au plus 180 minutes ; créez une nouvelle "
     "conférence si nécessaire."),
    ({"kind": "permanent", "title": "X", "language": "fr", "web_broadcast": True},
     "web_broadcast", "Une conférence permanente ne peut pas être diffusée sur le web."),
    ({"kind": "permanent", "title": "X", "language": "de"}, "language",
     "Choisissez parmi : fr, en."),
    ({"kind": "permanent", "title": "X", "language": "fr", "access_code": "12a4"},
     "access_code", "Exactement 4 chiffres."),
    ({"kind": "permanent", "title": "", "language": "fr"}, "title",
     "Entre 1 et 120 caractères."),
])
def test_bad_conferences_are_refused_in_french_and_nothing_is_saved(api, body, field, message):
    before = count(Conference)
    refused = api("POST", url(), json=body)
    assert refused.status_code == 422
    assert (field, message) in [(e["field"], e["message"]) for e in refused.json["errors"]]
    assert count(Conference) == before


def test_an_invitation_to_another_customers_conference_is_refused(api, app):
    other = db.session.scalar(select(Tenant).where(Tenant.carrier_id == "cooptel",
                                                   Tenant.name != "Fromagerie du Lac"))
    conference = db.session.scalars(select(Conference)).first()
    if other is None:
        other = Tenant(name="Autre client", carrier_id="cooptel", locale="fr",
                       timezone="America/Toronto", version=1)
        db.session.add(other)
        db.session.commit()
    before = count(ConferenceParticipant)
    refused = api("POST", f"/api/v1/tenants/{other.id}/conference-participants", json={
        "conference_id": conference.id, "name": "Intrus", "email": "x@example.com",
        "role": "participant"})
    assert refused.status_code == 422
    assert refused.json["errors"][0]["code"] == "conference_participant.conference_id.unknown"
    assert count(ConferenceParticipant) == before
