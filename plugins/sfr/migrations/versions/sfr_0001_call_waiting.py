"""SFR call waiting: one switch per line (table sfr_call_waiting)

Revision ID: sfr_0001
Revises:
Depends on: 0001_core (tenant and line)
Create Date: 2026-11-30 04:26:00.902695

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'sfr_0001'
down_revision = None
branch_labels = ('sfr',)
depends_on = '0001_core'


def upgrade():
    op.create_table('sfr_call_waiting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_sfr_call_waiting_line_id_line')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_sfr_call_waiting_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sfr_call_waiting')),
    sa.UniqueConstraint('line_id', name=op.f('uq_sfr_call_waiting_line_id'))
    )
    with op.batch_alter_table('sfr_call_waiting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sfr_call_waiting_tenant_id'), ['tenant_id'], unique=False)


def downgrade():
    with op.batch_alter_table('sfr_call_waiting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sfr_call_waiting_tenant_id'))

    op.drop_table('sfr_call_waiting')
