"""History pages: every change of a tenant or of one line, filterable, newest first."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, render_template, request
from sqlalchemy import func, select

from backoffice.core.models import AuditRecord
from backoffice.extensions import db
from backoffice.lookups import line_or_404, tenant_or_404

bp = Blueprint("history", __name__, url_prefix="/tenants/<int:tenant_id>")
PAGE_SIZE = 50


def audit_page(tenant, line, args, page: int = 1):
    """One page of the audit trail, filtered by action, object, agent and dates."""
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


@bp.get("/history", defaults={"line_id": None})
@bp.get("/lines/<int:line_id>/history")
def show(tenant_id: int, line_id: int | None) -> str:
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id is not None else None
    records, total, page = audit_page(tenant, line, request.args,
                                      request.args.get("page", 1, type=int))
    return render_template("history/show.html", tenant=tenant, line=line, records=records,
                           total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)))
