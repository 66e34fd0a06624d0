"""Bell offers no blacklist: its call path has no screening step."""

from datetime import datetime
from zoneinfo import ZoneInfo

from backoffice.testing import CallContext, create_line, create_tenant, explain_call

MONTREAL = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/Toronto"))


def call(caller, state="idle"):
    return CallContext(caller=caller, moment=MONTREAL, state=state)


def test_bell_has_no_screening_step(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"})
    assert [s.action for s in explain_call(tenant, line, call(None, "busy"))] == ["busy_tone"]
