"""A real ``backoffice worker`` killed with SIGKILL mid-drain loses no order: after the
restart (which sweeps the orders whose job died with the worker) every order ends applied,
or failed with a reason, and none was applied twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backoffice.core import jobs
from backoffice.core.lines import create_line
from backoffice.core.models import ProvisioningOrder
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db

ORDERS = 30
KILLS = 3
DELAY = 0.1  # seconds per order in the sandbox: most of a worker's time is inside a job
DEADLINE = 60.0


def applied() -> int:
    db.session.rollback()  # a fresh transaction sees the worker's commits
    return db.session.scalar(select(func.count()).select_from(ProvisioningOrder).where(
        ProvisioningOrder.status == ProvisioningOrder.APPLIED))


def start_worker(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen:
    command = Path(sys.executable).with_name("backoffice")
    return subprocess.Popen([str(command), "worker", *args], env=env, stdout=log.open("a"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def wait_until(condition, what: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert proc.poll() is None, f"the worker exited ({proc.returncode}) before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


@pytest.mark.redis
def test_a_worker_killed_mid_drain_loses_no_order(make_app, database_url, redis_url, tmp_path):
    queue_name = f"test-kill-{tmp_path.name}"
    app = make_app(REDIS_URL=redis_url, RQ_QUEUE=queue_name)
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url,
           "RQ_QUEUE": queue_name, "SANDBOX_DELAY": str(DELAY), "SECRET_KEY": "test",
           "PROVISIONING_SWEEP_AFTER": "3600"}
    log = tmp_path / "worker.log"
    with app.app_context():
        queue = jobs.rq_queue()
        try:
            tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
            for n in range(ORDERS):
                create_line(tenant, {"plan": "liaisons_sip", "number": f"514 555-{n:04d}"})
            assert queue.count == ORDERS
            killed_mid_job = 0
            for _ in range(KILLS):
                worker = start_worker(env, log)
                try:
                    target = applied() + 3
                    wait_until(lambda target=target: applied() >= target,
                               "some orders applied", worker)
                    time.sleep(DELAY / 3)  # into the next order's job
                finally:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait(timeout=10)
                killed_mid_job += bool(queue.started_job_registry.get_job_ids())
            assert applied() < ORDERS, "the queue drained before the last kill: slow it down"
            assert killed_mid_job >= 1, "no kill landed inside a job"

            # The restart sweeps every order still waiting (their jobs died), then drains.
            env["PROVISIONING_SWEEP_AFTER"] = "0"
            worker = start_worker(env, log, "--burst")
            try:
                assert worker.wait(timeout=DEADLINE) == 0, log.read_text()
            finally:
                if worker.poll() is None:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
            db.session.rollback()
            orders = db.session.scalars(select(ProvisioningOrder)).all()
            assert len(orders) == ORDERS
            lost = [o.id for o in orders if o.status not in ("applied", "failed")
                    or (o.status == "failed" and not o.detail)]
            assert lost == [], log.read_text()
            assert {o.attempts for o in orders if o.status == "applied"} == {1}
            print(f"kills survived: {KILLS} ({killed_mid_job} inside a job), "
                  f"orders: {ORDERS}, lost: {len(lost)}")
        finally:
            registries = (queue.started_job_registry, queue.finished_job_registry,
                          queue.failed_job_registry)
            queue.delete(delete_jobs=True)
            queue.connection.delete(*(registry.key for registry in registries))
