"""Home (the customers list), the global search and the capability matrix."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from backoffice.core.carriers import registry
from backoffice.core.features import feature_label
from backoffice.core.models import Line, Tenant
from backoffice.core.search import search, single_match
from backoffice.extensions import db
from backoffice.web.limit_words import limit_sentences

bp = Blueprint("pages", __name__)


@bp.get("/")
def index() -> str:
    counts = dict(db.session.execute(
        select(Line.tenant_id, func.count(Line.id)).group_by(Line.tenant_id)).all())
    tenants = db.session.scalars(
        select(Tenant).order_by(Tenant.carrier_id, Tenant.name).limit(200)).all()
    return render_template("index.html", tenants=tenants, line_counts=counts)


@bp.get("/search")
def global_search() -> str | Response:
    """The results; a search that finds one line or one customer opens it (not while the
    agent is still typing: the live results, asked by htmx, stay a list)."""
    query = request.args.get("q", "")
    results = search(query)
    found = None if request.headers.get("HX-Request") else single_match(results)
    if isinstance(found, Line):
        return redirect(url_for("lines.show", tenant_id=found.tenant_id, line_id=found.id))
    if isinstance(found, Tenant):
        return redirect(url_for("tenants.show", tenant_id=found.id))
    template = "search_results.html" if request.headers.get("HX-Request") else "search.html"
    return render_template(template, query=query, results=results)


@bp.get("/carriers")
def carrier_matrix() -> str:
    return render_template("carriers.html", entries=registry().all(),
                           feature_label=feature_label, limit_sentences=limit_sentences)
