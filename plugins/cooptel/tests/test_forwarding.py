"""Cooptel extension forwarding (guide 003 §2, §9.1)."""

import pytest
from flask_babel import force_locale

from backoffice.testing import block, call, create_line, create_tenant, path, rejected, shown


@pytest.fixture
def fromagerie(app):
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    sophie = create_line(tenant, {"plan": "extension", "extension": "101",
                                  "number": "514 907-3400"})
    luc = create_line(tenant, {"plan": "extension", "extension": "102"})
    return tenant, sophie, luc


def cooptel(tenant, line, **data):
    return block(tenant, "forwarding").write(tenant, line, data)


def test_one_rule_per_extension_to_another_extension_after_the_ring_duration(fromagerie):
    tenant, sophie, _ = fromagerie
    cooptel(tenant, sophie, ring_seconds="20", enabled="on", rule="no_answer", destination="102")
    cooptel(tenant, sophie, ring_seconds="20", enabled="on", rule="caller_confirms",
            destination="514 555-0188")
    read = shown(tenant, "forwarding", sophie)
    assert (read["rule"], read["destination"], read["ring_seconds"]) == (
        "caller_confirms", "+15145550188", 20)
    assert path(call(tenant, sophie, "2026-11-23 10:00", "no_answer", digits="1")) == [
        ("forward", "+15145550188")]
    refused = call(tenant, sophie, "2026-11-23 10:00", "no_answer")
    assert [s.action for s in refused] == ["no_forward", "ring"]


def test_ring_duration_zero_rings_forever(fromagerie):
    tenant, sophie, _ = fromagerie
    cooptel(tenant, sophie, ring_seconds=0, enabled=True, rule="no_answer", destination="102")
    steps = call(tenant, sophie, "2026-11-23 10:00", "no_answer")
    assert [(s.action, s.code) for s in steps] == [("ring", "cooptel.forwarding.rings_forever")]


def test_always_and_ring_together(fromagerie):
    tenant, sophie, _ = fromagerie
    cooptel(tenant, sophie, enabled=True, rule="always", destination="102")
    assert path(call(tenant, sophie, "2026-11-23 10:00")) == [("forward", "102")]
    cooptel(tenant, sophie, enabled=True, rule="ring_together", destination="514 555-0188")
    assert path(call(tenant, sophie, "2026-11-23 10:00")) == [
        ("ring_together", "+15145550188")]


def test_find_me_follow_me_works_only_while_forwarding_is_off(fromagerie):
    tenant, sophie, _ = fromagerie
    find_me = {"find_me_enabled": True, "find_me_destination": "514 555-0188",
               "find_me_ring_seconds": 15, "find_me_screening": True}
    assert rejected(cooptel, tenant, sophie, enabled=True, rule="always", destination="102",
                    **find_me) == {"find_me_enabled": "forwarding.find_me_enabled.exclusive"}
    cooptel(tenant, sophie, **find_me)
    with force_locale("en"):
        steps = call(tenant, sophie, "2026-11-23 10:00", "no_answer")
    assert path(steps) == [("forward", "+15145550188")]
    assert steps[0].code == "cooptel.forwarding.find_me"
    assert steps[0].rule == ("Find-me/follow-me is on and call forwarding is off: the call is "
                             "transferred after 15 seconds. The caller is asked to identify "
                             "themselves.")
    french = call(tenant, sophie, "2026-11-23 10:00", "no_answer")[0].rule  # the default locale
    assert "transféré après 15 secondes" in french and "s'identifier" in french


@pytest.mark.parametrize(("data", "expected"), [
    ({"enabled": True, "destination": "109"},
     {"destination": "forwarding.destination.unknown_extension"}),
    ({"enabled": True, "destination": "101"}, {"destination": "forwarding.destination.own_line"}),
    ({"enabled": True, "destination": "voicemail"},
     {"destination": "forwarding.destination.not_offered"}),
    ({"enabled": True}, {"destination": "forwarding.destination.required"}),
    ({"enabled": True, "destination": "102", "rule": "sometimes"},
     {"rule": "forwarding.rule.not_offered"}),
    ({"ring_seconds": -1}, {"ring_seconds": "forwarding.ring_seconds.invalid"}),
    ({"find_me_enabled": True, "find_me_destination": "102"},
     {"find_me_destination": "forwarding.find_me_destination.not_offered"}),
])
def test_bad_cooptel_forwarding_is_refused(fromagerie, data, expected):
    tenant, sophie, _ = fromagerie
    assert rejected(cooptel, tenant, sophie, **data) == expected


def test_an_exceptional_closure_plays_the_closing_message_every_year(fromagerie):
    tenant, sophie, _ = fromagerie
    cooptel(tenant, sophie, enabled=True, rule="always", destination="102")
    block(tenant, "business-hours").add(tenant, None, {
        "name": "Numéro principal", "line_id": sophie.id, "hours": "mon-fri 08:30-17:00",
        "closures": "2026-12-25"})
    steps = call(tenant, sophie, "2028-12-25 10:00")
    assert [(s.action, s.code) for s in steps] == [("closed", "cooptel.business_hours.closed")]
    assert path(call(tenant, sophie, "2028-12-26 10:00")) == [("forward", "102")]
