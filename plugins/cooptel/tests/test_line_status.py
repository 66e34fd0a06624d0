"""The state of Cooptel's extensions (guide 003 §15) as its sandbox reports it: from their
phones, the calls in progress and ``COOPTEL_CALLS_IN_PROGRESS``."""

from backoffice.plugin import network_for
from backoffice.testing import block, create_line, create_tenant, statuses_of


def _lac():
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    sophie = create_line(tenant, {"plan": "extension", "extension": "101",
                                  "first_name": "Sophie", "email": "sophie@example.ca"})
    luc = create_line(tenant, {"plan": "extension", "extension": "102", "first_name": "Luc",
                               "email": "luc@example.ca"})
    fax = create_line(tenant, {"plan": "efax", "number": "514 907-3401"})
    return tenant, sophie, luc, fax


def test_a_softphone_connects_an_extension_and_a_call_makes_it_busy(app):
    tenant, sophie, luc, fax = _lac()
    assert statuses_of(tenant, [sophie, luc, fax]) == {
        sophie.id: "disconnected", luc.id: "disconnected"}
    block("cooptel", "softphones").add(tenant, luc, {"name": "UC Desktop"})
    network = network_for("cooptel")
    network.begin_call(sophie)  # a call on an extension with no phone: still not connected
    assert statuses_of(tenant, [sophie, luc]) == {
        sophie.id: "disconnected", luc.id: "available"}
    network.begin_call(luc)
    assert statuses_of(tenant, [luc])[luc.id] == "on_call"
    network.end_call(luc)
    assert statuses_of(tenant, [luc])[luc.id] == "available"


def test_calls_in_progress_declared_in_the_config_last(make_app):
    app = make_app(COOPTEL_CALLS_IN_PROGRESS=["102"])
    with app.app_context():
        tenant, sophie, luc, _ = _lac()
        for line in (sophie, luc):
            block("cooptel", "softphones").add(tenant, line, {})
        assert statuses_of(tenant, [sophie, luc]) == {
            sophie.id: "available", luc.id: "on_call"}


def test_the_lines_table_shows_each_lines_state(app, agent_client):
    tenant, sophie, luc, _ = _lac()
    block("cooptel", "softphones").add(tenant, luc, {"name": "UC Desktop"})
    page = agent_client("support_agent", "cooptel").get(f"/tenants/{tenant.id}?lang=en")
    assert page.status_code == 200
    assert page.text.count("Available for calls") == 1 and page.text.count("Disconnected") == 1
