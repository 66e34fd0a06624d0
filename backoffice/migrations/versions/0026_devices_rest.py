"""softphones: a device of kind "softphone" on an extension, with its SIP account

A line keeps one hardware device at most, but may have several softphones (guide 003 §13:
"autant de comptes SIP que de téléphones logiciels"): the unique constraint on line_id
becomes a partial unique index that leaves softphones out.

Revision ID: 0026_devices_rest
Revises: 0024_users_numbers
Create Date: 2026-11-30 15:30:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '0026_devices_rest'
down_revision = '0024_users_numbers'
branch_labels = None
depends_on = None

HARDWARE = sa.text("kind IS DISTINCT FROM 'softphone'")


def upgrade():
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sip_username', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('sip_password', sa.String(length=64), nullable=True))
        batch_op.drop_constraint('uq_device_line_id', type_='unique')
        batch_op.create_index('uq_device_line_hardware', ['line_id'], unique=True,
                              postgresql_where=HARDWARE)
        batch_op.create_index(batch_op.f('ix_device_sip_username'), ['sip_username'],
                              unique=True)


def downgrade():
    op.execute("DELETE FROM device_key WHERE device_id IN "
               "(SELECT id FROM device WHERE kind = 'softphone')")
    op.execute("DELETE FROM device WHERE kind = 'softphone'")
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_device_sip_username'))
        batch_op.drop_index('uq_device_line_hardware', postgresql_where=HARDWARE)
        batch_op.create_unique_constraint('uq_device_line_id', ['line_id'])
        batch_op.drop_column('sip_password')
        batch_op.drop_column('sip_username')
