"""French steps that go through the web pages and the REST API, as an agent does."""

from __future__ import annotations

import html
import re

from pytest_bdd import parsers, then, when

from backoffice.auth.tokens import create_token
from backoffice.testing.auth import make_agent
from tests.bdd.steps.blacklist import RULE, _rule, _rule_data
from tests.bdd.steps.common import _line_by_number
from tests.bdd.steps.forwarding import _calendar

FORM = re.compile(r'<form[^>]*action="(?P<action>[^"]*)"[^>]*>(?P<body>.*?)</form>', re.DOTALL)
HIDDEN = re.compile(r'<input type="hidden" name="(?P<name>[^"]+)" value="(?P<value>[^"]*)">')


def _web(world, agent_client):
    if "web" not in world:
        world["web"] = agent_client("support_agent", world["tenant"].carrier_id)
    return world["web"]


def _api(world):
    """An API client of a support agent of the tenant's carrier, answering in French."""
    if "api" not in world:
        agent = make_agent("support_agent", world["tenant"].carrier_id)
        _, clear = create_token(agent, "specs")
        client = world["app"].test_client()

        def call(method: str, path: str, **kwargs):
            headers = {"Authorization": f"Bearer {clear}", "Accept-Language": "fr",
                       **kwargs.pop("headers", {})}
            return client.open(path, method=method, headers=headers, **kwargs)

        world["api"] = call
    return world["api"]


def _line_url(world, text: str, api: bool = False) -> str:
    line = _line_by_number(world["tenant"], text)
    return f"{'/api/v1' if api else ''}/tenants/{world['tenant'].id}/lines/{line.id}"


@when(parsers.parse("l'agent ouvre le formulaire de la ligne « {text} »"))
def when_open_line_form(world, agent_client, app, text):
    world["app"] = app
    world["page"] = _web(world, agent_client).get(_line_url(world, text) + "?edit=information")
    assert world["page"].status_code == 200


@then(parsers.parse("le champ « {name} » du formulaire est en lecture seule"))
def then_field_read_only(world, name):
    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', world["page"].text)
    assert field and " readonly" in field.group(0), field and field.group(0)


@then(parsers.parse("le champ « {name} » du formulaire est modifiable"))
def then_field_editable(world, name):
    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', world["page"].text)
    assert field and " readonly" not in field.group(0), field and field.group(0)


@when(parsers.parse("on modifie par l'API la ligne « {text} » ainsi :"))
def when_patch_line(world, app, text, datatable):
    world["app"] = app
    api, url = _api(world), _line_url(world, text, api=True)
    etag = api("GET", url).headers["ETag"]
    world["response"] = api("PATCH", url, json=dict(datatable[1:]), headers={"If-Match": etag})


@then(parsers.parse("l'API refuse : « {code} » sur le champ « {field} »"))
def then_api_refused(world, code, field):
    response = world["response"]
    assert response.status_code == 422, response.text
    assert (code, field) in [(e["code"], e["field"]) for e in response.json["errors"]]


@when(parsers.parse("on supprime par l'API la ligne « {text} »"))
def when_api_delete_line(world, app, text):
    world["app"] = app
    api, url = _api(world), _line_url(world, text, api=True)
    etag = api("GET", url).headers["ETag"]
    world["response"] = api("DELETE", url, headers={"If-Match": etag})


@then(parsers.parse("l'API refuse la suppression : « {code} »"))
def then_api_removal_refused(world, code):
    response = world["response"]
    assert response.status_code == 422, response.text
    assert code in [e["code"] for e in response.json["errors"]]


@then(parsers.parse("le message de l'API est « {message} »"))
def then_api_message(world, message):
    assert message in [e["message"] for e in world["response"].json["errors"]]


def _post_form(world, form: re.Match) -> None:
    """Submit a form of the page as the browser would: its hidden fields, nothing else."""
    data = {m["name"]: html.unescape(m["value"]) for m in HIDDEN.finditer(form["body"])}
    world["page"] = world["web"].post(html.unescape(form["action"]), data=data,
                                      follow_redirects=True)


def _click_delete(world, agent_client, block_id: str, item_id: int) -> None:
    """Press the item's Delete control on the tenant page: a form that posts, or a link."""
    client = _web(world, agent_client)
    page = client.get(f"/tenants/{world['tenant'].id}").text
    link = re.search(rf'href="(\?edit={block_id}&amp;item={item_id}&amp;remove=1)#', page)
    if link:
        world["page"] = client.get(f"/tenants/{world['tenant'].id}" + html.unescape(link[1]))
        return
    form = next(f for f in FORM.finditer(page)
                if f["action"].endswith(f"/blocks/{block_id}/items/{item_id}/delete"))
    _post_form(world, form)


@when(parsers.parse("l'agent clique sur « Supprimer » pour la règle " + RULE))
def when_click_delete_rule(world, agent_client, mode, match, digits):
    _click_delete(world, agent_client, "blacklist-rules", _rule(world, mode, match, digits).id)


@when(parsers.parse("l'agent clique sur « Supprimer » pour le calendrier « {name} »"))
def when_click_delete_calendar(world, agent_client, name):
    _click_delete(world, agent_client, "calendars", _calendar(world, name).id)


@then(parsers.parse("la page demande « {question} »"))
def then_page_asks(world, question):
    assert question in html.unescape(world["page"].text)


@when("l'agent confirme la suppression")
def when_confirm_removal(world):
    form = next(f for f in FORM.finditer(world["page"].text) if 'name="confirm"' in f["body"]
                and f["action"].endswith("/delete"))
    _post_form(world, form)
    assert world["page"].status_code == 200


@when(parsers.parse("on supprime par l'API la règle " + RULE))
def when_api_delete_rule(world, app, mode, match, digits):
    world["app"] = app
    rule = _rule(world, mode, match, digits)
    api, url = _api(world), f"/api/v1/tenants/{world['tenant'].id}/blacklist-rules/{rule.id}"
    etag = api("GET", url).headers["ETag"]  # the rule as the client read it
    world["response"] = api("DELETE", url, headers={"If-Match": etag})


@then(parsers.parse("l'API répond {status:d}"))
def then_api_status(world, status):
    assert world["response"].status_code == status, world["response"].text


def _tenant_page(world, agent_client, query: str = "") -> str:
    return _web(world, agent_client).get(f"/tenants/{world['tenant'].id}{query}").text


@when(parsers.parse("l'agent ajoute par le formulaire la règle " + RULE))
def when_form_adds_rule(world, agent_client, mode, match, digits):
    page = _tenant_page(world, agent_client, "?edit=blacklist-rules")
    form = next(f for f in FORM.finditer(page)
                if f["action"].endswith("/blocks/blacklist-rules") and 'name="digits"' in f["body"])
    data = {m["name"]: html.unescape(m["value"]) for m in HIDDEN.finditer(form["body"])}
    world["posted"] = (form["action"], {**data, **_rule_data(mode, match, digits)})
    world["page"] = world["web"].post(world["posted"][0], data=world["posted"][1],
                                      follow_redirects=True)


@then(parsers.parse("la page avertit « {text} »"))
def then_page_warns(world, text):
    page = html.unescape(world["page"].text)
    assert text in page and 'name="acknowledge"' in page, page


@when("l'agent coche la case et enregistre la règle")
def when_acknowledge(world):
    action, data = world["posted"]
    world["page"] = world["web"].post(action, data={**data, "acknowledge": "yes"},
                                      follow_redirects=True)
    assert world["page"].status_code == 200


@then(parsers.parse("la page de la liste noire indique « {text} »"))
def then_blacklist_page_says(world, agent_client, text):
    page = html.unescape(_tenant_page(world, agent_client))
    block = page.split('id="blacklist-rules"')[1].split("</article>")[0]
    assert text in block, block


@then(parsers.parse("le formulaire de la règle avertit « {text} »"))
def then_form_warns(world, agent_client, text):
    page = html.unescape(_tenant_page(world, agent_client, "?edit=blacklist-rules"))
    assert text in page
