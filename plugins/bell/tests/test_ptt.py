"""Bell Push-to-Talk administration (guide 001): master list, sub-lists, talk groups,
scanning, messaging; every change is an order for the devices."""

import pytest

from backoffice.testing import (
    ProvisioningOrder,
    block,
    create_line,
    create_tenant,
    db,
    rejected,
    shown,
)


@pytest.fixture
def fleet(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    truck12 = create_line(tenant, {"plan": "ptt", "number": "438 555-0117",
                                   "first_name": "Camion", "last_name": "12"})
    truck14 = create_line(tenant, {"plan": "ptt", "number": "438 555-0118",
                                   "first_name": "Camion", "last_name": "14"})
    office = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"})
    return tenant, truck12, truck14, office


def last_order():
    return db.session.scalars(db.select(ProvisioningOrder).order_by(
        ProvisioningOrder.id.desc())).first()


def test_external_contacts_name_at_most_30_characters_and_ten_digits(fleet):
    tenant = fleet[0]
    add = block(tenant, "ptt-contacts").add
    assert rejected(add, tenant, None, {"name": "x" * 31, "number": "5145550100"}) == {
        "name": "ptt_contact.name.invalid"}
    assert rejected(add, tenant, None, {"name": "Répartition", "number": "514555010"}) == {
        "number": "ptt_contact.number.invalid"}
    assert rejected(add, tenant, None, {"name": "Répartition", "number": "15145550100"}) == {
        "number": "ptt_contact.number.invalid"}
    contact = add(tenant, None, {"name": "x" * 30, "number": "(514) 555-0100"})
    assert contact.number == "+15145550100"
    assert last_order().object_type == "ptt_contact"
    db.session.refresh(last_order())
    assert (last_order().status, last_order().detail) == (
        "applied", "Sent to the Push-to-Talk devices automatically.")


def test_members_come_from_the_master_list_and_removing_them_lowers_the_count(fleet):
    tenant, truck12, truck14, office = fleet
    contact = block(tenant, "ptt-contacts").add(tenant, None, {"name": "Répartition",
                                                               "number": "5145550100"})
    sub_lists = block(tenant, "ptt-sub-lists")
    members = [f"line:{truck12.id}", f"line:{truck14.id}", f"contact:{contact.id}"]
    assert rejected(sub_lists.add, tenant, None, {"name": "Nord",
                                                  "members": [f"line:{office.id}"]}) == {
        "members": "ptt_sub_list.members.unknown"}
    north = sub_lists.add(tenant, None, {"name": "Nord", "members": members})
    assert sub_lists.schema(tenant).dump(north)["member_count"] == 3
    version = north.version
    sub_lists.change(north, {"members": members[:1]})
    assert sub_lists.schema(tenant).dump(north)["member_count"] == 1
    assert north.version == version + 1
    assert last_order().payload["members"] == members[:1]
    assert rejected(sub_lists.add, tenant, None, {"name": "Nord"}) == {
        "name": "ptt_sub_list.name.duplicate"}
    block(tenant, "ptt-contacts").remove(contact)
    sub_lists.remove(north)
    assert sub_lists.items(tenant, None) == []


def test_scan_list_of_a_device_takes_its_groups_with_a_priority(fleet):
    tenant, truck12, truck14, _ = fleet
    groups = block(tenant, "ptt-talk-groups")
    yard = groups.add(tenant, None, {"name": "Cour", "members": [f"line:{truck12.id}"]})
    scan = block(tenant, "ptt-scan-list")
    block(tenant, "ptt-scanning").write(tenant, truck12, {"scanning": "on"})
    assert shown(tenant, "ptt-scanning", truck12)["scanning"] is True
    assert rejected(scan.add, tenant, truck14, {"group_id": yard.id, "priority": 1}) == {
        "group_id": "ptt_scan_entry.group_id.not_member"}
    assert rejected(scan.add, tenant, truck12, {"group_id": yard.id, "priority": 4}) == {
        "priority": "ptt_scan_entry.priority.invalid"}
    entry = scan.add(tenant, truck12, {"group_id": yard.id, "priority": 3})
    assert rejected(scan.add, tenant, truck12, {"group_id": yard.id, "priority": 1}) == {
        "group_id": "ptt_scan_entry.group_id.duplicate"}
    scan.change(entry, {"priority": 1})
    other = groups.add(tenant, None, {"name": "Nord", "members": [f"line:{truck12.id}"]})
    left = scan.add(tenant, truck12, {"group_id": other.id, "priority": 2}).id
    groups.change(other, {"members": [f"line:{truck14.id}"]})
    assert scan.find(tenant, truck12, left) is None, "leaving a group takes it off the scan list"
    assert scan.schema(tenant).dump(scan.items(tenant, truck12), many=True) == [
        {"id": entry.id, "group_id": yard.id, "priority": 1, "version": entry.version}]
    groups.remove(yard)
    assert scan.items(tenant, truck12) == []


def test_messaging_off_turns_the_fallback_off_and_location_stays(fleet):
    tenant, truck12, *_ = fleet
    messaging = block(tenant, "ptt-messaging")
    assert shown(tenant, "ptt-messaging", truck12) == {
        "messaging": True, "voice_fallback": True, "location_services": True, "version": 0}
    assert rejected(messaging.write, tenant, truck12, {
        "messaging": True, "voice_fallback": True, "location_services": False}) == {
        "location_services": "ptt_messaging.location_services.locked"}
    messaging.write(tenant, truck12, {"voice_fallback": "on", "location_services": "on"})
    read = shown(tenant, "ptt-messaging", truck12)
    assert (read["messaging"], read["voice_fallback"]) == (False, False)
    assert last_order().object_type == "ptt_messaging"


def test_a_contact_read_back_in_international_format_saves_unchanged(fleet):
    tenant = fleet[0]
    contacts = block(tenant, "ptt-contacts")
    contact = contacts.add(tenant, None, {"name": "Répartition", "number": "450-555-0100"})
    read = contacts.schema(tenant).dump(contact)
    assert read["number"] == "+14505550100"
    contacts.change(contact, {"name": read["name"], "number": read["number"]})
    assert contact.number == "+14505550100"
    assert rejected(contacts.change, contact, {"number": "+33145834778"}) == {
        "number": "ptt_contact.number.invalid"}
