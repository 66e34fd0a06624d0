"""Voicemail in the UI and the API, for each carrier: mailbox forms that round-trip, greeting
upload and playback, the message count, emptying, the password never shown, Bell's 404."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.core.voicemail.models import Mailbox
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.audio import fake_mp3_bytes, wav_bytes
from backoffice.testing.auth import bearer_client

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def demo(app):
    load_demo()
    return {t.carrier_id: t for t in db.session.scalars(select(Tenant))}


def line_of(tenant: Tenant, *, number: str | None = None, extension: str | None = None) -> Line:
    column, value = (Line.number, number) if number else (Line.extension, extension)
    return db.session.scalars(select(Line).where(Line.tenant_id == tenant.id,
                                                 column == value)).one()


def block_of(html: str, block_id: str) -> str:
    return html.split(f'id="{block_id}"')[1].split("</article>")[0]


def test_cooptel_page_shows_the_count_and_state_and_hides_the_password(demo, agent_client):
    tenant = demo["cooptel"]
    line = line_of(tenant, extension="101")
    client = agent_client("support_agent", "cooptel")
    url = f"/tenants/{tenant.id}/lines/{line.id}"
    page = client.get(f"{url}?lang=fr").text
    box = block_of(page, "voicemail")
    assert "Pleine (100 messages / 100)" in box and "4821" not in page
    assert "(100 messages / 100)" in block_of(page, "voicemail-messages")
    english = client.get(f"{url}?lang=en&edit=voicemail").text
    form = block_of(english, "voicemail")
    assert 'type="password"' in form and "4821" not in form
    assert "E-mail only, not kept on the server" in form and "Key 0 sends the caller to" in form


def test_a_form_saved_unchanged_keeps_the_password_and_changes_nothing(demo, agent_client):
    tenant = demo["cooptel"]
    line = line_of(tenant, extension="101")
    client = agent_client("support_agent", "cooptel")
    url = f"/tenants/{tenant.id}/lines/{line.id}"
    page = client.get(f"{url}?edit=voicemail").text
    form = block_of(page, "voicemail").split("<form")[1].split("</form>")[0]
    data = dict(re.findall(r'<input type="(?:hidden|text|email|number)"[^>]*name="([^"]+)"'
                           r'[^>]*value="([^"]*)"', form))
    data.update({name: "on" for name in re.findall(
        r'<input type="checkbox"[^>]*name="([^"]+)"[^>]*checked', form)})
    for name, value in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form,
                                  re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', value)
        data[name] = chosen.group(1) if chosen else ""
    data["csrf_token"] = CSRF.search(page).group(1)
    audits = db.session.scalar(select(func.count(AuditRecord.id)))
    answer = client.post(f"{url}/blocks/voicemail", data=data)
    assert answer.status_code == 302, answer.text
    box = db.session.scalars(select(Mailbox).where(Mailbox.line_id == line.id)).one()
    db.session.refresh(box)
    assert box.options["password"] == "4821" and box.options["key_0"] == "102"
    assert box.max_message_seconds == 180 and box.email_only is False
    assert db.session.scalar(select(func.count(AuditRecord.id))) == audits  # nothing changed
    data["max_message_seconds"] = "120"
    assert client.post(f"{url}/blocks/voicemail", data=data).status_code == 302
    after = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
    assert after.after["options"]["password"] == "••••"  # audited, never in clear
    assert db.session.scalar(select(func.count(AuditRecord.id))) == audits + 1


def test_emptying_asks_for_confirmation_and_is_audited(demo, agent_client):
    tenant = demo["cooptel"]
    line = line_of(tenant, extension="101")
    client = agent_client("support_agent", "cooptel")
    url = f"/tenants/{tenant.id}/lines/{line.id}"
    token = CSRF.search(client.get(url).text).group(1)
    client.post(f"{url}/blocks/voicemail-messages", data={"csrf_token": token})
    assert "(100 messages / 100)" in client.get(f"{url}?lang=fr").text
    done = client.post(f"{url}/blocks/voicemail-messages",
                       data={"csrf_token": token, "empty": "on"})
    assert done.status_code == 302
    page = client.get(f"{url}?lang=fr").text
    assert "(0 message / 100)" in block_of(page, "voicemail-messages")
    audit = db.session.scalars(select(AuditRecord).where(
        AuditRecord.object_type == "voicemail_messages")).one()
    assert audit.action == "delete" and audit.before == {
        "id": audit.object_id, "messages": 100, "erase_greetings": False}
    assert db.session.scalar(select(func.count(ProvisioningOrder.id)).where(
        ProvisioningOrder.audit_id == audit.id)) == 1
    history = client.get(f"/tenants/{tenant.id}/history?lang=en").text
    assert "Mailbox emptied" in history


def test_telus_greeting_is_uploaded_in_the_form_and_played_back(demo, agent_client):
    tenant = demo["telus"]
    line = line_of(tenant, extension="102")
    client = agent_client("support_agent", "telus")
    url = f"/tenants/{tenant.id}/lines/{line.id}"
    page = client.get(f"{url}?edit=voicemail&lang=en").text
    form = block_of(page, "voicemail")
    assert 'enctype="multipart/form-data"' in form and 'accept=".mp3,.wav' in form
    token = CSRF.search(page).group(1)
    fake = client.post(f"{url}/blocks/voicemail", content_type="multipart/form-data", data={
        "csrf_token": token, "greeting": "custom", "notification": "none",
        "greeting_audio": (io.BytesIO(fake_mp3_bytes()), "accueil.mp3")})
    assert fake.status_code == 422
    assert "neither MP3 nor WAV" in block_of(fake.text, "voicemail")
    saved = client.post(f"{url}/blocks/voicemail", content_type="multipart/form-data", data={
        "csrf_token": token, "greeting": "custom", "notification": "none",
        "greeting_audio": (io.BytesIO(wav_bytes(3)), "accueil.wav")})
    assert saved.status_code == 302, saved.text
    box = db.session.scalars(select(Mailbox).where(Mailbox.line_id == line.id)).one()
    shown = block_of(client.get(url).text, "voicemail")
    player = f'src="/tenants/{tenant.id}/audio/{box.greeting_audio_id}"'
    assert "<audio controls" in shown and player in shown
    played = client.get(f"/tenants/{tenant.id}/audio/{box.greeting_audio_id}")
    assert played.status_code == 200 and played.mimetype == "audio/wav"
    assert agent_client("support_agent", "sfr").get(
        f"/tenants/{tenant.id}/audio/{box.greeting_audio_id}").status_code == 404


def test_telus_api_uploads_a_greeting_then_refers_to_it(app, demo):
    tenant = demo["telus"]
    line = line_of(tenant, extension="102")
    api = bearer_client(app, "support_agent", "telus")
    url = f"/api/v1/tenants/{tenant.id}/lines/{line.id}/voicemail"
    current = api("GET", url)
    assert current.status_code == 200
    assert current.json["greeting"] == "default" and "state" in current.json
    uploaded = api("POST", f"/api/v1/tenants/{tenant.id}/audio",
                   data={"use": "voicemail.greeting",
                         "file": (io.BytesIO(wav_bytes(2)), "accueil.wav")},
                   content_type="multipart/form-data")
    assert uploaded.status_code == 201, uploaded.text
    saved = api("PUT", url, json={"greeting": "custom", "greeting_audio": uploaded.json["id"],
                                  "notification": "attach", "email": "o@example.com",
                                  "more_emails": ["a@example.com"], "mark_as_read": True},
                headers={"If-Match": current.headers["ETag"]})
    assert saved.status_code == 200, saved.text
    assert saved.json["greeting_audio"] == uploaded.json["id"]
    bad = api("PUT", url, json={"notification": "attach", "email": "nope"},
              headers={"If-Match": saved.headers["ETag"], "Accept-Language": "fr"})
    assert bad.status_code == 422
    assert bad.json["errors"][0]["field"] == "email"
    spec = api("GET", "/api/v1/carriers/telus/openapi.json").json
    assert "/api/v1/tenants/{tenant_id}/lines/{line_id}/voicemail" in spec["paths"]


def test_sfr_api_sets_the_notification_and_bell_answers_not_offered(app, demo):
    sfr = demo["sfr"]
    line = line_of(sfr, number="+33483050188")
    api = bearer_client(app, "support_agent", "sfr")
    url = f"/api/v1/tenants/{sfr.id}/lines/{line.id}/voicemail"
    current = api("GET", url)
    assert current.json["notification"] == "none"
    assert "15 min" in current.json["box_limits"]
    saved = api("PUT", url, json={"notification": "notify", "email": "c@example.com"},
                headers={"If-Match": current.headers["ETag"]})
    assert saved.status_code == 200 and saved.json["notification"] == "notify"
    unknown = api("PUT", url, json={"notification": "notify", "email": "c@example.com",
                                    "password": "1234"},
                  headers={"If-Match": saved.headers["ETag"]})
    assert unknown.status_code == 422

    bell = demo["bell"]
    bell_line = db.session.scalars(select(Line).where(Line.tenant_id == bell.id)).first()
    answer = bearer_client(app, "support_agent", "bell")(
        "GET", f"/api/v1/tenants/{bell.id}/lines/{bell_line.id}/voicemail",
        headers={"Accept-Language": "en"})
    assert answer.status_code == 404
    assert answer.json["code"] == "request.feature.not_offered" and "Bell" in answer.json["detail"]


def test_bell_line_page_shows_no_voicemail(demo, agent_client):
    bell = demo["bell"]
    line = db.session.scalars(select(Line).where(Line.tenant_id == bell.id)).first()
    page = agent_client("support_agent", "bell").get(
        f"/tenants/{bell.id}/lines/{line.id}?lang=en").text
    assert 'id="voicemail"' not in page and "Voicemail" not in page.split("<main")[1]


def test_sfr_shared_mailbox_is_edited_from_either_line(demo, agent_client):
    sfr = demo["sfr"]
    fixed = line_of(sfr, number="+33483050190")
    mobile = line_of(sfr, number="+33617306473")
    client = agent_client("support_agent", "sfr")
    page = client.get(f"/tenants/{sfr.id}/lines/{mobile.id}?lang=fr").text
    assert "toineimmo+alain@gmail.com" in block_of(page, "voicemail")
    fixed_page = client.get(f"/tenants/{sfr.id}/lines/{fixed.id}?lang=fr").text
    assert "06 17 30 64 73" in block_of(fixed_page, "voicemail")
