"""The tenant page: sites, the lines table, the tenant-level features; adding a line."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from backoffice.core.errors import ChangeRejected
from backoffice.core.lines import create_line, line_schema, lines_filter, lines_order
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.phone import national
from backoffice.extensions import db
from backoffice.inputs import page_number
from backoffice.lookups import carrier_of, tenant_or_404
from backoffice.web.forms import build_form, payload_from_form, shared_choices
from backoffice.web.views import Submitted, block_views, editing_from, recent_orders

bp = Blueprint("tenants", __name__, url_prefix="/tenants")
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class LineRow:
    """One row of the lines table, with what the row shows already worked out."""

    id: int
    url: str
    number: str  # national format, "" without a number
    extension: str
    name: str
    plan: str  # the plan's label in the agent's language
    site: str


def lines_page(tenant: Tenant, args) -> tuple[list[LineRow], int, int]:
    """One page of a tenant's lines, filtered, searched and sorted; with the total count.

    Only the columns the table shows are selected (the site's name by an outer join, not
    a second query), and each row is prepared once here rather than by the template.
    """
    where = lines_filter(tenant.id, args.get("plan"), args.get("q"))
    page = page_number(args)
    # The total comes with the page (a window count), not from a query of its own; only
    # a page past the end, which has no row to carry it, counts separately.
    found = db.session.execute(
        select(Line.id, Line.number, Line.extension, Line.first_name, Line.last_name, Line.plan,
               Site.name, func.count().over()).outerjoin(Line.site).where(*where)
        .order_by(*lines_order(args.get("sort"), args.get("dir") == "desc"))
        .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    if found:
        total = found[0][-1]
    elif page == 1:
        total = 0
    else:
        total = db.session.scalar(select(func.count(Line.id)).where(*where))
    language = str(get_locale() or "fr")
    labels = {plan.id: plan.label_for(language) for plan in carrier_of(tenant).plans}
    # "/tenants/<id>/lines/<line id>" for every row, from one url_for and not fifty.
    base = url_for("lines.show", tenant_id=tenant.id, line_id=0).removesuffix("0")
    rows = [LineRow(id=line_id, url=f"{base}{line_id}", number=national(number),
                    extension=extension or "",
                    name=" ".join(part for part in (first_name, last_name) if part),
                    plan=labels.get(plan, plan), site=site or "")
            for line_id, number, extension, first_name, last_name, plan, site, _ in found]
    return rows, total, page


def render_tenant(tenant, submitted: Submitted | None = None, line_form=None, status=200):
    """The tenant page; only the form the agent opened (or that was refused) is built."""
    lines, total, page = lines_page(tenant, request.args)
    sites = tenant.sites
    editing = editing_from(request)
    with shared_choices():
        blocks = block_views(tenant, None, submitted, editing)
        if line_form is None and editing and editing.target == "new-line":
            line_form = build_form(line_schema(tenant), tenant=tenant)
    return render_template(
        "tenants/show.html", tenant=tenant, entry=carrier_of(tenant), sites=sites, lines=lines,
        total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
        blocks=blocks, orders=recent_orders(tenant, None), line_form=line_form or [],
    ), status


@bp.get("/<int:tenant_id>")
def show(tenant_id: int):
    if request.headers.get("HX-Target") == "lines-table":
        tenant = tenant_or_404(tenant_id)
        lines, total, page = lines_page(tenant, request.args)
        return render_template("tenants/_lines.html", tenant=tenant, lines=lines, total=total,
                               page=page, pages=max(1, -(-total // PAGE_SIZE)))
    # The page lists the tenant's sites: joined to the tenant's own query.
    return render_tenant(tenant_or_404(tenant_id, joinedload(Tenant.sites)))


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
