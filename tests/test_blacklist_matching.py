"""The indexed matcher agrees with a plain scan of every rule, and reads numbers as shown."""

import random

import pytest

from backoffice.core.blacklist.matching import (
    MATCH_KINDS,
    MODES,
    caller_digits,
    candidate_keys,
    matches,
)
from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.blacklist.rules import matching_rules
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db


def test_a_fifteen_digit_caller_has_at_most_120_lookup_keys():
    assert len(candidate_keys("123456789012345")) == 105 <= 15 * 16 // 2
    assert len(candidate_keys("5" * 15)) == 15
    assert candidate_keys("5555") == {"5", "55", "555", "5555"}


@pytest.mark.parametrize(("caller", "region", "digits"), [
    ("+15149073400", "CA", "5149073400"),
    ("+33145834778", "FR", "0145834778"),
    ("+33145834778", "CA", "33145834778"),
    ("+15149073400", "FR", "15149073400"),
    ("not a number 12", "CA", "12"),
])
def test_the_caller_is_read_as_the_called_phone_shows_it(caller, region, digits):
    assert caller_digits(caller, region) == digits


@pytest.mark.parametrize(("match", "pattern", "digits", "expected"), [
    ("equals", "5149073400", "5149073400", True),
    ("equals", "514907340", "5149073400", False),
    ("starts_with", "514", "5149073400", True),
    ("starts_with", "907", "5149073400", False),
    ("ends_with", "3400", "5149073400", True),
    ("ends_with", "514", "5149073400", False),
    ("contains", "5555", "5145555123", True),
    ("contains", "5555", "5145551234", False),
])
def test_the_guides_four_kinds_of_match(match, pattern, digits, expected):
    assert matches(match, pattern, digits) is expected


def test_indexed_matching_agrees_with_a_scan_on_random_rules(app):
    rng = random.Random(20261122)
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    seen = set()
    for _ in range(400):
        key = (rng.choice(MODES), rng.choice(MATCH_KINDS),
               "".join(rng.choice("0123459") for _ in range(rng.randint(1, 6))))
        if key not in seen:
            seen.add(key)
            db.session.add(BlacklistRule(tenant_id=tenant.id, mode=key[0], match=key[1],
                                         digits=key[2]))
    db.session.commit()
    rules = db.session.query(BlacklistRule).all()
    for _ in range(300):
        digits = "".join(rng.choice("0123459") for _ in range(rng.randint(1, 15)))
        expected = {r.id for r in rules if matches(r.match, r.digits, digits)}
        assert {r.id for r in matching_rules(tenant, digits)} == expected, digits
