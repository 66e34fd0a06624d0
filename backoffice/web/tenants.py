"""The tenant page: sites, the lines table, the tenant-level features; adding a line."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from backoffice.core.errors import ChangeRejected
from backoffice.core.lines import create_line, line_schema
from backoffice.core.models import Line, Site
from backoffice.core.search import line_criteria
from backoffice.extensions import db
from backoffice.lookups import carrier_of, tenant_or_404
from backoffice.web.forms import build_form, payload_from_form
from backoffice.web.views import Submitted, block_views, recent_orders

bp = Blueprint("tenants", __name__, url_prefix="/tenants")
PAGE_SIZE = 50
SORTS = {"number": Line.number, "extension": Line.extension, "name": Line.last_name,
         "plan": Line.plan}


def lines_page(tenant_id: int, args) -> tuple[list[Line], int, int]:
    """One page of a tenant's lines, filtered, searched and sorted; with the total count."""
    query = select(Line).where(Line.tenant_id == tenant_id)
    if args.get("plan"):
        query = query.where(Line.plan == args["plan"])
    if args.get("q"):
        criteria = line_criteria(args["q"])
        query = query.where(or_(*criteria) if criteria else Line.id.is_(None))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    column = SORTS.get(args.get("sort", ""), Line.id)
    order = column.desc() if args.get("dir") == "desc" else column.asc()
    page = max(1, args.get("page", 1, type=int))
    lines = db.session.scalars(
        query.options(selectinload(Line.site)).order_by(order, Line.id)
        .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    return list(lines), total, page


def render_tenant(tenant, submitted: Submitted | None = None, line_form=None, status=200):
    lines, total, page = lines_page(tenant.id, request.args)
    sites = db.session.scalars(
        select(Site).where(Site.tenant_id == tenant.id).order_by(Site.name)).all()
    entry = carrier_of(tenant)
    schema = line_schema(tenant)
    return render_template(
        "tenants/show.html", tenant=tenant, entry=entry, sites=sites, lines=lines,
        total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
        blocks=block_views(tenant, None, submitted), orders=recent_orders(tenant, None),
        line_form=line_form or build_form(schema, tenant=tenant),
    ), status


@bp.get("/<int:tenant_id>")
def show(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    if request.headers.get("HX-Target") == "lines-table":
        lines, total, page = lines_page(tenant.id, request.args)
        return render_template("tenants/_lines.html", tenant=tenant, entry=carrier_of(tenant),
                               lines=lines, total=total, page=page,
                               pages=max(1, -(-total // PAGE_SIZE)))
    return render_tenant(tenant)


@bp.post("/<int:tenant_id>/lines")
def add_line(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    schema = line_schema(tenant)
    payload = payload_from_form(schema, request.form)
    try:
        line = create_line(tenant, payload)
    except ChangeRejected as refused:
        return render_tenant(tenant, line_form=build_form(schema, payload, refused.by_field(),
                                                          tenant), status=422)
    flash(gettext("Line added."), "success")
    return redirect(url_for("lines.show", tenant_id=tenant.id, line_id=line.id))
