"""audio files of a tenant (greetings, announcements) and voicemail mailboxes

Revision ID: 0012_voicemail
Revises: 0009_line_import
Create Date: 2026-11-30 08:00:00
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0012_voicemail'
down_revision = '0009_line_import'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'audio_file',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('format', sa.String(length=10), nullable=False),
        sa.Column('duration_ms', sa.Integer(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('uploaded_by', sa.String(length=254), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    op.create_index('ix_audio_file_tenant_id', 'audio_file', ['tenant_id'])
    rowsecurity.enable('audio_file')


def downgrade():
    rowsecurity.disable('audio_file')
    op.drop_index('ix_audio_file_tenant_id', table_name='audio_file')
    op.drop_table('audio_file')
