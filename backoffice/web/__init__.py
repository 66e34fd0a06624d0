"""Server-rendered pages for support agents."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, render_template
from flask_babel import get_locale
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from backoffice.core.carriers import registry
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import national
from backoffice.extensions import db

bp = Blueprint("web", __name__, template_folder="templates")


def init_app(app: Flask) -> None:
    """Register core pages, then every carrier's own pages."""
    app.register_blueprint(bp)
    for blueprints in app.extensions["carriers"].all_hooks.web_blueprints():
        for blueprint in blueprints:
            app.register_blueprint(blueprint)
    app.jinja_env.filters["national"] = national
    app.jinja_env.globals.update(carriers=registry, get_locale=get_locale)


@bp.get("/")
def index() -> str:
    counts = dict(db.session.execute(
        select(Line.tenant_id, func.count(Line.id)).group_by(Line.tenant_id)).all())
    tenants = db.session.scalars(select(Tenant).order_by(Tenant.carrier_id, Tenant.name)).all()
    return render_template("index.html", tenants=tenants, line_counts=counts)


@bp.get("/carriers")
def carrier_matrix() -> str:
    return render_template("carriers.html", entries=registry().all())


@bp.get("/tenants/<int:tenant_id>")
def tenant(tenant_id: int) -> str:
    tenant = db.session.scalar(
        select(Tenant).where(Tenant.id == tenant_id)
        .options(selectinload(Tenant.sites), selectinload(Tenant.lines).selectinload(Line.site)))
    if tenant is None:
        abort(404)
    return render_template("tenant.html", tenant=tenant, entry=registry()[tenant.carrier_id])
