"""line role: the user's role in the customer's own portal

Revision ID: 0005_line_role
Revises: 0004_blacklist
Create Date: 2026-11-30 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_line_role'
down_revision = '0004_blacklist'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table('line', schema=None) as batch_op:
        batch_op.drop_column('role')
