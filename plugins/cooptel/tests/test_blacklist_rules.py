"""Account-wide blacklist rules (Cooptel, guide 003 §8), through the block the UI and API use."""

import pytest
from sqlalchemy import select

from backoffice.testing import (
    AuditRecord,
    ChangeRejected,
    ProvisioningOrder,
    agent_request,
    block,
    count,
    create_line,
    create_tenant,
    db,
    rejected,
)


@pytest.fixture
def cooptel(app):
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    create_line(tenant, {"plan": "extension", "extension": "101"})
    return tenant


@pytest.fixture
def rules_block(cooptel):
    return block("cooptel", "blacklist-rules")


def add(tenant, mode="block", match="equals", digits="5149073400"):
    return block("cooptel", "blacklist-rules").add(
        tenant, None, {"mode": mode, "match": match, "digits": digits})


def test_typed_separators_are_removed_and_the_digits_shown(cooptel, rules_block):
    rule = add(cooptel, digits=" (514) 907-3400 ")
    shown = rules_block.schema(cooptel).dump(rules_block.items(cooptel, None), many=True)
    assert [(r["mode"], r["match"], r["digits"]) for r in shown] == [
        ("block", "equals", "5149073400")]
    audit = db.session.scalars(select(AuditRecord).where(
        AuditRecord.object_type == "blacklist_rule")).one()
    assert (audit.action, audit.object_id, audit.after["digits"]) == ("create", rule.id,
                                                                      "5149073400")
    assert db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.audit_id == audit.id)).one().status == "applied"


@pytest.mark.parametrize(("data", "expected"), [
    ({"mode": "block", "match": "equals", "digits": "514 ABC"},
     {"digits": "blacklist_rule.digits.invalid"}),
    ({"mode": "block", "match": "equals", "digits": "+15149073400"},
     {"digits": "blacklist_rule.digits.invalid"}),
    ({"mode": "block", "match": "equals", "digits": " - "},
     {"digits": "blacklist_rule.digits.invalid"}),
    ({"mode": "block", "match": "equals", "digits": "1234567890123456"},
     {"digits": "blacklist_rule.digits.invalid"}),
    ({"mode": "refuse", "match": "like", "digits": "514"},
     {"mode": "blacklist_rule.mode.invalid", "match": "blacklist_rule.match.invalid"}),
    ({"match": "equals"}, {"mode": "blacklist_rule.mode.invalid",
                           "digits": "blacklist_rule.digits.invalid"}),
])
def test_bad_rules_are_refused_and_nothing_is_saved(cooptel, rules_block, data, expected):
    assert rejected(rules_block.add, cooptel, None, data) == expected


def test_the_same_rule_twice_is_refused_but_the_other_mode_is_accepted(cooptel):
    add(cooptel, digits="5149073400")
    assert rejected(add, cooptel, "block", "equals", "514-907-3400") == {
        "digits": "blacklist_rule.digits.duplicate"}
    assert add(cooptel, mode="allow_only").mode == "allow_only"


def test_digits_only_message_speaks_french(cooptel, app):
    with agent_request(app, "fr"):
        with pytest.raises(ChangeRejected) as refused:
            add(cooptel, digits="514 90x")
        assert refused.value.by_field()["digits"] == [
            "Chiffres seulement : « x » n'est pas un chiffre."]


def test_edit_a_rule_is_audited_with_before_and_after(cooptel, rules_block):
    rule = add(cooptel)
    rules_block.change(rule, {"match": "starts_with", "digits": "514"})
    assert (rule.match, rule.digits, rule.version) == ("starts_with", "514", 2)
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.action == "update")).one()
    assert (audit.before["digits"], audit.after["digits"]) == ("5149073400", "514")


def test_an_edit_into_an_existing_rule_is_refused(cooptel, rules_block):
    add(cooptel, match="starts_with", digits="514")
    rule = add(cooptel, match="equals", digits="5149073400")
    assert rejected(rules_block.change, rule, {"match": "starts_with", "digits": "514"}) == {
        "digits": "blacklist_rule.digits.duplicate"}
    db.session.refresh(rule)
    assert (rule.match, rule.digits) == ("equals", "5149073400")


def test_delete_one_rule(cooptel, rules_block):
    keep, gone = add(cooptel), add(cooptel, match="contains", digits="5555")
    rules_block.remove(gone)
    assert rules_block.items(cooptel, None) == [keep]
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.action == "delete")).one()
    assert (audit.object_id, audit.before["digits"], audit.after) == (gone.id, "5555", None)


def test_delete_all_is_one_change_audited_with_the_list(cooptel, rules_block):
    for match, digits in [("equals", "5149073400"), ("contains", "5555"),
                          ("starts_with", "514"), ("ends_with", "3400")]:
        add(cooptel, match=match, digits=digits)
    audits, orders = count(AuditRecord), count(ProvisioningOrder)
    rules_block.clear(cooptel, None)
    assert rules_block.items(cooptel, None) == []
    assert (count(AuditRecord), count(ProvisioningOrder)) == (audits + 1, orders + 1)
    audit = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
    assert audit.action == "delete"
    assert [item["digits"] for item in audit.before["items"]] == [
        "5149073400", "5555", "514", "3400"]
    assert rules_block.clear(cooptel, None) == []  # nothing left: no change at all
    assert (count(AuditRecord), count(ProvisioningOrder)) == (audits + 1, orders + 1)


def test_search_finds_a_rule_by_any_field(cooptel, rules_block, app):
    equals = add(cooptel)
    contains = add(cooptel, mode="allow_only", match="contains", digits="5555")
    assert rules_block.search(cooptel, None, "514-907") == [equals]
    assert rules_block.search(cooptel, None, "55") == [contains]
    assert rules_block.search(cooptel, None, "Allow") == [contains]
    assert rules_block.search(cooptel, None, "") == [equals, contains]
    with agent_request(app, "fr"):
        assert rules_block.search(cooptel, None, "contient") == [contains]
        assert rules_block.search(cooptel, None, "bloquer") == [equals]


def test_a_rule_is_found_only_in_its_own_tenant(cooptel, rules_block):
    other = create_tenant({"name": "Autre client", "carrier_id": "cooptel"})
    rule = add(other)
    assert rules_block.find(other, None, rule.id) is rule
    assert rules_block.find(cooptel, None, rule.id) is None


def test_the_form_offers_the_carriers_modes_and_match_kinds(cooptel, rules_block):
    schema = rules_block.schema(cooptel)
    assert list(schema.fields["mode"].metadata["choice_labels"]) == ["block", "allow_only"]
    assert list(schema.fields["match"].metadata["choice_labels"]) == [
        "equals", "starts_with", "ends_with", "contains"]
