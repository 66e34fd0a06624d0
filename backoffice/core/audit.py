"""Reading the audit trail: one page of a tenant's (or a line's) changes, newest first."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.extensions import db

PAGE_SIZE = 50
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INVALID_DAY = N_("“%(value)s” is not a date between %(first)s and %(last)s (YYYY-MM-DD).")


def filter_day(args: Mapping[str, Any], name: str) -> date | None:
    """The day of a date filter (``YYYY-MM-DD`` between years 1900 and 9998), None when
    empty; else :class:`ChangeRejected` naming the filter."""
    text = str(args.get(name) or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text) if DAY.fullmatch(text) else None
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise ChangeRejected([Violation(
            code=f"history.{name}.invalid", field=name, message=INVALID_DAY,
            params={"value": text, "first": FIRST_DAY.isoformat(),
                    "last": LAST_DAY.isoformat()})])
    return day


def audit_page(tenant: Tenant, line: Line | None, args: Mapping[str, Any],
               page: int = 1) -> tuple[list[AuditRecord], int, int]:
    """One page of the audit trail, filtered by action, object, agent and dates (days in
    the tenant's time zone); returns the records, the total and the page."""
    query = select(AuditRecord).where(AuditRecord.tenant_id == tenant.id)
    if line is not None:
        query = query.where(AuditRecord.line_id == line.id)
    for name in ("action", "object_type", "actor"):
        if args.get(name):
            query = query.where(getattr(AuditRecord, name) == args[name])
    zone = ZoneInfo(tenant.timezone)
    for name, compare, shift in (("since", "__ge__", 0), ("until", "__lt__", 1)):
        day = filter_day(args, name)
        if day is None:
            continue
        moment = datetime.combine(day + timedelta(days=shift), time(), zone)
        query = query.where(getattr(AuditRecord.at, compare)(
            moment.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = max(1, page)
    records = db.session.scalars(query.order_by(AuditRecord.at.desc(), AuditRecord.id.desc())
                                 .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    return records, total, page
