"""Voice menus in the web UI and the API, on the SFR demo IVR: pages, forms, refusals, audio
upload, the explainer's keys."""

import io
import re

import pytest
from sqlalchemy import select

from backoffice.plugin import Line, Tenant
from backoffice.testing import db
from backoffice.testing.audio import mp3_bytes, wav_bytes
from backoffice.testing.auth import bearer_client, signed_in_client


@pytest.fixture
def demo(app):
    from backoffice.demo import load_demo

    load_demo()
    tenant = db.session.scalar(select(Tenant).where(Tenant.name == "Toine Immo"))
    line = db.session.scalar(select(Line).where(Line.number == "+33483050170"))
    return app, tenant, line


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_ivr_line_page_shows_the_menu_and_its_keys(demo, language):
    app, tenant, line = demo
    client = signed_in_client(app, "support_agent", "sfr")
    page = client.get(f"/tenants/{tenant.id}/lines/{line.id}",
                      headers={"Accept-Language": language})
    assert page.status_code == 200
    text = page.text
    assert ("Accueil vocal interactif" if language == "fr" else "Interactive voice response") \
        in text
    assert "+33684343813" in text or "06 84 34 38 13" in text
    tenant_page = client.get(f"/tenants/{tenant.id}", headers={"Accept-Language": language})
    assert tenant_page.status_code == 200 and "AVI MP3" in tenant_page.text


def test_a_bad_key_in_the_form_is_refused_with_a_message_and_nothing_saved(demo):
    app, tenant, line = demo
    client = signed_in_client(app, "support_agent", "sfr")
    url = f"/tenants/{tenant.id}/lines/{line.id}"
    token = csrf(client.get(url).text)
    answer = client.post(f"{url}/blocks/ivr-keys", data={
        "csrf_token": token, "hours": "open", "path": "4", "kind": "number",
        "destination": "number", "destination__value": "08 99 12 34 56", "label": ""},
        headers={"Accept-Language": "fr"})
    assert answer.status_code in (200, 422)
    assert "numéros spéciaux" in answer.text


def test_the_api_adds_a_key_refuses_a_bad_one_and_explains_with_digits(demo):
    app, tenant, line = demo
    call = bearer_client(app, "support_agent", "sfr")
    base = f"/api/v1/tenants/{tenant.id}/lines/{line.id}"
    listed = call("GET", f"{base}/ivr-keys")
    assert listed.status_code == 200 and len(listed.json["items"]) == 5
    bad = call("POST", f"{base}/ivr-keys", json={"path": "3", "destination": "+12125551234"})
    assert bad.status_code == 422
    assert bad.json["errors"][0]["code"] == "ivr.destination.outside_zone"
    good = call("POST", f"{base}/ivr-keys", json={
        "path": "3", "destination": {"kind": "number", "value": "+32 2 555 12 34"},
        "label": "Bruxelles"})
    assert good.status_code == 201, good.json
    steps = call("POST", f"{base}/explain", json={"moment": "2026-11-23T10:00",
                                                  "digits": "3"}).json
    assert (steps[-1]["action"], steps[-1]["target"]) == ("forward", "+3225551234")
    assert call("POST", f"{base}/explain", json={"moment": "2026-11-23T10:00",
                                                 "digits": "x"}).status_code == 422
    settings = call("GET", f"{base}/ivr").json
    assert settings["enabled"] is True and settings["internal_number"] == "7600"


def test_an_announcement_recording_is_uploaded_listened_to_and_refused_past_2_minutes(demo):
    app, tenant, _ = demo
    call = bearer_client(app, "support_agent", "sfr")
    upload = call("POST", f"/api/v1/tenants/{tenant.id}/audio", data={
        "use": "announcements.audio", "file": (io.BytesIO(mp3_bytes(5)), "accueil.mp3")},
        content_type="multipart/form-data")
    assert upload.status_code == 201, upload.json
    site_id = tenant.sites[0].id
    made = call("POST", f"/api/v1/tenants/{tenant.id}/announcements", json={
        "name": "Accueil été", "site_id": site_id, "audio_id": upload.json["id"]})
    assert made.status_code == 201, made.json
    content = call("GET", f"/api/v1/tenants/{tenant.id}/audio/{upload.json['id']}/content")
    assert content.status_code == 200 and content.mimetype == "audio/mpeg"
    too_long = call("POST", f"/api/v1/tenants/{tenant.id}/audio", data={
        "use": "announcements.audio",
        "file": (io.BytesIO(wav_bytes(121, rate=800)), "long.wav")},
        content_type="multipart/form-data")
    assert too_long.status_code == 422
    assert too_long.json["errors"][0]["code"] == "announcements.file.too_long"
    page = signed_in_client(app, "support_agent", "sfr").get(f"/tenants/{tenant.id}")
    assert f"/tenants/{tenant.id}/audio/{upload.json['id']}" in page.text


def test_deleting_the_ivr_line_deletes_its_menu_and_keys_and_frees_its_announcements(demo):
    from backoffice.core.ivr.models import Announcement, Ivr, IvrKey
    from backoffice.core.lines import delete_line
    from backoffice.testing import agent_request, block, count

    app, tenant, line = demo
    keys_before = count(IvrKey)
    with agent_request(app):
        delete_line(line)
    assert db.session.get(Line, line.id) is None
    assert count(IvrKey) == keys_before - 5 and count(Ivr) == 1  # TELUS's menu stays
    greeting = db.session.scalar(select(Announcement).where(Announcement.name == "AVI MP3"))
    assert block(tenant, "announcements").removable(greeting) is None
