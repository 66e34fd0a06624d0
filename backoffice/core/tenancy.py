"""Tenant isolation, in one place: every ORM query of a request sees only its agent's carriers.

The request layer opens a :class:`TenantScope` for the signed-in agent. A listener on
the session then adds, to every ORM query, the criteria that keep tenant-owned rows of
other carriers out, so a foreign tenant, line or sub-resource is simply not found (404).
Deny by default: inside a request, a query on tenant data with no scope open raises
:class:`UnscopedQuery`. Outside requests (CLI, workers, demo loader) the system sees all.

On PostgreSQL the same scope is also set on each transaction for the row-level security
policies (``rowsecurity``), a second wall that raw SQL cannot step over. Each wall can be
switched off alone (``TENANT_ORM_SCOPE``, ``TENANT_DB_SCOPE``, both on by default).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from flask import current_app, g, has_app_context, has_request_context
from sqlalchemy import Connection, event, select
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, with_loader_criteria

from backoffice.core import rowsecurity
from backoffice.core.models import Tenant, TenantOwned
from backoffice.extensions import db


class UnscopedQuery(RuntimeError):
    """Tenant data was queried in a request before any tenant scope was opened."""


@dataclass(frozen=True)
class TenantScope:
    """The carriers whose tenants a request may see; ``None`` means every carrier."""

    carrier_ids: frozenset[str] | None

    @classmethod
    def everything(cls) -> TenantScope:
        return cls(None)

    @classmethod
    def carriers(cls, *carrier_ids: str) -> TenantScope:
        return cls(frozenset(carrier_ids))


def open_scope(scope: TenantScope) -> None:
    """Set the scope of the current request (done once, after authentication)."""
    g.tenant_scope = scope
    _rescope_transaction()


def current_scope() -> TenantScope | None:
    if not has_request_context():
        return TenantScope.everything()
    return g.get("tenant_scope")


@contextmanager
def system_scope() -> Iterator[None]:
    """Run a block with the system's view of every tenant (background work in a request)."""
    previous = g.get("tenant_scope") if has_request_context() else None
    if has_request_context():
        g.tenant_scope = TenantScope.everything()
        _rescope_transaction()
    try:
        yield
    finally:
        if has_request_context():
            g.tenant_scope = previous
            _rescope_transaction()


def orm_wall() -> bool:
    """Whether the ORM criteria apply (``TENANT_ORM_SCOPE``, on by default)."""
    return current_app.config.get("TENANT_ORM_SCOPE", True)


def db_wall() -> bool:
    """Whether the database's row-level security follows the scope (``TENANT_DB_SCOPE``,
    on by default; PostgreSQL only). Off, every transaction declares the system's view."""
    return current_app.config.get("TENANT_DB_SCOPE", True)


#: ``session.info`` key: the carrier scope set on the session's PostgreSQL transaction.
_DB_SCOPE = "backoffice.db_scope"


def _db_scope_value() -> str:
    """The carrier scope a transaction should carry now ("" is no carrier at all)."""
    if not has_app_context() or not db_wall():
        return rowsecurity.EVERY_CARRIER
    scope = current_scope()
    return "" if scope is None else rowsecurity.scope_value(scope.carrier_ids)


@event.listens_for(Session, "after_begin")
def _scope_transaction(session: Session, transaction: SessionTransaction,
                       connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    value = _db_scope_value()
    if value:  # unset, the policies already show nothing
        rowsecurity.set_scope(connection, value)
    session.info[_DB_SCOPE] = value


@event.listens_for(Session, "after_transaction_end")
def _forget_db_scope(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_DB_SCOPE, None)


def _rescope_transaction(session: Session | None = None) -> None:
    """Carry a scope changed in the middle of a PostgreSQL transaction to the database."""
    session = session if session is not None else db.session()
    if _DB_SCOPE not in session.info:
        return  # no transaction yet: its ``after_begin`` sets the scope
    value = _db_scope_value()
    if session.info[_DB_SCOPE] != value:
        rowsecurity.set_scope(session.connection(), value)
        session.info[_DB_SCOPE] = value


@event.listens_for(Session, "do_orm_execute")
def _limit_to_scope(state: ORMExecuteState) -> None:
    _rescope_transaction(state.session)  # a transaction may outlive its request (tests)
    if not (state.is_select or state.is_update or state.is_delete) or not orm_wall():
        return
    scope = current_scope()
    if scope is not None and scope.carrier_ids is None:
        return  # every carrier is visible: nothing to add
    if not _touches_tenant_data(state):
        return
    if scope is None:
        raise UnscopedQuery("tenant data queried in a request without a tenant scope")
    state.statement = state.statement.options(
        *_scope_criteria(tuple(sorted(scope.carrier_ids))))


@lru_cache(maxsize=64)
def _scope_criteria(carriers: tuple[str, ...]) -> tuple:
    """The loader criteria of a scope, built once per set of carriers: one for tenants and
    one for every ``TenantOwned`` model, which SQLAlchemy applies to each subclass.

    In lambda form, SQLAlchemy caches each criterion's SQL and binds ``carriers`` as a
    parameter; built once, the options are not rebuilt on every statement. One criterion
    per model instead made every statement carry and key some fifty options: a quarter of
    the line page's time.
    """
    visible = select(Tenant.id).where(Tenant.carrier_id.in_(carriers)).scalar_subquery()
    return (
        with_loader_criteria(Tenant, lambda cls: cls.carrier_id.in_(carriers),
                             include_aliases=True),
        with_loader_criteria(TenantOwned, lambda cls: cls.tenant_id.in_(visible),
                             include_aliases=True),
    )


def _touches_tenant_data(state: ORMExecuteState) -> bool:
    first = state.bind_mapper  # cheap: most statements of a page select tenant data first
    if first is not None and _is_tenant_data(first.class_):
        return True
    return any(_is_tenant_data(mapper.class_) for mapper in state.all_mappers)


def _is_tenant_data(cls: type) -> bool:
    return cls is Tenant or issubclass(cls, TenantOwned)
