"""audio conferences and their participants

Revision ID: 0017_conferences
Revises: 0016_external_contacts
Create Date: 2026-11-30 08:20:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0017_conferences'
down_revision = '0016_external_contacts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('conference',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('room', sa.String(length=4), nullable=False),
    sa.Column('access_code', sa.String(length=4), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('recording', sa.Boolean(), nullable=False),
    sa.Column('email_report', sa.Boolean(), nullable=False),
    sa.Column('announce_participants', sa.Boolean(), nullable=False),
    sa.Column('web_broadcast', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_conference_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conference')),
    sa.UniqueConstraint('tenant_id', 'room', name=op.f('uq_conference_tenant_id_room'))
    )
    with op.batch_alter_table('conference', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conference_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('conference_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('conference_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conference_id'], ['conference.id'], name=op.f('fk_conference_participant_conference_id_conference')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_conference_participant_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conference_participant')),
    sa.UniqueConstraint('conference_id', 'email', name=op.f('uq_conference_participant_conference_id_email'))
    )
    with op.batch_alter_table('conference_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conference_participant_conference_id'), ['conference_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conference_participant_tenant_id'), ['tenant_id'], unique=False)
    rowsecurity.enable('conference')
    rowsecurity.enable('conference_participant')


def downgrade():
    rowsecurity.disable('conference_participant')
    rowsecurity.disable('conference')
    op.drop_table('conference_participant')
    op.drop_table('conference')
