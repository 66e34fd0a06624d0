"""audio files of a tenant (greetings, announcements) and voicemail mailboxes

Revision ID: 0012_voicemail
Revises: 0011_calling_options
Create Date: 2026-11-30 08:00:00
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0012_voicemail'
down_revision = '0011_calling_options'
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
    op.create_table(
        'voicemail_box',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=False),
        sa.Column('enabled', sa.Boolean(), nullable=False),
        sa.Column('greeting', sa.String(length=10), nullable=False),
        sa.Column('greeting_audio_id', sa.Integer(), nullable=True),
        sa.Column('notification', sa.String(length=10), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('email_only', sa.Boolean(), nullable=False),
        sa.Column('max_message_seconds', sa.Integer(), nullable=True),
        sa.Column('recorded_greeting_seconds', sa.Integer(), nullable=True),
        sa.Column('options', sa.JSON(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['greeting_audio_id'], ['audio_file.id']),
        sa.ForeignKeyConstraint(['line_id'], ['line.id']),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('line_id'),
    )
    op.create_index('ix_voicemail_box_tenant_id', 'voicemail_box', ['tenant_id'])
    rowsecurity.enable('voicemail_box')
    op.create_table(
        'voicemail_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('mailbox_id', sa.Integer(), nullable=False),
        sa.Column('seconds', sa.Integer(), nullable=False),
        sa.Column('left_at', sa.DateTime(), nullable=False),
        sa.Column('archived', sa.Boolean(), nullable=False),
        sa.Column('caller', sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(['mailbox_id'], ['voicemail_box.id']),
        sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_voicemail_message_tenant_id', 'voicemail_message', ['tenant_id'])
    op.create_index('ix_voicemail_message_mailbox_id_left_at', 'voicemail_message',
                    ['mailbox_id', 'left_at'])
    rowsecurity.enable('voicemail_message')


def downgrade():
    for table in ('voicemail_message', 'voicemail_box'):
        rowsecurity.disable(table)
    op.drop_index('ix_voicemail_message_mailbox_id_left_at', table_name='voicemail_message')
    op.drop_index('ix_voicemail_message_tenant_id', table_name='voicemail_message')
    op.drop_table('voicemail_message')
    op.drop_index('ix_voicemail_box_tenant_id', table_name='voicemail_box')
    op.drop_table('voicemail_box')
    rowsecurity.disable('audio_file')
    op.drop_index('ix_audio_file_tenant_id', table_name='audio_file')
    op.drop_table('audio_file')
