"""TELUS international calling (global and per-country switches, the user's role) and the
outbound caller ID (guide 002), through the blocks and the explainer."""

import pytest

from backoffice.plugin import countries
from backoffice.testing import block, create_line, create_tenant, dial, rejected, shown


@pytest.fixture
def horizon(app):
    tenant = create_tenant({"name": "Clinique Horizon", "carrier_id": "telus"})
    nadia = create_line(tenant, {"plan": "user", "extension": "101", "number": "604 555-0101"})
    olivier = create_line(tenant, {"plan": "user", "extension": "102",
                                   "number": "604 555-0102"})
    return tenant, nadia, olivier


def test_international_calls_are_off_until_activated(horizon):
    tenant, nadia, _ = horizon
    assert shown(tenant, "international-calls", nadia) == {
        "enabled": False, "blocked_countries": [], "version": None}
    assert dial(tenant, nadia, "+33 1 45 83 47 78")[-1].code == \
        "call_permissions.international.disabled"
    assert dial(tenant, nadia, "+1 212 555 0100")[-1].action == "connect"  # not international


def test_per_country_switches(horizon):
    tenant, nadia, olivier = horizon
    block(tenant, "international-calls").write(tenant, nadia, {
        "enabled": True, "blocked_countries": ["mx", "FR"]})
    assert shown(tenant, "international-calls", olivier)["blocked_countries"] == ["FR", "MX"]
    assert dial(tenant, nadia, "+33 1 45 83 47 78")[-1].code == \
        "call_permissions.country.disabled"
    assert dial(tenant, nadia, "+44 20 7946 0958")[-1].action == "connect"


def test_unknown_country_is_refused(horizon):
    tenant, nadia, _ = horizon
    assert rejected(block(tenant, "international-calls").write, tenant, nadia, {
        "enabled": True, "blocked_countries": ["ZZ"]}) == {
        "blocked_countries": "call_permissions.blocked_countries.unknown"}


def test_country_names_in_french_and_english(app):
    assert ("DE", "Allemagne") in countries("CA", "fr")
    assert ("DE", "Germany") in countries("CA", "en")
    assert "US" not in dict(countries("CA", "en"))


def test_a_standard_user_does_not_dial_abroad(horizon):
    tenant, _, olivier = horizon
    block(tenant, "international-calls").write(tenant, olivier, {"enabled": True})
    assert dial(tenant, olivier, "+33 1 45 83 47 78")[-1].code == "telus.roles.international"
    block(tenant, "role").write(tenant, olivier, {"role": "standard_international"})
    assert dial(tenant, olivier, "+33 1 45 83 47 78")[-1].action == "connect"


def test_outbound_caller_id_is_one_of_the_company_numbers(horizon):
    tenant, nadia, olivier = horizon
    caller_id = block(tenant, "caller-id")
    caller_id.write(tenant, olivier, {"mode": "alternate", "number": nadia.number})
    assert dial(tenant, olivier, "604 555-0199")[-1].target == nadia.number
    assert rejected(caller_id.write, tenant, olivier, {"mode": "hidden"}) == {
        "mode": "caller_id.mode.invalid"}
    assert rejected(caller_id.write, tenant, olivier, {
        "mode": "alternate", "number": "604 555-0199"}) == {
        "number": "caller_id.number.not_of_tenant"}
