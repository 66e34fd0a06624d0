"""TELUS company caller name (table telus_company_caller_name)

Revision ID: telus_0001
Revises:
Depends on: 0001_core (tenant)
Create Date: 2026-11-30 08:25:00

"""
import sqlalchemy as sa
from alembic import op

from backoffice.plugin import disable_row_security, enable_row_security

# revision identifiers, used by Alembic.
revision = 'telus_0001'
down_revision = None
branch_labels = ('telus',)
depends_on = '0001_core'


def upgrade():
    op.create_table('telus_company_caller_name',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('caller_name', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_telus_company_caller_name_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_telus_company_caller_name')),
    sa.UniqueConstraint('tenant_id', name=op.f('uq_telus_company_caller_name_tenant_id'))
    )
    enable_row_security('telus_company_caller_name')


def downgrade():
    disable_row_security('telus_company_caller_name')
    op.drop_table('telus_company_caller_name')
