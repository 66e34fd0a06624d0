"""The appearance page (002 Outils > Apparence): "Parcourir" an image, "Joindre" it, enter
the address the logo opens, "Soumettre"; the logo then shows in the top right corner of
the customer's pages, a link to that address."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from backoffice.core.appearance.service import (
    limits_of,
    logo_bytes,
    read_appearance,
    save_appearance,
)
from backoffice.core.errors import ChangeRejected, EditConflict
from backoffice.lookups import tenant_or_404
from backoffice.web.views import conflict_message

bp = Blueprint("appearance", __name__, url_prefix="/tenants/<int:tenant_id>")


def _page(tenant, values, errors=None, status=200):
    return render_template("appearance/show.html", tenant=tenant, values=values,
                           limits=limits_of(tenant), errors=errors or {}), status


@bp.get("/appearance")
def show(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    return _page(tenant, read_appearance(tenant))


@bp.post("/appearance")
def save(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    upload = request.files.get("logo")
    logo = upload.read() if upload is not None and upload.filename else None
    raw = {"link_url": request.form.get("link_url", ""),
           "remove_logo": request.form.get("remove_logo") == "yes"}
    try:
        save_appearance(tenant, raw, logo)
    except ChangeRejected as refused:
        return _page(tenant, {**read_appearance(tenant), **raw}, refused.by_field(), 422)
    except EditConflict as conflict:
        return _page(tenant, read_appearance(tenant), {"": [conflict_message(conflict, tenant)]},
                     409)
    flash(gettext("Saved. The change is being sent to the carrier's network."), "success")
    return redirect(url_for("appearance.show", tenant_id=tenant.id))


@bp.get("/appearance/logo")
def logo(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    found = logo_bytes(tenant)
    if found is None:
        abort(404)
    data, mime = found
    return Response(data, mimetype=mime, headers={"Cache-Control": "private, max-age=60"})
