"""A carrier defined only here plugs in through the contract, with no change to core."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from backoffice.core.declarations import CallContext
from backoffice.core.errors import ChangeRejected
from backoffice.core.explainer import explain_call
from backoffice.core.lines import create_line
from backoffice.core.models import ProvisioningOrder
from backoffice.core.tenants import create_tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from tests.fifth_carrier import NordTel


@pytest.fixture
def nordtel_app(make_app):
    app = make_app(extra_plugins=[NordTel()])
    with app.app_context():
        yield app


def test_it_appears_in_the_capability_matrix(nordtel_app):
    result = nordtel_app.test_cli_runner().invoke(args=["carriers", "--json"])
    matrix = {carrier["id"]: carrier for carrier in json.loads(result.output)}
    assert set(matrix) == {"bell", "cooptel", "nordtel", "sfr", "telus"}
    assert matrix["nordtel"]["name"] == "NordTel"
    assert matrix["nordtel"]["features"]["night_service"]["limits"] == {"max_hours": 12}


def test_its_lines_are_parsed_for_its_country_and_checked_by_its_rules(nordtel_app):
    tenant = create_tenant({"name": "Fjord AS", "carrier_id": "nordtel"})
    assert (tenant.locale, tenant.timezone) == ("en", "Europe/Oslo")
    line = create_line(tenant, {"plan": "basic", "number": "22 12 34 56"})
    assert line.number == "+4722123456"
    with pytest.raises(ChangeRejected) as refused:
        create_line(tenant, {"plan": "basic", "number": "22 12 34 57", "first_name": "x" * 21})
    assert [v.code for v in refused.value.violations] == ["line.first_name.too_long"]


def test_its_network_applies_its_orders(nordtel_app):
    tenant = create_tenant({"name": "Fjord AS", "carrier_id": "nordtel"})
    create_line(tenant, {"plan": "basic", "number": "22 12 34 56"})
    order = ProvisioningOrder.query.one()
    assert (order.status, order.detail) == ("applied", "NordTel switch updated.")


def test_its_call_steps_join_the_explainer(nordtel_app):
    tenant = create_tenant({"name": "Fjord AS", "carrier_id": "nordtel"})
    line = create_line(tenant, {"plan": "basic", "number": "22 12 34 56"})
    oslo = ZoneInfo("Europe/Oslo")
    night = explain_call(tenant, line, CallContext(None, datetime(2026, 11, 23, 3, tzinfo=oslo)))
    day = explain_call(tenant, line, CallContext(None, datetime(2026, 11, 23, 10, tzinfo=oslo)))
    assert [(s.action, s.target) for s in night] == [("forward", "+4722000000")]
    assert [s.action for s in day] == ["ring"]


def test_its_pages_api_and_demo_data_are_served(nordtel_app, agent_client):
    client = agent_client(app=nordtel_app)
    assert client.get("/nordtel/night-service").text == "NordTel night service"
    assert client.get("/api/v1/nordtel/night-service").json == {"max_hours": 12}
    assert "/api/v1/nordtel/night-service" in client.get("/api/openapi.json").json["paths"]
    load_demo()
    assert client.get("/").text.count("Fjord AS") == 1


def test_its_blocks_are_listed_for_the_tenant_page(nordtel_app):
    entry = nordtel_app.extensions["carriers"]["nordtel"]
    assert [block.id for block in entry.blocks_for("tenant")] == ["night-service"]
    assert [block.id for block in entry.blocks_for("line", "basic")] == ["forwarding"]
    assert entry.block("night-service").read(None, None) == {"hours": 8, "version": 0}


def test_its_pages_are_linked_from_the_navigation_without_editing_templates(nordtel_app,
                                                                           agent_client):
    fjord = create_tenant({"name": "Fjord AS", "carrier_id": "nordtel"})
    line = create_line(fjord, {"plan": "basic", "number": "22 12 34 56"})
    other = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    ids = fjord.id, line.id, other.id
    nordtel = agent_client("support_agent", "nordtel", app=nordtel_app)
    home = nordtel.get("/?lang=fr").text
    assert 'href="/nordtel/night-service">Night service</a>' in home
    tenant_page = nordtel.get(f"/tenants/{ids[0]}").text
    link = f'href="/nordtel/tenants/{ids[0]}/switch-log">Journal du commutateur</a>'
    assert link in tenant_page
    assert nordtel.get(f"/nordtel/tenants/{ids[0]}/switch-log").text == \
        "NordTel switch log of Fjord AS"
    line_page = nordtel.get(f"/tenants/{ids[0]}/lines/{ids[1]}").text
    assert f'href="/nordtel/tenants/{ids[0]}/lines/{ids[1]}/trace">Line trace</a>' in line_page
    bell = agent_client("support_agent", "bell", app=nordtel_app)
    db.session.expunge_all()  # the test's app context spans requests; a server's does not
    assert "Night service" not in bell.get("/").text
    assert "switch-log" not in bell.get(f"/tenants/{ids[2]}").text
    assert bell.get(f"/nordtel/tenants/{ids[0]}/switch-log").status_code == 404


def test_its_account_sections_join_the_tenant_page(nordtel_app):
    from backoffice.testing.auth import signed_in_client

    tenant = create_tenant({"name": "Fjord AS", "carrier_id": "nordtel"})
    page = signed_in_client(nordtel_app, "operator_admin", None).get(
        f"/tenants/{tenant.id}?lang=en").get_data(as_text=True)
    assert (f'href="/nordtel/tenants/{tenant.id}/switch-log">Night service hours</a></th>'
            f'<td>8</td>') in page
