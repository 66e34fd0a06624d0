"""History pages: every change of a tenant or of one line, filterable, newest first."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from backoffice.core.audit import PAGE_SIZE, audit_page
from backoffice.inputs import page_number
from backoffice.lookups import line_or_404, tenant_or_404

bp = Blueprint("history", __name__, url_prefix="/tenants/<int:tenant_id>")


@bp.get("/history", defaults={"line_id": None})
@bp.get("/lines/<int:line_id>/history")
def show(tenant_id: int, line_id: int | None) -> str:
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id is not None else None
    records, total, page = audit_page(tenant, line, request.args,
                                      page_number(request.args))
    return render_template("history/show.html", tenant=tenant, line=line, records=records,
                           total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)))
