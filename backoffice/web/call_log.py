"""The call log page (002 Liste d'appels): the calls the network carried for a customer,
selected by period, type, blocked and recorded calls, a page at a time, and as CSV."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, stream_with_context
from flask_babel import gettext

from backoffice.core.call_log.records import (
    TYPE_LABELS,
    YES_NO,
    all_calls,
    call_page,
    csv_text,
    limits_of,
    read_filters,
    type_of,
)
from backoffice.core.call_log.schedule import read_schedule
from backoffice.core.errors import ChangeRejected
from backoffice.lookups import tenant_or_404

bp = Blueprint("call_log", __name__, url_prefix="/tenants/<int:tenant_id>")


@bp.get("/calls")
def show(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    limits = limits_of(tenant)
    errors: dict[str, list[str]] = {}
    try:
        filters = read_filters(tenant, request.args)
        page = call_page(tenant, filters)
    except ChangeRejected as refused:
        errors, page = refused.by_field(), None
    types = [*limits.call_types, *(["fax"] if limits.faxes else [])]
    return render_template(
        "call_log/show.html", tenant=tenant, limits=limits, page=page, errors=errors,
        types=[(code, gettext(TYPE_LABELS[code])) for code in types],
        yes_no=[(code, gettext(words)) for code, words in YES_NO.items()],
        type_of=type_of, type_labels=TYPE_LABELS, schedule=read_schedule(tenant),
    ), 422 if errors else 200


@bp.get("/calls.csv")
def download(tenant_id: int):
    """Every call the filters select, as CSV (streamed, oldest first)."""
    tenant = tenant_or_404(tenant_id)
    filters = read_filters(tenant, request.args)

    def rows():
        yield csv_text(tenant, all_calls(tenant, filters), gettext)

    return Response(stream_with_context(rows()), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="call-log-{tenant.id}.csv"'})
