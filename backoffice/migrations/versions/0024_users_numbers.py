"""the customer's users (who hold lines) and the company's numbers

Revision ID: 0024_users_numbers
Revises: 0023_account_admin
Create Date: 2026-11-30 11:30:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0024_users_numbers'
down_revision = '0023_account_admin'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('tenant_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=80), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('department', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_tenant_user_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant_user'))
    )
    with op.batch_alter_table('tenant_user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenant_user_tenant_id'), ['tenant_id'], unique=False)
    op.create_index('uq_tenant_user_tenant_id_email', 'tenant_user',
                    ['tenant_id', sa.text('lower(email)')], unique=True)
    rowsecurity.enable('tenant_user')

    op.create_table('company_number',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('route', sa.String(length=20), nullable=False),
    sa.Column('extension', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_company_number_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_number')),
    sa.UniqueConstraint('tenant_id', 'number', name=op.f('uq_company_number_tenant_id_number'))
    )
    with op.batch_alter_table('company_number', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_company_number_tenant_id'), ['tenant_id'], unique=False)
    rowsecurity.enable('company_number')

    # Not a batch: on SQLite it would copy the line table and lose its expression indexes;
    # there (a development database) the column goes without its foreign key.
    op.add_column('line', sa.Column('user_id', sa.Integer(), nullable=True))
    if op.get_bind().dialect.name != 'sqlite':
        op.create_foreign_key(op.f('fk_line_user_id_tenant_user'), 'line', 'tenant_user',
                              ['user_id'], ['id'], ondelete='SET NULL')
    op.create_index(op.f('ix_line_user_id'), 'line', ['user_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_line_user_id'), table_name='line')
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint(op.f('fk_line_user_id_tenant_user'), 'line', type_='foreignkey')
    op.drop_column('line', 'user_id')
    rowsecurity.disable('company_number')
    with op.batch_alter_table('company_number', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_company_number_tenant_id'))
    op.drop_table('company_number')
    rowsecurity.disable('tenant_user')
    op.drop_index('uq_tenant_user_tenant_id_email', table_name='tenant_user')
    with op.batch_alter_table('tenant_user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenant_user_tenant_id'))
    op.drop_table('tenant_user')
