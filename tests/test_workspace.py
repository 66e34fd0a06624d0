"""The agent's workspace: find a line from any number format, open it, change it, see errors
next to the field in French and in English, and see the change's provisioning status."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.models import Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def demo(app):
    load_demo()
    return {t.carrier_id: t.id for t in db.session.scalars(select(Tenant))}


def csrf_of(page) -> str:
    return CSRF.search(page.text).group(1)


@pytest.mark.parametrize(("query", "expected"), [
    ("0483050173", "Biel"), ("04 83 05 01 73", "Biel"), ("+33 4 83 05 01 73", "Biel"),
    ("(514) 907-3400", "Bergeron"), ("514-907-3400", "Bergeron"), ("5149073400", "Bergeron"),
    ("toineimmo-stephane@gmail.com", "Biel"), ("TOINEIMMO-STEPHANE@gmail.com", "Biel"),
    ("101", "Bergeron"), ("Toine", "Toine Immo"), ("fromagerie", "Fromagerie du Lac"),
    ("biel", "Biel"), ("06 17 30 64 73", "Coste"),
])
def test_the_search_finds_demo_lines_from_any_common_format(app, demo, agent_client,
                                                           query, expected):
    page = agent_client().get("/search", query_string={"q": query}, follow_redirects=True)
    assert page.status_code == 200  # a single match opens the line or customer at once
    assert expected in page.text


def test_the_search_finds_a_line_by_its_mac_with_any_separator(app, demo, agent_client):
    client = agent_client()
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    page = client.get(f"/tenants/{line.tenant_id}/lines/{line.id}")
    response = client.post(f"/tenants/{line.tenant_id}/lines/{line.id}", data={
        "csrf_token": csrf_of(page), "version": line.version, "mac": "64-16-7f-b2-69-d6"})
    assert response.status_code == 302
    for query in ("64:16:7F:B2:69:D6", "64167fb269d6", "64-16-7F-B2-69-D6"):
        found = client.get("/search", query_string={"q": query})
        assert found.headers["Location"] == f"/tenants/{line.tenant_id}/lines/{line.id}"


def test_the_search_answers_htmx_with_results_only(app, demo, agent_client):
    fragment = agent_client().get("/search?q=Toine", headers={"HX-Request": "true"})
    assert "Toine Immo" in fragment.text and "<html" not in fragment.text


def test_the_tenant_page_filters_sorts_and_paginates_lines(app, demo, agent_client):
    client = agent_client()
    sfr = demo["sfr"]
    page = client.get(f"/tenants/{sfr}?plan=fixe&sort=name&dir=desc")
    names = re.findall(r"<td>(Stéphane Biel|Camille Dumoulin|Antoine Pinson|Valérie Diaz)</td>",
                       page.text)
    assert names == ["Antoine Pinson", "Camille Dumoulin", "Valérie Diaz", "Stéphane Biel"]
    assert "Alain Coste" not in page.text.split('id="lines-table"')[1].split("</table>")[0]
    inside = client.get(f"/tenants/{sfr}?q=0483050174", headers={"HX-Target": "lines-table"})
    assert "Valérie Diaz" in inside.text and "Stéphane Biel" not in inside.text


@pytest.mark.parametrize(("language", "message"), [
    ("fr", "Saisissez une adresse courriel valide."),
    ("en", "Enter a valid e-mail address."),
])
def test_a_bad_value_is_shown_next_to_its_field_and_nothing_is_saved(
        app, demo, agent_client, language, message):
    client = agent_client("support_agent", "sfr")
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    page = client.get(f"{url}?lang={language}")
    response = client.post(url, data={"csrf_token": csrf_of(page), "version": line.version,
                                      "email": "pas-une-adresse", "first_name": "Stéphanie"})
    assert response.status_code == 422
    field_error = re.search(r'id="line-email-error" class="error">([^<]+)<', response.text)
    assert field_error and field_error.group(1) == message
    db.session.expire_all()
    assert db.session.get(Line, line.id).first_name == "Stéphane"


def test_a_change_shows_its_provisioning_status_and_a_failure_can_be_retried(
        make_app, agent_client):
    app = make_app(SANDBOX_FAULTS={"line": 1})
    with app.app_context():
        load_demo()  # the demo's own orders use up the one fault...
        line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
        tenant_id, line_id, version = line.tenant_id, line.id, line.version
    app.config["SANDBOX_FAULTS"] = {"line": 1}
    app.extensions.pop("carrier_networks", None)  # ...so arm a fresh one for the agent's
    client = agent_client("support_agent", "sfr", app=app)
    url = f"/tenants/{tenant_id}/lines/{line_id}"
    page = client.get(url)
    saved = client.post(url, data={"csrf_token": csrf_of(page), "version": version,
                                   "first_name": "Stéphanie"}, follow_redirects=True)
    assert "Stéphanie" in saved.text
    assert "Panne simulée" in saved.text and "en échec" in saved.text
    retry = re.search(r'action="(/tenants/\d+/orders/\d+/retry)"', saved.text).group(1)
    after = client.post(retry, data={"csrf_token": csrf_of(saved)}, follow_redirects=True)
    assert "appliqué" in after.text
    with app.app_context():
        order = db.session.scalars(select(ProvisioningOrder).where(
            ProvisioningOrder.line_id == line_id).order_by(ProvisioningOrder.id.desc())).first()
        assert (order.status, order.attempts) == ("applied", 2)


def test_a_stale_form_is_refused_naming_who_changed_it(app, demo, agent_client):
    first, second = agent_client("support_agent", "sfr"), agent_client("carrier_admin", "sfr")
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    page_1, page_2 = first.get(url), second.get(url)
    assert first.post(url, data={"csrf_token": csrf_of(page_1), "version": 1,
                                 "first_name": "Julie"}).status_code == 302
    stale = second.post(url, data={"csrf_token": csrf_of(page_2), "version": 1,
                                   "first_name": "Marc"})
    assert stale.status_code == 409
    assert "support_agent.sfr@test.example" in stale.text
    db.session.expire_all()
    assert db.session.get(Line, line.id).first_name == "Julie"


def test_history_pages_show_changes_with_before_and_after(app, demo, agent_client):
    client = agent_client("support_agent", "sfr")
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    client.post(url, data={"csrf_token": csrf_of(client.get(url)), "version": 1,
                           "first_name": "Julie"})
    history = client.get(f"{url}/history")
    assert "support_agent.sfr@test.example" in history.text
    assert "Ligne modifiée" in history.text
    assert "Prénom : <del>Stéphane</del> → <ins>Julie</ins>" in history.text
    assert '"first_name": "Julie"' in history.text  # the full record, underneath
    only_creates = client.get(f"/tenants/{line.tenant_id}/history?action=create")
    assert "<ins>Julie</ins>" not in only_creates.text


def test_the_explainer_panel_answers_in_the_tenant_time_zone(app, demo, agent_client):
    client = agent_client("viewer", "sfr")
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    token = csrf_of(client.get(url))
    answer = client.post(f"{url}/explain", data={
        "csrf_token": token, "date": "2026-11-20", "time": "10:00",
        "state": "idle", "caller": "04 93 00 00 00"}, headers={"HX-Request": "true"})
    assert answer.status_code == 200
    assert "La ligne est libre" in answer.text  # a Friday at 10:00: the calendar is open
    anonymous = client.post(f"{url}/explain", data={
        "csrf_token": token, "date": "2026-11-21", "time": "10:00", "state": "idle",
        "caller": ""}, headers={"HX-Request": "true"})
    assert "masqué" in anonymous.text  # this demo line rejects anonymous calls (004 §6.6)


def test_cooptel_rules_are_searched_edited_and_all_deleted_from_the_page(app, demo,
                                                                         agent_client):
    client = agent_client("support_agent", "cooptel")
    tenant = demo["cooptel"]
    page = client.get(f"/tenants/{tenant}?blacklist-rules-q=514")
    rules = page.text.split('id="blacklist-rules"')[1].split("</article>")[0]
    assert "514" in rules
    token = csrf_of(page)
    refused = client.post(f"/tenants/{tenant}/blocks/blacklist-rules/clear",
                          data={"csrf_token": token}, follow_redirects=True)
    assert "Cochez la case de confirmation" in refused.text
    cleared = client.post(f"/tenants/{tenant}/blocks/blacklist-rules/clear",
                          data={"csrf_token": token, "confirm": "yes"}, follow_redirects=True)
    assert cleared.status_code == 200
    assert "Rien pour l'instant." in cleared.text.split('id="blacklist-rules"')[1]


def test_bell_shows_no_blacklist_and_the_api_says_it_is_not_offered(app, demo, agent_client):
    client = agent_client("support_agent", "bell")
    page = client.get(f"/tenants/{demo['bell']}")
    assert "blacklist" not in page.text and "Liste noire" not in page.text
    response = client.get(f"/api/v1/tenants/{demo['bell']}/blacklist-rules",
                          headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert response.json["detail"] == "Bell Canada does not offer “blacklist”."
    french = client.get(f"/api/v1/tenants/{demo['bell']}/blacklist-rules",
                        headers={"Accept-Language": "fr"})
    assert french.json["detail"] == "Bell Canada n'offre pas « liste noire »."


def test_a_form_is_built_only_when_the_agent_opens_it(app, demo, agent_client):
    client = agent_client("support_agent", "sfr")
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    page = client.get(url)
    assert 'name="no_answer_rings"' not in page.text and 'id="line-email"' not in page.text
    assert 'href="?edit=forwarding#forwarding"' in page.text
    forwarding = client.get(f"{url}?edit=forwarding")
    block = forwarding.text.split('id="forwarding"')[1].split("</article>")[0]
    assert 'name="no_answer_rings"' in block and 'id="line-email"' not in forwarding.text
    information = client.get(f"{url}?edit=information").text
    assert 'id="line-email" name="email" value="toineimmo-stephane@gmail.com"' in information
    tenant_page = client.get(f"/tenants/{line.tenant_id}")
    assert 'id="new-number"' not in tenant_page.text
    assert 'id="new-number"' in client.get(f"/tenants/{line.tenant_id}?edit=new-line").text
    cooptel = agent_client("support_agent", "cooptel")
    rule = db.session.scalar(
        select(BlacklistRule).where(BlacklistRule.tenant_id == demo["cooptel"]))
    rules_page = cooptel.get(f"/tenants/{demo['cooptel']}").text
    assert f'id="item{rule.id}-' not in rules_page
    opened = cooptel.get(f"/tenants/{demo['cooptel']}?edit=blacklist-rules&item={rule.id}").text
    assert f'id="item{rule.id}-' in opened


def test_a_read_only_role_is_offered_no_change(app, demo, agent_client):
    tenant = demo["cooptel"]
    writer = agent_client("support_agent", "cooptel").get(f"/tenants/{tenant}").text
    reader = agent_client("viewer", "cooptel").get(f"/tenants/{tenant}").text
    for control in ('?edit=blacklist-rules', '?edit=new-line', 'remove=1', '/clear"'):
        assert control in writer and control not in reader
    assert 'id="blacklist-rules"' in reader and "Rechercher dans tous les champs" in reader


def test_deleting_one_item_asks_for_a_confirmation_first(app, demo, agent_client):
    client = agent_client("support_agent", "cooptel")
    tenant = demo["cooptel"]
    rule = db.session.scalar(select(BlacklistRule).where(BlacklistRule.tenant_id == tenant))
    url = f"/tenants/{tenant}/blocks/blacklist-rules/items/{rule.id}/delete"
    token = csrf_of(client.get(f"/tenants/{tenant}"))
    asked = client.post(url, data={"csrf_token": token})
    assert asked.status_code == 302 and "remove=1" in asked.location
    question = client.get(asked.location).text
    assert "Êtes-vous sûr de vouloir supprimer" in question and 'name="confirm"' in question
    assert db.session.get(BlacklistRule, rule.id) is not None
    client.post(url, data={"csrf_token": token, "confirm": "yes"})
    db.session.expire_all()
    assert db.session.get(BlacklistRule, rule.id) is None
