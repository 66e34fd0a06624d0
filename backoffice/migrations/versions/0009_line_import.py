"""bulk imports of lines: rows, progress and per-row report

Revision ID: 0009_line_import
Revises: 0008_spec_results
Create Date: 2027-02-02 09:00:00
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0009_line_import'
down_revision = '0008_spec_results'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'line_import',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('actor', sa.String(length=254), nullable=False),
        sa.Column('request_id', sa.String(length=64), nullable=True),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('done', sa.Integer(), nullable=False),
        sa.Column('rows', sa.JSON(), nullable=False),
        sa.Column('report', sa.JSON(), nullable=False),
        sa.Column('audit_id', sa.Integer(), nullable=True),
        sa.Column('detail', sa.String(length=500), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['audit_id'], ['audit_record.id']),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_line_import_tenant_id', 'line_import', ['tenant_id'])
    rowsecurity.enable('line_import')


def downgrade():
    rowsecurity.disable('line_import')
    op.drop_index('ix_line_import_tenant_id', table_name='line_import')
    op.drop_table('line_import')
