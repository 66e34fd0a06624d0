"""The company directory's external contacts through the API and the page (SFR §4.8)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.core.directory.models import ExternalContact
from backoffice.core.models import Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "sfr", **{"Accept-Language": "fr"})


def tenant_id(name: str) -> int:
    return db.session.scalar(select(Tenant.id).where(Tenant.name == name))


def contacts() -> int:
    return db.session.scalar(select(func.count()).select_from(ExternalContact))


def test_a_contact_is_added_in_international_format_and_listed(api):
    url = f"/api/v1/tenants/{tenant_id('Toine Immo')}/external-contacts"
    created = api("POST", url, json={"name": "Garage Fabre", "number": "04 93 70 11 22"})
    assert created.status_code == 201 and created.json["number"] == "+33493701122"
    listed = api("GET", url).json
    assert "Garage Fabre" in [item["name"] for item in listed["items"]]


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"name": "", "number": "0493701122"}, "name", "Entre 1 et 80 caractères."),
    ({"name": "x" * 81, "number": "0493701122"}, "name", "Entre 1 et 80 caractères."),
    ({"name": "Garage", "number": ""}, "number", "Ce champ est obligatoire."),
    ({"name": "Garage", "number": "12"}, "number",
     "« 12 » n'est pas un numéro de téléphone valide pour FR."),
    ({"name": "Notaire", "number": "04 93 36 12 40"}, "number",
     "04 93 36 12 40 est déjà dans l'annuaire, sous le nom « Cabinet Lemoine, notaire »."),
])
def test_bad_contacts_are_refused_in_french_and_nothing_is_saved(api, body, field, message):
    before = contacts()
    url = f"/api/v1/tenants/{tenant_id('Toine Immo')}/external-contacts"
    refused = api("POST", url, json=body)
    assert refused.status_code == 422
    assert [(e["field"], e["message"]) for e in refused.json["errors"]] == [(field, message)]
    assert contacts() == before


def test_a_carrier_without_the_directory_answers_404(app):
    load_demo()
    bell = bearer_client(app, "support_agent", "bell")
    tenant = db.session.scalar(select(Tenant.id).where(Tenant.carrier_id == "bell"))
    assert bell("GET", f"/api/v1/tenants/{tenant}/external-contacts").status_code == 404
