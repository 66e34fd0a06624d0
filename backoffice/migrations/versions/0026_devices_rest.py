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
    op.add_column('device', sa.Column('sip_username', sa.String(length=64), nullable=True))
    op.add_column('device', sa.Column('sip_password', sa.String(length=64), nullable=True))
    op.create_index(op.f('ix_device_sip_username'), 'device', ['sip_username'], unique=True)
    # Not on SQLite (a development database): dropping the constraint copies the table,
    # which loses the line table's expression indexes; there a line keeps one device of
    # any kind, so one softphone at most.
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint('uq_device_line_id', 'device', type_='unique')
        op.create_index('uq_device_line_hardware', 'device', ['line_id'], unique=True,
                        postgresql_where=HARDWARE)


def downgrade():
    op.execute("DELETE FROM device_key WHERE device_id IN "
               "(SELECT id FROM device WHERE kind = 'softphone')")
    op.execute("DELETE FROM device WHERE kind = 'softphone'")
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_index('uq_device_line_hardware', table_name='device',
                      postgresql_where=HARDWARE)
        op.create_unique_constraint('uq_device_line_id', 'device', ['line_id'])
    op.drop_index(op.f('ix_device_sip_username'), table_name='device')
    op.drop_column('device', 'sip_password')
    op.drop_column('device', 'sip_username')
