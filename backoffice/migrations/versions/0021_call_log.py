"""call log records, its e-mail schedule, the mail outbox; held conferences and attendance;
the portal's logo and link

Revision ID: 0021_call_log
Revises: 0020_address_books
Create Date: 2026-11-30 11:40:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0021_call_log'
down_revision = '0020_address_books'
branch_labels = None
depends_on = None

TABLES = ('call_record', 'call_log_schedule', 'outgoing_mail', 'conference_session',
          'conference_attendance', 'tenant_appearance')


def upgrade():
    op.create_table('call_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('call_type', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('caller', sa.String(length=32), nullable=False),
    sa.Column('called', sa.String(length=32), nullable=False),
    sa.Column('extension', sa.String(length=20), nullable=True),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('blocked', sa.Boolean(), nullable=False),
    sa.Column('recorded', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_call_record_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_record'))
    )
    with op.batch_alter_table('call_record', schema=None) as batch_op:
        batch_op.create_index('ix_call_record_tenant_id_started_at', ['tenant_id', 'started_at'], unique=False)
    op.create_table('call_log_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('frequency', sa.String(length=10), nullable=False),
    sa.Column('weekday', sa.String(length=10), nullable=True),
    sa.Column('month_day', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_call_log_schedule_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_log_schedule')),
    sa.UniqueConstraint('tenant_id', name=op.f('uq_call_log_schedule_tenant_id'))
    )
    op.create_table('outgoing_mail',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('attachment_name', sa.String(length=120), nullable=True),
    sa.Column('attachment', sa.Text(), nullable=True),
    sa.Column('reference', sa.String(length=80), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_outgoing_mail_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_mail')),
    sa.UniqueConstraint('tenant_id', 'reference', name=op.f('uq_outgoing_mail_tenant_id_reference'))
    )
    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outgoing_mail_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('conference_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=False),
    sa.Column('recording_seconds', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], name=op.f('fk_conference_session_conference_id_conference')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_conference_session_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conference_session'))
    )
    with op.batch_alter_table('conference_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conference_session_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conference_session_ended_at'), ['ended_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_conference_session_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('conference_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.Column('left_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['conference_session.id'], name=op.f('fk_conference_attendance_session_id_conference_session')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_conference_attendance_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conference_attendance'))
    )
    with op.batch_alter_table('conference_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conference_attendance_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conference_attendance_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('tenant_appearance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('logo_key', sa.String(length=200), nullable=True),
    sa.Column('logo_format', sa.String(length=10), nullable=True),
    sa.Column('logo_width', sa.Integer(), nullable=True),
    sa.Column('logo_height', sa.Integer(), nullable=True),
    sa.Column('link_url', sa.String(length=500), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_tenant_appearance_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant_appearance')),
    sa.UniqueConstraint('tenant_id', name=op.f('uq_tenant_appearance_tenant_id'))
    )
    for table in TABLES:
        rowsecurity.enable(table)


def downgrade():
    for table in reversed(TABLES):
        rowsecurity.disable(table)
    op.drop_table('tenant_appearance')
    op.drop_table('conference_attendance')
    op.drop_table('conference_session')
    op.drop_table('outgoing_mail')
    op.drop_table('call_log_schedule')
    op.drop_table('call_record')
