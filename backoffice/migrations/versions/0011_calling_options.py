"""calling options of lines and tenants: caller ID, do not disturb, call permissions...

Revision ID: 0011_calling_options
Revises: 0010_e911_ptt
Create Date: 2026-11-30 08:00:00
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0011_calling_options'
down_revision = '0010_e911_ptt'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'calling_option',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=True),
        sa.Column('feature', sa.String(length=60), nullable=False),
        sa.Column('values', sa.JSON(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['line_id'], ['line.id']),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('tenant_id', 'line_id', 'feature'),
    )
    op.create_index('ix_calling_option_tenant_id', 'calling_option', ['tenant_id'])
    op.create_index('ix_calling_option_line_id', 'calling_option', ['line_id'])
    rowsecurity.enable('calling_option')


def downgrade():
    rowsecurity.disable('calling_option')
    op.drop_index('ix_calling_option_line_id', table_name='calling_option')
    op.drop_index('ix_calling_option_tenant_id', table_name='calling_option')
    op.drop_table('calling_option')
