"""The quick-edit grid: the same options of many lines in one table, saved as one change.

Every row is checked as if its blocks were saved one by one (schema, the block's checks,
the carrier's rules, the version the agent read); any refused value refuses the whole grid
and each error names its row, so nothing is partly saved. Accepted, the grid is one audit
record listing every row that changed, and one provisioning order per line and block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from marshmallow import Schema
from sqlalchemy import select

from backoffice.core.calling.models import CallingOption
from backoffice.core.calling.store import (
    OptionsBlock,
    option_change,
    read_options,
    rows_of,
    schema_defaults,
    stored_values,
)
from backoffice.core.carriers import offers, registry
from backoffice.core.changes import Change, apply_change, check_version, snapshot, validate
from backoffice.core.errors import N_, ChangeRejected, EditConflict, Violation
from backoffice.core.jobs import enqueue
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.core.provisioning import push_failed, push_order
from backoffice.extensions import db

OBJECT_TYPE = "quick_edit"


class GridRejected(ChangeRejected):
    """Rows of the grid broke rules; nothing was saved. Each violation's ``field`` is
    ``<row>.<block id>.<field>`` (rows counted from 0, as sent)."""


@dataclass
class GridSaved:
    """What a grid saved: the rows it changed, as the audit trail keeps them."""

    options: list[CallingOption] = field(default_factory=list)

    @property
    def id(self) -> None:
        return None

    def audit_state(self) -> dict[str, Any]:
        return {"rows": [{"feature": option.feature, **snapshot(option)}
                         for option in self.options]}


def quick_edit_blocks(tenant: Tenant) -> list[OptionsBlock]:
    """The blocks of the tenant's carrier's quick-edit grid, in column order."""
    entry = registry()[tenant.carrier_id]
    ids = [block_id for group in registry().hook(tenant.carrier_id).quick_edit_blocks()
           for block_id in group]
    found = [entry.block(block_id) for block_id in ids]
    return [block for block in found if isinstance(block, OptionsBlock)]


def grid_lines(tenant: Tenant, blocks: Sequence[OptionsBlock]) -> list[Line]:
    """The tenant's lines that offer at least one of the blocks, by extension and number."""
    lines = db.session.scalars(select(Line).where(Line.tenant_id == tenant.id).order_by(
        Line.extension, Line.number)).all()
    return [line for line in lines if any(offers(tenant, block.feature, line)
                                          for block in blocks)]


def grid_rows(tenant: Tenant, blocks: Sequence[OptionsBlock]) -> list[dict[str, Any]]:
    """Every line's values of every block: ``{"line_id", "<block id>": {...} | None}``
    (``None`` where the line's plan does not offer the block). Two queries in all."""
    lines = grid_lines(tenant, blocks)
    saved = rows_of(tenant, [block.feature for block in blocks])
    defaults = {block.id: schema_defaults(block.schema(tenant)) for block in blocks}
    rows = []
    for line in lines:
        row: dict[str, Any] = {"line_id": line.id}
        for block in blocks:
            row[block.id] = read_options(saved.get((line.id, block.feature)),
                                         defaults[block.id]) \
                if offers(tenant, block.feature, line) else None
        rows.append(row)
    return rows


def save_grid(tenant: Tenant, blocks: Sequence[OptionsBlock],
              rows: Sequence[dict[str, Any]]) -> list[CallingOption]:
    """Save every row's values, all or nothing: :class:`GridRejected` names each row's
    errors. A row is ``{"line_id": id, "<block id>": {values, "version"}...}``; a block
    left out of a row is not changed; a row whose values are unchanged writes nothing."""
    by_id = {line.id: line for line in db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.id.in_(
            [row.get("line_id") for row in rows if isinstance(row.get("line_id"), int)])))}
    saved = rows_of(tenant, [block.feature for block in blocks])
    pending: list[tuple[Change, dict[str, Any]]] = []
    errors: list[Violation] = []
    for index, row in enumerate(rows):
        line = by_id.get(row.get("line_id")) if isinstance(row, dict) else None
        if line is None:
            errors.append(Violation(
                code="quick_edit.line_id.unknown", field=f"{index}.line_id",
                params={"row": index + 1},
                message=N_("Row %(row)s: the line is not one of the customer's.")))
            continue
        for block in blocks:
            values = row.get(block.id)
            if values is None:
                continue
            found = _row_change(tenant, line, block, values, saved, index)
            if isinstance(found, list):
                errors.extend(found)
            elif found is not None:
                pending.append(found)
    if errors:
        raise GridRejected(errors)
    if not pending:
        return []

    def persist(clean: dict[str, Any]) -> GridSaved:
        return GridSaved([change.persist(values) for change, values in pending])

    result: GridSaved = apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update", data={}, schema=Schema(),
        persist=persist, provision=_orders))
    return result.options


def _row_change(tenant: Tenant, line: Line, block: OptionsBlock, values: Any,
                saved: dict[tuple[int | None, str], CallingOption],
                index: int) -> tuple[Change, dict[str, Any]] | list[Violation] | None:
    where = f"{index}.{block.id}"
    if not offers(tenant, block.feature, line):
        return [Violation(code=f"{block.feature}.item.not_offered", field=where,
                          params={"row": index + 1},
                          message=N_("Row %(row)s: this line's plan does not offer it."))]
    if not isinstance(values, dict):
        return [Violation(code=f"{block.feature}.item.invalid", field=where,
                          params={"row": index + 1},
                          message=N_("Row %(row)s: give the values as an object."))]
    row = saved.get((line.id, block.feature))
    change = option_change(tenant, line, block.feature, dict(values), block.schema(tenant),
                           block.checks(tenant, line), row=row, found=True)
    try:
        check_version(change)
        clean = validate(change)
    except EditConflict:
        return [Violation(code=f"{block.feature}.version.conflict", field=f"{where}.version",
                          params={"row": index + 1},
                          message=N_("Row %(row)s: someone changed these values since "
                                     "they were read; read the grid again."))]
    except ChangeRejected as refused:
        return [replace(violation, field=f"{where}.{violation.field}",
                        params={**violation.params, "row": index + 1})
                for violation in refused.violations]
    current = read_options(row, schema_defaults(block.schema(tenant)))
    if all(current.get(key) == value for key, value in stored_values(clean).items()):
        return None
    return change, clean


def _orders(tenant: Tenant, audit: AuditRecord, saved: GridSaved) -> None:
    """One order per line and block changed, as if each had been saved alone."""
    orders = [ProvisioningOrder(
        tenant_id=tenant.id, audit_id=audit.id, object_type=option.feature,
        object_id=option.id, line_id=option.line_id, action="update",
        payload=snapshot(option)) for option in saved.options]
    db.session.add_all(orders)
    db.session.flush()
    for order in orders:
        enqueue(push_order, order.id, on_failure=push_failed)
