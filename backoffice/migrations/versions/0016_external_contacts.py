"""external contacts of the company directory

Revision ID: 0016_external_contacts
Revises: 0015_search_keys
Create Date: 2026-11-30 08:00:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0016_external_contacts'
down_revision = '0015_search_keys'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('external_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_external_contact_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_contact')),
    sa.UniqueConstraint('tenant_id', 'number', name=op.f('uq_external_contact_tenant_id_number'))
    )
    with op.batch_alter_table('external_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_contact_tenant_id'), ['tenant_id'], unique=False)
    rowsecurity.enable('external_contact')


def downgrade():
    rowsecurity.disable('external_contact')
    with op.batch_alter_table('external_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_external_contact_tenant_id'))
    op.drop_table('external_contact')
