"""API tokens: created once by the CLI, hashed at rest, accepted as Bearer, revocable."""

import hashlib

from sqlalchemy import select, text

from backoffice.auth.models import ApiToken, SecurityEvent
from backoffice.extensions import db
from backoffice.testing.auth import csrf_token, make_agent


def create_token(app, email, *extra):
    result = app.test_cli_runner().invoke(args=["create-token", email, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def bearer(token):
    return {"Authorization": f"Bearer {token}", "Accept-Language": "en"}


def test_create_token_prints_it_once_and_stores_only_its_hash(app):
    agent = make_agent("support_agent", "telus")
    result = app.test_cli_runner().invoke(args=["create-token", agent.email, "--name", "crm"])
    clear = result.stdout.strip()
    assert clear.startswith("bo_") and len(clear) > 40
    assert "not shown again" in result.stderr
    token = db.session.scalar(select(ApiToken))
    assert (token.name, token.agent_id) == ("crm", agent.id)
    assert token.token_hash == hashlib.sha256(clear.encode()).hexdigest()
    rows = db.session.execute(text("SELECT * FROM api_token")).all()
    assert rows and all(clear not in str(value) for row in rows for value in row)
    page = app.test_client().get("/account/tokens", headers=bearer(clear))
    assert "crm" in page.text and clear not in page.text


def test_the_api_accepts_a_bearer_token(app):
    agent = make_agent("viewer", "bell")
    clear = create_token(app, agent.email)
    response = app.test_client().get("/api/v1/carriers", headers=bearer(clear))
    assert response.status_code == 200
    assert {carrier["id"] for carrier in response.json} >= {"bell", "sfr"}
    assert "Set-Cookie" not in response.headers
    assert db.session.scalar(select(ApiToken)).last_used_at is not None


def test_an_unknown_token_is_refused_and_logged(app):
    make_agent()
    response = app.test_client().get("/api/v1/carriers", headers=bearer("bo_not-a-real-one"))
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert (response.json["code"], response.json["detail"]) == (
        "auth.token.invalid", "Missing or invalid token.")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    event = db.session.scalar(select(SecurityEvent).where(SecurityEvent.kind == "token_rejected"))
    assert event.detail == "unknown token on /api/v1/carriers"


def test_a_revoked_token_gets_its_own_answer(app):
    agent = make_agent("carrier_admin", "cooptel")
    clear = create_token(app, agent.email)
    token_id = db.session.scalar(select(ApiToken.id))
    result = app.test_cli_runner().invoke(args=["revoke-token", str(token_id)])
    assert result.exit_code == 0 and "revoked" in result.output
    response = app.test_client().get("/api/v1/carriers", headers=bearer(clear))
    assert response.status_code == 401
    assert (response.json["code"], response.json["detail"]) == (
        "auth.token.revoked", "This token was revoked.")
    again = app.test_cli_runner().invoke(args=["revoke-token", str(token_id)])
    assert again.exit_code == 1 and "already revoked" in again.output
    french = app.test_client().get("/api/v1/carriers", headers={
        "Authorization": f"Bearer {clear}", "Accept-Language": "fr"})
    assert french.json["detail"] == "Ce jeton a été révoqué."


def test_a_bad_token_is_refused_even_beside_a_valid_session(app, agent_client):
    client = agent_client()
    assert client.get("/api/v1/carriers").status_code == 200
    assert client.get("/api/v1/carriers", headers=bearer("bo_wrong")).status_code == 401


def test_token_requests_need_no_csrf_token_but_session_requests_do(app, agent_client):
    agent = make_agent()
    clear = create_token(app, agent.email)
    token_id = db.session.scalar(select(ApiToken.id))
    client = agent_client()
    refused = client.post(f"/account/tokens/{token_id}/revoke")
    assert refused.status_code == 400
    db.session.expire_all()
    assert db.session.get(ApiToken, token_id).revoked_at is None
    by_token = app.test_client().post(f"/account/tokens/{token_id}/revoke",
                                      headers=bearer(clear))
    assert by_token.status_code == 302
    db.session.expire_all()
    assert db.session.get(ApiToken, token_id).revoked_at is not None


def test_an_agent_revokes_only_their_own_tokens(app, agent_client):
    owner = make_agent("support_agent", "sfr")
    create_token(app, owner.email, "--name", "mine")
    token_id = db.session.scalar(select(ApiToken.id))
    other = agent_client("support_agent", "bell")
    token = csrf_token(other, "/account/tokens")
    assert other.post(f"/account/tokens/{token_id}/revoke",
                      data={"csrf_token": token}).status_code == 404
    owner_client = agent_client("support_agent", "sfr")
    page = owner_client.get("/account/tokens?lang=en")
    assert "mine" in page.text and "Active token" in page.text
    done = owner_client.post(f"/account/tokens/{token_id}/revoke",
                             data={"csrf_token": csrf_token(owner_client, "/account/tokens")})
    assert done.status_code == 302
    assert "Revoked token" in owner_client.get("/account/tokens?lang=en").text
