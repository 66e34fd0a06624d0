"""SFR user-line announcements: greeting, hold, double call (table sfr_line_announcements)

Revision ID: sfr_0003
Revises: sfr_0002
Depends on: 0012_voicemail (audio_file; calendar comes before it)
Create Date: 2026-11-30 08:00:00

"""
import sqlalchemy as sa
from alembic import op

from backoffice.plugin import disable_row_security, enable_row_security

# revision identifiers, used by Alembic.
revision = 'sfr_0003'
down_revision = 'sfr_0002'
branch_labels = None
depends_on = '0012_voicemail'  # audio_file, and calendar before it


def upgrade():
    op.create_table('sfr_line_announcements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('greeting_enabled', sa.Boolean(), nullable=False),
    sa.Column('greeting_audio_id', sa.Integer(), nullable=True),
    sa.Column('greeting_interruptible', sa.Boolean(), nullable=False),
    sa.Column('greeting_calendar_id', sa.Integer(), nullable=True),
    sa.Column('hold_enabled', sa.Boolean(), nullable=False),
    sa.Column('hold_audio_id', sa.Integer(), nullable=True),
    sa.Column('double_call_enabled', sa.Boolean(), nullable=False),
    sa.Column('double_call_audio_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['double_call_audio_id'], ['audio_file.id'], name=op.f('fk_sfr_line_announcements_double_call_audio_id_audio_file')),
    sa.ForeignKeyConstraint(['greeting_audio_id'], ['audio_file.id'], name=op.f('fk_sfr_line_announcements_greeting_audio_id_audio_file')),
    sa.ForeignKeyConstraint(['greeting_calendar_id'], ['calendar.id'], name=op.f('fk_sfr_line_announcements_greeting_calendar_id_calendar')),
    sa.ForeignKeyConstraint(['hold_audio_id'], ['audio_file.id'], name=op.f('fk_sfr_line_announcements_hold_audio_id_audio_file')),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_sfr_line_announcements_line_id_line')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_sfr_line_announcements_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sfr_line_announcements')),
    sa.UniqueConstraint('line_id', name=op.f('uq_sfr_line_announcements_line_id'))
    )
    with op.batch_alter_table('sfr_line_announcements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sfr_line_announcements_greeting_calendar_id'), ['greeting_calendar_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sfr_line_announcements_tenant_id'), ['tenant_id'], unique=False)
    enable_row_security('sfr_line_announcements')


def downgrade():
    disable_row_security('sfr_line_announcements')
    op.drop_table('sfr_line_announcements')
