"""Which carrier offers which blacklist: every block describes itself, and a carrier
without an offer is refused by the core."""

import pytest
from sqlalchemy import select

from backoffice.core.blacklist import rules
from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.carriers import registry
from backoffice.core.errors import NotOffered
from backoffice.core.lines import create_line
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db
from backoffice.testing import block


@pytest.mark.parametrize(("carrier_id", "block_id", "fields"), [
    ("cooptel", "blacklist-rules", {"id", "mode", "match", "digits", "version"}),
    ("sfr", "blocked-numbers", {"id", "number"}),
    ("sfr", "anonymous-calls", {"reject_anonymous", "version"}),
    ("telus", "blocked-calls", {"id", "number"}),
])
def test_every_block_describes_itself_without_a_tenant(app, carrier_id, block_id, fields):
    assert set(block(carrier_id, block_id).schema(None).fields) == fields


def test_a_carrier_with_per_line_lists_has_no_account_wide_rules(app):
    toine = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    with pytest.raises(NotOffered):
        rules.add_rule(toine, None, {"mode": "block", "match": "equals", "digits": "1"})
    assert db.session.scalar(select(BlacklistRule.id)) is None


def test_bell_offers_no_blacklist_and_has_no_block_for_it(app):
    bell = registry()["bell"]
    assert bell.offer("blacklist") is None
    assert bell.offer("anonymous_call_rejection") is None
    assert [b for b in bell.blocks
            if b.feature in ("blacklist", "anonymous_call_rejection")] == []
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"})
    with pytest.raises(NotOffered) as refused:
        block("sfr", "blocked-numbers").add(tenant, line, {"number": "5145550199"})
    assert str(refused.value) == "Bell Canada does not offer blacklist"
