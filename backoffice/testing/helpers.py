"""Helpers of carrier tests: blocks as the UI and API use them, refused changes, call paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from sqlalchemy import func, select

from backoffice.core.carriers import CarrierEntry, registry
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.errors import ChangeRejected
from backoffice.core.explainer import explain_call
from backoffice.core.models import Line, Tenant
from backoffice.core.tenancy import TenantScope, open_scope
from backoffice.extensions import db


def carrier(carrier_id: str) -> CarrierEntry:
    """What the carrier declared, as the current app read it: offers, plans, blocks."""
    return registry()[carrier_id]


def block(owner: Tenant | str, block_id: str) -> Any:
    """The settings or collection block ``block_id`` of a tenant's carrier (or a carrier id)."""
    carrier_id = owner if isinstance(owner, str) else owner.carrier_id
    found = carrier(carrier_id).block(block_id)
    assert found is not None, f"{carrier_id} has no block {block_id!r}"
    return found


def shown(tenant: Tenant, block_id: str, line: Line | None) -> dict[str, Any]:
    """What the UI and the API show of a settings block: its schema's dump of ``read``."""
    settings = block(tenant, block_id)
    return settings.schema(tenant).dump(settings.read(tenant, line))


def count(model: Any) -> int:
    """Rows of one model's table, in every tenant."""
    return db.session.scalar(select(func.count()).select_from(model))


def row_counts() -> dict[str, int]:
    """Rows of every table of the core and the carriers, by table name."""
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def rejected(action: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, str]:
    """Run a change that must be refused; check nothing was saved; field -> code."""
    before = row_counts()
    with pytest.raises(ChangeRejected) as refused:
        action(*args, **kwargs)
    db.session.rollback()
    assert row_counts() == before, "a refused change saved something"
    return {v.field: v.code for v in refused.value.violations}


@contextmanager
def agent_request(app: Flask, language: str = "fr") -> Iterator[None]:
    """A request in ``language`` (its Accept-Language) whose scope covers every tenant."""
    with app.test_request_context(headers={"Accept-Language": language}):
        open_scope(TenantScope.everything())
        yield


def call(tenant: Tenant, line: Line, when: str, state: str = "idle", caller: str | None = None,
         digits: str = "") -> list[CallStep]:
    """Explain a call to ``line`` at ``when`` (ISO local time of the tenant)."""
    moment = datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(tenant.timezone))
    return explain_call(tenant, line, CallContext(caller, moment, state, digits))  # type: ignore[arg-type]


def dial(tenant: Tenant, line: Line, dialled: str, when: str = "2026-11-23T10:00",
         digits: str = "") -> list[CallStep]:
    """Explain an outgoing call of ``line`` to ``dialled`` (typed as an agent would) at
    ``when`` (ISO local time of the tenant; a Monday morning by default)."""
    from backoffice.core.carriers import carrier_country
    from backoffice.core.phone import any_number

    moment = datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(tenant.timezone))
    number = any_number(dialled, carrier_country(tenant))
    return explain_call(tenant, line, CallContext(None, moment, "idle", digits, "outgoing",
                                                  number))


MONDAY_MORNING = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/Toronto"))
"""A weekday morning in Montréal: no calendar or schedule of the demo is closed then."""


def screened(tenant: Tenant, line: Line, caller: str | None,
             state: str = "idle") -> tuple[str, list[CallStep]]:
    """The last action and the whole path of a call from ``caller`` on a Monday morning."""
    steps = explain_call(tenant, line, CallContext(caller, MONDAY_MORNING, state))  # type: ignore[arg-type]
    return steps[-1].action, steps


def path(steps: list[CallStep]) -> list[tuple[str, str]]:
    """The (action, target) pairs of a call path."""
    return [(step.action, step.target) for step in steps]
