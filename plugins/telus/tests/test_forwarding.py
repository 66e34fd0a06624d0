"""TELUS call handling: forwarding and do not disturb (guide 002)."""

import pytest

from backoffice.testing import block, call, create_line, create_tenant, path, rejected, shown


@pytest.fixture
def clinique(app):
    tenant = create_tenant({"name": "Clinique Horizon", "carrier_id": "telus"})
    nadia = create_line(tenant, {"plan": "user", "extension": "101"})
    create_line(tenant, {"plan": "user", "extension": "102"})
    return tenant, nadia


def test_telus_do_not_disturb_sends_every_caller_to_voicemail(clinique):
    tenant, nadia = clinique
    forwarding = block(tenant, "forwarding")
    forwarding.write(tenant, nadia, {"always_enabled": True, "always_destination": "102",
                                     "do_not_disturb_enabled": True})
    assert shown(tenant, "forwarding", nadia)["do_not_disturb_enabled"] is True
    steps = call(tenant, nadia, "2026-11-23 10:00", "busy")
    assert [(s.action, s.code) for s in steps] == [
        ("voicemail", "telus.forwarding.do_not_disturb")]
    forwarding.write(tenant, nadia, {"always_enabled": True, "always_destination": "102"})
    assert path(call(tenant, nadia, "2026-11-23 10:00")) == [("forward", "102")]
    forwarding.write(tenant, nadia, {"no_answer_enabled": True,
                                     "no_answer_destination": "604 555 0199"})
    assert path(call(tenant, nadia, "2026-11-23 10:00", "no_answer")) == [
        ("forward", "+16045550199")]
    assert path(call(tenant, nadia, "2026-11-23 10:00")) == [("ring", "")]


def test_telus_refuses_an_unknown_extension(clinique):
    tenant, nadia = clinique
    assert rejected(block(tenant, "forwarding").write, tenant, nadia,
                    {"always_enabled": True, "always_destination": "555"}) == {
        "always_destination": "forwarding.always_destination.unknown_extension"}
