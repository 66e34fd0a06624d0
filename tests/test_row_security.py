"""The database as a second wall: on PostgreSQL, row-level security keeps another
carrier's rows from any SQL of a request, raw SQL included, whatever the ORM does."""

import pytest
from sqlalchemy import text

from backoffice.core import rowsecurity
from backoffice.core.tenancy import TenantScope, open_scope, system_scope
from backoffice.demo import load_demo
from backoffice.extensions import db

pytestmark = pytest.mark.postgres


def carriers_seen(sql: str) -> set[str]:
    return set(db.session.scalars(text(sql)))


LINE_CARRIERS = "SELECT DISTINCT t.carrier_id FROM line l JOIN tenant t ON t.id = l.tenant_id"


def test_every_tenant_owned_table_has_its_forced_policy(app):
    tables = ["tenant", *rowsecurity.tenant_owned_tables()]
    assert "sfr_call_waiting" in tables and "provisioning_order" in tables
    rows = db.session.execute(text(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
        "EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname "
        "AND p.policyname = :policy) FROM pg_class c WHERE c.relname = ANY(:tables)"),
        {"tables": tables, "policy": rowsecurity.POLICY}).all()
    assert sorted(rows) == sorted((table, True, True, True) for table in tables)


def test_the_app_connects_as_a_role_the_policies_apply_to(app):
    assert db.session.scalar(text(
        "SELECT NOT rolsuper AND NOT rolbypassrls FROM pg_roles WHERE rolname = current_user"))


@pytest.mark.parametrize("orm_wall", [True, False])
def test_raw_sql_of_a_request_reads_only_its_carriers_rows(make_app, orm_wall):
    app = make_app(TENANT_ORM_SCOPE=orm_wall)
    with app.app_context():
        load_demo()
        assert carriers_seen("SELECT carrier_id FROM tenant") == {"bell", "telus", "cooptel",
                                                                  "sfr"}
        with app.test_request_context():
            assert carriers_seen("SELECT carrier_id FROM tenant") == set()  # no scope yet
            open_scope(TenantScope.carriers("sfr"))
            assert carriers_seen("SELECT carrier_id FROM tenant") == {"sfr"}
            assert carriers_seen(LINE_CARRIERS) == {"sfr"}
            assert carriers_seen("SELECT DISTINCT t.carrier_id FROM provisioning_order o "
                                 "JOIN tenant t ON t.id = o.tenant_id") == {"sfr"}
            assert db.session.scalar(text("SELECT count(*) FROM sfr_call_waiting")) >= 0
            with db.engine.connect() as own:  # a connection of its own declares no scope
                assert own.scalar(text("SELECT count(*) FROM line")) == 0
            with system_scope():
                assert len(carriers_seen("SELECT carrier_id FROM tenant")) == 4
            assert carriers_seen("SELECT carrier_id FROM tenant") == {"sfr"}
            db.session.rollback()
        with app.test_request_context():
            open_scope(TenantScope.carriers("bell"))
            assert carriers_seen(LINE_CARRIERS) == {"bell"}
            updated = db.session.execute(text("UPDATE tenant SET name = name || ' x' "
                                              "WHERE carrier_id = 'sfr'")).rowcount
            assert updated == 0
            db.session.rollback()


def test_a_carrier_table_is_behind_the_wall(make_app):
    app = make_app()
    with app.app_context():
        load_demo()
        everything = db.session.scalar(text("SELECT count(*) FROM sfr_call_waiting"))
        assert everything > 0
        db.session.rollback()
        with app.test_request_context():
            open_scope(TenantScope.carriers("bell"))
            assert db.session.scalar(text("SELECT count(*) FROM sfr_call_waiting")) == 0
            db.session.rollback()
            open_scope(TenantScope.carriers("sfr"))
            assert db.session.scalar(text("SELECT count(*) FROM sfr_call_waiting")) == everything
            db.session.rollback()


def test_with_the_database_wall_off_raw_sql_is_left_to_the_orm_wall(make_app):
    app = make_app(TENANT_DB_SCOPE=False)
    with app.app_context():
        load_demo()
        with app.test_request_context():
            open_scope(TenantScope.carriers("sfr"))
            assert len(carriers_seen("SELECT carrier_id FROM tenant")) == 4
            db.session.rollback()


def test_every_owned_tables_policy_reads_the_tenants_by_carrier(app):
    """Migrations and ``rowsecurity.enable`` agree on every tenant-owned table, the
    carriers' included: its tenant subquery names the scope's carriers, which the tenant
    table's index serves (the tenant policy alone made PostgreSQL filter every tenant)."""
    tables = rowsecurity.tenant_owned_tables()
    conditions = dict(db.session.execute(text(
        "SELECT tablename, qual FROM pg_policies WHERE policyname = :policy "
        "AND tablename = ANY(:tables)"), {"policy": rowsecurity.POLICY, "tables": tables}).all())
    assert sorted(conditions) == sorted(tables)
    assert len(set(conditions.values())) == 1
    assert "WHERE ((tenant.carrier_id)::text = ANY (string_to_array(" \
        in next(iter(conditions.values()))
