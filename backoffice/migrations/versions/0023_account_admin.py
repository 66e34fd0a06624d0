"""account administration: the automatic (non-physical) site, an order's expected time

Revision ID: 0023_account_admin
Revises: 0022_devices
Create Date: 2026-11-30 11:20:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0023_account_admin'
down_revision = '0022_devices'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.add_column(sa.Column('physical', sa.Boolean(), server_default=sa.text('true'),
                                      nullable=False))
    with op.batch_alter_table('provisioning_order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expected_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('provisioning_order', schema=None) as batch_op:
        batch_op.drop_column('expected_at')
    with op.batch_alter_table('site', schema=None) as batch_op:
        batch_op.drop_column('physical')
