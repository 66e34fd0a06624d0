"""French steps that go through the web pages and the REST API, as an agent does."""

from __future__ import annotations

import re

from pytest_bdd import parsers, then, when

from backoffice.auth.tokens import create_token
from tests.auth_helpers import make_agent
from tests.bdd.steps.common import _line_by_number


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
