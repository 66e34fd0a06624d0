"""The tenant page: the account's structure with its counts, its sites (added, renamed,
deleted, each with its line count), the lines table (filtered by plan, site and search),
the tenant-level features; adding a line; explaining a call to a company number (guide 002
"Numéros de l'entreprise")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from backoffice.core.carriers import offers
from backoffice.core.company_numbers.explain import explain_number_call
from backoffice.core.company_numbers.service import find_number, list_numbers, route_words
from backoffice.core.declarations import LINE_STATES
from backoffice.core.errors import ChangeRejected, EditConflict
from backoffice.core.line_status import status_label, statuses_of
from backoffice.core.lines import create_line, line_schema, lines_filter, lines_order
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.phone import for_display, national
from backoffice.core.schemas import SiteSchema
from backoffice.core.structure import account_structure
from backoffice.core.tenants import (
    ADDRESS_FIELDS,
    create_site,
    delete_site,
    site_limits,
    site_line_counts,
    update_site,
)
from backoffice.extensions import db
from backoffice.inputs import page_number
from backoffice.lookups import carrier_of, site_or_404, tenant_or_404
from backoffice.web.forms import build_form, payload_from_form, shared_choices
from backoffice.web.lines import call_from_form
from backoffice.web.views import (
    Submitted,
    block_views,
    conflict_message,
    editing_from,
    recent_orders,
)

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
    status: str = ""  # the state the network reports, in the agent's words ("" unknown)


def lines_page(tenant: Tenant, args) -> tuple[list[LineRow], int, int]:
    """One page of a tenant's lines, filtered, searched and sorted; with the total count.

    Only the columns the table shows are selected (the site's name by an outer join, not
    a second query), and each row is prepared once here rather than by the template.
    """
    where = lines_filter(tenant.id, args.get("plan"), args.get("q"),
                         args.get("site", type=int))
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
    return with_statuses(tenant, rows), total, page


def with_statuses(tenant: Tenant, rows: list[LineRow]) -> list[LineRow]:
    """The rows with the state the carrier's network reports for each (guide 003 §15)."""
    if not rows:
        return rows
    # The tenant's own lines by key: naming the tenant lets the planner start from its
    # lines rather than from every tenant of the agent's scope (25x slower at 1M lines).
    lines = list(db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.id.in_([row.id for row in rows]))))
    statuses = statuses_of(tenant, lines)
    if not statuses:
        return rows
    return [replace(row, status=status_label(statuses.get(row.id))) for row in rows]


@dataclass(frozen=True, slots=True)
class SiteRow:
    """One row of the sites table."""

    id: int
    name: str
    address: str
    lines: int
    physical: bool
    version: int


def sites_table(tenant: Tenant, query: str) -> list[SiteRow]:
    """The tenant's sites (its ``sites``, loaded with it) matching the site search box
    (guide 004 §5.1.1: "une expression alphabétique qu'il contiendrait"), each with its
    line count from one grouped query."""
    counts = site_line_counts(tenant)
    wanted = query.strip().casefold()
    return [SiteRow(site.id, site.name, site.address, counts.get(site.id, 0), site.physical,
                    site.version)
            for site in tenant.sites
            if not wanted or wanted in f"{site.name} {site.address}".casefold()]


def number_choices(tenant: Tenant) -> list[tuple[int, str]]:
    """The company's numbers, each with where its calls go, for the explain form; none
    where the carrier does not offer company numbers."""
    if not offers(tenant, "company_numbers", scope="tenant"):
        return []
    country = carrier_of(tenant).carrier.country
    return [(item.id, f"{for_display(item.number, country)} ({route_words(item)})")
            for item in list_numbers(tenant)]


def render_tenant(tenant, submitted: Submitted | None = None, line_form=None, status=200,
                  site_form=None, site_errors=None, site_target: str = "",
                  number_explanation=None):
    """The tenant page; only the form the agent opened (or that was refused) is built."""
    lines, total, page = lines_page(tenant, request.args)
    sites = sites_table(tenant, request.args.get("site_q", ""))
    editing = editing_from(request)
    limits = site_limits(tenant)
    readonly = ADDRESS_FIELDS if limits.address_fixed else ()
    with shared_choices():
        blocks = block_views(tenant, None, submitted, editing)
        if line_form is None and editing and editing.target == "new-line":
            line_form = build_form(line_schema(tenant), tenant=tenant)
        if site_form is None and editing and editing.target == "new-site":
            site_form, site_target = build_form(SiteSchema(), tenant=tenant), "new-site"
        elif site_form is None and editing and editing.target == "sites" and editing.item \
                and not editing.removing:
            site = site_or_404(tenant, editing.item)
            if site.physical:
                site_form = build_form(SiteSchema(), SiteSchema().dump(site), tenant=tenant,
                                       readonly=readonly)
                site_target = f"site-{site.id}"
    removing_site = editing.item if editing and editing.target == "sites" \
        and editing.removing else None
    return render_template(
        "tenants/show.html", tenant=tenant, entry=carrier_of(tenant), sites=sites, lines=lines,
        total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
        blocks=blocks, orders=recent_orders(tenant, None), line_form=line_form or [],
        structure=account_structure(tenant), site_form=site_form or [],
        site_errors=site_errors or [], site_target=site_target, removing_site=removing_site,
        site_limits=limits, numbers=number_choices(tenant), states=LINE_STATES,
        number_explanation=number_explanation,
        now=datetime.now(ZoneInfo(tenant.timezone)),
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


@bp.post("/<int:tenant_id>/sites")
def add_site(tenant_id: int):
    """Add a site (guide 004 §4.1.2 "Création")."""
    tenant = tenant_or_404(tenant_id, joinedload(Tenant.sites))
    schema = SiteSchema()
    payload = payload_from_form(schema, request.form)
    try:
        create_site(tenant, payload)
    except ChangeRejected as refused:
        return render_tenant(tenant, site_form=build_form(schema, payload, refused.by_field(),
                                                          tenant),
                             site_errors=refused.by_field().get("", []), site_target="new-site",
                             status=422)
    flash(gettext("Site added."), "success")
    return redirect(url_for("tenants.show", tenant_id=tenant.id) + "#sites")


@bp.post("/<int:tenant_id>/sites/<int:site_id>")
def edit_site(tenant_id: int, site_id: int):
    """Rename a site (and change its address where the carrier allows it)."""
    tenant = tenant_or_404(tenant_id, joinedload(Tenant.sites))
    site = site_or_404(tenant, site_id)
    schema = SiteSchema()
    payload = payload_from_form(schema, request.form)
    readonly = ADDRESS_FIELDS if site_limits(tenant).address_fixed else ()
    try:
        update_site(site, payload)
    except ChangeRejected as refused:
        return render_tenant(tenant, site_form=build_form(schema, payload, refused.by_field(),
                                                          tenant, readonly=readonly),
                             site_errors=refused.by_field().get("", []),
                             site_target=f"site-{site.id}", status=422)
    except EditConflict as conflict:
        db.session.refresh(site)
        return render_tenant(tenant, site_form=build_form(schema, schema.dump(site), None,
                                                          tenant, readonly=readonly),
                             site_errors=[conflict_message(conflict, tenant)],
                             site_target=f"site-{site.id}", status=409)
    flash(gettext("Site saved."), "success")
    return redirect(url_for("tenants.show", tenant_id=tenant.id) + "#sites")


@bp.post("/<int:tenant_id>/sites/<int:site_id>/delete")
def remove_site(tenant_id: int, site_id: int):
    """Delete a site once the agent confirmed it; refused while it has lines."""
    tenant = tenant_or_404(tenant_id, joinedload(Tenant.sites))
    site = site_or_404(tenant, site_id)
    if request.form.get("confirm") != "yes":
        return redirect(url_for("tenants.show", tenant_id=tenant.id, edit="sites",
                                item=site.id, remove=1) + "#sites")
    try:
        delete_site(site)
    except ChangeRejected as refused:
        return render_tenant(tenant, site_errors=[v.localized() for v in refused.violations],
                             status=422)
    flash(gettext("Site deleted."), "success")
    return redirect(url_for("tenants.show", tenant_id=tenant.id) + "#sites")


@bp.post("/<int:tenant_id>/company-numbers/explain")
def explain_number(tenant_id: int):
    """The path of a call to one of the company's numbers: where the number routes it, then
    the path of a call to the auto-receptionist's number or to the extension's line."""
    tenant = tenant_or_404(tenant_id)
    form = request.form
    number_id = form.get("number_id", "")
    item = find_number(tenant, None, int(number_id)) if number_id.isdigit() else None
    call, error = call_from_form(tenant, form)
    if item is None:
        error = gettext("Choose one of the company's numbers.")
    steps = None if error else explain_number_call(tenant, item, call)
    explanation = {"steps": steps, "error": error, "form": form}
    if request.headers.get("HX-Request"):
        return render_template("lines/_explanation.html", explanation=explanation)
    return render_tenant(tenant, number_explanation=explanation, status=422 if error else 200)
