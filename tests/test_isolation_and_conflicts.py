"""Tenant isolation at the query level, stale edits, concurrent writers, immutable audit."""

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from backoffice.core.errors import EditConflict
from backoffice.core.lines import create_line, update_line
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant, TenantOwned
from backoffice.core.tenancy import TenantScope, UnscopedQuery, open_scope
from backoffice.core.tenants import create_tenant
from backoffice.demo import load_demo
from backoffice.extensions import db


@pytest.fixture
def two_carriers(app):
    bell = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    bell_line = create_line(bell, {"plan": "liaisons_sip", "number": "514 555-0142"})
    cooptel = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    cooptel_line = create_line(cooptel, {"plan": "extension", "extension": "101"})
    return bell, bell_line, cooptel, cooptel_line


def test_a_request_sees_only_its_carriers_tenant_data(app, two_carriers):
    bell, bell_line, cooptel, cooptel_line = two_carriers
    ids = bell.id, bell_line.id, cooptel.id, cooptel_line.id
    db.session.expunge_all()
    with app.test_request_context():
        open_scope(TenantScope.carriers("bell"))
        assert db.session.scalars(select(Tenant.name)).all() == ["Transports Laurentides"]
        assert db.session.get(Line, ids[1]) is not None
        assert db.session.get(Line, ids[3]) is None
        assert db.session.get(Tenant, ids[2]) is None
        for model in (AuditRecord, ProvisioningOrder):
            tenants = set(db.session.scalars(select(model.tenant_id)))
            assert tenants == {ids[0]}


def test_the_cached_scope_criteria_follow_each_requests_carrier(app, two_carriers):
    """The criteria are built once per carrier and their SQL cached: the same statements,
    run for one carrier then the other and back, each see only their own carrier."""
    bell, bell_line, cooptel, cooptel_line = two_carriers
    expected = {"bell": (bell.id, bell_line.id), "cooptel": (cooptel.id, cooptel_line.id)}
    db.session.expunge_all()
    for carrier in ("bell", "cooptel", "bell", "cooptel"):
        tenant_id, line_id = expected[carrier]
        with app.test_request_context():
            open_scope(TenantScope.carriers(carrier))
            assert db.session.scalars(select(Line.tenant_id)).all() == [tenant_id]
            assert db.session.scalars(select(Tenant.id)).all() == [tenant_id]
            line = db.session.get(Line, line_id)
            assert line is not None and line.tenant.id == tenant_id
            assert set(db.session.scalars(select(ProvisioningOrder.tenant_id))) == {tenant_id}
        db.session.remove()


def test_the_orm_wall_alone_filters_every_tenant_owned_model(make_app):
    """Without row-level security, the scope's one criterion on ``TenantOwned`` filters each
    tenant-owned model, selected directly or through an alias, to its carrier's rows."""
    app = make_app(TENANT_DB_SCOPE=False)
    with app.app_context():
        load_demo()
        carrier_of = dict(db.session.execute(select(Tenant.id, Tenant.carrier_id)).all())
        models = [mapper.class_ for mapper in db.Model.registry.mappers
                  if issubclass(mapper.class_, TenantOwned)]
        everyone = {model: set(db.session.scalars(select(model.tenant_id))) for model in models}
        assert sum(1 for tenants in everyone.values()
                   if {carrier_of[t] for t in tenants} - {"sfr"}) >= 10
        db.session.remove()
        with app.test_request_context():
            open_scope(TenantScope.carriers("sfr"))
            for model in models:
                own = {t for t in everyone[model] if carrier_of[t] == "sfr"}
                assert set(db.session.scalars(select(model.tenant_id))) == own, model.__name__
                alias = aliased(model)
                assert set(db.session.scalars(select(alias.tenant_id))) == own, model.__name__


def test_tenant_data_without_a_scope_fails_loudly_in_a_request(app, two_carriers):
    with app.test_request_context(), pytest.raises(UnscopedQuery):
        db.session.scalars(select(Line)).all()


def test_a_stale_version_is_refused_naming_who_changed_it(app, two_carriers):
    _, line, _, _ = two_carriers
    update_line(line, {"first_name": "Julie", "version": 1})
    with pytest.raises(EditConflict) as conflict:
        update_line(line, {"first_name": "Marc", "version": 1})
    assert conflict.value.actor == "system"
    assert "system" in conflict.value.localized()
    assert db.session.get(Line, line.id).first_name == "Julie"
    assert db.session.scalar(select(func.count()).select_from(AuditRecord).where(
        AuditRecord.action == "update")) == 1


def test_audit_records_cannot_be_edited_or_deleted(app, two_carriers):
    audit = db.session.scalars(select(AuditRecord)).first()
    audit.actor = "someone else"
    with pytest.raises(PermissionError):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.scalars(select(AuditRecord)).first())
    with pytest.raises(PermissionError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.postgres
def test_concurrent_writers_never_lose_an_update(make_app, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL")
    app = make_app()
    with app.app_context():
        tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
        line_id = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"}).id
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def writer(name: str) -> None:
        with app.app_context():
            line = db.session.get(Line, line_id)
            assert line.version == 1
            barrier.wait()  # both loaded version 1 before either writes
            try:
                update_line(line, {"first_name": name})
                outcomes[name] = "saved"
            except EditConflict as conflict:
                outcomes[name] = f"conflict:{conflict.actor}"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("Julie", "Marc")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["conflict:system", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    with app.app_context():
        line = db.session.get(Line, line_id)
        assert (line.first_name, line.version) == (winner, 2)
        updates = db.session.scalars(select(AuditRecord).where(
            AuditRecord.action == "update")).all()
        assert [audit.after["first_name"] for audit in updates] == [winner]


def test_every_model_with_a_tenant_id_is_isolated():
    """A model holding tenant data must be TenantOwned, or the scope would not filter it."""
    from backoffice.core.models import TenantOwned

    unscoped = [mapper.class_.__name__ for mapper in db.Model.registry.mappers
                if "tenant_id" in mapper.columns and not issubclass(mapper.class_, TenantOwned)]
    assert unscoped == []
