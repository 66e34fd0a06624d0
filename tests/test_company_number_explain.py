"""Explaining a call to a company number (TELUS, guide 002 "Numéros de l'entreprise",
"Postes directs"): routed to the auto-receptionist, the call follows the path of a call to
its number; routed to an extension, the path of a call to that extension; through the API
and the tenant page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backoffice.core.company_numbers.models import CompanyNumber
from backoffice.core.models import Line, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client, signed_in_client
from backoffice.testing.conformance import csrf_token_of

CALL = {"caller": "604 555-0199", "moment": "2026-11-23T10:00:00", "state": "idle",
        "digits": "1"}


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "telus", **{"Accept-Language": "fr"})


def clinic() -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.name == "Clinique Horizon"))


def number(e164: str) -> CompanyNumber:
    return db.session.scalar(select(CompanyNumber).where(
        CompanyNumber.tenant_id == clinic().id, CompanyNumber.number == e164))


def line(**where) -> Line:
    return db.session.scalar(select(Line).where(
        Line.tenant_id == clinic().id, *(getattr(Line, k) == v for k, v in where.items())))


def explain_url(item: CompanyNumber) -> str:
    return f"/api/v1/tenants/{clinic().id}/company-numbers/{item.id}/explain"


def line_url(target: Line) -> str:
    return f"/api/v1/tenants/{clinic().id}/lines/{target.id}/explain"


def test_a_number_routed_to_the_auto_receptionist_follows_its_path(api):
    answer = api("POST", explain_url(number("+18005550100")), json=CALL)
    assert answer.status_code == 200, answer.json
    first, *rest = answer.json
    assert (first["action"], first["code"], first["target"]) == (
        "forward", "company_number.ivr", "+16045550100")
    assert "Auto-réception" in first["rule"] and "(604) 555-0100" in first["rule"]
    assert rest == api("POST", line_url(line(number="+16045550100")), json=CALL).json
    assert [step["code"] for step in rest][-1] == "ivr.key" and rest[-1]["target"] == "200"


@pytest.mark.parametrize("state", ["idle", "no_answer"])
def test_a_number_routed_to_an_extension_follows_the_path_of_a_call_to_it(api, state):
    call = {**CALL, "state": state, "digits": ""}
    answer = api("POST", explain_url(number("+16045550150")), json=call)
    assert answer.status_code == 200, answer.json
    first, *rest = answer.json
    assert (first["code"], first["target"]) == ("company_number.extension", "200")
    assert rest and rest == api("POST", line_url(line(extension="200")), json=call).json


def test_an_unassigned_number_goes_nowhere_and_bad_calls_are_refused(api):
    unassigned = api("POST", explain_url(number("+16045550161")), json=CALL).json
    assert [(s["action"], s["code"]) for s in unassigned] == [
        ("unreachable", "company_number.unassigned")]
    url = explain_url(number("+18005550100"))
    outgoing = api("POST", url, json={**CALL, "direction": "outgoing", "dialled": "911"})
    assert outgoing.status_code == 422 and outgoing.json["code"] == "call.direction.invalid"
    assert api("POST", url, json={**CALL, "state": "asleep"}).json["code"] == \
        "call.state.invalid"
    missing = api("POST", f"/api/v1/tenants/{clinic().id}/company-numbers/999999/explain",
                  json=CALL)
    assert missing.status_code == 404


def test_the_endpoint_is_documented_with_the_line_explainers_schema(api):
    document = api("GET", "/api/openapi.json").json
    operation = document["paths"][
        "/api/v1/tenants/{tenant_id}/company-numbers/{item_id}/explain"]["post"]
    line_operation = document["paths"][
        "/api/v1/tenants/{tenant_id}/lines/{line_id}/explain"]["post"]
    assert operation["requestBody"] == line_operation["requestBody"]
    assert operation["responses"]["200"] == line_operation["responses"]["200"]
    assert "company_number.ivr" in operation["description"]


def test_a_viewer_may_explain_a_call_to_a_company_number(app):
    load_demo()
    viewer = bearer_client(app, "viewer", "telus")
    assert viewer("POST", explain_url(number("+18005550100")), json=CALL).status_code == 200


@pytest.mark.parametrize("language,words", [
    ("fr", "Expliquer un appel à un numéro de l'entreprise"),
    ("en", "Explain a call to a company number")])
def test_the_tenant_page_explains_a_call_to_a_company_number(app, language, words):
    load_demo()
    web = signed_in_client(app, "support_agent", "telus")
    headers = {"Accept-Language": language}
    page_url = f"/tenants/{clinic().id}"
    page = web.get(page_url, headers=headers)
    assert words in page.text.replace("&#39;", "'")
    assert f'value="{number("+18005550100").id}"' in page.text
    form = {"csrf_token": csrf_token_of(web, page_url), "number_id": number("+18005550100").id,
            "date": "2026-11-23", "time": "10:00", "state": "idle", "digits": "1"}
    shown = web.post(f"{page_url}/company-numbers/explain", data=form, headers=headers)
    assert shown.status_code == 200
    assert ("Auto-réception" if language == "fr" else "auto-receptionist") in shown.text
    partial = web.post(f"{page_url}/company-numbers/explain", data=form,
                       headers={**headers, "HX-Request": "true"})
    assert partial.status_code == 200 and "<html" not in partial.text
    assert 'class="call-path"' in partial.text
    refused = web.post(f"{page_url}/company-numbers/explain",
                       data={**form, "number_id": "x"}, headers=headers)
    assert refused.status_code == 422


def test_a_carrier_without_company_numbers_shows_no_such_form(app):
    load_demo()
    web = signed_in_client(app, "support_agent", "sfr")
    toine = db.session.scalar(select(Tenant).where(Tenant.name == "Toine Immo"))
    assert 'id="explain-number"' not in web.get(f"/tenants/{toine.id}").text
