"""The migrations build exactly the schema the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backoffice.extensions import db


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
