"""SFR call waiting behind the carrier scope (row-level security, PostgreSQL)

Revision ID: sfr_0002
Revises: sfr_0001
Create Date: 2027-01-12 09:05:00

"""
from backoffice.plugin import disable_row_security, enable_row_security

# revision identifiers, used by Alembic.
revision = 'sfr_0002'
down_revision = 'sfr_0001'
branch_labels = None
depends_on = None


def upgrade():
    enable_row_security('sfr_call_waiting')


def downgrade():
    disable_row_security('sfr_call_waiting')
