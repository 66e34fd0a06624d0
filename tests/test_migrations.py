"""The migrations build exactly the schema the models describe, core's and each carrier's."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from backoffice import create_app
from backoffice.core.carrier_plugin import CarrierPlugin
from backoffice.core.carriers import CarrierRegistry, registry
from backoffice.core.declarations import Carrier
from backoffice.core.hookspecs import hookimpl
from backoffice.extensions import db, migrate
from tests.fifth_carrier import NordTel

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_models_and_migrations_agree(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    if db.engine.dialect.name == "sqlite":  # SQLite cannot reflect expression indexes
        differences = [d for d in differences
                       if not (d[0] == "add_index" and d[1].expressions[0] is not None
                               and "lower(" in str(d[1].expressions[0]))]
    assert differences == []


class TabledCarrier(CarrierPlugin):
    migrations = "/carriers/tabled/migrations/versions"

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="tabled", name="Tabled", country="FR", default_locale="fr",
                       timezone="Europe/Paris")


def test_the_registry_keeps_the_folders_carriers_declare():
    assert TabledCarrier().carrier_migrations() == TabledCarrier.migrations
    carriers = CarrierRegistry([TabledCarrier(), NordTel()], entry_points=False)
    assert carriers["tabled"].migrations == TabledCarrier.migrations
    assert carriers["nordtel"].migrations is None
    assert carriers.migration_folders == [TabledCarrier.migrations]


def test_a_carrier_declares_where_its_revisions_live(app):
    sfr_versions = ROOT / "plugins" / "sfr" / "migrations" / "versions"
    assert registry().hook("sfr").carrier_migrations() == [str(sfr_versions)]
    assert registry()["sfr"].migrations == str(sfr_versions)
    assert registry()["bell"].migrations is None
    telus_versions = ROOT / "plugins" / "telus" / "migrations" / "versions"
    locations = migrate.get_config().get_version_locations_list()
    assert locations[0] == str(ROOT / "backoffice" / "migrations" / "versions")
    assert sorted(locations[1:]) == sorted([str(sfr_versions), str(telus_versions)])


def test_db_upgrade_applies_core_and_every_carrier(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "REDIS_URL": None,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        script = ScriptDirectory.from_config(migrate.get_config())
        heads = {script.get_revision(f"{branch}@head").revision
                 for branch in ("core", "sfr", "telus")}
        with db.engine.connect() as conn:
            applied = set(conn.scalars(sa.text("SELECT version_num FROM alembic_version")))
            tables = sa.inspect(conn).get_table_names()
        db.engine.dispose()
    assert applied == heads == set(script.get_heads())
    assert {"sfr_call_waiting", "telus_company_caller_name"} <= set(tables)
