"""Hunt groups and pickup groups through the REST API and the explainer: the same rules as
the forms (guide 004 §4.3, §7), refusals naming the field and the limit, nothing saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.core.groups.models import HuntGroupMember, PickupGroup
from backoffice.core.models import AuditRecord, Line
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "sfr")


def line(number: str) -> Line:
    return db.session.scalar(select(Line).where(Line.number == number))


def group_url() -> str:
    group = line("+33483050175")
    return f"/api/v1/tenants/{group.tenant_id}/lines/{group.id}"


def audits() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditRecord))


def test_settings_refuse_eleven_rings_naming_the_limit_and_save_nothing(api):
    url = group_url() + "/hunt-group"
    current = api("GET", url)
    assert current.status_code == 200 and current.json["distribution"] == "linear"
    before = audits()
    body = {key: value for key, value in current.json.items() if key != "version"}
    refused = api("PUT", url, json={**body, "rings": 11},
                  headers={"If-Match": current.headers["ETag"], "Accept-Language": "fr"})
    assert refused.status_code == 422
    error = refused.json["errors"][0]
    assert (error["code"], error["field"], error["limit"]) == (
        "hunt_group.rings.too_many", "rings", {"min": 1, "max": 10})
    assert "entre 1 et 10" in error["message"]
    assert audits() == before
    saved = api("PUT", url, json={**body, "rings": 10},
                headers={"If-Match": current.headers["ETag"]})
    assert saved.status_code == 200 and saved.json["rings"] == 10


def test_overflow_to_a_special_number_or_to_voicemail_is_refused(api):
    url = group_url() + "/hunt-group"
    current = api("GET", url)
    body = {key: value for key, value in current.json.items() if key != "version"}
    etag = {"If-Match": current.headers["ETag"]}
    special = api("PUT", url, json={**body, "overflow_number": "08 99 12 34 56"}, headers=etag)
    assert special.json["errors"][0]["code"] == "hunt_group.overflow_number.not_allowed"
    voicemail = api("PUT", url, json={**body, "overflow": "voicemail"}, headers=etag)
    assert voicemail.json["errors"][0]["field"] == "overflow"
    missing = api("PUT", url, json={**body, "overflow_number": None}, headers=etag)
    assert missing.json["errors"][0]["code"] == "hunt_group.overflow_number.required"


def test_members_are_added_at_the_end_connected_and_removed(api):
    url = group_url() + "/hunt-group-members"
    listed = api("GET", url).json
    assert [item["number"] for item in listed["items"]] == [
        "+33483050173", "+33483050188", "+33483050172"]
    added = api("POST", url, json={"line_id": line("+33483050174").id})
    assert added.status_code == 201
    assert (added.json["position"], added.json["present"]) == (4, True)
    again = api("POST", url, json={"line_id": line("+33483050174").id})
    assert again.json["errors"][0]["code"] == "hunt_group.member.duplicate"
    item = f"{url}/{added.json['id']}"
    removed = api("DELETE", item, headers={"If-Match": api("GET", item).headers["ETag"]})
    assert removed.status_code == 204
    assert db.session.scalar(select(func.count()).select_from(HuntGroupMember)
                             .where(HuntGroupMember.line_id == line("+33483050174").id)) == 0


def test_the_explainer_takes_the_group_inputs(api):
    url = group_url() + "/explain"
    plain = api("POST", url, json={"moment": "2026-11-23T10:00:00"})
    assert plain.json[-1]["code"] == "sfr.hunt_group.distribution.linear"
    busy = api("POST", url, json={"moment": "2026-11-23T10:00:00",
                                  "busy_members": ["04 83 05 01 73"]})
    assert busy.json[-1]["target"] == "+33483050188, +33483050172"
    full = api("POST", url, json={"moment": "2026-11-23T10:00:00", "calls_waiting": 20})
    assert full.json[-1]["code"] == "sfr.hunt_group.overflow.queue_full"
    assert full.json[-1]["target"] == "+33147505869"
    bad = api("POST", url, json={"moment": "2026-11-23T10:00:00", "calls_waiting": -1})
    assert bad.status_code == 422 and bad.json["errors"][0]["field"] == "calls_waiting"


def test_pickup_groups_keep_a_line_in_one_group(api):
    tenant = line("+33483050175").tenant_id
    url = f"/api/v1/tenants/{tenant}/pickup-groups"
    site = line("+33483050175").site_id
    taken = api("POST", url, json={"name": "Commercial", "site_id": site,
                                   "members": ["04 83 05 01 88"]})
    assert taken.json["errors"][0]["code"] == "pickup_group.members.other_group"
    special = api("POST", url, json={"name": "Accueil #2", "site_id": site, "members": []})
    assert special.json["errors"][0]["code"] == "pickup_group.name.special_characters"
    made = api("POST", url, json={"name": "Accueil Grasse", "site_id": site,
                                  "members": ["04 83 05 01 73"]})
    assert made.status_code == 201 and made.json["members"] == ["+33483050173"]
    assert db.session.scalar(select(func.count()).select_from(PickupGroup)
                             .where(PickupGroup.tenant_id == tenant)) == 2
