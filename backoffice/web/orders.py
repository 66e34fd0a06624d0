"""Provisioning status of changes: the status panel (polled while pending) and retries."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext

from backoffice.core.models import ProvisioningOrder
from backoffice.core.provisioning import retry_order
from backoffice.lookups import line_or_404, order_or_404, tenant_or_404
from backoffice.web.views import recent_orders

bp = Blueprint("orders", __name__, url_prefix="/tenants/<int:tenant_id>")


@bp.get("/orders/status", defaults={"line_id": None})
@bp.get("/lines/<int:line_id>/orders/status")
def status(tenant_id: int, line_id: int | None) -> str:
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id is not None else None
    return render_template("orders/_panel.html", tenant=tenant, line=line,
                           orders=recent_orders(tenant, line))


@bp.post("/orders/<int:order_id>/retry")
def retry(tenant_id: int, order_id: int):
    tenant = tenant_or_404(tenant_id)
    order = order_or_404(tenant, order_id)
    if order.status == ProvisioningOrder.APPLIED:
        flash(gettext("A change already applied cannot be sent again."), "error")
    else:
        retry_order(order)
        flash(gettext("The change was sent to the carrier's network again."), "success")
    if order.line_id is not None:
        return redirect(url_for("lines.show", tenant_id=tenant.id, line_id=order.line_id,
                                _anchor="orders"))
    return redirect(url_for("tenants.show", tenant_id=tenant.id, _anchor="orders"))
