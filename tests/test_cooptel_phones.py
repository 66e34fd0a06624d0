"""Cooptel phones through the API and the pages (guide 003 §12, §14): the bank, the
assignment of a phone to extensions on line keys, refusals in French, nothing partly saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.core.devices.models import Device, DeviceKey
from backoffice.core.models import Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client, signed_in_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "cooptel", **{"Accept-Language": "fr"})


def tenant_id() -> int:
    return db.session.scalar(select(Tenant.id).where(Tenant.name == "Fromagerie du Lac"))


def extension(number: str) -> Line:
    return db.session.scalar(select(Line).where(Line.tenant_id == tenant_id(),
                                                Line.extension == number))


def phone(name: str) -> Device:
    return db.session.scalar(select(Device).where(Device.name == name))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_phone_joins_the_bank_with_its_mac_and_name(api):
    added = api("POST", f"/api/v1/tenants/{tenant_id()}/phones",
                json={"mac": "64-16-7f-b2-01-09", "name": "Polycom 450 Extension 109"})
    assert added.status_code == 201, added.json
    assert added.json["mac"] == "64167FB20109"


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"mac": "64167FB201", "name": "X"}, "mac",
     "Une adresse MAC compte 12 chiffres hexadécimaux (0-9, A-F)."),
    ({"mac": "64167FB20110"}, "name", "Ce champ est obligatoire."),
    ({"name": "Sans adresse"}, "mac", "Ce champ est obligatoire."),
    ({"mac": " : ", "name": "Adresse vide"}, "mac", "Ce champ est obligatoire."),
    ({"mac": "64167FB20101", "name": "Doublon"}, "mac",
     "Un autre matériel du client a cette adresse MAC."),
])
def test_bad_phones_are_refused_in_french(api, body, field, message):
    before = count(Device)
    refused = api("POST", f"/api/v1/tenants/{tenant_id()}/phones", json=body)
    assert refused.status_code == 422, refused.json
    assert (field, message) in [(e["field"], e["message"]) for e in refused.json["errors"]]
    assert count(Device) == before


def assignments(number: str) -> str:
    return f"/api/v1/tenants/{tenant_id()}/lines/{extension(number).id}/phone-assignments"


def test_a_phone_assigned_gets_the_factory_zone_and_the_order_says_restart(api):
    wx = phone("WX311 - ext 132")
    done = api("POST", assignments("102"), json={
        "device_id": wx.id, "model": "polycom_vvx_311", "line_keys": [1]})
    assert done.status_code == 201, done.json
    assert done.json["timezone"] == "America/Toronto" and done.json["line_keys"] == [1]
    order = db.session.scalar(select(ProvisioningOrder).where(
        ProvisioningOrder.object_type == "phone_assignment").order_by(
        ProvisioningOrder.id.desc()))
    assert order.status == ProvisioningOrder.APPLIED
    assert "5 minutes" in order.detail


@pytest.mark.parametrize(("keys", "code"), [
    ([2], "phone_assignment.line_keys.gap"),
    ([], "phone_assignment.line_keys.required"),
    ([7], "phone_assignment.keys_or_range"),
])
def test_line_keys_follow_from_key_one(api, keys, code):
    wx = phone("WX311 - ext 132")
    before = count(DeviceKey)
    refused = api("POST", assignments("102"), json={
        "device_id": wx.id, "model": "polycom_vvx_311", "line_keys": keys})
    assert refused.status_code == 422
    codes = [e["code"] for e in refused.json["errors"]]
    assert code in codes or (code.endswith("keys_or_range") and any(
        c.startswith("phone_assignment.line_keys") for c in codes)), codes
    assert count(DeviceKey) == before


def test_one_phone_serves_two_extensions_on_different_keys(api):
    polycom = phone("Polycom 450 Extension 101")
    assert polycom.extensions == "1: 101, 2: 102"
    taken = api("POST", assignments("101"), json={
        "device_id": phone("WX311 - ext 132").id, "model": "polycom_vvx_311",
        "line_keys": [1]})
    assert taken.status_code == 201
    listed = api("GET", assignments("102")).json
    assert [item["device_id"] for item in listed["items"]] == [polycom.id]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_extension_page_shows_its_phones_and_the_bank(app, language):
    load_demo()
    client = signed_in_client(app, "support_agent", "cooptel")
    page = client.get(f"/tenants/{tenant_id()}/lines/{extension('101').id}",
                      headers={"Accept-Language": language})
    assert page.status_code == 200
    assert ("Téléphones du poste" if language == "fr" else "Phones of the extension") in page.text
    bank = client.get(f"/tenants/{tenant_id()}", headers={"Accept-Language": language})
    assert ("Banque d'appareils" if language == "fr" else "Phone bank") in bank.text.replace(
        "&#39;", "'")
    assert "WX311 - ext 132" in bank.text
