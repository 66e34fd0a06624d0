"""Cooptel business hours (guide 003): closures come back every year."""

from datetime import datetime
from zoneinfo import ZoneInfo

from backoffice.testing import block, create_tenant

MONTREAL = ZoneInfo("America/Toronto")


def test_cooptel_closures_repeat_every_year_and_the_agent_is_warned(app):
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    hours = block(tenant, "business-hours")
    calendar = hours.add(tenant, None, {"name": "Heures du 514 907-3400",
                                        "hours": "mon-fri 08:30-17:00",
                                        "closures": "2026-10-10"})
    assert hours.items(tenant, None) == [calendar] and calendar.closures_yearly
    assert not calendar.is_open(datetime(2027, 10, 10, 10, 0, tzinfo=MONTREAL))
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        note = hours.schema(tenant).dump(calendar)["note"]
    assert note.startswith("Ces fermetures se répètent chaque année")
