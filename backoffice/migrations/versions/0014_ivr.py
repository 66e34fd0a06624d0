"""announcements, voice menus and their keys

Revision ID: 0014_ivr
Revises: 0013_groups
Create Date: 2026-11-30 07:40:00

"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0014_ivr'
down_revision = '0013_groups'  # after voicemail: announcements play its audio files
branch_labels = None
depends_on = None

TABLES = ("announcement", "ivr", "ivr_key")


def upgrade():
    op.create_table('announcement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('audio_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['audio_id'], ['audio_file.id'], name=op.f('fk_announcement_audio_id_audio_file')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_announcement_site_id_site')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_announcement_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_announcement')),
    sa.UniqueConstraint('tenant_id', 'site_id', 'name', name=op.f('uq_announcement_tenant_id_site_id_name'))
    )
    with op.batch_alter_table('announcement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_announcement_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_announcement_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('ivr',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=True),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('internal_number', sa.String(length=10), nullable=True),
    sa.Column('calendar_id', sa.Integer(), nullable=True),
    sa.Column('open_greeting_id', sa.Integer(), nullable=True),
    sa.Column('closed_greeting_id', sa.Integer(), nullable=True),
    sa.Column('no_input', sa.String(length=20), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['calendar_id'], ['calendar.id'], name=op.f('fk_ivr_calendar_id_calendar')),
    sa.ForeignKeyConstraint(['closed_greeting_id'], ['announcement.id'], name=op.f('fk_ivr_closed_greeting_id_announcement')),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_ivr_line_id_line')),
    sa.ForeignKeyConstraint(['open_greeting_id'], ['announcement.id'], name=op.f('fk_ivr_open_greeting_id_announcement')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_ivr_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ivr')),
    sa.UniqueConstraint('line_id', name=op.f('uq_ivr_line_id'))
    )
    with op.batch_alter_table('ivr', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ivr_calendar_id'), ['calendar_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ivr_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('ivr_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('ivr_id', sa.Integer(), nullable=False),
    sa.Column('hours', sa.String(length=10), nullable=False),
    sa.Column('path', sa.String(length=2), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('destination', sa.JSON(), nullable=True),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('greeting_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['greeting_id'], ['announcement.id'], name=op.f('fk_ivr_key_greeting_id_announcement')),
    sa.ForeignKeyConstraint(['ivr_id'], ['ivr.id'], name=op.f('fk_ivr_key_ivr_id_ivr')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_ivr_key_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ivr_key')),
    sa.UniqueConstraint('ivr_id', 'hours', 'path', name=op.f('uq_ivr_key_ivr_id_hours_path'))
    )
    with op.batch_alter_table('ivr_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ivr_key_ivr_id'), ['ivr_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ivr_key_tenant_id'), ['tenant_id'], unique=False)

    for table in TABLES:
        rowsecurity.enable(table)


def downgrade():
    for table in reversed(TABLES):
        rowsecurity.disable(table)
    op.drop_table('ivr_key')
    op.drop_table('ivr')
    op.drop_table('announcement')
