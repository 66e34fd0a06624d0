"""Common and guessable passwords, and the agent's own e-mail, are refused saying why."""

from __future__ import annotations

import pytest

from backoffice.auth.agents import AgentRejected, create_agent
from backoffice.testing.auth import PASSWORD, csrf_token, log_in, make_agent


@pytest.mark.parametrize(("password", "why"), [
    ("password1234", "most common"), ("qwertyuiop123", "common"),
    ("aaaaaaaaaaaaaaaa", "too easy to guess"), ("123456789012", "common"),
    ("julie.martin@example.test", "e-mail"), ("JULIE.MARTIN-2026!", "e-mail"),
])
def test_a_weak_password_is_refused_saying_why(app, password, why):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        with pytest.raises(AgentRejected) as refused:
            create_agent("julie.martin@example.test", password, "viewer", "bell")
        message = refused.value.localized()["password"]
    assert why in message


def test_a_strong_passphrase_is_accepted(app):
    agent = create_agent("julie.martin@example.test", "violet tramway under seven lanterns",
                         "viewer", "bell")
    assert agent.id


def test_changing_to_a_common_password_is_refused_in_french(app):
    agent = make_agent("viewer", "sfr")
    client = app.test_client()
    log_in(client, agent.email)
    response = client.post("/account/password", headers={"Accept-Language": "fr"}, data={
        "csrf_token": csrf_token(client, "/account/password"), "current_password": PASSWORD,
        "new_password": "password1234", "confirmation": "password1234"})
    assert response.status_code == 400
    assert "plus courants" in response.text
