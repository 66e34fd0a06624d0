"""search keys: a line's number reversed, names folded without accents (issue #12)

Revision ID: 0015_search_keys
Revises: 0014_ivr
Create Date: 2027-02-20 09:00:00

Derived columns that make "the last digits of a number" and "a name without its accents"
indexable prefixes (``backoffice.core.searchkeys``), on SQLite and PostgreSQL alike, with
no extension (the application's role creates no extension). The existing rows are
filled in batches, as system work (row-level security lets the migration see every
carrier's rows). The folded name indexes replace the ``lower()`` ones.
"""
import sqlalchemy as sa
from alembic import op

from backoffice.core import rowsecurity
from backoffice.core.searchkeys import fold, reversed_digits

# revision identifiers, used by Alembic.
revision = '0015_search_keys'
down_revision = '0014_ivr'
branch_labels = None
depends_on = None

BATCH = 5000


def _index(name: str, table: str, column: str) -> None:
    op.create_index(name, table, [column], postgresql_ops={column: "text_pattern_ops"})


def _backfill(table: str, sources: tuple[str, ...], derive: dict[str, tuple[str, object]]) -> None:
    """Fill ``derive`` (key -> (source column, function)) for every row, a batch at a time."""
    bind = op.get_bind()
    rowsecurity.as_system(bind)
    t = sa.table(table, sa.column("id"), *(sa.column(c) for c in (*sources, *derive)))
    update = sa.update(t).where(t.c.id == sa.bindparam("row_id")).values(
        {key: sa.bindparam(f"new_{key}") for key in derive})
    last = 0
    while True:
        rows = bind.execute(sa.select(t.c.id, *(t.c[c] for c in sources))
                            .where(t.c.id > last).order_by(t.c.id).limit(BATCH)).all()
        if not rows:
            return
        bind.execute(update, [
            {"row_id": row.id, **{f"new_{key}": function(getattr(row, source))
                                  for key, (source, function) in derive.items()}}
            for row in rows])
        last = rows[-1].id


def upgrade():
    op.add_column('tenant', sa.Column('name_key', sa.String(length=120), nullable=True))
    op.add_column('line', sa.Column('number_tail', sa.String(length=20), nullable=True))
    op.add_column('line', sa.Column('first_name_key', sa.String(length=80), nullable=True))
    op.add_column('line', sa.Column('last_name_key', sa.String(length=80), nullable=True))
    _backfill('tenant', ('name',), {'name_key': ('name', fold)})
    _backfill('line', ('number', 'first_name', 'last_name'), {
        'number_tail': ('number', reversed_digits), 'first_name_key': ('first_name', fold),
        'last_name_key': ('last_name', fold)})
    op.drop_index('ix_tenant_name_lower', table_name='tenant')
    op.drop_index('ix_line_first_name_lower', table_name='line')
    op.drop_index('ix_line_last_name_lower', table_name='line')
    _index('ix_tenant_name_key', 'tenant', 'name_key')
    _index('ix_line_number_tail', 'line', 'number_tail')
    _index('ix_line_first_name_key', 'line', 'first_name_key')
    _index('ix_line_last_name_key', 'line', 'last_name_key')


def downgrade():
    for name, table in (('ix_line_last_name_key', 'line'), ('ix_line_first_name_key', 'line'),
                        ('ix_line_number_tail', 'line'), ('ix_tenant_name_key', 'tenant')):
        op.drop_index(name, table_name=table)
    op.create_index('ix_tenant_name_lower', 'tenant', [sa.text('lower(name)')],
                    postgresql_ops={'lower(name)': 'text_pattern_ops'})
    for column in ('first_name', 'last_name'):
        op.create_index(f'ix_line_{column}_lower', 'line', [sa.text(f'lower({column})')],
                        postgresql_ops={f'lower({column})': 'text_pattern_ops'})
    for column in ('last_name_key', 'first_name_key', 'number_tail'):
        op.drop_column('line', column)
    op.drop_column('tenant', 'name_key')
