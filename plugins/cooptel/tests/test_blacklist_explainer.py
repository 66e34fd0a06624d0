"""Cooptel's blacklist rules in the call path (guide 003 §8): screening comes first and
names the rule that decided."""


import pytest
from flask_babel import force_locale

from backoffice.testing import block, create_line, create_tenant, screened

pytestmark = pytest.mark.usefixtures("in_english")



@pytest.fixture
def cooptel(app):
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    return tenant, create_line(tenant, {"plan": "extension", "extension": "101"})


def rule(tenant, mode, match, digits):
    return block("cooptel", "blacklist-rules").add(
        tenant, None, {"mode": mode, "match": match, "digits": digits})



def test_without_rules_the_path_has_no_screening_step(cooptel):
    tenant, line = cooptel
    assert [step.action for step in screened(tenant, line, "+15149073400")[1]] == ["ring"]


def test_a_block_rule_rejects_and_is_named_first(cooptel):
    tenant, line = cooptel
    blocking = rule(tenant, "block", "starts_with", "514")
    action, path = screened(tenant, line, "+15149073400")
    assert action == "reject" and len(path) == 1 and path[0].final
    assert f"#{blocking.id}" in path[0].rule and "starts with 514" in path[0].rule
    assert path[0].guide_section == "003_1f8630d8cbff8d99.txt §8"
    assert screened(tenant, line, "+14185551234")[0] == "ring"


def test_the_most_specific_block_rule_is_the_one_named(cooptel):
    tenant, line = cooptel
    rule(tenant, "block", "contains", "907")
    exact = rule(tenant, "block", "equals", "5149073400")
    assert f"#{exact.id}" in screened(tenant, line, "+15149073400")[1][0].rule


def test_allow_only_rules_let_matching_callers_through_and_reject_the_rest(cooptel):
    tenant, line = cooptel
    allowed = rule(tenant, "allow_only", "ends_with", "3400")
    action, path = screened(tenant, line, "+15149073400")
    assert action == "ring" and path[0].action == "allow" and f"#{allowed.id}" in path[0].rule
    action, path = screened(tenant, line, "+15149073401")
    assert action == "reject" and "none matches the caller 5149073401" in path[0].rule


def test_a_block_rule_wins_over_an_allow_only_rule(cooptel):
    tenant, line = cooptel
    rule(tenant, "allow_only", "starts_with", "514")
    blocking = rule(tenant, "block", "equals", "5149073400")
    action, path = screened(tenant, line, "+15149073400")
    assert action == "reject" and f"#{blocking.id}" in path[0].rule
    assert screened(tenant, line, "+15145551234")[0] == "ring"


def test_rules_never_apply_to_anonymous_callers(cooptel):
    tenant, line = cooptel
    rule(tenant, "allow_only", "equals", "5149073400")
    rule(tenant, "block", "contains", "5")
    action, path = screened(tenant, line, None)
    assert action == "ring"
    assert path[0].action == "allow" and "anonymous" in path[0].rule


def test_a_foreign_caller_is_matched_on_its_international_digits(cooptel):
    tenant, line = cooptel
    rule(tenant, "block", "starts_with", "33")
    assert screened(tenant, line, "+33145834778")[0] == "reject"
    assert screened(tenant, line, "+15143345678")[0] == "ring"


def test_the_matching_rule_is_named_in_the_agents_language(cooptel):
    tenant, line = cooptel
    blocking = rule(tenant, "block", "starts_with", "514")
    with force_locale("fr"):
        step = screened(tenant, line, "+15149073400")[1][0]
    assert step.rule == (f"La règle de liste noire n° {blocking.id} « Bloquer les appels dont "
                         "le numéro commence par 514 » reconnaît l'appelant 5149073400.")
