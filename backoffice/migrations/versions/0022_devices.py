"""devices (phones and other hardware) and their programmable keys

Revision ID: 0022_devices
Revises: 0021_call_log
Create Date: 2026-11-30 11:40:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0022_devices'
down_revision = '0021_call_log'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('device',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('model', sa.String(length=60), nullable=True),
    sa.Column('mac', sa.String(length=12), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_device_line_id_line')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_device_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device')),
    sa.UniqueConstraint('line_id', name=op.f('uq_device_line_id'))
    )
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_device_mac'), ['mac'], unique=False)
        batch_op.create_index(batch_op.f('ix_device_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('device_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('label', sa.String(length=60), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['device.id'], name=op.f('fk_device_key_device_id_device')),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_device_key_line_id_line')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_device_key_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_key')),
    sa.UniqueConstraint('device_id', 'position', name=op.f('uq_device_key_device_id_position'))
    )
    with op.batch_alter_table('device_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_key_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_device_key_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_device_key_tenant_id'), ['tenant_id'], unique=False)
    rowsecurity.enable('device')
    rowsecurity.enable('device_key')


def downgrade():
    rowsecurity.disable('device_key')
    rowsecurity.disable('device')
    op.drop_table('device_key')
    op.drop_table('device')
