"""The REST API: same rules as the forms, problem+json errors, pagination, ETag/If-Match."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate
from sqlalchemy import func, select

from backoffice.auth.tokens import create_token
from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client, csrf_token, make_agent


@pytest.fixture
def api(app):
    """A bearer-token client for an SFR support agent, with the demo loaded."""
    load_demo()
    return bearer_client(app, "support_agent", "sfr")


def sfr_line() -> Line:
    return db.session.scalar(select(Line).where(Line.number == "+33483050173"))


def test_the_openapi_document_validates(api):
    document = api("GET", "/api/openapi.json").json
    validate(document)
    assert "/api/v1/tenants/{tenant_id}/lines/{line_id}" in document["paths"]
    docs = api("GET", "/api/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text


def test_lists_are_paginated_with_a_total(api):
    tenant = sfr_line().tenant_id
    first = api("GET", f"/api/v1/tenants/{tenant}/lines?page_size=3&sort=number").json
    second = api("GET", f"/api/v1/tenants/{tenant}/lines?page_size=3&page=2&sort=number").json
    assert first["total"] == second["total"] == 8  # the IVR line "Accueil Vocal Marketing" too
    assert len(first["items"]) == 3
    numbers = [line["number"] for line in first["items"] + second["items"]]
    assert numbers == sorted(numbers)
    fixed = api("GET", f"/api/v1/tenants/{tenant}/lines?plan=fixe").json
    assert fixed["total"] == 4


def test_a_line_change_needs_the_current_etag(api):
    line = sfr_line()
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}"
    etag = api("GET", url).headers["ETag"]
    missing = api("PATCH", url, json={"first_name": "Julie"})
    assert missing.status_code == 428 and missing.mimetype == "application/problem+json"
    changed = api("PATCH", url, json={"first_name": "Julie"}, headers={"If-Match": etag})
    assert changed.status_code == 200 and changed.json["first_name"] == "Julie"
    assert changed.headers["ETag"] != etag
    stale = api("PATCH", url, json={"first_name": "Marc"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json["changed_by"] == "support_agent.sfr@test.example"
    db.session.expire_all()
    assert db.session.get(Line, line.id).first_name == "Julie"


@pytest.mark.parametrize(("language", "message"), [
    ("fr", "Ce champ est obligatoire pour le forfait « Forfait Fixe »."),
    ("en", "This field is required for the plan “Fixed line plan”."),
])
def test_refusals_are_problem_json_with_code_field_and_language(api, language, message):
    tenant = sfr_line().tenant_id
    before = db.session.scalar(select(func.count()).select_from(AuditRecord))
    response = api("POST", f"/api/v1/tenants/{tenant}/lines",
                   json={"plan": "fixe", "number": "04 83 05 01 99"},
                   headers={"Accept-Language": language})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    errors = {error["field"]: error for error in response.json["errors"]}
    assert errors["email"] == {"code": "line.email.required", "field": "email",
                               "message": message}
    assert db.session.scalar(select(func.count()).select_from(AuditRecord)) == before


def test_a_carrier_rule_answers_with_its_code_and_limit(api, app):
    load_demo()
    agent = make_agent("support_agent", "cooptel")
    _, clear = create_token(agent, "tests")
    tenant = db.session.scalar(select(Tenant.id).where(Tenant.carrier_id == "cooptel"))
    response = app.test_client().post(
        f"/api/v1/tenants/{tenant}/lines", json={"plan": "extension", "extension": "911"},
        headers={"Authorization": f"Bearer {clear}"})
    assert response.status_code == 422
    error = response.json["errors"][0]
    assert error["code"] == "line.extension.reserved" and "911" in error["limit"]


def test_a_line_is_created_and_deleted_through_the_api(api):
    tenant = sfr_line().tenant_id
    created = api("POST", f"/api/v1/tenants/{tenant}/lines", json={
        "plan": "mobile", "number": "06 12 34 56 78"})
    assert created.status_code == 201 and created.json["number"] == "+33612345678"
    url = f"/api/v1/tenants/{tenant}/lines/{created.json['id']}"
    etag = api("GET", url).headers["ETag"]
    assert api("DELETE", url, headers={"If-Match": etag}).status_code == 204
    assert api("GET", url).status_code == 404


def test_an_agent_cannot_create_a_tenant_of_another_carrier(api):
    refused = api("POST", "/api/v1/tenants", json={"name": "Intrus", "carrier_id": "bell"})
    assert refused.status_code == 422
    assert refused.json["code"] == "tenant.carrier_id.forbidden"
    created = api("POST", "/api/v1/tenants", json={"name": "Nouveau client", "carrier_id": "sfr"})
    assert created.status_code == 201 and created.json["timezone"] == "Europe/Paris"


def test_orders_history_and_explainer(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050174"))
    base = f"/api/v1/tenants/{line.tenant_id}"
    orders = api("GET", f"{base}/orders?line_id={line.id}").json
    assert orders["total"] >= 1  # the line's creation, then its demo settings (a mailbox)
    assert {item["status"] for item in orders["items"]} == {"applied"}
    history = api("GET", f"{base}/lines/{line.id}/history").json
    assert history["items"][0]["action"] == "create"
    steps = api("POST", f"{base}/lines/{line.id}/explain", json={
        "moment": "2026-11-20T10:00:00", "state": "idle"}, headers={"Accept-Language": "fr"})
    assert steps.status_code == 200
    assert steps.json[-1]["rule"] == "La ligne est libre : elle sonne et l'appel est pris."
    bad = api("POST", f"{base}/lines/{line.id}/explain", json={"state": "busy"})
    assert bad.status_code == 422 and bad.json["errors"][0]["field"] == "moment"
    garbled = api("POST", f"{base}/lines/{line.id}/explain", json={"moment": "samedi"},
                  headers={"Accept-Language": "fr"})
    assert garbled.json["errors"][0]["message"] == (
        "Saisissez une date et une heure valides (AAAA-MM-JJTHH:MM).")


def test_the_explainer_speaks_the_agents_language(api):
    """The same call, explained in French and in English: the rule and the values inside it
    (day, date, time, opening hours) are written in the language the client asks for."""
    line = sfr_line()  # Stéphane Biel: scheduled forwarding to voicemail with "JOURS OUVRES"
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/explain"
    saturday = {"caller": "06 12 34 56 78", "moment": "2026-11-28T10:00:00", "state": "idle"}
    french, english = (api("POST", url, json=saturday, headers={"Accept-Language": language})
                       for language in ("fr", "en"))
    assert french.status_code == english.status_code == 200
    assert [(s["action"], s["target"], s["guide_section"]) for s in french.json] == \
        [(s["action"], s["target"], s["guide_section"]) for s in english.json] == \
        [("hunt_group", "+33483050175", "004_1c65287363dc7b18.txt §7.1"),  # a member
         ("voicemail", "voicemail", "004_1c65287363dc7b18.txt §6.14")]
    assert french.json[-1]["rule"].startswith(  # then the mailbox's state
        "Le renvoi programmé est activé avec le calendrier « JOURS OUVRES » : samedi 28 "
        "novembre 2026 à 10:00 (Europe/Paris) : aucun horaire d'ouverture ce jour-là.")
    assert english.json[-1]["rule"].startswith(
        "Scheduled forwarding is on with the calendar “JOURS OUVRES”: Saturday, November 28, "
        "2026 at 10:00\u202fAM (Europe/Paris): no opening hours on that day.")
    monday = api("POST", url, json={**saturday, "moment": "2026-11-30T20:00:00"},
                 headers={"Accept-Language": "fr"}).json
    assert (
        "lundi 30 novembre 2026 à 20:00 (Europe/Paris) est en dehors des horaires "
        "d'ouverture (lun.–ven. 09:00\u2009–\u200919:00).") in monday[-1]["rule"]  # thin spaces


def test_a_line_with_features_is_deleted_with_their_settings(api):
    line = sfr_line()  # blocked numbers, anonymous rejection and forwarding in the demo
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}"
    etag = api("GET", url).headers["ETag"]
    assert api("DELETE", url, headers={"If-Match": etag}).status_code == 204
    from backoffice.core.blacklist.models import BlockedNumber
    from backoffice.core.forwarding.models import Forwarding

    for model in (BlockedNumber, Forwarding):
        assert db.session.scalar(select(func.count()).select_from(model).where(
            model.line_id == line.id)) == 0
    history = api("GET", f"/api/v1/tenants/{line.tenant_id}/history?object_type=line").json
    assert history["items"][0]["action"] == "delete"


def test_a_number_of_the_blocked_list_can_be_tried_as_the_caller(api, agent_client):
    """Guide 004 §6.13: "pas de format imposé"; the explainer takes any such number."""
    line = sfr_line()  # blocks +334786950, kept as typed since no country can place it
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/explain"
    steps = api("POST", url, json={"caller": "+334786950", "moment": "2026-11-23T10:00:00",
                                   "state": "idle"}).json
    assert [(step["action"], step["guide_section"]) for step in steps] == [
        ("reject", "004_1c65287363dc7b18.txt §6.13")]
    garbled = api("POST", url, json={"caller": "n'importe qui", "moment": "2026-11-23T10:00:00",
                                     "state": "idle"})
    assert garbled.status_code == 422 and garbled.json["code"] == "call.caller.invalid"
    web = agent_client("support_agent", "sfr")
    page = web.post(f"/tenants/{line.tenant_id}/lines/{line.id}/explain", headers={
        "HX-Request": "true"}, data={"caller": "+334786950", "date": "2026-11-23",
                                     "time": "10:00", "state": "idle",
                                     "csrf_token": csrf_token(web, f"/tenants/{line.tenant_id}")})
    assert page.status_code == 200 and "+334786950" in page.text and "Rejeté" in page.text
