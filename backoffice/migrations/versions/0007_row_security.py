"""row-level security on tenant data (PostgreSQL): the database as a second wall

Revision ID: 0007_row_security
Revises: 0006_agent_session_version
Create Date: 2027-01-12 09:00:00

The tables come from the models' metadata: the tenant table and every TenantOwned table
that exists at this point (a carrier's tables created later enable it in their own
revision, see docs/plugins.md). Nothing on SQLite.
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0007_row_security'
down_revision = '0006_agent_session_version'
branch_labels = None
depends_on = None


def _tables() -> list[str]:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    return [t for t in ["tenant", *rowsecurity.tenant_owned_tables()] if t in existing]


def upgrade():
    for table in _tables():
        rowsecurity.enable(table)


def downgrade():
    for table in _tables():
        rowsecurity.disable(table)
