"""Account administration (issue #20, core with SFR's declarations, guide 004 §2.2.1,
§4.1, §4.9, §9.1, §9.4): sites renamed and deleted, the automatic site, line deletion
confirmed, the e-mail caution, the account's structure, the association's pending order."""

from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest
from sqlalchemy import func, select

from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant
from backoffice.core.provisioning import sweep_stalled
from backoffice.core.structure import AccountSection, account_structure, register_account_section
from backoffice.core.tenants import site_line_counts
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client
from backoffice.testing.conformance import csrf_token_of, post_form_back

MOBILE_SITE = "VOS LIGNES MOBILES AVEC OPTION PABX"


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "sfr", **{"Accept-Language": "fr"})


@pytest.fixture
def web(app, agent_client):
    load_demo()
    return agent_client("support_agent", "sfr")


def toine() -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.name == "Toine Immo"))


def site(name: str) -> Site:
    return db.session.scalar(select(Site).where(Site.tenant_id == toine().id, Site.name == name))


def sites_url(site_id: int | None = None) -> str:
    base = f"/api/v1/tenants/{toine().id}/sites"
    return base if site_id is None else f"{base}/{site_id}"


def etag_of(api, url: str) -> str:
    return api("GET", url).headers["ETag"]


def test_the_automatic_site_holds_the_mobile_lines_and_is_not_physical(api):
    listed = api("GET", sites_url()).json["items"]
    automatic = [item for item in listed if not item["physical"]]
    assert [item["name"] for item in automatic] == [MOBILE_SITE]
    mobile = db.session.scalar(select(Line).where(Line.tenant_id == toine().id,
                                                  Line.plan == "mobile"))
    assert mobile.site_id == automatic[0]["id"]


def test_only_the_name_of_a_site_changes(api):
    target = site("Toine Immo")
    url = sites_url(target.id)
    renamed = api("PATCH", url, json={"name": "Toine Immo Grasse"},
                  headers={"If-Match": etag_of(api, url)})
    assert renamed.status_code == 200, renamed.json
    assert renamed.json["name"] == "Toine Immo Grasse"
    moved = api("PATCH", url, json={"street": "1 RUE DE LA POSTE", "city": "NICE"},
                headers={"If-Match": etag_of(api, url)})
    assert moved.status_code == 422
    assert {(e["code"], e["field"]) for e in moved.json["errors"]} == {
        ("site.street.set_once", "street"), ("site.city.set_once", "city")}
    assert "Seul le nom d'un site" in moved.json["errors"][0]["message"]
    db.session.expire_all()
    assert site("Toine Immo Grasse").street == "0 PLACE SAINT ANTOINE"
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.object_type == "site",
                                                         AuditRecord.action == "update")).one()
    assert (audit.before["name"], audit.after["name"]) == ("Toine Immo", "Toine Immo Grasse")
    assert db.session.scalar(select(func.count(ProvisioningOrder.id)).where(
        ProvisioningOrder.audit_id == audit.id)) == 1


def test_the_same_address_sent_back_is_no_change(api):
    target = site("Toine Immo")
    url = sites_url(target.id)
    same = api("PATCH", url, json={"name": target.name, "street": target.street,
                                   "postal_code": target.postal_code, "city": target.city},
               headers={"If-Match": etag_of(api, url)})
    assert same.status_code == 200, same.json


def test_a_site_with_lines_is_not_deleted_and_the_refusal_counts_them(api):
    target = site("Toine Immo")
    count = site_line_counts(toine())[target.id]
    url = sites_url(target.id)
    refused = api("DELETE", url, headers={"If-Match": etag_of(api, url)})
    assert refused.status_code == 422
    assert refused.json["errors"][0]["code"] == "site.lines.not_empty"
    assert f"{count} ligne(s)" in refused.json["errors"][0]["message"]
    assert site("Toine Immo") is not None


def test_an_empty_site_is_deleted_audited_and_provisioned(api):
    created = api("POST", sites_url(), json={"name": "Nice", "street": "1 RUE DE FRANCE",
                                             "postal_code": "06000", "city": "NICE"})
    assert created.status_code == 201
    url = sites_url(created.json["id"])
    deleted = api("DELETE", url, headers={"If-Match": etag_of(api, url)})
    assert deleted.status_code == 204
    assert site("Nice") is None
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.object_type == "site",
                                                         AuditRecord.action == "delete")).one()
    assert audit.before["name"] == "Nice"
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.audit_id == audit.id)).one()
    assert order.status == "applied"


def test_the_automatic_site_is_neither_renamed_nor_deleted(api):
    url = sites_url(site(MOBILE_SITE).id)
    renamed = api("PATCH", url, json={"name": "Mobiles"}, headers={"If-Match": etag_of(api, url)})
    assert renamed.json["errors"][0]["code"] == "site.name.automatic"
    deleted = api("DELETE", url, headers={"If-Match": etag_of(api, url)})
    assert deleted.json["errors"][0]["code"] == "site.id.automatic"
    assert site(MOBILE_SITE) is not None


@pytest.mark.parametrize(("plan", "site_name", "number"), [
    ("fixe", MOBILE_SITE, "04 83 05 01 97"), ("mobile", "Toine Immo", "06 99 88 77 65")])
def test_only_mobile_lines_belong_to_the_automatic_site(api, plan, site_name, number):
    before = db.session.scalar(select(func.count(Line.id)))
    refused = api("POST", f"/api/v1/tenants/{toine().id}/lines", json={
        "plan": plan, "number": number, "site_id": site(site_name).id, "first_name": "Paul",
        "last_name": "Martin", "email": "toineimmo+paul@gmail.com"})
    assert refused.status_code == 422
    assert [e["code"] for e in refused.json["errors"]] == ["line.site_id.not_allowed"]
    assert MOBILE_SITE in refused.json["errors"][0]["message"]
    assert db.session.scalar(select(func.count(Line.id))) == before


def test_the_lines_of_a_site_are_filtered(api):
    target = site("Toine Immo")
    listed = api("GET", f"/api/v1/tenants/{toine().id}/lines?site_id={target.id}").json
    assert listed["total"] == site_line_counts(toine())[target.id]
    assert {item["site_id"] for item in listed["items"]} == {target.id}


def test_the_tenant_page_shows_the_structure_the_sites_and_their_counts(app, web):
    tenant = toine()
    page = web.get(f"/tenants/{tenant.id}").get_data(as_text=True)
    counts = site_line_counts(tenant)
    assert MOBILE_SITE in page and "pas un site physique" in page
    assert f"<td>{counts[site('Toine Immo').id]}</td>" in page
    with app.test_request_context():
        sections = {section.id: section.count for section in account_structure(tenant)}
    lines = db.session.scalar(select(func.count(Line.id)).where(Line.tenant_id == tenant.id))
    assert sections["lines"] == lines and sections["sites"] == 2
    filtered = web.get(f"/tenants/{tenant.id}?site={site(MOBILE_SITE).id}",
                       headers={"HX-Target": "lines-table"}).get_data(as_text=True)
    assert "06 17 30 64 73" in filtered and "04 83 05 01 73" not in filtered


def test_users_and_company_numbers_are_sections_only_where_the_carrier_offers_them(
        app, agent_client):
    from backoffice.core.company_numbers.service import list_numbers
    from backoffice.core.users.service import count_users

    load_demo()
    admin = agent_client()
    clinic = db.session.scalar(select(Tenant).where(Tenant.name == "Clinique Horizon"))
    users, numbers = count_users(clinic), len(list_numbers(clinic))
    telus = admin.get(f"/tenants/{clinic.id}").get_data(as_text=True)
    sfr = admin.get(f"/tenants/{toine().id}").get_data(as_text=True)
    assert users > 0 and numbers > 0
    assert f'#users">Utilisateurs</a></th><td>{users}</td>' in telus
    assert re.search(f'#company-numbers">Numéros de l[^<]*entreprise</a></th><td>{numbers}</td>',
                     telus)
    assert '#users">' not in sfr and '#company-numbers">' not in sfr


def test_a_section_is_added_without_editing_the_template(web):
    register_account_section(AccountSection(
        "probe", "Probe section", lambda tenant: 42, lambda tenant: "/probe", order=99))
    try:
        page = web.get(f"/tenants/{toine().id}").get_data(as_text=True)
        assert 'href="/probe">Probe section</a></th><td>42</td>' in page
    finally:
        from backoffice.core import structure
        structure._CORE_SECTIONS.pop("probe")


def test_a_site_is_renamed_and_an_empty_one_deleted_from_the_page(web):
    tenant = toine()
    token = csrf_token_of(web, f"/tenants/{tenant.id}")
    target = site("Toine Immo")
    form = web.get(f"/tenants/{tenant.id}?edit=sites&item={target.id}").get_data(as_text=True)
    assert 'readonly aria-readonly="true"' in form and 'value="0 PLACE SAINT ANTOINE"' in form
    saved = web.post(f"/tenants/{tenant.id}/sites/{target.id}", data={
        "csrf_token": token, "version": target.version, "name": "Grasse",
        "street": target.street, "postal_code": target.postal_code, "city": target.city,
        "country": target.country})
    assert saved.status_code == 302
    added = web.post(f"/tenants/{tenant.id}/sites", data={"csrf_token": token, "name": "Nice"})
    assert added.status_code == 302
    empty = site("Nice")
    asked = web.post(f"/tenants/{tenant.id}/sites/{empty.id}/delete", data={"csrf_token": token})
    assert asked.status_code == 302 and site("Nice") is not None  # not confirmed yet
    page = web.get(asked.headers["Location"]).get_data(as_text=True)
    assert "Êtes-vous sûr de vouloir supprimer « Nice »" in page.replace("&nbsp;", " ") \
        or "Nice" in page
    done = web.post(f"/tenants/{tenant.id}/sites/{empty.id}/delete",
                    data={"csrf_token": token, "confirm": "yes"})
    assert done.status_code == 302 and site("Nice") is None
    full = web.post(f"/tenants/{tenant.id}/sites/{site('Grasse').id}/delete",
                    data={"csrf_token": token, "confirm": "yes"})
    assert full.status_code == 422 and "ligne(s)" in full.get_data(as_text=True)


def test_a_line_is_deleted_from_the_page_after_its_confirmation(web):
    tenant = toine()
    line = db.session.scalar(select(Line).where(Line.number == "+33483050174"))
    token = csrf_token_of(web, f"/tenants/{tenant.id}")
    confirm = web.get(f"/tenants/{tenant.id}/lines/{line.id}/delete")
    assert confirm.status_code == 200 and "Valérie Diaz" in confirm.get_data(as_text=True)
    unconfirmed = web.post(f"/tenants/{tenant.id}/lines/{line.id}/delete",
                           data={"csrf_token": token})
    assert unconfirmed.status_code == 302 and db.session.get(Line, line.id) is not None
    done = web.post(f"/tenants/{tenant.id}/lines/{line.id}/delete",
                    data={"csrf_token": token, "confirm": "yes"})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Line, line.id) is None
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.object_type == "line",
                                                         AuditRecord.action == "delete")).one()
    assert audit.before["number"] == "+33483050174"


def test_a_new_email_is_saved_only_once_the_agent_confirms_the_reset(web):
    tenant = toine()
    line = db.session.scalar(select(Line).where(Line.number == "+33483050174"))
    token = csrf_token_of(web, f"/tenants/{tenant.id}/lines/{line.id}")
    data = {"csrf_token": token, "version": line.version, "number": "04 83 05 01 74",
            "site_id": line.site_id, "first_name": "Julie", "last_name": "Bertrand",
            "email": "toineimmo+julie@gmail.com"}
    warned = web.post(f"/tenants/{tenant.id}/lines/{line.id}", data=data)
    assert warned.status_code == 422
    assert "entraîne la réinitialisation de l&#39;Espace Client" in warned.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Line, line.id).email == "toineimmo+valerie@gmail.com"
    saved = web.post(f"/tenants/{tenant.id}/lines/{line.id}", data={**data, "acknowledge": "yes"})
    assert saved.status_code == 302
    db.session.expire_all()
    assert db.session.get(Line, line.id).email == "toineimmo+julie@gmail.com"


def test_a_name_change_asks_no_confirmation(web):
    tenant = toine()
    line = db.session.scalar(select(Line).where(Line.number == "+33483050174"))
    token = csrf_token_of(web, f"/tenants/{tenant.id}/lines/{line.id}")
    saved = web.post(f"/tenants/{tenant.id}/lines/{line.id}", data={
        "csrf_token": token, "version": line.version, "number": "04 83 05 01 74",
        "site_id": line.site_id, "first_name": "Valérie", "last_name": "Diaz-Martin",
        "email": "TOINEIMMO+valerie@gmail.com"})
    assert saved.status_code == 302


def _associate(api) -> ProvisioningOrder:
    tenant = toine()
    created = api("POST", f"/api/v1/tenants/{tenant.id}/lines", json={
        "plan": "mobile", "number": "06 99 88 77 66", "first_name": "Paul",
        "last_name": "Martin"})
    assert created.status_code == 201, created.json
    fixed = db.session.scalar(select(Line).where(Line.number == "+33483050174"))
    url = f"/api/v1/tenants/{tenant.id}/lines/{fixed.id}"
    changed = api("PATCH", url, json={"associated_number": "06 99 88 77 66"},
                  headers={"If-Match": api("GET", url).headers["ETag"]})
    assert changed.status_code == 200, changed.json
    return db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == fixed.id).order_by(ProvisioningOrder.id.desc())).first()


def test_an_association_is_pending_until_its_expected_time_within_the_hour(api):
    order = _associate(api)
    db.session.refresh(order)
    assert order.status == "pending"
    created = order.created_at.replace(tzinfo=UTC)
    assert order.expected_at.replace(tzinfo=UTC) - created == timedelta(minutes=60)
    listed = api("GET", f"/api/v1/tenants/{toine().id}/orders").json
    mine = next(item for item in listed["items"] if item["id"] == order.id)
    assert mine["status"] == "pending" and mine["expected_at"]
    # an hour later the sweep pushes it again, and the sandbox applies it
    order.created_at = order.created_at - timedelta(minutes=61)
    order.expected_at = order.expected_at - timedelta(minutes=61)
    db.session.commit()
    assert order.id in sweep_stalled()
    db.session.refresh(order)
    assert order.status == "applied" and order.expected_at is None


def test_other_line_changes_are_applied_at_once(api):
    tenant = toine()
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/api/v1/tenants/{tenant.id}/lines/{line.id}"
    changed = api("PATCH", url, json={"first_name": "Stef"},
                  headers={"If-Match": api("GET", url).headers["ETag"]})
    assert changed.status_code == 200
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == line.id).order_by(ProvisioningOrder.id.desc())).first()
    assert order.status == "applied" and order.expected_at is None


def _lines() -> dict[str, Line]:
    return {line.number: line for line in db.session.scalars(select(Line).where(
        Line.tenant_id == toine().id, Line.number.is_not(None)))}


def _options(page: str, name: str) -> dict[str, str]:
    select_html = re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.S).group(0)
    return {value: label.strip() for value, label in re.findall(
        r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select_html)}


def test_the_associated_mobile_is_chosen_among_the_companys_mobile_lines(web):
    """§3.2.2 "Associer à une ligne mobile": a mobile of the same company, by number and
    user; no fixed line is offered."""
    tenant, fixed = toine(), _lines()["+33483050174"]
    form = web.get(f"/tenants/{tenant.id}/lines/{fixed.id}?edit=information")
    options = _options(form.text, "associated_number")
    mobiles = {number for number, line in _lines().items() if line.plan == "mobile"}
    assert set(options) == {""} | mobiles
    assert options["+33617306473"] == "06 17 30 64 73 — Alain Coste"
    saved = web.post(f"/tenants/{tenant.id}/lines/{fixed.id}", data={
        "csrf_token": csrf_token_of(web, f"/tenants/{tenant.id}/lines/{fixed.id}"),
        "version": fixed.version, "number": "04 83 05 01 74", "site_id": fixed.site_id,
        "first_name": fixed.first_name, "last_name": fixed.last_name, "email": fixed.email,
        "associated_number": "+33617306473"})
    assert saved.status_code == 302, saved.text
    db.session.refresh(fixed)
    assert fixed.associated_number == "+33617306473"


def test_each_line_form_saved_unchanged_changes_nothing(web):
    """The fixed-number-for-mobile line shows its mobile chosen; the mobile line keeps its
    fixed line, which the list of mobiles does not hold."""
    tenant = toine()
    before = {number: (line.associated_number, line.version) for number, line in _lines().items()}
    assert before["+33483050190"][0] == "+33617306473"
    assert before["+33617306473"][0] == "+33483050190"
    for line in _lines().values():
        page = f"/tenants/{tenant.id}/lines/{line.id}"
        chosen = re.search(r'<option value="([^"]*)" selected', re.search(
            r'<select[^>]*name="associated_number".*?</select>',
            web.get(f"{page}?edit=information").text, re.S).group(0))
        assert (chosen.group(1) if chosen else None) == line.associated_number
        post_form_back(web, f"{page}?edit=information", page, line.number)
    db.session.expire_all()
    after = {number: (line.associated_number, line.version) for number, line in _lines().items()}
    assert after == before


def test_the_api_takes_the_number_and_says_it_is_one_of_the_customers_mobiles(api):
    described = api("GET", "/api/openapi.json").json["components"]["schemas"]["Line"][
        "properties"]["associated_number"]["description"]
    assert "mobile lines" in described
    fixed = _lines()["+33483050174"]
    url = f"/api/v1/tenants/{toine().id}/lines/{fixed.id}"
    refused = api("PATCH", url, json={"associated_number": "04 83 05 01 73"},
                  headers={"If-Match": etag_of(api, url)})
    assert [error["code"] for error in refused.json["errors"]] == [
        "line.associated_number.not_mobile"]
    taken = api("PATCH", url, json={"associated_number": "06 17 30 64 73"},
                headers={"If-Match": etag_of(api, url)})
    assert taken.status_code == 200 and taken.json["associated_number"] == "+33617306473"


def test_the_plan_inventory_is_read_through_the_api_and_documented(api):
    """§2.2.1 "Gérer votre offre": per plan subscribed, attributed and available."""
    url = f"/api/v1/tenants/{toine().id}/offer"
    got = api("GET", url)
    assert got.status_code == 200 and got.headers["ETag"]
    fixed = db.session.scalar(select(func.count()).select_from(Line).where(
        Line.tenant_id == toine().id, Line.plan == "fixe"))
    item = got.json
    assert item["fixe_attributed"] == fixed
    assert item["fixe_available"] == item["fixe"] - fixed
    assert item["total_plans"] == sum(item[plan] for plan in (
        "fixe", "analogique", "groupement", "fixe_mobile", "avi"))
    schema = api("GET", "/api/openapi.json").json["components"]["schemas"]["SfrOffer"]
    counted = schema["properties"]["fixe_available"]
    assert counted["readOnly"] and "Subscribed minus attributed" in counted["description"]
    assert "null: not recorded" in schema["properties"]["fixe"]["description"]
