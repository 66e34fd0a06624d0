"""SFR offer (plans and options subscribed) and collaboration options of lines

Revision ID: sfr_0004
Revises: sfr_0003
Create Date: 2026-11-30 11:40:00

"""
import sqlalchemy as sa
from alembic import op

from backoffice.plugin import disable_row_security, enable_row_security

# revision identifiers, used by Alembic.
revision = 'sfr_0004'
down_revision = 'sfr_0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sfr_offer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('fixe', sa.Integer(), nullable=True),
    sa.Column('fixe_mobile', sa.Integer(), nullable=True),
    sa.Column('analogique', sa.Integer(), nullable=True),
    sa.Column('groupement', sa.Integer(), nullable=True),
    sa.Column('avi', sa.Integer(), nullable=True),
    sa.Column('collaboration', sa.Integer(), nullable=True),
    sa.Column('collaboration_premium', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_sfr_offer_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sfr_offer')),
    sa.UniqueConstraint('tenant_id', name=op.f('uq_sfr_offer_tenant_id'))
    )
    op.create_table('sfr_collaboration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('option', sa.String(length=40), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_sfr_collaboration_line_id_line')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_sfr_collaboration_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sfr_collaboration')),
    sa.UniqueConstraint('line_id', name=op.f('uq_sfr_collaboration_line_id'))
    )
    with op.batch_alter_table('sfr_collaboration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sfr_collaboration_tenant_id'), ['tenant_id'], unique=False)
    enable_row_security('sfr_offer')
    enable_row_security('sfr_collaboration')


def downgrade():
    disable_row_security('sfr_collaboration')
    disable_row_security('sfr_offer')
    op.drop_table('sfr_collaboration')
    op.drop_table('sfr_offer')
