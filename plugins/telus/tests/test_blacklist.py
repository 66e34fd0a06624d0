"""TELUS call blocking per user (guide 002, Utilisateurs > Filtrage)."""


import pytest

from backoffice.testing import (
    NotOffered,
    block,
    carrier,
    create_line,
    create_tenant,
    screened,
)

pytestmark = pytest.mark.usefixtures("in_english")




def test_telus_rejects_a_blocked_caller_of_the_user(app):
    tenant = create_tenant({"name": "Clinique Horizon", "carrier_id": "telus"})
    user = create_line(tenant, {"plan": "user", "extension": "101"})
    block("telus", "blocked-calls").add(tenant, user, {"number": "604 555-0199"})
    assert screened(tenant, user, "+16045550199")[0] == "reject"
    assert screened(tenant, user, "+16045550198")[0] == "ring"
    assert screened(tenant, user, None)[0] == "ring"


def test_telus_blocks_calls_per_user_with_no_maximum(app):
    tenant = create_tenant({"name": "Clinique Horizon", "carrier_id": "telus"})
    user = create_line(tenant, {"plan": "user", "extension": "101"})
    queue = create_line(tenant, {"plan": "queue", "extension": "200", "first_name": "Soutien",
                                 "email": "soutien@cliniquehorizon.ca"})
    calls = block("telus", "blocked-calls")
    assert carrier("telus").offer("blacklist").limits.max_numbers is None
    for n in range(37):
        calls.add(tenant, user, {"number": f"604 555-01{n:02d}"})
    assert len(calls.items(tenant, user)) == 37
    assert calls.items(tenant, user)[0].number == "+16045550100"
    with pytest.raises(NotOffered):
        calls.items(tenant, queue)
