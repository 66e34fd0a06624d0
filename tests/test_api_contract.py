"""The OpenAPI document is the API's contract: every feature resource, its methods, its
schema per carrier, its errors, preconditions and security, as the API really answers."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate
from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.models import Line
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client

METHODS = {"get", "put", "post", "delete", "patch"}


@pytest.fixture
def api(app):
    """A bearer-token client of the operator's administrator, with the demo loaded."""
    load_demo()
    return bearer_client(app)


def documented(document: dict) -> dict[str, set[str]]:
    return {path: {m for m in operations if m in METHODS}
            for path, operations in document["paths"].items()}


def test_every_block_of_every_carrier_is_a_documented_path_with_its_methods(api, app):
    document = api("GET", "/api/openapi.json").json
    validate(document)
    paths = documented(document)
    assert not any("{block_id}" in path for path in paths)
    for entry in registry().all():
        for block in entry.blocks:
            scope = entry.offer(block.feature).scope
            base = "/api/v1/tenants/{tenant_id}" + (
                "/lines/{line_id}" if scope == "line" else "")
            assert f"{base}/{block.id}" in paths
            name = "".join(w.title() for w in f"{entry.carrier.id}_{block.id}"
                           .replace("-", "_").split("_"))
            assert name in document["components"]["schemas"]
    forwarding = document["paths"]["/api/v1/tenants/{tenant_id}/lines/{line_id}/forwarding"]
    assert set(forwarding["put"]["x-carrier-variants"]) == {"bell", "cooptel", "sfr", "telus"}
    assert forwarding["put"]["parameters"][0]["name"] == "If-Match"
    assert {"412", "428", "422", "401", "403", "404"} <= set(forwarding["put"]["responses"])
    assert "application/problem+json" in forwarding["put"]["responses"]["422"]["content"]
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    # every operation the app routes under /api/v1 is documented, and nothing more
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = rule.rule.replace("<int:", "{").replace("<", "{").replace(">", "}")
        assert {m.lower() for m in rule.methods} & METHODS == paths[path], path


def test_each_carrier_has_its_own_document_with_its_variant_only(api):
    for carrier in ("bell", "telus", "cooptel", "sfr"):
        document = api("GET", f"/api/v1/carriers/{carrier}/openapi.json").json
        validate(document)
        put = document["paths"]["/api/v1/tenants/{tenant_id}/lines/{line_id}/forwarding"]["put"]
        schema = put["requestBody"]["content"]["application/json"]["schema"]
        assert schema == {"$ref": f"#/components/schemas/{carrier.title()}Forwarding"}
    sfr = api("GET", "/api/v1/carriers/sfr/openapi.json").json
    assert "BellForwarding" not in sfr["components"]["schemas"]
    assert "/api/v1/tenants/{tenant_id}/lines/{line_id}/phone-numbers" not in sfr["paths"]
    assert api("GET", "/api/v1/carriers/nope/openapi.json").status_code == 404


def test_never_written_settings_have_version_zero_and_writes_need_it(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/call-waiting"
    read = api("GET", url)
    assert read.json["version"] == 0 and read.headers["ETag"] == '"0"'
    assert api("PUT", url, json={"enabled": True}).status_code == 428
    written = api("PUT", url, json={"enabled": True}, headers={"If-Match": '"0"'})
    assert written.status_code == 200 and written.json["version"] == 1
    stale = api("PUT", url, json={"enabled": False}, headers={"If-Match": '"0"'})
    assert stale.status_code == 412


def test_options_and_405_list_only_what_is_documented(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/forwarding"
    allowed = api("OPTIONS", url).headers["Allow"]
    assert set(allowed.split(", ")) == {"GET", "HEAD", "OPTIONS", "PUT"}
    refused = api("DELETE", url)
    assert refused.status_code == 405 and refused.headers["Allow"]
    assert refused.mimetype == "application/problem+json"


def test_pagination_out_of_range_names_the_parameter_and_big_ids_are_not_found(api):
    for query, name in (("page=0", "page"), ("page=abc", "page"),
                        ("page_size=201", "page_size"), ("page=99999999999999", "page")):
        refused = api("GET", f"/api/v1/tenants?{query}")
        assert refused.status_code == 422, query
        assert refused.json["errors"][0]["field"] == name
        assert refused.json["code"] == f"request.{name}.invalid"
    assert api("GET", "/api/v1/tenants/2147483648").status_code == 404
    assert api("GET", "/api/v1/tenants/1/lines/99999999999999999999").status_code == 404


def test_a_204_has_no_content_type(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}"
    deleted = api("DELETE", url, headers={"If-Match": api("GET", url).headers["ETag"]})
    assert deleted.status_code == 204 and "Content-Type" not in deleted.headers


def test_what_schemathesis_found_is_documented_or_refused(api):
    """A line the carrier keeps answers 422 to DELETE, an applied order 409 to a retry, an
    item in use 409: each documented. Unknown fields of an agent's body are refused."""
    paths = api("GET", "/api/openapi.json").json["paths"]
    assert "422" in paths["/api/v1/tenants/{tenant_id}/lines/{line_id}"]["delete"]["responses"]
    retry = paths["/api/v1/tenants/{tenant_id}/orders/{order_id}/retry"]["post"]
    assert "409" in retry["responses"]
    item = paths["/api/v1/tenants/{tenant_id}/lines/{line_id}/phone-numbers/{item_id}"]
    assert "409" in item["delete"]["responses"]
    agents = api("GET", "/api/v1/agents").json
    refused = api("PATCH", f"/api/v1/agents/{agents[-1]['id']}",
                  json={"active": True, "nickname": "x"})
    assert refused.status_code == 422 and refused.json["code"] == "agent.nickname.invalid"
    refused = api("POST", "/api/v1/agents", json={"email": "new@example.test", "nickname": 1,
                                                  "password": "x", "role": "viewer"})
    assert refused.status_code == 422 and refused.json["errors"][0]["field"] == "nickname"
