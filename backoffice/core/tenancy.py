"""Tenant isolation, in one place: every ORM query of a request sees only its agent's carriers.

The request layer opens a :class:`TenantScope` for the signed-in agent. A listener on
the session then adds, to every ORM query, the criteria that keep tenant-owned rows of
other carriers out, so a foreign tenant, line or sub-resource is simply not found (404).
Deny by default: inside a request, a query on tenant data with no scope open raises
:class:`UnscopedQuery`. Outside requests (CLI, workers, demo loader) the system sees all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from flask import g, has_request_context
from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

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
    try:
        yield
    finally:
        if has_request_context():
            g.tenant_scope = previous


@event.listens_for(Session, "do_orm_execute")
def _limit_to_scope(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    scope = current_scope()
    if scope is not None and scope.carrier_ids is None:
        return  # every carrier is visible: nothing to add
    if not _touches_tenant_data(state):
        return
    if scope is None:
        raise UnscopedQuery("tenant data queried in a request without a tenant scope")
    owned = tuple(_tenant_owned_classes())
    state.statement = state.statement.options(
        *_scope_criteria(tuple(sorted(scope.carrier_ids)), owned))


@lru_cache(maxsize=64)
def _scope_criteria(carriers: tuple[str, ...], owned: tuple[type, ...]) -> tuple:
    """The loader criteria of a scope, built once per set of carriers and of models.

    In lambda form, SQLAlchemy caches each criterion's SQL and binds ``carriers`` as a
    parameter; built once, the options are not rebuilt on every statement.
    """
    visible = select(Tenant.id).where(Tenant.carrier_id.in_(carriers)).scalar_subquery()
    return (
        with_loader_criteria(Tenant, lambda cls: cls.carrier_id.in_(carriers),
                             include_aliases=True),
        *(with_loader_criteria(model, lambda cls: cls.tenant_id.in_(visible),
                               include_aliases=True) for model in owned),
    )


def _touches_tenant_data(state: ORMExecuteState) -> bool:
    first = state.bind_mapper  # cheap: most statements of a page select tenant data first
    if first is not None and _is_tenant_data(first.class_):
        return True
    return any(_is_tenant_data(mapper.class_) for mapper in state.all_mappers)


def _is_tenant_data(cls: type) -> bool:
    return cls is Tenant or issubclass(cls, TenantOwned)


def _tenant_owned_classes() -> list[type]:
    return [mapper.class_ for mapper in db.Model.registry.mappers
            if issubclass(mapper.class_, TenantOwned)]
