"""Helpers of the forwarding and calendar tests: refused changes save nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from backoffice.core.calendars.models import Calendar
from backoffice.core.carriers import registry
from backoffice.core.errors import ChangeRejected
from backoffice.core.explainer import CallContext, CallStep, explain_call
from backoffice.core.forwarding.models import Forwarding, ForwardingNumber, ForwardingRule
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.extensions import db
from plugins.sfr.call_waiting import SfrCallWaiting

TABLES = (Forwarding, ForwardingRule, ForwardingNumber, Calendar, SfrCallWaiting, AuditRecord,
          ProvisioningOrder)


def counts() -> tuple[int, ...]:
    return tuple(db.session.scalar(select(func.count()).select_from(model)) for model in TABLES)


def rejected(action: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, str]:
    """Run a change that must be refused; check nothing was saved; field -> code."""
    before = counts()
    with pytest.raises(ChangeRejected) as refused:
        action(*args, **kwargs)
    db.session.rollback()
    assert counts() == before, "a refused change saved something"
    return {v.field: v.code for v in refused.value.violations}


def block(tenant: Tenant, block_id: str):
    return registry()[tenant.carrier_id].block(block_id)


def line_by(tenant: Tenant, **where: str) -> Line:
    return db.session.scalars(select(Line).filter_by(tenant_id=tenant.id, **where)).one()


def tenant_named(name: str) -> Tenant:
    return db.session.scalars(select(Tenant).where(Tenant.name == name)).one()


def call(tenant: Tenant, line: Line, when: str, state: str = "idle", caller: str | None = None,
         digits: str = "") -> list[CallStep]:
    """Explain a call at ``when`` (ISO local time of the tenant)."""
    moment = datetime.fromisoformat(when).replace(tzinfo=ZoneInfo(tenant.timezone))
    return explain_call(tenant, line, CallContext(caller, moment, state, digits))  # type: ignore[arg-type]


def path(steps: list[CallStep]) -> list[tuple[str, str]]:
    return [(step.action, step.target) for step in steps]


def shown(tenant: Tenant, block_id: str, line: Line | None) -> dict[str, Any]:
    """What the UI and the API show of a settings block: its schema's dump of ``read``."""
    settings = block(tenant, block_id)
    return settings.schema(tenant).dump(settings.read(tenant, line))
