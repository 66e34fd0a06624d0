"""The database as a second wall: PostgreSQL row-level security on tenant data.

Every tenant-owned table (the tenant table and each ``TenantOwned`` model's, the
carriers' included) gets a policy that lets a row through only when its tenant's carrier
is in the transaction's carrier scope, the setting ``backoffice.carriers``: ``*`` for
every carrier (system work), a comma-separated list of carrier ids for an agent, unset
or empty for nothing. ``tenancy`` sets it per transaction (``set_config(..., true)``)
from the same scope as the ORM criteria, so even raw SQL of a request sees only its
carriers. The policies are forced on the tables' owner; superusers bypass them, so the
application connects as an ordinary role. SQLite has no such wall: only the ORM scope.

Migrations call :func:`enable` for each table they create with a ``tenant_id``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

SETTING = "backoffice.carriers"
EVERY_CARRIER = "*"
POLICY = "tenant_scope"
_SCOPE = f"current_setting('{SETTING}', true)"
_EVERY = f"{_SCOPE} = '{EVERY_CARRIER}'"
#: The condition on the tenant table itself.
TENANT_CONDITION = f"{_EVERY} OR carrier_id = ANY (string_to_array({_SCOPE}, ','))"
#: The condition on a tenant-owned table: its tenant is visible (the tenant policy applies).
#: The scope's carriers are also named in the subquery, as an index can read them: the
#: tenant policy alone, an OR, made PostgreSQL scan and filter every tenant.
OWNED_CONDITION = (f"{_EVERY} OR tenant_id IN (SELECT id FROM tenant "
                   f"WHERE carrier_id = ANY (string_to_array({_SCOPE}, ',')))")


def tenant_owned_tables(metadata: sa.MetaData | None = None) -> list[str]:
    """The tables of every ``TenantOwned`` model known to the metadata, carriers' included."""
    from backoffice.core.models import TenantOwned
    from backoffice.extensions import db

    metadata = metadata if metadata is not None else db.metadata
    return sorted({mapper.local_table.name for mapper in db.Model.registry.mappers
                   if issubclass(mapper.class_, TenantOwned)
                   and mapper.local_table.name in metadata.tables})


def policy_statements(table: str) -> list[str]:
    """SQL that puts ``table`` behind the carrier scope (idempotent)."""
    condition = TENANT_CONDITION if table == "tenant" else OWNED_CONDITION
    return [f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
            f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
            f'DROP POLICY IF EXISTS {POLICY} ON "{table}"',
            f'CREATE POLICY {POLICY} ON "{table}" USING ({condition}) WITH CHECK ({condition})']


def enable(table: str) -> None:
    """In a migration: put ``table`` (``tenant`` or one with ``tenant_id``) behind the
    carrier scope on PostgreSQL; nothing on SQLite."""
    from alembic import op

    if op.get_bind().dialect.name == "postgresql":
        for statement in policy_statements(table):
            op.execute(statement)


def disable(table: str) -> None:
    """In a migration's downgrade: undo :func:`enable`."""
    from alembic import op

    if op.get_bind().dialect.name == "postgresql":
        op.execute(f'DROP POLICY IF EXISTS {POLICY} ON "{table}"')
        op.execute(f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY')
        op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')


def set_scope(connection: sa.Connection, value: str) -> None:
    """Set the carrier scope of ``connection``'s current transaction (never beyond it, so
    a pooled connection carries no scope over to its next user)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT set_config(%(name)s, %(value)s, true)",
                                   {"name": SETTING, "value": value})


def as_system(connection: sa.Connection) -> sa.Connection:
    """Explicit system work on a connection of its own (clean-ups, seeding, migrations):
    every carrier, for the connection's current transaction."""
    set_scope(connection, EVERY_CARRIER)
    return connection


def scope_value(carrier_ids: Any) -> str:
    """The setting for a scope's ``carrier_ids``: ``None`` means every carrier."""
    if carrier_ids is None:
        return EVERY_CARRIER
    return ",".join(sorted(carrier_ids))
