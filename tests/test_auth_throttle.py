"""Login throttling: failures counted per account and per address (a fresh app each test)."""

from sqlalchemy import select

from backoffice.auth.models import SecurityEvent
from backoffice.extensions import db
from backoffice.testing.auth import PASSWORD, log_in, make_agent


def client_from(app, address):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_five_failures_lock_the_account_even_for_its_right_password(app):
    agent = make_agent("support_agent", "sfr")
    attacker = client_from(app, "203.0.113.7")
    answers = [log_in(attacker, agent.email, f"wrong password number {n}").status_code
               for n in range(5)]
    assert answers == [401] * 5
    locked = log_in(attacker, agent.email)
    assert locked.status_code == 429
    assert "Trop de tentatives de connexion échouées pour ce compte." in locked.text
    from_elsewhere = log_in(client_from(app, "198.51.100.1"), agent.email)
    assert from_elsewhere.status_code == 429  # the account is what is protected
    throttled = db.session.scalars(
        select(SecurityEvent).where(SecurityEvent.kind == "login_throttled")).all()
    assert [event.email for event in throttled] == [agent.email, agent.email]


def test_another_account_signs_in_while_one_is_locked(app):
    victim = make_agent("support_agent", "sfr")
    colleague = make_agent("viewer", "sfr")
    attacker = client_from(app, "203.0.113.7")
    for n in range(6):
        log_in(attacker, victim.email, f"guess {n}")
    response = log_in(client_from(app, "198.51.100.1"), colleague.email)
    assert response.status_code == 302


def test_twenty_failures_from_one_address_block_that_address_only(app):
    agent = make_agent("carrier_admin", "bell")
    attacker = client_from(app, "203.0.113.9")
    answers = {log_in(attacker, f"user{n}@example.com", "whatever it is").status_code
               for n in range(20)}
    assert answers == {401}
    blocked = log_in(attacker, agent.email)
    assert blocked.status_code == 429
    assert "depuis votre adresse réseau" in blocked.text
    assert log_in(client_from(app, "198.51.100.2"), agent.email).status_code == 302


def test_successful_logins_are_not_counted(app):
    agent = make_agent()
    client = client_from(app, "192.0.2.10")
    answers = [log_in(client, agent.email, PASSWORD).status_code for _ in range(8)]
    assert answers == [302] * 8
