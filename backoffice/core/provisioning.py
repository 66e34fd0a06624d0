"""Provisioning orders: created with each change, pushed by a job, retried on demand."""

from __future__ import annotations

from typing import Any

from flask import current_app

from backoffice.core.carriers import registry
from backoffice.core.jobs import commit, enqueue
from backoffice.core.models import AuditRecord, ProvisioningOrder, Tenant
from backoffice.core.network import Network
from backoffice.extensions import db


def order_change(tenant: Tenant, audit: AuditRecord, payload: dict[str, Any]) -> ProvisioningOrder:
    """Create the order for a recorded change; it is pushed once the change commits."""
    order = ProvisioningOrder(
        tenant_id=tenant.id,
        audit_id=audit.id,
        object_type=audit.object_type,
        object_id=audit.object_id,
        line_id=audit.line_id,
        action=audit.action,
        payload=payload,
    )
    db.session.add(order)
    db.session.flush()
    enqueue(push_order, order.id)
    return order


def network_for(carrier_id: str) -> Network:
    """The carrier's network, built once per app."""
    networks = current_app.extensions.setdefault("carrier_networks", {})
    if carrier_id not in networks:
        networks[carrier_id] = registry().hook(carrier_id).carrier_network(app=current_app)
    return networks[carrier_id]


def push_order(order_id: int) -> str:
    """Job: push one order to its carrier's network and store the outcome."""
    order = db.session.get(ProvisioningOrder, order_id)
    if order is None or order.status == ProvisioningOrder.APPLIED:
        return "skipped"
    tenant = db.session.get(Tenant, order.tenant_id)
    order.attempts += 1
    try:
        outcome = network_for(tenant.carrier_id).apply(order)
    except Exception as exc:  # a network adapter's crash is a failed order, not a lost one
        order.status, order.detail = ProvisioningOrder.FAILED, str(exc)[:500]
    else:
        order.status = ProvisioningOrder.APPLIED if outcome.applied else ProvisioningOrder.FAILED
        order.detail = outcome.detail[:500]
    commit()
    return order.status


def retry_order(order: ProvisioningOrder) -> None:
    """Queue a failed order again; its status says it is being retried."""
    if order.status != ProvisioningOrder.FAILED:
        raise ValueError("only a failed order can be retried")
    order.status = ProvisioningOrder.RETRIED
    enqueue(push_order, order.id)
    commit()
