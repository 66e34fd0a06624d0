"""Calling options in the UI and the API: the line page's blocks (read, edit, save
unchanged), the quick-edit grid (page and API, all or nothing, per-row errors), and the
explainer's outgoing calls (page and API)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing import agent_request
from backoffice.testing.auth import bearer_client, csrf_token


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def line_of(tenant_name: str, **where) -> tuple[Tenant, Line]:
    tenant = db.session.scalars(select(Tenant).where(Tenant.name == tenant_name)).one()
    line = db.session.scalars(select(Line).filter_by(tenant_id=tenant.id, **where)).one()
    return tenant, line


@pytest.fixture
def demo(app):
    load_demo()


def post(client, url: str, language: str = "en", **kwargs):
    return client.post(url, headers={"X-CSRFToken": csrf_token(client, f"/?lang={language}"),
                                     "Accept-Language": language}, **kwargs)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_line_page_shows_the_sfr_services(demo, agent_client, language):
    client = agent_client("support_agent", "sfr")
    tenant, line = line_of("Toine Immo", number="+33483050172")
    page = client.get(f"/tenants/{tenant.id}/lines/{line.id}?lang={language}").text
    words = {"en": ["Caller ID presentation", "Call restriction profile", "Do not disturb",
                    "Automatic callback on busy", "Show an alternate number"],
             "fr": ["Affichage du numéro au correspondant", "Profil de restriction d'appel",
                    "Rappel automatique sur occupation", "Afficher un numéro alternatif"]}
    for word in words[language]:
        assert word in page or word.replace("'", "&#39;") in page, word


@pytest.mark.parametrize("block_id", ["caller-id", "call-restriction", "busy-callback",
                                      "do-not-disturb", "distinctive-ring"])
def test_each_sfr_form_round_trips(demo, agent_client, block_id):
    client = agent_client("support_agent", "sfr")
    tenant, line = line_of("Toine Immo", number="+33483050174")
    url = f"/tenants/{tenant.id}/lines/{line.id}"
    form = client.get(f"{url}?edit={block_id}").text
    action = f"{url}/blocks/{block_id}"
    assert action in form
    chunk = form[form.index(f'action="{action}"'):]
    chunk = chunk[:chunk.index("</form>")]
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', chunk):
        data[name] = value
    for name in re.findall(r'<input type="checkbox"[^>]*name="([^"]+)"[^>]*checked', chunk):
        data[name] = "on"
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', chunk,
                                 re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrf_token", None)
    before = count(AuditRecord)
    response = post(client, action, data=data)
    assert response.status_code in (200, 302, 303), response.text[:500]
    assert "error" not in response.text or response.status_code != 422
    block = client.application.extensions["carriers"]["sfr"].block(block_id)
    assert count(AuditRecord) - before <= 1
    db.session.expire_all()
    assert block.read(tenant, line)["version"] is None or count(AuditRecord) >= before


def test_a_refused_form_names_the_field_in_french(demo, agent_client):
    client = agent_client("support_agent", "cooptel")
    tenant, line = line_of("Fromagerie du Lac", extension="102")
    response = post(client, f"/tenants/{tenant.id}/lines/{line.id}/blocks/caller-id",
                    language="fr", data={"mode": "alternate", "name": "Fromagerie du Lac",
                                         "number": "+15149073400"})
    assert response.status_code == 422
    assert "Le nom de l&#39;identification de l&#39;appelant a 17 caractères : 15 au plus." \
        in response.text


def test_the_quick_edit_page_saves_all_or_nothing(demo, agent_client):
    client = agent_client("support_agent", "cooptel")
    tenant, sophie = line_of("Fromagerie du Lac", extension="101")
    page = client.get(f"/tenants/{tenant.id}/quick-edit?lang=fr")
    assert page.status_code == 200
    text = page.text.replace("&#39;", "’").replace("'", "’")
    assert "Les notifications n’apparaissent pas" in text
    assert f'href="/tenants/{tenant.id}/quick-edit"' in client.get(
        f"/tenants/{tenant.id}").text
    rows = int(re.search(r'name="rows" value="(\d+)"', page.text).group(1))
    index = next(i for i in range(rows)
                 if f'name="{i}.line_id" value="{sophie.id}"' in page.text)
    data = {"rows": str(rows)}
    for i in range(rows):
        data[f"{i}.line_id"] = re.search(rf'name="{i}.line_id" value="(\d+)"',
                                         page.text).group(1)
    data.update({f"{index}.do-not-disturb.present": "1",
                 f"{index}.do-not-disturb.enabled": "on",
                 f"{index}.caller-id.present": "1", f"{index}.caller-id.mode": "alternate",
                 f"{index}.caller-id.name": "X" * 16, f"{index}.caller-id.number": "+15149073400"})
    before = count(AuditRecord)
    refused = post(client, f"/tenants/{tenant.id}/quick-edit", data=data)
    assert refused.status_code == 422
    assert "at most 15" in refused.text
    assert count(AuditRecord) == before
    data[f"{index}.caller-id.name"] = "Accueil"
    saved = post(client, f"/tenants/{tenant.id}/quick-edit", data=data)
    assert saved.status_code == 302
    assert count(AuditRecord) == before + 1


def test_the_quick_edit_api(demo, app):
    api = bearer_client(app, "support_agent", "cooptel")
    tenant, luc = line_of("Fromagerie du Lac", extension="102")
    grid = api("GET", f"/api/v1/tenants/{tenant.id}/quick-edit")
    assert grid.status_code == 200
    assert "call-permissions" in grid.json["columns"]
    row = next(row for row in grid.json["rows"] if row["line_id"] == luc.id)
    assert row["call-permissions"]["international"] == "code"
    bad = api("PUT", f"/api/v1/tenants/{tenant.id}/quick-edit", json={"rows": [
        {"line_id": luc.id, "call-permissions": {**row["call-permissions"],
                                                 "international": "code",
                                                 "international_code": None}}]})
    assert bad.status_code == 422
    assert [(e["field"], e["code"]) for e in bad.json["errors"]] == [
        ("0.call-permissions.international_code",
         "call_permissions.international_code.required")]
    unknown = api("PUT", f"/api/v1/tenants/{tenant.id}/quick-edit",
                  json={"rows": [], "colour": "blue"})
    assert unknown.status_code == 422
    assert [(e["field"], e["code"]) for e in unknown.json["errors"]] == [
        ("colour", "quick_edit.colour.invalid")]
    unchanged = api("PUT", f"/api/v1/tenants/{tenant.id}/quick-edit", json=grid.json)
    assert unchanged.status_code == 200 and unchanged.json == grid.json
    good = api("PUT", f"/api/v1/tenants/{tenant.id}/quick-edit", json={"rows": [
        {"line_id": luc.id, "do-not-disturb": {"enabled": True}}]})
    assert good.status_code == 200
    row = next(row for row in good.json["rows"] if row["line_id"] == luc.id)
    assert row["do-not-disturb"]["enabled"] is True
    bell = bearer_client(app, "support_agent", "bell")
    other = db.session.scalars(select(Tenant).where(Tenant.carrier_id == "bell")).first()
    empty = bell("GET", f"/api/v1/tenants/{other.id}/quick-edit")
    assert (empty.status_code, empty.json) == (200, {"columns": [], "rows": []})
    refused = bell("PUT", f"/api/v1/tenants/{other.id}/quick-edit", json={"rows": []})
    assert (refused.status_code, refused.json["code"]) == (404, "request.feature.not_offered")


def test_the_explainer_api_takes_outgoing_calls(demo, app):
    api = bearer_client(app, "support_agent", "sfr")
    tenant, line = line_of("Toine Immo", number="+33483050172")
    url = f"/api/v1/tenants/{tenant.id}/lines/{line.id}/explain"
    answer = api("POST", url, json={"moment": "2026-11-23T10:00", "direction": "outgoing",
                                    "dialled": "01 45 83 47 78"})
    assert answer.status_code == 200, answer.text
    assert (answer.json[-1]["action"], answer.json[-1]["target"]) == ("connect",
                                                                      "+33483050175")
    incoming = api("POST", url, json={"moment": "2026-11-23T10:00"})
    assert incoming.status_code == 200 and incoming.json[-1]["action"] != "connect"
    missing = api("POST", url, json={"moment": "2026-11-23T10:00", "direction": "outgoing"})
    assert (missing.status_code, missing.json["errors"][0]["code"]) == (
        422, "call.dialled.required")
    wrong = api("POST", url, json={"moment": "2026-11-23T10:00", "direction": "sideways"})
    assert wrong.json["errors"][0]["code"] == "call.direction.invalid"


def test_the_explainer_page_takes_outgoing_calls(demo, agent_client):
    client = agent_client("support_agent", "sfr")
    tenant, line = line_of("Toine Immo", number="+33483050172")
    response = post(client, f"/tenants/{tenant.id}/lines/{line.id}/explain", data={
        "direction": "outgoing", "dialled": "01 45 83 47 78", "date": "2026-11-28",
        "time": "10:00", "state": "idle"})
    assert response.status_code == 200
    assert "closes calls outside the company on this day" in response.text


def test_the_hooks_of_outgoing_calls_and_of_the_grid(demo, app):
    """``quick_edit_blocks`` names the grid's blocks; ``outgoing_call_steps`` gives the
    carrier's steps of a call the line makes (none ends a call its profile allows)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from backoffice.core.carriers import registry
    from backoffice.core.declarations import CallContext

    with agent_request(app, "en"):
        hooks = registry().hook("cooptel")
        assert hooks.quick_edit_blocks() == [[
            "extension-settings", "do-not-disturb", "admin-settings", "call-permissions",
            "caller-id"]]
        assert registry().hook("sfr").quick_edit_blocks() == [[]]
        tenant, line = line_of("Toine Immo", number="+33483050172")
        saturday = datetime(2026, 11, 28, 10, tzinfo=ZoneInfo("Europe/Paris"))
        steps = registry().hook("sfr").outgoing_call_steps(
            call=CallContext(None, saturday, "idle", "", "outgoing", "+33145834778"),
            tenant=tenant, line=line)
        assert [step.code for group in steps for step in group] == [
            "sfr.call_restriction.closed"]
