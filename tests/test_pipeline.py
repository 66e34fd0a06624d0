"""The change pipeline and its jobs: dispatched after commit only, statuses stored."""

import pytest
from rq import SimpleWorker
from sqlalchemy import select

from backoffice.core import jobs
from backoffice.core.changes import add_row
from backoffice.core.lines import create_line
from backoffice.core.models import ProvisioningOrder, Site
from backoffice.core.provisioning import retry_order
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db


def bell_line(tenant, number="514 555-0142"):
    return create_line(tenant, {"plan": "liaisons_sip", "number": number})


def line_order(line) -> ProvisioningOrder:
    return db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.object_id == line.id, ProvisioningOrder.object_type == "line")).one()


def test_add_row_adds_a_row_whose_fixed_fields_the_data_cannot_change(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    site = add_row(Site, tenant_id=tenant.id)({"name": "Siège", "tenant_id": tenant.id + 1})
    assert (site.name, site.tenant_id) == ("Siège", tenant.id)
    assert site in db.session.new


def test_a_job_queued_in_a_failed_transaction_is_never_dispatched(app):
    ran = []
    jobs.enqueue(ran.append, "first")
    db.session.rollback()
    jobs.commit()
    assert ran == []
    jobs.enqueue(ran.append, "second")
    jobs.commit()
    assert ran == ["second"]


def test_a_commit_that_fails_dispatches_nothing(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    ran = []
    db.session.add(type(tenant)(name=tenant.name, carrier_id="bell", locale="fr",
                                timezone="UTC"))  # breaks the unique (carrier, name)
    jobs.enqueue(ran.append, "never")
    with pytest.raises(Exception):  # noqa: B017 - the database's own integrity error
        jobs.commit()
    assert ran == []


def test_in_process_jobs_apply_the_order_after_commit(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    order = line_order(bell_line(tenant))
    assert (order.status, order.attempts, order.detail) == ("applied", 1, "Applied at once.")


def test_a_failed_order_is_retried_then_applied(make_app):
    app = make_app(SANDBOX_FAULTS={"line": 1})
    with app.app_context():
        tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
        order = line_order(bell_line(tenant))
        assert order.status == "failed"
        assert "did not answer" in order.detail
        retry_order(order)
        assert (order.status, order.attempts) == ("applied", 2)
        with pytest.raises(ValueError):
            retry_order(order)


def test_carrier_sandboxes_apply_orders_as_their_guides_say(app):
    sfr = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    mobile = create_line(sfr, {"plan": "mobile", "number": "06 17 30 64 73",
                               "associated_number": "04 83 05 01 90"})
    order = line_order(mobile)  # guide 004 §9.4.2: "dans un délai maximum d'1h"
    assert "within an hour at most" in order.detail
    assert order.status == "pending" and order.expected_at is not None
    cooptel = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    extension = create_line(cooptel, {"plan": "extension", "extension": "101"})
    assert "restart" in line_order(extension).detail


@pytest.mark.redis
def test_with_redis_an_rq_worker_applies_the_order(make_app, redis_url, tmp_path):
    queue_name = f"test-{tmp_path.name}"
    app = make_app(REDIS_URL=redis_url, RQ_QUEUE=queue_name)
    with app.app_context():
        tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
        order = line_order(bell_line(tenant))
        assert order.status == "pending"
        queue = jobs.rq_queue()
        assert queue.count == 1
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
        db.session.expire_all()
        assert (order.status, order.attempts) == ("applied", 1)
        queue.delete(delete_jobs=True)


def test_an_update_that_changes_nothing_is_neither_audited_nor_sent(app):
    from backoffice.core.lines import update_line
    from backoffice.core.models import AuditRecord

    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = bell_line(tenant)
    update_line(line, {"first_name": "Josée"})
    counts = (AuditRecord.query.count(), ProvisioningOrder.query.count(), line.version)
    update_line(line, {"first_name": "Josée", "number": "514 555-0142"})
    assert (AuditRecord.query.count(), ProvisioningOrder.query.count(), line.version) == counts
    update_line(line, {"first_name": "Josée-Anne"})
    assert AuditRecord.query.count() == counts[0] + 1
    assert ProvisioningOrder.query.count() == counts[1] + 1
