"""History pages: every change of a tenant or of one line, in words, filterable, newest first.

Each record reads as a sentence ("Renvoi d'appel modifié"), names its item, and lists the
fields it changed with their value before → after; the full record stays underneath.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import select

from backoffice.core.audit import PAGE_SIZE, audit_page
from backoffice.core.models import AuditRecord
from backoffice.extensions import db
from backoffice.inputs import page_number
from backoffice.lookups import carrier_of, line_or_404, tenant_or_404
from backoffice.web.wording import ACTIONS, describe_change, object_words

bp = Blueprint("history", __name__, url_prefix="/tenants/<int:tenant_id>")


@bp.get("/history", defaults={"line_id": None})
@bp.get("/lines/<int:line_id>/history")
def show(tenant_id: int, line_id: int | None) -> str:
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id is not None else None
    country = carrier_of(tenant).carrier.country
    records, total, page = audit_page(tenant, line, request.args, page_number(request.args))
    entries = [(record, describe_change(record.object_type, record.action, record.before,
                                        record.after, tenant.carrier_id, country,
                                        tenant.timezone))
               for record in records]
    query = select(AuditRecord.object_type).where(AuditRecord.tenant_id == tenant.id)
    if line is not None:
        query = query.where(AuditRecord.line_id == line.id)
    kinds = sorted(((kind, object_words(kind, tenant.carrier_id))
                    for kind in db.session.scalars(query.distinct())), key=lambda k: k[1])
    return render_template("history/show.html", tenant=tenant, line=line, entries=entries,
                           total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
                           actions=ACTIONS, kinds=kinds)
