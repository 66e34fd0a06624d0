"""Bell's 9-1-1 addresses and Push-to-Talk administration in the pages and the API, on the
demo customer: the current address at a glance, forms in French and English, refusals."""

import pytest

from backoffice.testing import AuditRecord, count, db
from backoffice.testing.auth import bearer_client, csrf_token


@pytest.fixture
def demo(app):
    app.test_cli_runner().invoke(args=["demo"])
    from backoffice.plugin import Line, Tenant

    tenant = db.session.scalar(db.select(Tenant).where(Tenant.carrier_id == "bell"))
    lines = {line.number: line for line in db.session.scalars(
        db.select(Line).where(Line.tenant_id == tenant.id))}
    return tenant, lines["+15145550142"], lines["+14385550117"]


def test_the_line_page_shows_the_current_address_and_the_list(demo, agent_client):
    tenant, julie, _ = demo
    client = agent_client("support_agent", carrier="bell")
    page = client.get(f"/tenants/{tenant.id}/lines/{julie.id}",
                      headers={"Accept-Language": "fr"}).text
    assert "Service 9-1-1 personnel" in page and "Liste des adresses 9-1-1" in page
    assert "1050 Beaver Hall Côte, app. 400, Montréal, Québec" in page
    assert "Hors du Canada" in page
    english = client.get(f"/tenants/{tenant.id}/lines/{julie.id}",
                         headers={"Accept-Language": "en"}).text
    assert "Outside Canada" in english and "Montréal, Quebec" in english


def test_a_9_1_1_call_is_explained_from_the_line_page(demo, agent_client):
    tenant, julie, _ = demo
    client = agent_client("support_agent", carrier="bell")
    url = f"/tenants/{tenant.id}/lines/{julie.id}"
    answer = client.post(f"{url}/explain", data={
        "csrf_token": csrf_token(client, url), "date": "2026-11-23", "time": "10:00",
        "state": "idle", "direction": "outgoing", "dialled": "9-1-1"},
        headers={"Accept-Language": "fr"})
    assert answer.status_code == 200
    assert "Appel d&#39;urgence" in answer.text and "1050 Beaver Hall" in answer.text


def test_the_tenant_page_shows_the_master_list_sub_lists_and_groups(demo, agent_client):
    tenant, *_ = demo
    page = agent_client("support_agent", carrier="bell").get(f"/tenants/{tenant.id}",
                                            headers={"Accept-Language": "fr"}).text
    for text in ("Liste maîtresse", "Répartition Laurentides", "Sous-listes",
                 "Équipe de jour", "Groupes de discussion", "Secteur nord",
                 "Camion 12, (438) 555-0117"):
        assert text in page, text


def test_the_api_refuses_bad_addresses_and_contacts_naming_the_field(demo, app):
    tenant, julie, truck = demo
    api = bearer_client(app, "support_agent", "bell", **{"Accept-Language": "fr"})
    base = f"/api/v1/tenants/{tenant.id}"
    before = count(AuditRecord)
    refused = api("POST", f"{base}/lines/{julie.id}/e911-addresses", json={
        "province": "CA-QC", "municipality": "Montréal", "building_number": "1",
        "street_name": "Peel", "latitude": 91, "longitude": 0})
    assert refused.status_code == 422
    assert refused.json["errors"][0]["code"] == "e911_address.latitude.invalid"
    assert "90" in refused.json["errors"][0]["message"]
    refused = api("POST", f"{base}/ptt-contacts", json={"name": "x" * 31,
                                                       "number": "4505550100"})
    assert refused.status_code == 422 and refused.json["errors"][0]["field"] == "name"
    assert count(AuditRecord) == before
    listed = api("GET", f"{base}/lines/{julie.id}/e911-addresses")
    assert [item["current"] for item in listed.json["items"]] == [True, False]
    current = next(item for item in listed.json["items"] if item["current"])
    item = f"{base}/lines/{julie.id}/e911-addresses/{current['id']}"
    kept = api("DELETE", item, headers={"If-Match": api("GET", item).headers["ETag"]})
    assert kept.status_code == 409
    assert kept.json["code"] == "e911_addresses.item.in_use"
    assert kept.json["detail"] == "L'adresse actuelle ne peut pas être supprimée."
    scan = api("GET", f"{base}/lines/{truck.id}/ptt-scan-list")
    assert [item["priority"] for item in scan.json["items"]] == [1]
    assert api("GET", f"{base}/lines/{julie.id}/ptt-scan-list").status_code == 404


def test_forms_offer_provinces_and_members_as_choices(demo, agent_client):
    tenant, julie, truck = demo
    client = agent_client("support_agent", carrier="bell")
    form = client.get(f"/tenants/{tenant.id}/lines/{julie.id}?edit=e911-addresses",
                      headers={"Accept-Language": "fr"}).text
    assert '<option value="CA-QC"' in form and "Colombie-Britannique" in form
    page = client.get(f"/tenants/{tenant.id}?edit=ptt-sub-lists",
                      headers={"Accept-Language": "fr"}).text
    assert f'name="members" value="line:{truck.id}"' in page
    scan = client.get(f"/tenants/{tenant.id}/lines/{truck.id}?edit=ptt-scan-list",
                      headers={"Accept-Language": "en"}).text
    assert "Secteur nord" in scan and 'max="3"' in scan


def test_a_sub_list_form_saved_unchanged_changes_nothing(demo, agent_client):
    import re

    from backoffice.testing import block

    tenant, _, truck = demo
    client = agent_client("support_agent", carrier="bell")
    day = block(tenant, "ptt-sub-lists").items(tenant, None)[0]
    version = day.version
    page = client.get(f"/tenants/{tenant.id}?edit=ptt-sub-lists&item={day.id}").text
    form = re.search(rf'<form[^>]*action="[^"]*/ptt-sub-lists/items/{day.id}"[^>]*>(.*?)</form>',
                     page, re.DOTALL)[1]
    ticked = re.findall(r'name="members" value="([^"]+)" checked', form)
    assert ticked == day.member_keys
    fields = dict(re.findall(r'name="(csrf_token|version|name)" value="([^"]*)"', form))
    before = count(AuditRecord)
    saved = client.post(f"/tenants/{tenant.id}/blocks/ptt-sub-lists/items/{day.id}",
                        data={**fields, "members": ticked})
    assert saved.status_code == 302
    db.session.refresh(day)
    assert day.member_keys == ticked and len(ticked) == 3
    assert day.version == version and count(AuditRecord) == before  # nothing to record


@pytest.mark.parametrize(("path", "body", "field"), [
    ("lines/{julie}/e911-addresses", {"province": ["CA-QC"], "municipality": "M",
                                      "building_number": "1", "street_name": "S"}, "province"),
    ("lines/{julie}/e911-addresses", {"province": "CA-QC", "municipality": "M",
                                      "building_number": "1" * 21, "street_name": "S"},
     "building_number"),
    ("lines/{julie}/e911-addresses", {"province": "CA-QC", "municipality": "M",
                                      "building_number": "1", "street_name": "S",
                                      "latitude": "NaN", "longitude": 0}, "latitude"),
    ("ptt-contacts", {"name": "Garage", "number": "0000000000"}, "number"),
    ("ptt-contacts", {"name": {"x": 1}, "number": "4505550100"}, "name"),
    ("ptt-sub-lists", {"name": "Nord", "members": [3]}, "members.0"),
    ("ptt-sub-lists", {"name": "Nord", "members": ["line:99999999999999999999"]}, "members"),
    ("lines/{truck}/ptt-scan-list", {"group_id": 10**12, "priority": 1}, "group_id"),
    ("lines/{truck}/ptt-scan-list", {"group_id": 1, "priority": "haute"}, "priority"),
])
def test_bad_input_is_refused_naming_the_field(demo, app, path, body, field):
    tenant, julie, truck = demo
    api = bearer_client(app, "support_agent", "bell", **{"Accept-Language": "fr"})
    url = f"/api/v1/tenants/{tenant.id}/" + path.format(julie=julie.id, truck=truck.id)
    before = count(AuditRecord)
    answer = api("POST", url, json=body)
    assert answer.status_code == 422, answer.text
    assert field in [error["field"] for error in answer.json["errors"]]
    assert count(AuditRecord) == before
