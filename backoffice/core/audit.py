"""Reading the audit trail: one page of a tenant's (or a line's) changes, newest first."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.extensions import db

PAGE_SIZE = 50


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
        try:
            day = datetime.fromisoformat(args.get(name, "")).date()
        except ValueError:
            continue
        moment = datetime.combine(day + timedelta(days=shift), time(), zone)
        query = query.where(getattr(AuditRecord.at, compare)(
            moment.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = max(1, page)
    records = db.session.scalars(query.order_by(AuditRecord.at.desc(), AuditRecord.id.desc())
                                 .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    return records, total, page
