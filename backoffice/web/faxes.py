"""The fax pages of a customer (guide 003 §6.1–§6.4 for Cooptel): send a fax, see the last
ones with their status, and the whole history of faxes sent, page by page.

The send form is generated from the one fax schema (the API's) with the document beside it;
a refused fax shows the form again with every refusal on its field, nothing kept.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from backoffice.core.carriers import offers
from backoffice.core.errors import ChangeRejected
from backoffice.core.fax.schemas import STATUS_LABELS
from backoffice.core.fax.service import (
    document_response,
    fax_offer,
    fax_schema,
    faxes_page,
    find_fax,
    remembered,
    send_fax,
)
from backoffice.core.models import Tenant
from backoffice.inputs import page_number
from backoffice.lookups import carrier_of, tenant_or_404
from backoffice.web.forms import build_form, payload_from_form, shared_choices
from backoffice.web.limit_words import limit_sentences

bp = Blueprint("faxes", __name__, url_prefix="/tenants/<int:tenant_id>/faxes")
RECENT = 10
PAGE_SIZE = 50


def fax_pages(tenant: Tenant) -> list[tuple[str, str]]:
    """(url, label) of the fax page, for the tenant page's links, when faxes are offered."""
    if not offers(tenant, "faxes", scope="tenant"):
        return []
    return [(url_for("faxes.show", tenant_id=tenant.id), gettext("Faxes"))]


def _render(tenant: Tenant, values=None, errors=None, status: int = 200):
    offer = fax_offer(tenant)
    rows, total = faxes_page(tenant, 1, RECENT)
    with shared_choices():
        form = build_form(fax_schema(tenant), values if values is not None
                          else remembered(tenant), errors or {}, tenant)
    return render_template(
        "faxes/show.html", tenant=tenant, entry=carrier_of(tenant), offer=offer, form=form,
        document_errors=(errors or {}).get("document", []), rows=rows, total=total,
        statuses=STATUS_LABELS,
        limits=limit_sentences(offer.limits, carrier_of(tenant))), status


@bp.get("")
def show(tenant_id: int):
    return _render(tenant_or_404(tenant_id))


@bp.post("")
def send(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    payload = payload_from_form(fax_schema(tenant), request.form)
    upload = request.files.get("document")
    try:
        send_fax(tenant, payload, upload.stream if upload and upload.filename else None,
                 upload.filename if upload else "")
    except ChangeRejected as refused:
        return _render(tenant, payload, refused.by_field(), 422)
    flash(gettext("Fax sent to the network."), "success")
    return redirect(url_for("faxes.show", tenant_id=tenant.id))


@bp.get("/history")
def history(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    page = page_number(request.args)
    rows, total = faxes_page(tenant, page, PAGE_SIZE)
    return render_template("faxes/history.html", tenant=tenant, rows=rows, total=total,
                           page=page, pages=max(1, -(-total // PAGE_SIZE)),
                           statuses=STATUS_LABELS)


@bp.get("/<int:fax_id>/document")
def document(tenant_id: int, fax_id: int):
    return document_response(find_fax(tenant_or_404(tenant_id), fax_id))
