"""faxes sent from the customers' fax numbers

Revision ID: 0019_faxes
Revises: 0017_conferences
Create Date: 2026-11-30 11:30:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0019_faxes'
down_revision = '0017_conferences'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('fax',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('sender_line_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('recipient_name', sa.String(length=120), nullable=False),
    sa.Column('recipient_company', sa.String(length=120), nullable=False),
    sa.Column('recipient_fax', sa.String(length=20), nullable=False),
    sa.Column('recipient_phone', sa.String(length=20), nullable=False),
    sa.Column('sender_name', sa.String(length=120), nullable=False),
    sa.Column('sender_company', sa.String(length=120), nullable=False),
    sa.Column('sender_fax', sa.String(length=20), nullable=False),
    sa.Column('sender_phone', sa.String(length=20), nullable=False),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('remember_subject', sa.Boolean(), nullable=False),
    sa.Column('remember_company', sa.Boolean(), nullable=False),
    sa.Column('hide_recipient_phone', sa.Boolean(), nullable=False),
    sa.Column('hide_sender_phone', sa.Boolean(), nullable=False),
    sa.Column('hide_sender_fax', sa.Boolean(), nullable=False),
    sa.Column('document_key', sa.String(length=200), nullable=False),
    sa.Column('document_name', sa.String(length=200), nullable=False),
    sa.Column('document_bytes', sa.Integer(), nullable=False),
    sa.Column('document_pages', sa.Integer(), nullable=False),
    sa.Column('confirmation_to', sa.String(length=254), nullable=True),
    sa.Column('sent_by', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_fax_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fax')),
    sa.UniqueConstraint('document_key', name=op.f('uq_fax_document_key'))
    )
    with op.batch_alter_table('fax', schema=None) as batch_op:
        batch_op.create_index('ix_fax_tenant_id_created_at', ['tenant_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_fax_sender_line_id'), ['sender_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fax_tenant_id'), ['tenant_id'], unique=False)
    rowsecurity.enable('fax')


def downgrade():
    rowsecurity.disable('fax')
    op.drop_table('fax')
