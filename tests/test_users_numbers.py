"""Users and company numbers through the API and the pages (TELUS, guide 002
"Utilisateurs" and "Numéros de l'entreprise")."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from backoffice.core.company_numbers.models import CompanyNumber
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.core.users.models import TenantUser
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client, signed_in_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "telus", **{"Accept-Language": "fr"})


def tenant_id(name: str = "Clinique Horizon") -> int:
    return db.session.scalar(select(Tenant.id).where(Tenant.name == name))


def counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (TenantUser, CompanyNumber, AuditRecord))


def etag(api, url: str) -> dict[str, str]:
    return {"If-Match": api("GET", url).headers["ETag"]}


def line(extension: str) -> Line:
    return db.session.scalar(select(Line).where(Line.tenant_id == tenant_id(),
                                                Line.extension == extension))


def test_a_user_is_created_on_an_unassigned_extension_audited_and_provisioned(api):
    url = f"/api/v1/tenants/{tenant_id()}/users"
    created = api("POST", url, json={"first_name": "Amélie", "last_name": "Tremblay",
                                     "department": "Accueil", "email": "amelie@ch.ca",
                                     "extension": "103"})
    assert created.status_code == 201, created.json
    assert created.json["extension"] == "103" and created.json["department"] == "Accueil"
    held = line("103")
    assert (held.user_id, held.first_name, held.email) == (created.json["id"], "Amélie",
                                                           "amelie@ch.ca")
    listed = api("GET", url).json["items"]
    assert [item["extension"] for item in listed if item["last_name"] == "Tremblay"] == ["103"]
    order = db.session.scalars(select(ProvisioningOrder).order_by(
        ProvisioningOrder.id.desc())).first()
    assert (order.object_type, order.action) == ("user", "create")


USER_REFUSALS = [
    ({"first_name": "", "last_name": "T", "email": "t@ch.ca"}, "first_name", None),
    ({"first_name": "A", "last_name": "T", "email": "pas-un-courriel"}, "email", None),
    ({"first_name": "A", "last_name": "T", "email": "NADIA.ROY@cliniquehorizon.ca"}, "email",
     "user.email.duplicate"),
    ({"first_name": "A", "last_name": "T", "email": "a@ch.ca", "extension": "999"},
     "extension", "user.extension.unknown"),
    ({"first_name": "A", "last_name": "T", "email": "a@ch.ca", "extension": "102"},
     "extension", "user.extension.taken"),
    ({"first_name": "A", "last_name": "T", "email": "a@ch.ca", "extension": "200"},
     "extension", "user.extension.not_allowed"),
    ({"first_name": "A", "last_name": "T", "email": "a@ch.ca", "department": "x" * 81},
     "department", None),
]


def test_bad_users_are_refused_naming_the_field_and_nothing_is_saved(api):
    for body, field, code in USER_REFUSALS:
        before = counts()
        refused = api("POST", f"/api/v1/tenants/{tenant_id()}/users", json=body)
        assert refused.status_code == 422, refused.json
        assert field in [error["field"] for error in refused.json["errors"]]
        if code:
            assert code in [error["code"] for error in refused.json["errors"]]
        assert counts() == before


def test_the_super_administrator_user_is_neither_deleted_nor_moved(api):
    url = f"/api/v1/tenants/{tenant_id()}/users"
    nadia = next(item for item in api("GET", url).json["items"] if item["extension"] == "101")
    before = counts()
    item = f"{url}/{nadia['id']}"
    deleted = api("DELETE", item, headers=etag(api, item))
    assert deleted.status_code == 409  # the block says the item cannot be removed, and why
    assert [e["code"] for e in deleted.json["errors"]] == ["users.item.in_use"]
    assert "Super administrateur" in deleted.json["detail"]
    moved = api("PUT", item, json={"extension": "103"}, headers=etag(api, item))
    assert [e["code"] for e in moved.json.get("errors", [])] == ["user.extension.locked"], \
        moved.json
    assert counts() == before


def test_deleting_a_user_leaves_the_extension_unassigned(api):
    url = f"/api/v1/tenants/{tenant_id()}/users"
    olivier = next(item for item in api("GET", url).json["items"] if item["extension"] == "102")
    item = f"{url}/{olivier['id']}"
    assert api("DELETE", item, headers=etag(api, item)).status_code == 204
    assert line("102") is not None and line("102").user_id is None


def test_numbers_are_assigned_or_not_and_routed(api):
    url = f"/api/v1/tenants/{tenant_id()}/company-numbers"
    items = api("GET", url).json["items"]
    routes = {item["number"]: (item["route"], item["extension"]) for item in items}
    assert routes["+16045550150"] == ("extension", "200")
    assert routes["+16045550160"] == ("none", None)
    free = next(item for item in items if item["number"] == "+16045550160")
    item = f"{url}/{free['id']}"
    routed = api("PUT", item, json={"route": "extension", "extension": "102"},
                 headers=etag(api, item))
    assert routed.status_code == 200 and routed.json["extension"] == "102"
    to_ivr = api("PUT", item, json={"route": "ivr"}, headers=etag(api, item))
    assert to_ivr.json["route"] == "ivr" and to_ivr.json["extension"] is None


NUMBER_REFUSALS = [
    ({"number": "604 555-0150"}, "number", "company_number.number.duplicate"),
    ({"number": "604 555-0101"}, "number", "company_number.number.duplicate"),
    ({"number": "604 555-0170", "route": "extension"}, "extension",
     "company_number.extension.required"),
    ({"number": "604 555-0170", "route": "extension", "extension": "999"}, "extension",
     "company_number.extension.unknown"),
    ({"number": "604 555-0170", "route": "fax"}, "route", None),
    ({"number": "12"}, "number", None),
]


def test_bad_numbers_are_refused_and_nothing_is_saved(api):
    for body, field, code in NUMBER_REFUSALS:
        before = counts()
        refused = api("POST", f"/api/v1/tenants/{tenant_id()}/company-numbers", json=body)
        assert refused.status_code == 422, refused.json
        assert field in [error["field"] for error in refused.json["errors"]]
        if code:
            assert code in [error["code"] for error in refused.json["errors"]]
        assert counts() == before


def test_a_carrier_without_users_answers_404(app):
    load_demo()
    sfr = bearer_client(app, "support_agent", "sfr")
    tenant = db.session.scalar(select(Tenant.id).where(Tenant.carrier_id == "sfr"))
    assert sfr("GET", f"/api/v1/tenants/{tenant}/users").status_code == 404


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_tenant_page_shows_users_and_numbers_and_their_forms_round_trip(app, language):
    load_demo()
    client = signed_in_client(app, "support_agent", "telus")
    headers = {"Accept-Language": language}
    url = f"/tenants/{tenant_id()}"
    page = client.get(url, headers=headers)
    assert page.status_code == 200
    assert ("Utilisateurs" if language == "fr" else "Users") in page.text
    assert "Soins infirmiers" in page.text and "800-555-0100" in page.text
    assert ("Postes non attribués : 100, 103" if language == "fr"
            else "Unassigned extensions: 100, 103") in page.text
    olivier = db.session.scalar(select(TenantUser).where(TenantUser.last_name == "Chen"))
    before = olivier.version
    form = client.get(f"{url}?edit=users&item={olivier.id}", headers=headers)
    assert form.status_code == 200 and 'value="olivier.chen@cliniquehorizon.ca"' in form.text
    saved = client.post(f"{url}/blocks/users/items/{olivier.id}", headers=headers, data={
        "csrf_token": csrf(form.text), "version": olivier.version, "first_name": "Olivier",
        "last_name": "Chen", "email": "olivier.chen@cliniquehorizon.ca",
        "department": "Soins infirmiers", "extension": "102"})
    assert saved.status_code == 302
    db.session.refresh(olivier)
    assert olivier.version == before  # saved unchanged: nothing changes
    refused = client.post(f"{url}/blocks/users", headers=headers, data={
        "csrf_token": csrf(form.text), "first_name": "A", "last_name": "B",
        "email": "a@ch.ca", "extension": "102"})
    assert refused.status_code == 422
    assert ("déjà attribué" if language == "fr" else "already assigned") in refused.text


def test_the_super_administrator_cannot_be_deleted_from_the_page_and_others_are_confirmed(app):
    load_demo()
    client = signed_in_client(app, "support_agent", "telus")
    url = f"/tenants/{tenant_id()}"
    nadia = db.session.scalar(select(TenantUser).where(TenantUser.last_name == "Roy"))
    olivier = db.session.scalar(select(TenantUser).where(TenantUser.last_name == "Chen"))
    page = client.get(url, headers={"Accept-Language": "fr"})
    assert "ne peut être supprimé" in page.text
    asked = client.get(f"{url}?edit=users&item={olivier.id}&remove=1",
                       headers={"Accept-Language": "fr"})
    assert "Êtes-vous sûr de vouloir supprimer « Olivier Chen (102) » ?" in asked.text
    refused = client.post(f"{url}/blocks/users/items/{nadia.id}/delete",
                          data={"csrf_token": csrf(page.text), "confirm": "yes"})
    assert refused.status_code == 422
    assert db.session.get(TenantUser, nadia.id) is not None
