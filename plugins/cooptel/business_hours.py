"""Cooptel business hours per number and exceptional closures (guide 003 §4 and §5).

A number's opening hours, with exceptions: closed all day or for given hours, several
consecutive days at once. Exceptions are not tied to a year: one set for 10 October comes
back every 10 October (declared as ``closures_repeat_yearly``; the calendar's read view
carries the warning). Outside the hours and during an exception, calls to the number follow
the usual "closed" behaviour (the closing message).
"""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import select

from backoffice.plugin import N_, Calendar, CallContext, CallStep, Line, Tenant, calendar_block, db

GUIDE = "003_1f8630d8cbff8d99.txt"
SECTION = f"{GUIDE} §4, §5"
BLOCK = calendar_block(id="business-hours", feature="business_hours",
                       title=N_("Business hours and exceptional closures"),
                       guide_section=SECTION)


def closed_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """When the number's calendar is closed, the call follows the closed behaviour."""
    calendar = db.session.scalar(select(Calendar).where(
        Calendar.tenant_id == tenant.id, Calendar.line_id == line.id))
    if calendar is None:
        return []
    status = calendar.status(call.moment)
    if status.open:
        return []
    return [CallStep("closed", gettext(
        "The business hours “%(calendar)s” are closed: %(reason)s; the call gets the usual "
        "closing message.", calendar=calendar.name, reason=status.reason), SECTION,
        final=True, code="cooptel.business_hours.closed")]
