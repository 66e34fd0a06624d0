"""Creating and deleting a Cooptel extension (guide 003 §11.1, §11.2) through the API and
the pages: proposed extensions, a new user, an existing user or the administrator, the
voicemail and directory options, and the deletion question."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from backoffice.core.errors import N_, Violation
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.core.users.models import TenantUser
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client, signed_in_client
from plugins.cooptel import extension_creation, extension_settings, voicemail
from plugins.cooptel.carrier import plugin as cooptel


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "cooptel", **{"Accept-Language": "fr"})


def tenant() -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.name == "Fromagerie du Lac"))


def counts() -> tuple[int, int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (TenantUser, Line, AuditRecord, ProvisioningOrder))


def url() -> str:
    return f"/api/v1/tenants/{tenant().id}/extensions"


def test_a_new_user_is_created_with_the_extension_and_its_options(api):
    created = api("POST", url(), json={
        "extension": "105", "assignment": "new_user", "first_name": "Julie",
        "last_name": "Gagnon", "email": "julie@fromageriedulac.ca", "voicemail": True,
        "directory": True})
    assert created.status_code == 201, created.json
    line = db.session.get(Line, created.json["id"])
    user = db.session.get(TenantUser, line.user_id)
    assert (user.first_name, user.email, line.first_name) == (
        "Julie", "julie@fromageriedulac.ca", "Julie")
    assert voicemail.BLOCK.read(tenant(), line)["enabled"] is True
    assert extension_settings.ADMIN_BLOCK.read(tenant(), line)["directory"] is True
    kinds = {(order.object_type, order.action) for order in db.session.scalars(
        select(ProvisioningOrder).where(ProvisioningOrder.tenant_id == tenant().id))}
    assert {("user", "create"), ("line", "create")} <= kinds


def test_an_existing_user_lends_their_details_and_the_administrator_takes_none(api):
    luc = db.session.scalar(select(TenantUser).where(TenantUser.last_name == "Paquette"))
    given = api("POST", url(), json={"extension": "106", "assignment": "existing_user",
                                     "user_id": luc.id})
    assert given.status_code == 201, given.json
    line = db.session.get(Line, given.json["id"])
    assert (line.user_id, line.last_name, line.email) == (luc.id, "Paquette",
                                                          "luc@fromageriedulac.ca")
    managed = api("POST", url(), json={"extension": "107", "assignment": "administrator"})
    line = db.session.get(Line, managed.json["id"])
    assert (line.user_id, line.first_name, line.email) == (None, "", None)
    assert extension_settings.ADMIN_BLOCK.read(tenant(), line)["directory"] is False


def refuse_the_directory(*, tenant, line, data):
    """A carrier rule refusing the directory listing, the last option written."""
    return [Violation(code="line.extension.reserved", field="directory",
                      message=N_("This extension is reserved."))]


@pytest.mark.parametrize("body", [
    {"extension": "105", "assignment": "new_user", "first_name": "Julie", "last_name": "Gagnon",
     "email": "julie@fromageriedulac.ca", "voicemail": True, "directory": True},
    {"extension": "105", "assignment": "administrator", "voicemail": True},
])
def test_an_option_refused_leaves_no_line_no_user_no_audit_record_and_no_order(api, monkeypatch,
                                                                               body):
    monkeypatch.setattr(cooptel, "rules", {**cooptel.rules,
                                           "admin_settings": refuse_the_directory})
    before = counts()
    refused = api("POST", url(), json=body)
    assert refused.status_code == 422, refused.json
    assert [error["code"] for error in refused.json["errors"]] == ["line.extension.reserved"]
    assert counts() == before
    assert db.session.scalar(select(Line).where(Line.tenant_id == tenant().id,
                                                Line.extension == "105")) is None
    monkeypatch.undo()
    created = api("POST", url(), json=body)
    assert created.status_code == 201, created.json
    users, lines, audits, orders = (after - was for after, was in zip(counts(), before,
                                                                       strict=True))
    new_user = body["assignment"] == "new_user"
    # the user, the line, its mailbox and its directory listing: each audited, each ordered
    assert (users, lines, audits, orders) == (int(new_user), 1, 3 + new_user, 3 + new_user)


REFUSALS = [
    ({"extension": "311", "assignment": "administrator"}, "extension",
     "line.extension.reserved"),
    ({"extension": "101", "assignment": "administrator"}, "extension",
     "line.extension.duplicate"),
    ({"extension": "108", "assignment": "new_user", "first_name": "A", "last_name": "B"},
     "email", "line.email.required"),
    ({"extension": "108", "assignment": "new_user", "first_name": "A", "last_name": "B",
      "email": "LUC@fromageriedulac.ca"}, "email", "user.email.duplicate"),
    ({"extension": "108", "assignment": "existing_user"}, "user_id", "line.user_id.required"),
    ({"extension": "108", "assignment": "existing_user", "user_id": 999999}, "user_id",
     "line.user_id.unknown"),
    ({"extension": "108", "assignment": "someone"}, "assignment", None),
    ({"extension": "1a", "assignment": "administrator"}, "extension", None),
]


def test_bad_extensions_are_refused_naming_the_field_and_nothing_is_saved(api):
    for body, field, code in REFUSALS:
        before = counts()
        refused = api("POST", url(), json=body)
        assert refused.status_code == 422, (body, refused.json)
        assert field in [error["field"] for error in refused.json["errors"]], refused.json
        if code:
            assert code in [error["code"] for error in refused.json["errors"]]
        assert counts() == before


def test_the_new_users_email_cannot_be_changed_later(api):
    luc = db.session.scalar(select(TenantUser).where(TenantUser.last_name == "Paquette"))
    item = f"/api/v1/tenants/{tenant().id}/users/{luc.id}"
    etag = api("GET", item).headers["ETag"]
    refused = api("PUT", item, json={"email": "luc.p@fromageriedulac.ca"},
                  headers={"If-Match": etag})
    assert [e["code"] for e in refused.json["errors"]] == ["user.email.set_once"]


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_proposes_free_extensions_and_deletion_asks_the_guides_question(app,
                                                                                 language):
    load_demo()
    client = signed_in_client(app, "support_agent", "cooptel")
    headers = {"Accept-Language": language}
    page_url = f"/tenants/{tenant().id}"
    form = client.get(f"{page_url}?edit=extensions", headers=headers)
    assert form.status_code == 200
    assert ("100, 103" not in form.text) and ("100, 105, 106, 107, 108" in form.text)
    assert ("Gérée par l'administrateur" if language == "fr"
            else "Managed by the administrator") in html.unescape(form.text)
    line = db.session.scalar(select(Line).where(Line.tenant_id == tenant().id,
                                                Line.extension == "103"))
    asked = client.get(f"{page_url}?edit=extensions&item={line.id}&remove=1", headers=headers)
    assert ("Êtes-vous sûr de vouloir supprimer le poste 103 ?" if language == "fr"
            else "Are you sure you want to delete extension 103?") in html.unescape(asked.text)
    unconfirmed = client.post(f"{page_url}/blocks/extensions/items/{line.id}/delete",
                              data={"csrf_token": csrf(asked.text)})
    assert unconfirmed.status_code == 302 and db.session.get(Line, line.id) is not None
    deleted = client.post(f"{page_url}/blocks/extensions/items/{line.id}/delete",
                          data={"csrf_token": csrf(asked.text), "confirm": "yes"})
    assert deleted.status_code == 302
    assert db.session.get(Line, line.id) is None
    assert extension_creation.EXTENSIONS_BLOCK.removal_question
