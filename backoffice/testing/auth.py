"""Signing agents in from tests, with CSRF on as in production (``agent_client`` uses it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from backoffice.auth.agents import create_agent, find_agent
from backoffice.auth.models import Agent

PASSWORD = "correct horse battery staple"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token of the form on ``path``, as a browser would read it."""
    page = client.get(path)
    match = CSRF_FIELD.search(page.text)
    assert match, f"no CSRF token in the form of {path} ({page.status_code})"
    return match.group(1)


def agent_email(role: str, carrier: str | None) -> str:
    """The e-mail of the test agent with this role and carrier."""
    return f"{role}.{carrier or 'all'}@test.example"


def make_agent(role: str = "operator_admin", carrier: str | None = None,
               email: str | None = None, password: str = PASSWORD) -> Agent:
    """The agent with this role and carrier, created on first use (needs an app context)."""
    email = email or agent_email(role, carrier)
    return find_agent(email) or create_agent(email, password, role, carrier)


def log_in(client: FlaskClient, email: str, password: str = PASSWORD,
           **extra: str) -> TestResponse:
    """Post the login form with its CSRF token; returns the response."""
    token = csrf_token(client)
    return client.post("/login", data={"email": email, "password": password,
                                       "csrf_token": token, **extra})


def signed_in_client(app: Flask, role: str = "operator_admin",
                     carrier: str | None = None) -> FlaskClient:
    """A test client of ``app`` with an agent of ``role`` (and ``carrier``) signed in."""
    with app.app_context():
        agent = make_agent(role, carrier)
        email = agent.email
    client = app.test_client()
    response = log_in(client, email)
    assert response.status_code == 302, response.text
    return client


def bearer_client(app: Flask, role: str = "operator_admin", carrier: str | None = None,
                  **default_headers: str) -> Callable[..., TestResponse]:
    """``call(method, path, **kwargs)``: API requests with a personal token of an agent of
    ``role`` (and ``carrier``), with ``default_headers`` on every request."""
    from backoffice.auth.tokens import create_token

    _, clear = create_token(make_agent(role, carrier), "tests")
    client = app.test_client()

    def call(method: str, path: str, **kwargs: Any) -> TestResponse:
        headers = {"Authorization": f"Bearer {clear}", **default_headers,
                   **kwargs.pop("headers", {})}
        return client.open(path, method=method, headers=headers, **kwargs)

    return call
