"""Devices and programmable keys through the API (SFR §6.16, §6.17, §9.2, §9.3): the
rules, refusals in French naming the field and the limit, nothing partly saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.core.devices.models import Device, DeviceKey
from backoffice.core.models import Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "sfr", **{"Accept-Language": "fr"})


def tenant_id() -> int:
    return db.session.scalar(select(Tenant.id).where(Tenant.name == "Toine Immo"))


def line(number: str) -> Line:
    return db.session.scalar(select(Line).where(Line.tenant_id == tenant_id(),
                                                Line.number == number))


def url(number: str, block: str) -> str:
    return f"/api/v1/tenants/{tenant_id()}/lines/{line(number).id}/{block}"


BIEL, PINSON, DIAZ, COSTE_FIXE = "+33483050173", "+33483050172", "+33483050174", "+33483050190"


def matched(api, method: str, path: str, **kwargs):
    """A write carrying the ETag just read, as the API asks (If-Match)."""
    etag = api("GET", path).headers["ETag"]
    return api(method, path, headers={"If-Match": etag}, **kwargs)


def keys_count() -> int:
    return db.session.scalar(select(func.count()).select_from(DeviceKey))


def test_the_demo_phone_has_its_keys_supervision_first(api):
    read = api("GET", url(BIEL, "programmable-keys"))
    assert read.status_code == 200, read.json
    assert read.json["capacity"] == 47 and read.json["model"] == "Polycom VVX 450"
    kinds = [key["kind"] for key in read.json["keys"]]
    assert kinds[:3] == ["supervision"] * 3 and "pickup" in kinds
    pickup = next(key for key in read.json["keys"] if key["kind"] == "pickup")
    assert (pickup["number"], pickup["label"]) == ("*98", "Interception")
    assert [key["position"] for key in read.json["keys"]] == list(range(1, len(kinds) + 1))


def test_the_layout_read_back_saves_unchanged(api):
    read = api("GET", url(BIEL, "programmable-keys")).json
    saved = matched(api, "PUT", url(BIEL, "programmable-keys"), json=read)
    assert saved.status_code == 200, saved.json
    again = api("GET", url(BIEL, "programmable-keys")).json
    assert [(k["kind"], k["line_id"], k["number"], k["label"]) for k in again["keys"]] == \
        [(k["kind"], k["line_id"], k["number"], k["label"]) for k in read["keys"]]


def test_a_saved_layout_has_no_gap_and_restarts_the_phone(api):
    body = {"keys": [{"kind": "supervision", "line_id": line(PINSON).id},
                     {"kind": "speed_dial", "number": "3899", "label": "Mairie"}]}
    saved = matched(api, "PUT", url(BIEL, "programmable-keys"), json=body)
    assert saved.status_code == 200, saved.json
    assert [k["position"] for k in saved.json["keys"]] == [1, 2]
    order = db.session.scalar(select(ProvisioningOrder).where(
        ProvisioningOrder.object_type == "device_keys").order_by(ProvisioningOrder.id.desc()))
    assert order is not None and order.payload["keys"][1]["number"] == "3899"


@pytest.mark.parametrize(("keys", "field", "code"), [
    ([{"kind": "speed_dial", "number": "3899"},
      {"kind": "supervision", "line_id": "PINSON"}], "keys.1.kind", "device_keys.kind.order"),
    ([{"kind": "supervision", "line_id": "COSTE"}], "keys.0.line_id", "device_keys.line_id.plan"),
    ([{"kind": "pickup"}, {"kind": "pickup"}], "keys.1.kind", "device_keys.kind.too_many"),
    ([{"kind": "supervision"}], "keys.0.line_id", "device_keys.line_id.required"),
    ([{"kind": "speed_dial", "number": "abc"}], "keys.0.number",
     "device_keys.keys.0.number.invalid"),
    ([{"kind": "line"}], "keys.0.kind", "device_keys.keys.0.kind.invalid"),
])
def test_bad_layouts_are_refused_and_nothing_is_saved(api, keys, field, code):
    ids = {"PINSON": line(PINSON).id, "COSTE": line(COSTE_FIXE).id}
    for key in keys:
        if key.get("line_id") in ids:
            key["line_id"] = ids[key["line_id"]]
    before = keys_count()
    refused = matched(api, "PUT", url(BIEL, "programmable-keys"), json={"keys": keys})
    assert refused.status_code == 422, refused.json
    found = [(e["field"], e["code"]) for e in refused.json["errors"]]
    assert (field, code) in found, found
    assert all(e["message"] for e in refused.json["errors"])
    assert keys_count() == before


def test_at_most_45_supervision_keys_whatever_the_model(api):
    pinson = line(PINSON).id
    at = matched(api, "PUT", url(BIEL, "programmable-keys"),
             json={"keys": [{"kind": "supervision", "line_id": pinson}] * 45})
    assert at.status_code == 200, at.json
    past = matched(api, "PUT", url(BIEL, "programmable-keys"),
               json={"keys": [{"kind": "supervision", "line_id": pinson}] * 46})
    assert past.status_code == 422
    error = next(e for e in past.json["errors"] if e["code"] == "device_keys.kind.too_many")
    assert error["limit"] == 45 and error["field"] == "keys.45.kind"
    assert "45" in error["message"]


def test_a_model_with_fewer_keys_keeps_those_that_fit(api):
    device = db.session.scalar(select(Device).where(Device.line_id == line(BIEL).id))
    before = [key.kind for key in device.keys]
    changed = matched(api, "PUT", url(BIEL, "hardware") + f"/{device.id}",
                  json={"model": "polycom_vvx_250", "mac": device.mac})
    assert changed.status_code == 200, changed.json
    assert changed.json["programmed"] == "4/4"
    db.session.expire_all()
    assert [key.kind for key in device.keys] == before[:4]


def test_a_model_is_required_and_of_the_plans_type(api):
    missing = api("POST", url(PINSON, "hardware"), json={"mac": "64167FB269D7"})
    assert missing.status_code == 422
    assert [(e["field"], e["code"]) for e in missing.json["errors"]] == [
        ("model", "device.model.invalid")]
    ata = api("POST", url(PINSON, "hardware"), json={"model": "audiocodes_mp202b"})
    assert ata.status_code == 422
    assert ata.json["errors"][0]["code"] == "device.model.plan"
    taken = api("POST", url(PINSON, "hardware"),
                json={"model": "poly_edge_e220", "mac": "64:16:7f:b2:69:d6"})
    assert [e["code"] for e in taken.json["errors"]] == ["device.mac.duplicate"]
    bad_mac = api("POST", url(PINSON, "hardware"), json={"model": "poly_edge_e220",
                                                         "mac": "64:16:7F:B2:69"})
    assert bad_mac.json["errors"][0]["message"] == \
        "Une adresse MAC compte 12 chiffres hexadécimaux (0-9, A-F)."


def test_a_dect_phone_has_no_programmable_keys(api):
    added = api("POST", url(DIAZ, "hardware"), json={"model": "yealink_w52pu"})
    assert added.status_code == 201, added.json
    refused = matched(api, "PUT", url(DIAZ, "programmable-keys"),
                  json={"keys": [{"kind": "pickup"}]})
    assert refused.status_code == 422
    assert refused.json["errors"][0]["code"] == "device_keys.keys.no_keys"


def test_removing_the_hardware_loses_its_keys(api):
    device = db.session.scalar(select(Device).where(Device.line_id == line(BIEL).id))
    removed = matched(api, "DELETE", url(BIEL, "hardware") + f"/{device.id}")
    assert removed.status_code == 204, removed.data
    assert db.session.scalar(select(func.count()).select_from(DeviceKey).where(
        DeviceKey.device_id == device.id)) == 0
    assert api("GET", url(BIEL, "programmable-keys")).json["keys"] == []
