"""Signing out ends the session on the server: a copied cookie is refused afterwards."""

from __future__ import annotations

from backoffice.testing.auth import csrf_token, log_in, make_agent


def _cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_copied_cookie_is_refused_after_sign_out(app):
    make_agent("viewer", "bell")
    browser = app.test_client()
    assert log_in(browser, "viewer.bell@test.example").status_code == 302
    stolen = _cookie(browser)
    assert browser.get("/").status_code == 200

    out = browser.post("/logout", data={"csrf_token": csrf_token(browser, "/")})
    assert out.status_code == 302

    thief = app.test_client()
    thief.set_cookie("session", stolen)
    replay = thief.get("/")
    assert replay.status_code == 302 and "/login" in replay.headers["Location"]
    api = thief.get("/api/v1/tenants")
    assert api.status_code == 401


def test_signing_in_again_after_sign_out_works(app):
    make_agent("viewer", "bell")
    client = app.test_client()
    log_in(client, "viewer.bell@test.example")
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert log_in(client, "viewer.bell@test.example").status_code == 302
    assert client.get("/").status_code == 200
