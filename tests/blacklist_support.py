"""Helpers shared by the blacklist tests: tenants, blocks and row counts."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from backoffice.core.blacklist.models import BlacklistRule, BlockedNumber, LineFlag
from backoffice.core.blocks import Block
from backoffice.core.carriers import registry
from backoffice.core.errors import ChangeRejected
from backoffice.core.models import AuditRecord, ProvisioningOrder
from backoffice.extensions import db

TABLES = (BlacklistRule, BlockedNumber, LineFlag, AuditRecord, ProvisioningOrder)


def counts() -> tuple[int, ...]:
    """Rows of every table a blacklist change writes to."""
    return tuple(db.session.scalar(select(func.count()).select_from(model)) for model in TABLES)


def block(carrier_id: str, block_id: str) -> Any:
    """A carrier's block, as the UI and the API find it."""
    found: Block | None = registry()[carrier_id].block(block_id)
    assert found is not None, f"{carrier_id} has no block {block_id!r}"
    return found


def rejected(action, *args) -> dict[str, str]:
    """Run a change that must be refused; check nothing was saved; field -> code."""
    before = counts()
    with pytest.raises(ChangeRejected) as refused:
        action(*args)
    assert counts() == before, "a refused change saved something"
    return {v.field: v.code for v in refused.value.violations}
