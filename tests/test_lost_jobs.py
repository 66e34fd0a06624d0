"""Provisioning that survives a crash: rq retries and failure callbacks record every failed
attempt, the sweep queues again orders whose job was lost, agents retry any order not
applied, and applying an order twice is harmless."""

import re
from datetime import timedelta

import pytest
from rq import SimpleWorker
from sqlalchemy import select

from backoffice.core import jobs, provisioning
from backoffice.core.lines import create_line
from backoffice.core.models import ProvisioningOrder, utcnow
from backoffice.core.provisioning import push_order, retry_order, sweep_stalled
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db
from backoffice.testing.auth import signed_in_client


def new_order(number: str = "514 555-0142") -> ProvisioningOrder:
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = create_line(tenant, {"plan": "liaisons_sip", "number": number})
    return db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.object_id == line.id, ProvisioningOrder.object_type == "line")).one()


def lose_job(order: ProvisioningOrder, minutes: int = 30) -> None:
    """The order waits, as if its job had vanished with a killed worker or a reset Redis."""
    order.status = ProvisioningOrder.PENDING
    order.updated_at = utcnow() - timedelta(minutes=minutes)
    db.session.commit()


def crash(order_id: int) -> str:
    raise ConnectionError("database went away")


@pytest.fixture
def rq_app(make_app, redis_url, tmp_path):
    app = make_app(REDIS_URL=redis_url, RQ_QUEUE=f"test-{tmp_path.name}",
                   JOB_RETRY_INTERVALS=[0])
    with app.app_context():
        yield app
        jobs.rq_queue().delete(delete_jobs=True)


def drain() -> None:
    queue = jobs.rq_queue()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    db.session.expire_all()


@pytest.mark.redis
def test_a_job_that_raises_is_retried_then_failed_with_its_reason(rq_app, monkeypatch):
    order = new_order()
    job = jobs.rq_queue().jobs[0]
    assert (job.retries_left, job.meta["on_failure"]) == (
        1, "backoffice.core.provisioning.push_failed")
    monkeypatch.setattr(provisioning, "push_order", crash)
    drain()
    assert order.status == "failed"
    assert order.detail == "ConnectionError: database went away"


@pytest.mark.redis
def test_a_failed_attempt_with_retries_left_keeps_the_order_waiting(rq_app, monkeypatch):
    order = new_order()
    calls = []

    def crash_once(order_id: int) -> str:
        calls.append(order_id)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        return push_order(order_id)

    monkeypatch.setattr(provisioning, "push_order", crash_once)
    drain()
    assert len(calls) == 2
    assert (order.status, order.attempts) == ("applied", 1)


@pytest.mark.redis
def test_the_sweep_queues_again_an_order_whose_job_was_lost(rq_app):
    order = new_order()
    jobs.rq_queue().empty()  # Redis restarted without its data
    lose_job(order)
    assert sweep_stalled(older_than=60) == [order.id]
    assert sweep_stalled(older_than=60) == []  # not twice in one period
    drain()
    assert (order.status, order.attempts) == ("applied", 1)


def test_the_sweep_leaves_recent_and_finished_orders_alone(app):
    order = new_order()
    assert order.status == "applied"
    assert sweep_stalled(older_than=0) == []
    lose_job(order, minutes=1)
    assert sweep_stalled(older_than=600) == []
    assert sweep_stalled(older_than=30) == [order.id]
    assert order.status == "applied"


def test_the_sweep_command_reports_what_it_queued(app):
    order = new_order()
    lose_job(order)
    result = app.test_cli_runner().invoke(args=["sweep", "--older-than", "60"])
    assert result.exit_code == 0, result.output
    assert "1 waiting order(s) queued again" in result.output
    db.session.expire_all()
    assert order.status == "applied"


def test_in_process_a_job_that_raises_fails_its_order_with_the_reason(app, monkeypatch):
    monkeypatch.setattr(provisioning, "network_for", lambda carrier: None)
    order = new_order()
    assert order.status == "failed" and "NoneType" in order.detail
    monkeypatch.undo()
    monkeypatch.setattr(provisioning, "push_order", crash)
    retry_order(order)
    db.session.expire_all()
    assert (order.status, order.detail) == ("failed", "ConnectionError: database went away")


def test_applying_an_order_twice_is_harmless(app):
    order = new_order()
    assert push_order(order.id) == "skipped"
    order.status = ProvisioningOrder.PENDING
    db.session.commit()
    assert push_order(order.id) == "applied"
    assert order.attempts == 2


def test_an_agent_retries_any_order_not_applied(app):
    order = new_order()
    lose_job(order)
    client = signed_in_client(app, "support_agent", "bell")
    page = client.get(f"/tenants/{order.tenant_id}/lines/{order.line_id}")
    assert f"/orders/{order.id}/retry" in page.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post(f"/tenants/{order.tenant_id}/orders/{order.id}/retry",
                           data={"csrf_token": csrf})
    assert response.status_code == 302
    db.session.expire_all()
    assert (order.status, order.attempts) == ("applied", 2)
    refused = client.post(f"/api/v1/tenants/{order.tenant_id}/orders/{order.id}/retry",
                          headers={"X-CSRFToken": csrf})
    assert refused.status_code == 409 and refused.json["code"] == "order.status.not_failed"
