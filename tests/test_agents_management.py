"""Administrators manage agents: the operator's everywhere, a carrier's within its carrier."""

import re

import pytest

from backoffice.auth.agents import find_agent
from backoffice.testing.auth import make_agent

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "a long enough password"


def post(client, path, data):
    token = CSRF.search(client.get("/agents").text).group(1)
    return client.post(path, data={"csrf_token": token, **data})


def test_a_carrier_admin_creates_agents_of_its_own_carrier_only(app, agent_client):
    client = agent_client("carrier_admin", "sfr")
    created = post(client, "/agents", {"email": "nouvel.agent@sfr.test", "password": PASSWORD,
                                       "role": "support_agent", "carrier_id": "sfr"})
    assert created.status_code == 302
    assert find_agent("nouvel.agent@sfr.test").carrier_id == "sfr"
    refused = post(client, "/agents", {"email": "intrus@bell.test", "password": PASSWORD,
                                       "role": "support_agent", "carrier_id": "bell"})
    assert refused.status_code == 422 and find_agent("intrus@bell.test") is None
    assert "propre opérateur" in refused.text
    listed = client.get("/agents").text
    assert "nouvel.agent@sfr.test" in listed and "bell" not in listed.split("<tbody>")[1]


@pytest.mark.parametrize("role", ["support_agent", "viewer"])
def test_other_roles_cannot_manage_agents(app, agent_client, role):
    client = agent_client(role, "sfr")
    assert client.get("/agents").status_code == 403
    assert client.get("/api/v1/agents").status_code == 403


def test_an_admin_deactivates_an_agent_who_can_then_no_longer_sign_in(app, agent_client):
    target = make_agent("support_agent", "sfr", email="partant@sfr.test")
    client = agent_client("carrier_admin", "sfr")
    assert post(client, f"/agents/{target.id}/active", {"active": "0"}).status_code == 302
    assert find_agent("partant@sfr.test").active is False
    foreign = make_agent("support_agent", "bell", email="autre@bell.test")
    assert post(client, f"/agents/{foreign.id}/active", {"active": "0"}).status_code == 404
    assert find_agent("autre@bell.test").active is True


def test_the_api_lists_creates_and_deactivates(app, agent_client):
    client = agent_client("operator_admin")
    token = CSRF.search(client.get("/agents").text).group(1)
    headers = {"X-CSRFToken": token}
    created = client.post("/api/v1/agents", json={"email": "api@telus.test", "password": PASSWORD,
                                                  "role": "viewer", "carrier_id": "telus"},
                          headers=headers)
    assert created.status_code == 201 and created.json["role"] == "viewer"
    bad = client.post("/api/v1/agents", json={"email": "x", "password": "short", "role": "boss"},
                      headers=headers)
    assert bad.status_code == 422
    assert {error["field"] for error in bad.json["errors"]} == {"email", "password", "role"}
    off = client.patch(f"/api/v1/agents/{created.json['id']}", json={"active": False},
                       headers=headers)
    assert off.status_code == 200 and off.json["active"] is False
