"""Times carry their offset, and the call-path explainer's inputs and steps are enumerated."""

from __future__ import annotations

import ast
import re
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from backoffice.api.schemas import CALL_ACTIONS
from backoffice.core.declarations import LINE_STATES
from backoffice.core.models import Line
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client

ROOT = Path(__file__).resolve().parents[1]
MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


@pytest.fixture
def api(app):
    """A bearer-token client of the operator's administrator, with the demo loaded."""
    load_demo()
    return bearer_client(app)


def moments(node, found: list[str]) -> list[str]:
    if isinstance(node, dict):
        for value in node.values():
            moments(value, found)
    elif isinstance(node, list):
        for value in node:
            moments(value, found)
    elif isinstance(node, str) and MOMENT.match(node):
        found.append(node)
    return found


def test_every_moment_the_api_answers_has_its_offset(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    base = f"/api/v1/tenants/{line.tenant_id}"
    etag = api("GET", f"{base}/lines/{line.id}").headers["ETag"]
    api("PATCH", f"{base}/lines/{line.id}", json={"first_name": "Zoé"},
        headers={"If-Match": etag})
    stale = api("PATCH", f"{base}/lines/{line.id}", json={"first_name": "Zo"},
                headers={"If-Match": etag})
    assert stale.status_code == 412
    found: list[str] = []
    for path in ("/api/v1/agents", f"{base}/orders", f"{base}/history",
                 f"{base}/lines/{line.id}/history", f"{base}/lines/{line.id}"):
        answer = api("GET", path)
        assert answer.status_code == 200, path
        moments(answer.json, found)
    moments(stale.json, found)
    assert len(found) > 10
    for moment in found:
        assert datetime.fromisoformat(moment).tzinfo is not None, moment


def test_the_explainer_takes_a_moment_with_an_offset_or_a_local_one(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/explain"  # Europe/Paris

    def explain(moment: str):
        answer = api("POST", url, headers={"Accept-Language": "en"}, json={
            "moment": moment, "state": "idle", "caller": "06 12 34 56 78"})
        assert answer.status_code == 200, answer.json
        return answer.json

    local = explain("2026-11-30T20:00:00")
    assert explain("2026-11-30T19:00:00Z") == local == explain("2026-11-30T14:00:00-05:00")
    assert explain("2026-11-30T10:00:00+01:00") != local
    assert all(step["action"] in CALL_ACTIONS and "code" in step for step in local)


def test_the_explainer_refuses_unknown_states_and_keys(api):
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/explain"
    for body, code in (({"state": "asleep"}, "call.state.invalid"),
                       ({"digits": "12a"}, "call.digits.invalid")):
        refused = api("POST", url, json={"moment": "2026-11-30T20:00:00", **body},
                      headers={"Accept-Language": "fr"})
        assert refused.status_code == 422 and refused.json["code"] == code
    assert refused.json["detail"] == "Utilisez seulement les touches 0 à 9, * et #."


def test_the_schema_enumerates_the_explainers_inputs_and_step_codes(api):
    schemas = api("GET", "/api/openapi.json").json["components"]["schemas"]
    call = schemas["CallInput"]["properties"]
    assert call["state"]["enum"] == list(LINE_STATES)
    assert call["digits"]["pattern"] == "^[0-9*#]*$"
    assert call["moment"]["format"] == "date-time"
    step = schemas["CallStep"]
    assert step["properties"]["action"]["enum"] == list(CALL_ACTIONS)
    assert {"action", "code", "rule", "final"} <= set(step["required"])
    for code in CALL_ACTIONS:
        assert f"`{code}`" in step["properties"]["action"]["description"]


def emitted_actions() -> set[str]:
    """The first argument of every ``CallStep(...)`` written in the code base."""
    found = set()
    for path in [*ROOT.glob("backoffice/**/*.py"), *ROOT.glob("plugins/**/*.py")]:
        if "/tests/" in str(path):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "CallStep" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def test_every_step_the_code_base_makes_is_documented():
    actions = emitted_actions()
    assert {"forward", "voicemail", "reject", "ring", "call_waiting", "closed"} <= actions
    assert actions <= set(CALL_ACTIONS)
