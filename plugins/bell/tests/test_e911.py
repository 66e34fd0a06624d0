"""Bell personal 9-1-1 service (guide 000 §3): addresses, the current one, 9-1-1 calls."""

import pytest
from flask_babel import force_locale

from backoffice.testing import (
    AuditRecord,
    ProvisioningOrder,
    block,
    create_line,
    create_tenant,
    db,
    dial,
    rejected,
    shown,
)

HOME = {"province": "CA-QC", "municipality": "Montréal", "building_number": "1050",
        "street_name": "Beaver Hall", "street_suffix": "Côte", "street_direction": "Ouest"}
WORK = {"province": "CA-ON", "municipality": "Ottawa", "building_number": "160",
        "street_name": "Elgin", "apartment": "400", "latitude": "45.4215",
        "longitude": "-75.6972"}


@pytest.fixture
def julie(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"})
    return tenant, line


def addresses(tenant):
    return block(tenant, "e911-addresses")


def test_no_default_address_and_the_first_one_becomes_current(julie):
    tenant, line = julie
    assert addresses(tenant).items(tenant, line) == []
    with force_locale("en"):
        assert dial(tenant, line, "911")[-1].target == ""
    first = addresses(tenant).add(tenant, line, {**HOME, "current": False})
    second = addresses(tenant).add(tenant, line, WORK)
    assert [item.current for item in addresses(tenant).items(tenant, line)] == [True, False]
    assert first.current and not second.current
    order = db.session.scalars(db.select(ProvisioningOrder).order_by(
        ProvisioningOrder.id.desc())).first()
    assert order.object_type == "e911_address" and order.payload["current"] is False


def test_required_fields_coordinates_and_provinces(julie):
    tenant, line = julie
    add = addresses(tenant).add
    assert rejected(add, tenant, line, {"province": "CA-QC"}) == {
        "municipality": "e911_address.municipality.invalid",
        "building_number": "e911_address.building_number.invalid",
        "street_name": "e911_address.street_name.invalid"}
    assert rejected(add, tenant, line, {**HOME, "province": "FR-75"}) == {
        "province": "e911_address.province.invalid"}
    assert rejected(add, tenant, line, {**HOME, "latitude": "90.5", "longitude": "0"}) == {
        "latitude": "e911_address.latitude.invalid"}
    assert rejected(add, tenant, line, {**HOME, "latitude": "45", "longitude": "-180.1"}) == {
        "longitude": "e911_address.longitude.invalid"}
    assert rejected(add, tenant, line, {**HOME, "latitude": "45"}) == {
        "longitude": "e911_address.longitude.invalid"}
    saved = add(tenant, line, {**HOME, "latitude": "-90", "longitude": "180"})
    assert (saved.latitude, saved.longitude) == (-90, 180)


def test_any_address_can_be_made_current_and_the_current_one_is_kept(julie):
    tenant, line = julie
    home = addresses(tenant).add(tenant, line, HOME)
    work = addresses(tenant).add(tenant, line, WORK)
    assert addresses(tenant).removable(home) is not None
    assert rejected(addresses(tenant).remove, home) == {"id": "e911_address.id.current"}
    assert rejected(addresses(tenant).change, home, {"current": False}) == {
        "current": "e911_address.current.required"}
    addresses(tenant).change(work, {"current": True, "apartment": "410"})
    assert addresses(tenant).removable(home) is None
    addresses(tenant).remove(home)
    assert [item.apartment for item in addresses(tenant).items(tenant, line)] == ["410"]
    with force_locale("en"):
        step = dial(tenant, line, "911")[-1]
    assert (step.action, step.code) == ("emergency", "e911.current_address")
    assert step.target == "160 Elgin, apt. 410, Ottawa, Ontario, (45.4215, -75.6972)"
    assert step.guide_section.endswith("§3")


def test_outside_canada_is_always_offered(julie):
    tenant, line = julie
    location = block(tenant, "e911-location")
    with force_locale("fr"):
        assert location.schema(tenant).fields["outside"].metadata["label"] == "Outside Canada"
        location.write(tenant, line, {"outside": True})
        assert shown(tenant, "e911-location", line)["address"] == "Hors du Canada"
    home = addresses(tenant).add(tenant, line, HOME)
    assert home.current, "the first address is selected even after « Hors du Canada »"
    location.write(tenant, line, {"outside": "on"})
    assert addresses(tenant).removable(addresses(tenant).find(tenant, line, home.id)) is None
    with force_locale("en"):
        step = dial(tenant, line, "911")[-1]
    assert step.target == "Outside Canada" and "no address is sent" in step.rule
    location.write(tenant, line, {})
    with force_locale("en"):
        assert dial(tenant, line, "911")[-1].target.startswith(
            "1050 Beaver Hall")


def test_other_numbers_dialled_go_out_and_changes_are_audited(julie):
    tenant, line = julie
    addresses(tenant).add(tenant, line, HOME)
    with force_locale("en"):
        step = dial(tenant, line, "514 555-0100")[-1]
    assert step.action == "connect" and "(514) 555-0100" in step.rule
    audit = db.session.scalars(db.select(AuditRecord).where(
        AuditRecord.object_type == "e911_address")).one()
    assert audit.after["current"] is True and audit.line_id == line.id
