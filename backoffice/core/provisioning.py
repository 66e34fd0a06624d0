"""Provisioning orders: created with each change, pushed by a job, never left pending.

An order is pushed by a job after its change commits. A job that raises is retried by rq
and each failure is recorded on the order (:func:`push_failed`); an order whose job was
lost altogether (worker killed, Redis restarted) is queued again by :func:`sweep_stalled`
(run by ``backoffice worker`` and ``backoffice sweep``); an agent can send again any order
not applied yet. Pushing an order twice is harmless: the networks are idempotent per order.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import and_, or_, select

from backoffice.core.carriers import registry
from backoffice.core.jobs import commit, enqueue
from backoffice.core.models import AuditRecord, ProvisioningOrder, Tenant, utcnow
from backoffice.core.network import Network
from backoffice.extensions import db

#: Orders pending longer than this (seconds, ``PROVISIONING_SWEEP_AFTER``) are re-queued.
SWEEP_AFTER = 600
WAITING = (ProvisioningOrder.PENDING, ProvisioningOrder.RETRIED)


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
    _queue(order)
    return order


def _queue(order: ProvisioningOrder) -> None:
    enqueue(push_order, order.id, on_failure=push_failed)


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
        if outcome.applied:
            order.status, order.expected_at = ProvisioningOrder.APPLIED, None
        elif outcome.expected_at is not None:  # accepted, effective later: still pending
            order.status, order.expected_at = ProvisioningOrder.PENDING, outcome.expected_at
        else:
            order.status = ProvisioningOrder.FAILED
        order.detail = outcome.detail[:500]
    commit()
    return order.status


PUSH_BATCH = 100
"""The most orders one :func:`push_orders` job pushes (a bulk import's, one per line)."""


class OrdersNotPushed(Exception):
    """Some orders of a :func:`push_orders` job could not be pushed; rq tries again."""


def push_orders(order_ids: list[int]) -> str:
    """Job: push many orders one after the other, each as :func:`push_order` alone.

    One order that cannot be pushed (its job would have raised) keeps the reason and does
    not hold the others back; the job then fails so that rq tries again, and the orders
    already applied are skipped.
    """
    failed: list[str] = []
    for order_id in order_ids:
        try:
            push_order(order_id)
        except Exception as exc:  # noqa: BLE001 - recorded on its order, retried with the job
            db.session.rollback()
            failed.append(f"{type(exc).__name__}: {exc}")
            push_failed((order_id,), failed[-1], False)
    if failed:
        raise OrdersNotPushed(f"{failed[0]} ({len(failed)} of {len(order_ids)} orders)")
    return "pushed"


def push_orders_failed(args: tuple[Any, ...], reason: str, final: bool) -> None:
    """Failure handler of :func:`push_orders` jobs: each order not applied records why."""
    for order_id in args[0]:
        push_failed((order_id,), reason, final)


def queue_orders(order_ids: list[int]) -> None:
    """Push these orders once the transaction commits, :data:`PUSH_BATCH` per job."""
    for start in range(0, len(order_ids), PUSH_BATCH):
        enqueue(push_orders, order_ids[start:start + PUSH_BATCH],
                on_failure=push_orders_failed)


def push_failed(args: tuple[Any, ...], reason: str, final: bool) -> None:
    """Failure handler of :func:`push_order` jobs: record why on the order.

    When rq gives up the order is failed (an agent may retry it); before that it stays
    waiting, with the reason of the last failed attempt.
    """
    order = db.session.get(ProvisioningOrder, args[0])
    if order is None or order.status == ProvisioningOrder.APPLIED:
        return
    order.detail = reason[:500]
    if final:
        order.status = ProvisioningOrder.FAILED
    db.session.commit()


def retry_order(order: ProvisioningOrder) -> None:
    """Queue an order again, unless it is applied; its status says it is being retried."""
    if order.status == ProvisioningOrder.APPLIED:
        raise ValueError("an applied order cannot be retried")
    order.status = ProvisioningOrder.RETRIED
    order.updated_at = utcnow()
    _queue(order)
    commit()


def sweep_stalled(older_than: float | None = None) -> list[int]:
    """Queue again every order waiting longer than ``older_than`` seconds (default:
    ``PROVISIONING_SWEEP_AFTER``); returns their ids. Run outside requests (system view)."""
    if older_than is None:
        older_than = float(current_app.config.get("PROVISIONING_SWEEP_AFTER", SWEEP_AFTER))
    now = utcnow()
    cutoff = now - timedelta(seconds=older_than)
    # An order the network said takes effect later waits for that time, then goes again.
    stalled = list(db.session.scalars(
        select(ProvisioningOrder).where(
            ProvisioningOrder.status.in_(WAITING),
            or_(and_(ProvisioningOrder.expected_at.is_(None),
                     ProvisioningOrder.updated_at <= cutoff),
                ProvisioningOrder.expected_at <= now))
        .order_by(ProvisioningOrder.id)))
    for order in stalled:
        order.updated_at = utcnow()  # not swept again before another period
        _queue(order)
    commit()
    return [order.id for order in stalled]
