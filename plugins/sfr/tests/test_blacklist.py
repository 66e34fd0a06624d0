"""SFR per-line blocked numbers (guide 004 §6.13) and the "reject anonymous calls" switch
(§6.6), through the blocks the UI and API use."""

import pytest
from sqlalchemy import select

from backoffice.testing import (
    AuditRecord,
    ChangeRejected,
    NotOffered,
    agent_request,
    block,
    carrier,
    count,
    create_line,
    create_site,
    create_tenant,
    db,
    rejected,
    row_counts,
)


@pytest.fixture
def toine(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Toine Immo"})
    line = create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 73", "site_id": site.id,
                                "first_name": "Stéphane", "last_name": "Biel",
                                "email": "toineimmo-stephane@gmail.com"})
    group = create_line(tenant, {"plan": "groupement", "number": "04 83 05 01 75",
                                 "site_id": site.id})
    return tenant, line, group


@pytest.fixture
def numbers():
    return block("sfr", "blocked-numbers")


@pytest.fixture
def anonymous():
    return block("sfr", "anonymous-calls")


def test_any_format_is_accepted_as_the_guide_shows(toine, numbers):
    tenant, line, _ = toine
    for typed in ["0145834778", "0790346812", "+334786950", "00442346950434"]:
        numbers.add(tenant, line, {"number": typed})
    shown = numbers.schema(tenant).dump(numbers.items(tenant, line), many=True)
    assert [item["number"] for item in shown] == [
        "+33145834778", "+33790346812", "+334786950", "+442346950434"]


@pytest.mark.parametrize("typed", ["abc", "04 83 xx", "", "1" * 21])
def test_something_that_is_not_a_number_is_refused(toine, numbers, typed):
    tenant, line, _ = toine
    assert rejected(numbers.add, tenant, line, {"number": typed}) == {
        "number": "blocked_number.number.invalid"}


def test_the_same_number_twice_is_refused(toine, numbers):
    tenant, line, _ = toine
    numbers.add(tenant, line, {"number": "0145834778"})
    assert rejected(numbers.add, tenant, line, {"number": "+33 1 45 83 47 78"}) == {
        "number": "blocked_number.number.duplicate"}


def test_the_37th_number_is_refused_with_the_limit_and_the_guides_words(toine, numbers, app):
    tenant, line, _ = toine
    for n in range(36):
        numbers.add(tenant, line, {"number": f"01 45 83 47 {n:02d}"})
    before = row_counts()
    with agent_request(app, "fr"):
        with pytest.raises(ChangeRejected) as refused:
            numbers.add(tenant, line, {"number": "01 45 83 48 00"})
        (violation,) = refused.value.violations
        assert (violation.code, violation.field, violation.limit) == (
            "blocked_number.number.too_many", "number", 36)
        assert violation.localized() == (
            "Le nombre de numéros bloqués ne peut pas être supérieur à 36.")
    assert row_counts() == before


def test_remove_one_and_reset_the_list(toine, numbers):
    tenant, line, _ = toine
    first = numbers.add(tenant, line, {"number": "0145834778"})
    for typed in ["0790346812", "00442346950434"]:
        numbers.add(tenant, line, {"number": typed})
    numbers.remove(first)
    assert [item.number for item in numbers.items(tenant, line)] == [
        "+33790346812", "+442346950434"]
    audits = count(AuditRecord)
    numbers.clear(tenant, line)
    assert numbers.items(tenant, line) == []
    assert count(AuditRecord) == audits + 1
    audit = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
    assert [item["number"] for item in audit.before["items"]] == [
        "+33790346812", "+442346950434"]


def test_a_number_is_found_only_on_its_own_line(toine, numbers):
    tenant, line, _ = toine
    other = create_line(tenant, {"plan": "mobile", "number": "06 17 30 64 73"})
    item = numbers.add(tenant, line, {"number": "0145834778"})
    assert numbers.find(tenant, line, item.id) is item
    assert numbers.find(tenant, other, item.id) is None


def test_a_hunt_group_has_neither_blocked_numbers_nor_anonymous_rejection(toine, numbers,
                                                                           anonymous):
    tenant, _, group = toine
    before = row_counts()
    entry = carrier("sfr")
    assert numbers not in entry.blocks_for("line", "groupement")
    assert anonymous not in entry.blocks_for("line", "groupement")
    with pytest.raises(NotOffered):
        numbers.add(tenant, group, {"number": "0145834778"})
    with pytest.raises(NotOffered):
        anonymous.write(tenant, group, {"reject_anonymous": True})
    assert row_counts() == before


def test_anonymous_rejection_is_off_by_default_and_a_form_or_api_turns_it_on(toine, anonymous):
    tenant, line, _ = toine
    assert anonymous.read(tenant, line) == {"reject_anonymous": False, "version": None}
    anonymous.write(tenant, line, {"reject_anonymous": "on"})  # a ticked checkbox
    assert anonymous.read(tenant, line) == {"reject_anonymous": True, "version": 1}
    anonymous.write(tenant, line, {})  # an unticked checkbox is not posted
    assert anonymous.read(tenant, line) == {"reject_anonymous": False, "version": 2}
    anonymous.write(tenant, line, {"reject_anonymous": True})  # JSON
    assert anonymous.schema(tenant).dump(anonymous.read(tenant, line)) == {
        "reject_anonymous": True, "version": 3}
    audits = db.session.scalars(select(AuditRecord).where(
        AuditRecord.object_type == "anonymous_call_rejection").order_by(AuditRecord.id)).all()
    assert [(a.action, a.after["enabled"]) for a in audits] == [
        ("create", True), ("update", False), ("update", True)]


def test_anonymous_rejection_refuses_a_value_that_is_not_yes_or_no(toine, anonymous):
    tenant, line, _ = toine
    assert rejected(anonymous.write, tenant, line, {"reject_anonymous": "maybe"}) == {
        "reject_anonymous": "anonymous_call_rejection.reject_anonymous.invalid"}
