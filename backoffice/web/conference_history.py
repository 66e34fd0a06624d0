"""The history of held conferences, "Conférences terminées" (003 §16.4): the sessions
someone connected to, newest first, with who connected from when to when, and until when
each recording is kept; the sessions of one conference by its name in the filters."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from sqlalchemy import select

from backoffice.core.conferences.history import history, kept_until, recording_days
from backoffice.core.conferences.models import Conference
from backoffice.extensions import db
from backoffice.inputs import page_number
from backoffice.lookups import tenant_or_404

bp = Blueprint("conference_history", __name__, url_prefix="/tenants/<int:tenant_id>")


def conference_filter(tenant, raw: str | None) -> int | None:
    """The conference chosen in the filters (404 when not one of the customer's)."""
    if not raw:
        return None
    if not raw.isdigit():
        abort(404)
    found = db.session.scalar(select(Conference.id).where(
        Conference.id == int(raw), Conference.tenant_id == tenant.id))
    if found is None:
        abort(404)
    return found


@bp.get("/conferences/history")
def show(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    days = recording_days(tenant)
    chosen = conference_filter(tenant, request.args.get("conference_id"))
    page = page_number(request.args)
    sessions, has_next = history(tenant, chosen, page)
    rooms = list(db.session.execute(select(Conference.id, Conference.title, Conference.kind)
                                    .where(Conference.tenant_id == tenant.id)
                                    .order_by(Conference.title)))
    return render_template("conferences/history.html", tenant=tenant, sessions=sessions,
                           has_next=has_next, page=page, days=days, rooms=rooms,
                           chosen=chosen, kept_until=lambda s: kept_until(s, days))
