"""Bell offers no blacklist: its call path has no screening step."""


from backoffice.testing import create_line, create_tenant, screened


def test_bell_has_no_screening_step(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"})
    assert [s.action for s in screened(tenant, line, None, "busy")[1]] == ["busy_tone"]
