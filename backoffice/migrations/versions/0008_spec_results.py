"""spec results: the last cucumber report of the test run, for the living specifications

Revision ID: 0008_spec_results
Revises: 0007_row_security
Create Date: 2027-01-20 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008_spec_results'
down_revision = '0007_row_security'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'spec_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.Column('reported_at', sa.DateTime(), nullable=False),
        sa.Column('commit', sa.String(length=64), nullable=False),
        sa.Column('digests', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'spec_result',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('uri', sa.String(length=255), nullable=False),
        sa.Column('line', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('failed_step', sa.Text(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('examples', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['run_id'], ['spec_run.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_spec_result_run_id', 'spec_result', ['run_id'])


def downgrade():
    op.drop_index('ix_spec_result_run_id', table_name='spec_result')
    op.drop_table('spec_result')
    op.drop_table('spec_run')
