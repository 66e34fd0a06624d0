"""The quick-edit grid of a tenant: the same options of every line in one table, saved as
one change (all or nothing), each refused value shown on its row."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from werkzeug.datastructures import MultiDict

from backoffice.access import may_change
from backoffice.core.calling.grid import GridRejected, grid_rows, quick_edit_blocks, save_grid
from backoffice.core.calling.store import OptionsBlock
from backoffice.core.errors import EditConflict, NotOffered
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db
from backoffice.lookups import carrier_of, tenant_or_404
from backoffice.web.forms import FormField, build_form, payload_from_form
from backoffice.web.views import conflict_message

bp = Blueprint("quick_edit", __name__, url_prefix="/tenants/<int:tenant_id>/quick-edit")


def _blocks(tenant: Tenant) -> list[OptionsBlock]:
    """The grid's blocks; none when the carrier has no grid (the page says so)."""
    return quick_edit_blocks(tenant)


def _cells(tenant: Tenant, index: int, block: OptionsBlock, values: dict[str, Any] | None,
           errors: dict[str, list[str]]) -> list[FormField] | None:
    if values is None:
        return None
    form = build_form(block.schema(tenant), values, errors, tenant)
    for cell in form:
        cell.name = f"{index}.{block.id}.{cell.name}"
        cell.autofocus = False
    return form


def render_grid(tenant: Tenant, rows: list[dict[str, Any]],
                errors: dict[str, list[str]] | None = None, status: int = 200):
    blocks = _blocks(tenant)
    errors = errors or {}
    lines = {line.id: line for line in tenant.lines}
    table = []
    for index, row in enumerate(rows):
        cells = {}
        for block in blocks:
            prefix = f"{index}.{block.id}."
            mine = {key.removeprefix(prefix): value for key, value in errors.items()
                    if key.startswith(prefix)}
            cells[block.id] = _cells(tenant, index, block, row.get(block.id), mine)
        table.append({"line": lines.get(row["line_id"]), "line_id": row["line_id"],
                      "versions": {block.id: (row.get(block.id) or {}).get("version")
                                   for block in blocks},
                      "cells": cells, "errors": errors.get(f"{index}.line_id", [])})
    columns = [(block, build_form(block.schema(tenant), {}, {}, tenant)) for block in blocks]
    return render_template("quick_edit/index.html", tenant=tenant, columns=columns,
                           table=table, general=errors.get("", [])), status


@bp.get("")
def show(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    return render_grid(tenant, grid_rows(tenant, _blocks(tenant)))


def rows_from_form(tenant: Tenant, blocks: list[OptionsBlock],
                   form: MultiDict) -> list[dict[str, Any]]:
    """The posted table as the rows :func:`save_grid` (and the API) takes."""
    rows = []
    for index in range(form.get("rows", type=int, default=0)):
        row: dict[str, Any] = {"line_id": form.get(f"{index}.line_id", type=int)}
        for block in blocks:
            prefix = f"{index}.{block.id}."
            if form.get(f"{prefix}present") != "1":
                continue
            mine = MultiDict([(key.removeprefix(prefix), value)
                              for key, value in form.items(multi=True)
                              if key.startswith(prefix)])
            values = payload_from_form(block.schema(tenant), mine)
            values.pop("present", None)
            row[block.id] = values
        rows.append(row)
    return rows


@bp.post("")
def save(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    if not may_change():
        abort(403)
    blocks = _blocks(tenant)
    if not blocks:
        raise NotOffered(carrier_of(tenant).carrier.name, "quick_edit")
    rows = rows_from_form(tenant, blocks, request.form)
    try:
        saved = save_grid(tenant, blocks, rows)
    except GridRejected as refused:
        db.session.rollback()
        return render_grid(tenant, rows, refused.by_field(), status=422)
    except EditConflict as conflict:
        db.session.rollback()
        return render_grid(tenant, grid_rows(tenant, blocks),
                           {"": [conflict_message(conflict, tenant)]}, 409)
    flash(gettext("%(count)s settings saved, as one change.", count=len(saved))
          if saved else gettext("Nothing changed."), "success")
    return redirect(url_for("quick_edit.show", tenant_id=tenant.id))


def line_words(line: Line | None) -> str:
    if line is None:
        return "—"
    who = " ".join(filter(None, (line.first_name, line.last_name)))
    return " · ".join(filter(None, (line.extension, who)))
