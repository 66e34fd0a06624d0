"""address books: shared and personal books, who sees them, their contacts, and the
contacts shown on each phone

Revision ID: 0020_address_books
Revises: 0019_faxes
Create Date: 2026-11-30 11:30:00

"""
from alembic import op
import sqlalchemy as sa

from backoffice.core import rowsecurity

# revision identifiers, used by Alembic.
revision = '0020_address_books'
down_revision = '0019_faxes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('address_book',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('owner_line_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_line_id'], ['line.id'], name=op.f('fk_address_book_owner_line_id_line'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_address_book_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_address_book')),
    sa.UniqueConstraint('owner_line_id', name=op.f('uq_address_book_owner_line_id'))
    )
    with op.batch_alter_table('address_book', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_address_book_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('address_book_access',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('book_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['book_id'], ['address_book.id'], name=op.f('fk_address_book_access_book_id_address_book'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_address_book_access_line_id_line'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_address_book_access_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_address_book_access')),
    sa.UniqueConstraint('book_id', 'line_id', name=op.f('uq_address_book_access_book_id_line_id'))
    )
    with op.batch_alter_table('address_book_access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_address_book_access_book_id'), ['book_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_address_book_access_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_address_book_access_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('address_book_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('book_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=80), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['book_id'], ['address_book.id'], name=op.f('fk_address_book_contact_book_id_address_book'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_address_book_contact_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_address_book_contact'))
    )
    with op.batch_alter_table('address_book_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_address_book_contact_book_id'), ['book_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_address_book_contact_tenant_id'), ['tenant_id'], unique=False)
    op.create_table('phone_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('extension_line_id', sa.Integer(), nullable=True),
    sa.Column('favourite', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['address_book_contact.id'], name=op.f('fk_phone_contact_contact_id_address_book_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['extension_line_id'], ['line.id'], name=op.f('fk_phone_contact_extension_line_id_line'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['line_id'], ['line.id'], name=op.f('fk_phone_contact_line_id_line'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_phone_contact_tenant_id_tenant')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phone_contact')),
    sa.UniqueConstraint('line_id', 'position', name=op.f('uq_phone_contact_line_id_position'))
    )
    with op.batch_alter_table('phone_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phone_contact_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_phone_contact_extension_line_id'), ['extension_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_phone_contact_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_phone_contact_tenant_id'), ['tenant_id'], unique=False)
    rowsecurity.enable('address_book')
    rowsecurity.enable('address_book_access')
    rowsecurity.enable('address_book_contact')
    rowsecurity.enable('phone_contact')


def downgrade():
    rowsecurity.disable('phone_contact')
    rowsecurity.disable('address_book_contact')
    rowsecurity.disable('address_book_access')
    rowsecurity.disable('address_book')
    op.drop_table('phone_contact')
    op.drop_table('address_book_contact')
    op.drop_table('address_book_access')
    op.drop_table('address_book')
