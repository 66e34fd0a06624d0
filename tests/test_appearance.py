"""TELUS appearance (002 Outils > Apparence): the logo, inspected with Pillow, and the
address it opens, shown in the top right corner of the customer's pages."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import select

from backoffice.core.models import AuditRecord, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


def image(fmt: str = "PNG", size: tuple[int, int] = (120, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 80, 160)).save(out, fmt)
    return out.getvalue()


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "telus", **{"Accept-Language": "fr"})


def telus() -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.name == "Clinique Horizon"))


def post(api, tenant, **form):
    return api("POST", f"/api/v1/tenants/{tenant.id}/appearance", data=form,
               content_type="multipart/form-data")


def test_a_logo_and_its_link_are_saved_and_audited(api):
    tenant = telus()
    answer = post(api, tenant, logo=(io.BytesIO(image()), "logo.png"),
                  link_url="https://cliniquehorizon.ca")
    assert answer.status_code == 200, answer.json
    assert answer.json | {"version": 0} == {
        "link_url": "https://cliniquehorizon.ca", "has_logo": True, "logo_format": "png",
        "logo_width": 120, "logo_height": 40, "version": 0}
    logo = api("GET", f"/api/v1/tenants/{tenant.id}/appearance/logo")
    assert logo.status_code == 200 and logo.mimetype == "image/png"
    assert db.session.scalar(select(AuditRecord).where(
        AuditRecord.tenant_id == tenant.id, AuditRecord.object_type == "appearance"))


@pytest.mark.parametrize(("data", "code"), [
    (image("BMP"), "appearance.logo.format"),
    (image(size=(1001, 10)), "appearance.logo.too_wide"),
    (b"GIF89a not really", "appearance.logo.unreadable"),
    (b"\x89PNG" + b"0" * 511_997, "appearance.logo.too_big"),
])
def test_a_logo_past_the_limits_is_refused_and_nothing_saved(api, data, code):
    tenant = telus()
    answer = post(api, tenant, logo=(io.BytesIO(data), "logo.bin"),
                  link_url="https://cliniquehorizon.ca")
    assert answer.status_code == 422
    assert [(e["field"], e["code"]) for e in answer.json["errors"]] == [("logo", code)]
    assert api("GET", f"/api/v1/tenants/{tenant.id}/appearance").json["has_logo"] is False


def test_at_the_limit_the_logo_is_accepted(api):
    answer = post(api, telus(), logo=(io.BytesIO(image(size=(1000, 1000))), "logo.png"))
    assert answer.status_code == 200, answer.json


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.ca", "cliniquehorizon",
                                 "https://" + "a" * 500 + ".ca"])
def test_the_link_must_be_a_web_address(api, url):
    answer = post(api, telus(), link_url=url)
    assert answer.status_code == 422
    assert answer.json["errors"][0]["field"] == "link_url"


def test_the_logo_shows_in_the_top_right_corner_and_opens_the_link(app, agent_client):
    load_demo()
    tenant = telus()
    client = agent_client("support_agent", "telus")
    page = client.get(f"/tenants/{tenant.id}/appearance?lang=fr")
    assert page.status_code == 200 and "Apparence" in page.text
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    saved = client.post(f"/tenants/{tenant.id}/appearance", data={
        "csrf_token": token, "logo": (io.BytesIO(image("JPEG")), "logo.jpg"),
        "link_url": "https://cliniquehorizon.ca"}, content_type="multipart/form-data")
    assert saved.status_code == 302
    shown = client.get(f"/tenants/{tenant.id}?lang=en").text
    assert 'class="tenant-logo" href="https://cliniquehorizon.ca"' in shown
    refused = client.post(f"/tenants/{tenant.id}/appearance?lang=en", data={
        "csrf_token": token, "link_url": "not a url"}, content_type="multipart/form-data")
    assert refused.status_code == 422 and "http://" in refused.text
    again = client.post(f"/tenants/{tenant.id}/appearance", data={
        "csrf_token": token, "link_url": "https://cliniquehorizon.ca"},
        content_type="multipart/form-data")  # the form sent back unchanged
    assert again.status_code == 302
    assert 'class="tenant-logo"' in client.get(f"/tenants/{tenant.id}").text
