"""A TELUS queue's greeting, hold music and hours (guide 002 "Files d'attente") and an SFR
member line's own presence switch in its call groups (guide 004 §6.1.2), through the API
and the pages: refusals naming the field, nothing partly saved, forms that round-trip."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from backoffice.core.groups.models import HuntGroup, HuntGroupMember
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.audio import fake_mp3_bytes, wav_bytes
from backoffice.testing.auth import bearer_client, signed_in_client


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def by_extension(tenant: Tenant, extension: str) -> Line:
    return db.session.scalar(select(Line).where(Line.tenant_id == tenant.id,
                                                Line.extension == extension))


@pytest.fixture
def telus(app):
    load_demo()
    tenant = db.session.scalar(select(Tenant).where(Tenant.name == "Clinique Horizon"))
    return app, tenant, by_extension(tenant, "200")


def etag(call, url: str) -> dict:
    return {"If-Match": call("GET", url).headers["ETag"]}


def test_the_demo_queue_reads_its_custom_greeting_and_hours(telus):
    app, tenant, queue = telus
    call = bearer_client(app, "support_agent", "telus")
    values = call("GET", f"/api/v1/tenants/{tenant.id}/lines/{queue.id}/queue").json
    assert (values["greeting"], values["hold_music"], values["after_hours_greeting"]) == (
        "custom", "default", "default")
    assert values["greeting_audio_id"] is not None and values["calendar_id"] is not None


def test_a_custom_greeting_needs_its_file_and_the_put_round_trips(telus):
    app, tenant, queue = telus
    call = bearer_client(app, "support_agent", "telus", **{"Accept-Language": "fr"})
    url = f"/api/v1/tenants/{tenant.id}/lines/{queue.id}/queue"
    body = {k: v for k, v in call("GET", url).json.items() if k != "version"}
    before = (count(AuditRecord), count(ProvisioningOrder))
    refused = call("PUT", url, json={**body, "hold_music": "custom"}, headers=etag(call, url))
    assert refused.status_code == 422
    error = refused.json["errors"][0]
    assert (error["code"], error["field"]) == ("hunt_group.hold_music_audio_id.required",
                                               "hold_music_audio_id")
    assert "WAV ou .MP3" in error["message"]
    assert (count(AuditRecord), count(ProvisioningOrder)) == before
    unchanged = call("PUT", url, json=body, headers=etag(call, url))
    assert unchanged.status_code == 200
    assert {k: v for k, v in unchanged.json.items() if k != "version"} == body
    before = (count(AuditRecord), count(ProvisioningOrder))
    upload = call("POST", f"/api/v1/tenants/{tenant.id}/audio", data={
        "use": "hunt_groups.hold_music", "file": (io.BytesIO(wav_bytes(4)), "musique.wav")},
        content_type="multipart/form-data")
    assert upload.status_code == 201, upload.json
    saved = call("PUT", url, json={**body, "hold_music": "custom",
                                   "hold_music_audio_id": upload.json["id"]},
                 headers=etag(call, url))
    assert saved.status_code == 200 and saved.json["hold_music"] == "custom"
    assert count(AuditRecord) == before[0] + 1 and count(ProvisioningOrder) == before[1] + 1
    explained = call("POST", f"/api/v1/tenants/{tenant.id}/lines/{queue.id}/explain",
                     json={"moment": "2026-11-23T10:00", "busy_members": ["101", "102"]})
    assert explained.status_code == 200, explained.json
    assert "musique.wav" in " ".join(step["rule"] for step in explained.json)


def test_a_file_that_is_no_audio_and_another_customers_calendar_are_refused(telus):
    app, tenant, queue = telus
    call = bearer_client(app, "support_agent", "telus")
    fake = call("POST", f"/api/v1/tenants/{tenant.id}/audio", data={
        "use": "hunt_groups.greeting", "file": (io.BytesIO(fake_mp3_bytes()), "a.mp3")},
        content_type="multipart/form-data")
    assert fake.status_code == 422
    assert fake.json["errors"][0]["code"] == "hunt_groups.file.unreadable"
    url = f"/api/v1/tenants/{tenant.id}/lines/{queue.id}/queue"
    body = {k: v for k, v in call("GET", url).json.items() if k != "version"}
    refused = call("PUT", url, json={**body, "calendar_id": 999999}, headers=etag(call, url))
    assert refused.json["errors"][0]["code"] == "hunt_group.calendar_id.unknown"


def test_a_calendar_a_queue_follows_cannot_be_deleted(telus):
    app, tenant, queue = telus
    call = bearer_client(app, "support_agent", "telus")
    calendar_id = call("GET", f"/api/v1/tenants/{tenant.id}/lines/{queue.id}/queue"
                       ).json["calendar_id"]
    url = f"/api/v1/tenants/{tenant.id}/business-hours/{calendar_id}"
    refused = call("DELETE", url, headers=etag(call, url))
    assert refused.status_code in (409, 422), refused.json
    assert "Soutien" in str(refused.json)


@pytest.mark.parametrize(("language", "words"), [
    ("fr", ("Message d'accueil après les heures", "Musique d'attente par défaut",
            "Heures du Soutien", "Vide : 24 heures")),
    ("en", ("After-hours greeting", "Default hold music", "Heures du Soutien",
            "Empty: 24 hours"))])
def test_the_queue_form_reads_in_both_languages_with_the_greetings_player(telus, language,
                                                                         words):
    app, tenant, queue = telus
    web = signed_in_client(app, "support_agent", "telus")
    page = web.get(f"/tenants/{tenant.id}/lines/{queue.id}?edit=queue",
                   headers={"Accept-Language": language})
    assert page.status_code == 200
    text = page.text.replace("&#39;", "'")
    for words_expected in words:
        assert words_expected in text, words_expected
    audio_id = db.session.scalar(select(HuntGroup).where(HuntGroup.line_id == queue.id)
                                 ).options["greeting_audio_id"]
    assert f'<audio controls preload="none" src="/tenants/{tenant.id}/audio/{audio_id}"' in text


def test_the_queue_form_posted_unchanged_keeps_every_value(telus):
    app, tenant, queue = telus
    web = signed_in_client(app, "support_agent", "telus")
    base = f"/tenants/{tenant.id}/lines/{queue.id}"
    form = web.get(f"{base}?edit=queue").text
    fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', form))
    fields.update(re.findall(r'<select id="queue-[a-z_]+" name="([a-z_]+)"[^>]*>'
                             r'(?:(?!</select>).)*?<option value="([^"]*)" selected',
                             form, re.S))
    fields.update((name, value) for name, value in re.findall(
        r'<input[^>]*name="(notify_[a-z]+)"[^>]*value="([^"]*)"', form) if value)
    fields.update((name, "on") for name in re.findall(
        r'<input type="checkbox"[^>]*name="([a-z_]+)"[^>]*checked', form))
    before = saved_options(queue)
    posted = web.post(f"{base}/blocks/queue", data=fields)
    assert posted.status_code in (200, 302, 303), posted.text[:300]
    assert "aria-invalid" not in posted.text
    db.session.expire_all()
    assert saved_options(queue) == before


def saved_options(queue: Line) -> dict:
    return dict(db.session.scalar(select(HuntGroup).where(HuntGroup.line_id == queue.id)
                                  ).options)


# -- SFR: a member's own line ---------------------------------------------------------------


@pytest.fixture
def sfr(app):
    load_demo()
    member = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    return app, member


def test_the_member_line_switches_its_presence_in_a_group_audited_and_provisioned(sfr):
    app, member = sfr
    call = bearer_client(app, "support_agent", "sfr")
    url = f"/api/v1/tenants/{member.tenant_id}/lines/{member.id}/call-groups"
    listed = call("GET", url).json["items"]
    assert listed and all(item["present"] for item in listed)
    item = f"{url}/{listed[0]['id']}"
    body = {k: v for k, v in call("GET", item).json.items()
            if k in ("group_line_id", "present")}
    before = (count(AuditRecord), count(ProvisioningOrder))
    same = call("PUT", item, json=body, headers=etag(call, item))
    assert same.status_code == 200 and same.json["present"] is True
    before = (count(AuditRecord), count(ProvisioningOrder))
    away = call("PUT", item, json={**body, "present": False}, headers=etag(call, item))
    assert away.status_code == 200 and away.json["present"] is False
    assert (count(AuditRecord), count(ProvisioningOrder)) == (before[0] + 1, before[1] + 1)
    for group_line_id in (2**31, "x", None):  # no such group: refused, nothing saved
        refused = call("POST", url, json={"group_line_id": group_line_id, "present": False})
        assert refused.status_code == 422, refused.json
    assert (count(AuditRecord), count(ProvisioningOrder)) == (before[0] + 1, before[1] + 1)
    assert db.session.get(HuntGroupMember, listed[0]["id"]).present is False
    group = db.session.get(Line, body["group_line_id"])
    explained = call("POST", f"/api/v1/tenants/{member.tenant_id}/lines/{group.id}/explain",
                     json={"moment": "2026-11-23T10:00"}).json
    assert member.number not in (explained[-1].get("target") or "")
    moved = call("PUT", item, json={**body, "group_line_id": member.id},
                 headers=etag(call, item))
    assert moved.status_code == 422
    assert moved.json["errors"][0]["code"] == "hunt_group.member.line_fixed"


@pytest.mark.parametrize(("language", "title"), [("fr", "Groupes d'appels"),
                                                 ("en", "Call groups")])
def test_the_member_line_page_shows_its_groups_and_the_switch_in_both_languages(
        sfr, language, title):
    app, member = sfr
    web = signed_in_client(app, "support_agent", "sfr")
    page = web.get(f"/tenants/{member.tenant_id}/lines/{member.id}",
                   headers={"Accept-Language": language})
    text = page.text.replace("&#39;", "'")
    assert title in text
    group = db.session.scalar(select(HuntGroupMember).where(
        HuntGroupMember.line_id == member.id)).group.line
    assert group.display_name in text


def test_the_member_line_form_posts_the_switch(sfr):
    app, member = sfr
    web = signed_in_client(app, "support_agent", "sfr")
    membership = db.session.scalar(select(HuntGroupMember).where(
        HuntGroupMember.line_id == member.id))
    base = f"/tenants/{member.tenant_id}/lines/{member.id}"
    form = web.get(f"{base}?edit=call-groups&item={membership.id}").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    before = count(AuditRecord)
    posted = web.post(f"{base}/blocks/call-groups/items/{membership.id}", data={
        "csrf_token": token, "group_line_id": str(membership.group.line_id),
        "version": str(membership.version)})
    assert posted.status_code in (200, 302, 303), posted.text[:500]
    db.session.expire_all()
    assert db.session.get(HuntGroupMember, membership.id).present is False
    assert count(AuditRecord) == before + 1
