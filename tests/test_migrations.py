"""The migrations build exactly the schema the models describe; carriers declare theirs."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backoffice.core.carrier_plugin import CarrierPlugin
from backoffice.core.carriers import CarrierRegistry
from backoffice.core.declarations import Carrier
from backoffice.core.hookspecs import hookimpl
from backoffice.extensions import db
from tests.fifth_carrier import NordTel


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
