"""hunt groups and call queues with their members, pickup groups with theirs

Revision ID: 0013_groups
Revises: 0012_voicemail
Create Date: 2026-11-30 08:00:00
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0013_groups'
down_revision = '0012_voicemail'
branch_labels = None
depends_on = None

TABLES = ('hunt_group', 'hunt_group_member', 'pickup_group', 'pickup_group_member')


def upgrade():
    op.create_table(
        'hunt_group',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=False),
        sa.Column('distribution', sa.String(length=20), nullable=False),
        sa.Column('rings', sa.Integer(), nullable=True),
        sa.Column('wrap_up', sa.Integer(), nullable=True),
        sa.Column('max_calls', sa.Integer(), nullable=False),
        sa.Column('max_wait', sa.Integer(), nullable=True),
        sa.Column('overflow', sa.String(length=20), nullable=False),
        sa.Column('overflow_number', sa.String(length=24), nullable=True),
        sa.Column('options', sa.JSON(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_hunt_group_line_id_line')),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'],
                                name=op.f('fk_hunt_group_tenant_id_tenant')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hunt_group')),
        sa.UniqueConstraint('line_id', name=op.f('uq_hunt_group_line_id')),
    )
    op.create_index(op.f('ix_hunt_group_tenant_id'), 'hunt_group', ['tenant_id'])
    op.create_table(
        'hunt_group_member',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('present', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['hunt_group.id'],
                                name=op.f('fk_hunt_group_member_group_id_hunt_group')),
        sa.ForeignKeyConstraint(['line_id'], ['line.id'],
                                name=op.f('fk_hunt_group_member_line_id_line')),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'],
                                name=op.f('fk_hunt_group_member_tenant_id_tenant')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hunt_group_member')),
        sa.UniqueConstraint('group_id', 'line_id',
                            name=op.f('uq_hunt_group_member_group_id_line_id')),
    )
    for column in ('tenant_id', 'group_id', 'line_id'):
        op.create_index(op.f(f'ix_hunt_group_member_{column}'), 'hunt_group_member', [column])
    op.create_table(
        'pickup_group',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_pickup_group_site_id_site')),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'],
                                name=op.f('fk_pickup_group_tenant_id_tenant')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pickup_group')),
        sa.UniqueConstraint('tenant_id', 'name', name=op.f('uq_pickup_group_tenant_id_name')),
    )
    for column in ('tenant_id', 'site_id'):
        op.create_index(op.f(f'ix_pickup_group_{column}'), 'pickup_group', [column])
    op.create_table(
        'pickup_group_member',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['pickup_group.id'],
                                name=op.f('fk_pickup_group_member_group_id_pickup_group')),
        sa.ForeignKeyConstraint(['line_id'], ['line.id'],
                                name=op.f('fk_pickup_group_member_line_id_line')),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'],
                                name=op.f('fk_pickup_group_member_tenant_id_tenant')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pickup_group_member')),
        sa.UniqueConstraint('group_id', 'line_id',
                            name=op.f('uq_pickup_group_member_group_id_line_id')),
    )
    for column in ('tenant_id', 'group_id', 'line_id'):
        op.create_index(op.f(f'ix_pickup_group_member_{column}'), 'pickup_group_member',
                        [column])
    for table in TABLES:
        rowsecurity.enable(table)


def downgrade():
    for table in reversed(TABLES):
        rowsecurity.disable(table)
        op.drop_table(table)
