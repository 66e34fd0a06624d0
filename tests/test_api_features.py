"""Feature blocks through the API: the carrier's rules, ETags and refusals as on the forms."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.auth.tokens import create_token
from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import make_agent


@pytest.fixture
def call(app):
    load_demo()

    def as_carrier(carrier: str):
        _, clear = create_token(make_agent("support_agent", carrier), "tests")
        client = app.test_client()

        def request(method: str, path: str, **kwargs):
            headers = {"Authorization": f"Bearer {clear}", **kwargs.pop("headers", {})}
            return client.open(path, method=method, headers=headers, **kwargs)

        return request

    return as_carrier


def line_url(number: str) -> str:
    line = db.session.scalar(select(Line).where(Line.number == number))
    return f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}"


def audits() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditRecord))


def test_sfr_forwarding_to_a_special_number_is_refused_with_the_rule(call):
    api = call("sfr")
    url = line_url("+33483050174") + "/forwarding"
    current = api("GET", url)
    assert current.status_code == 200
    before = audits()
    refused = api("PUT", url, json={"always_enabled": True,
                                    "always_destination": "08 99 12 34 56"},
                  headers={"If-Match": current.headers["ETag"], "Accept-Language": "fr"})
    assert refused.status_code == 422
    assert refused.json["errors"][0]["code"] == "forwarding.always_destination.not_allowed"
    assert audits() == before
    accepted = api("PUT", url, json={"always_enabled": True,
                                     "always_destination": "06 12 34 56 78"},
                   headers={"If-Match": current.headers["ETag"]})
    assert accepted.status_code == 200
    assert accepted.json["always_destination"] == "+33612345678"
    stale = api("PUT", url, json={"always_enabled": False},
                headers={"If-Match": current.headers["ETag"]})
    assert stale.status_code == 412


def test_sfr_eleven_rings_are_refused(call):
    api = call("sfr")
    url = line_url("+33483050174") + "/forwarding"
    etag = api("GET", url).headers["ETag"]
    refused = api("PUT", url, json={"no_answer_enabled": True, "no_answer_destination":
                                    "voicemail", "no_answer_rings": 11},
                  headers={"If-Match": etag})
    assert refused.status_code == 422
    error = refused.json["errors"][0]
    assert error["field"] == "no_answer_rings" and error["limit"] == {"min": 1, "max": 10}


def test_bell_keeps_a_number_used_by_forwarding(call):
    api = call("bell")
    tenant = db.session.scalar(select(Tenant.id).where(Tenant.carrier_id == "bell"))
    lines = db.session.scalars(select(Line).where(Line.tenant_id == tenant,
                                                  Line.plan == "liaisons_sip")).all()
    for line in lines:
        url = f"/api/v1/tenants/{tenant}/lines/{line.id}/phone-numbers"
        numbers = api("GET", url).json["items"]
        used = [n for n in numbers if n.get("in_use")]
        if used:
            item = f"{url}/{used[0]['id']}"
            assert api("DELETE", item).status_code == 428
            refused = api("DELETE", item, headers={"If-Match": api("GET", item).headers["ETag"]})
            assert refused.status_code == 409
            assert api("GET", url).json["total"] == len(numbers)
            return
    pytest.fail("the Bell demo should have a number used by its forwarding")
