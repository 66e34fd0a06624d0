"""Signing in and out, sessions, password changes and CSRF, as a browser does them."""

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from backoffice.auth.models import Agent, SecurityEvent
from backoffice.auth.passwords import verify_password
from backoffice.core.changes import current_actor
from backoffice.extensions import db
from backoffice.testing.auth import PASSWORD, csrf_token, log_in, make_agent

NEW_PASSWORD = "a much longer new passphrase"


def events(kind):
    return db.session.scalars(select(SecurityEvent).where(SecurityEvent.kind == kind)).all()


def test_an_agent_signs_in_and_the_audit_trail_names_them(app):
    app.add_url_rule("/whoami", "whoami", lambda: current_actor())
    agent = make_agent("support_agent", "bell", email="Marie.Tremblay@Example.COM")
    client = app.test_client()
    response = log_in(client, "  marie.tremblay@example.com ")
    assert response.status_code == 302 and urlsplit(response.location).path == "/"
    assert client.get("/whoami").text == "marie.tremblay@example.com"
    home = client.get("/?lang=en")
    assert "Signed in as marie.tremblay@example.com" in home.text
    assert [event.email for event in events("login_succeeded")] == [agent.email]


def test_wrong_password_and_unknown_email_get_the_same_answer(app):
    make_agent("viewer", "sfr", email="viewer@example.com")
    client = app.test_client()
    wrong = log_in(client, "viewer@example.com", "not the password at all", )
    unknown = log_in(client, "nobody@example.com", PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert "Adresse e-mail ou mot de passe erroné." in response.text
    assert client.get("/").status_code == 302
    failures = {(event.email, event.detail) for event in events("login_failed")}
    assert failures == {("viewer@example.com", "wrong password"),
                        ("nobody@example.com", "unknown account")}
    assert all(event.remote_addr == "127.0.0.1" for event in events("login_failed"))


def test_a_deactivated_agent_cannot_sign_in_and_loses_their_session(app, agent_client):
    client = agent_client("carrier_admin", "telus")
    agent = db.session.scalar(select(Agent).where(Agent.role == "carrier_admin"))
    agent.active = False
    db.session.commit()
    assert client.get("/").status_code == 302
    response = log_in(app.test_client(), agent.email)
    assert response.status_code == 401 and "erroné" in response.text


def test_without_a_session_a_page_redirects_to_login_and_back(app):
    make_agent()
    client = app.test_client()
    response = client.get("/carriers?lang=en")
    assert urlsplit(response.location).path == "/login"
    target = parse_qs(urlsplit(response.location).query)["next"][0]
    assert target == "/carriers?lang=en"
    page = client.get(response.location)
    assert "Connectez-vous pour continuer." in page.text
    signed_in = log_in(client, "operator_admin.all@test.example", next=target)
    assert signed_in.location == "/carriers?lang=en"


def test_login_never_redirects_to_another_site(app):
    make_agent()
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = log_in(app.test_client(), "operator_admin.all@test.example", next=target)
        assert response.location == "/"


def test_an_expired_session_sends_back_to_login_saying_so(app, agent_client):
    client = agent_client()
    with client.session_transaction() as session:
        session["seen_at"] -= 9 * 3600
    response = client.get("/")
    assert response.status_code == 302 and "expired=1" in response.location
    assert "Votre session a expiré." in client.get(response.location).text
    assert len(events("session_expired")) == 1
    assert client.get("/").status_code == 302  # still signed out, logged once
    assert len(events("session_expired")) == 1


def test_api_calls_without_credentials_get_a_problem(app):
    response = app.test_client().get("/api/v1/carriers", headers={"Accept-Language": "en"})
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.json["detail"] == "Missing or invalid token."
    assert app.test_client().get("/api/openapi.json").status_code == 200


def test_logout_is_a_post_with_its_csrf_token(app, agent_client):
    client = agent_client()
    refused = client.post("/logout")
    assert refused.status_code == 400 and client.get("/").status_code == 200
    response = client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert urlsplit(response.location).path == "/login"
    assert "Vous êtes déconnecté." in client.get("/login").text
    assert client.get("/").status_code == 302
    assert len(events("logout")) == 1


def change_password(client, current, new, confirmation=None):
    return client.post("/account/password?lang=en", data={
        "csrf_token": csrf_token(client, "/account/password"), "current_password": current,
        "new_password": new, "confirmation": new if confirmation is None else confirmation})


def test_password_change_refusals_say_why_and_change_nothing(app, agent_client):
    client = agent_client("support_agent", "cooptel")
    agent = db.session.scalar(select(Agent))
    before = agent.password_hash
    wrong = change_password(client, "not my password!", NEW_PASSWORD)
    short = change_password(client, PASSWORD, "too short")
    mismatch = change_password(client, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")
    assert [r.status_code for r in (wrong, short, mismatch)] == [400, 400, 400]
    assert "The current password is wrong." in wrong.text
    assert "The password must be at least 12 characters long." in short.text
    assert "The two new passwords differ." in mismatch.text
    db.session.refresh(agent)
    assert agent.password_hash == before
    assert len(events("password_change_failed")) == 3


def test_a_password_change_keeps_this_session_and_ends_the_others(app, agent_client):
    client = agent_client("viewer", "bell")
    other = agent_client("viewer", "bell")
    response = change_password(client, PASSWORD, NEW_PASSWORD)
    assert urlsplit(response.location).path == "/account/password"
    assert "Your password was changed." in client.get(response.location + "?lang=en").text
    assert client.get("/").status_code == 200
    assert other.get("/").status_code == 302
    email = "viewer.bell@test.example"
    assert log_in(app.test_client(), email).status_code == 401
    assert log_in(app.test_client(), email, NEW_PASSWORD).status_code == 302
    agent = db.session.scalar(select(Agent))
    assert verify_password(agent.password_hash, NEW_PASSWORD)
    assert len(events("password_changed")) == 1


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(app, agent_client):
    client = agent_client()
    agent = db.session.scalar(select(Agent))
    before = agent.password_hash
    response = client.post("/account/password", data={
        "current_password": PASSWORD, "new_password": NEW_PASSWORD,
        "confirmation": NEW_PASSWORD})
    assert response.status_code == 400
    assert "sans son jeton de sécurité" in response.text
    db.session.refresh(agent)
    assert agent.password_hash == before
    assert [event.email for event in events("csrf_rejected")] == [agent.email]
    forged = client.post("/account/password", data={
        "csrf_token": "forged", "current_password": PASSWORD, "new_password": NEW_PASSWORD,
        "confirmation": NEW_PASSWORD})
    assert forged.status_code == 400 and "invalide" in forged.text


def test_the_login_form_itself_needs_its_csrf_token(app):
    make_agent()
    response = app.test_client().post("/login", data={
        "email": "operator_admin.all@test.example", "password": PASSWORD})
    assert response.status_code == 400
    assert events("login_succeeded") == []


def test_session_cookie_flags(make_app, monkeypatch):
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    app = make_app()
    cookie = app.test_client().get("/login").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # tests and development run on plain HTTP
    production = make_app(TESTING=False)
    assert production.config["SESSION_COOKIE_SECURE"] is True


def test_the_roles_tell_the_authorization_layer_what_an_agent_may_do(app):
    admin = make_agent()
    carrier_admin = make_agent("carrier_admin", "sfr")
    support = make_agent("support_agent", "sfr")
    viewer = make_agent("viewer", "telus")
    assert admin.can_see_carrier("bell") and admin.can_see_carrier("sfr")
    assert support.can_see_carrier("sfr") and not support.can_see_carrier("bell")
    assert not viewer.can_see_carrier(None)
    assert [a.can_write for a in (admin, carrier_admin, support, viewer)] == [
        True, True, True, False]
    assert [a.can_manage_agents for a in (admin, carrier_admin, support, viewer)] == [
        True, True, False, False]
    assert str(viewer.role_info.label) == "Lecteur"


def test_public_views_forbidden_answers_and_json_clients(app, agent_client):
    from backoffice.auth import forbidden, public

    app.add_url_rule("/ping", "ping", public(lambda: "pong"))

    def refuse():
        raise forbidden()

    app.add_url_rule("/refused", "refused", refuse)
    app.add_url_rule("/api/v1/refused", "api_refused", refuse)
    anonymous = app.test_client()
    assert anonymous.get("/ping").text == "pong"
    wants_json = anonymous.get("/refused", headers={"Accept": "application/json"})
    assert wants_json.status_code == 401 and wants_json.mimetype == "application/problem+json"
    client = agent_client("viewer", "bell")
    page = client.get("/refused")
    assert page.status_code == 403 and "Vous n&#39;avez pas le droit" in page.text
    api = client.get("/api/v1/refused", headers={"Accept-Language": "en"})
    assert api.status_code == 403 and api.json["code"] == "auth.role.forbidden"
    assert api.json["detail"] == "You are not allowed to do this."
