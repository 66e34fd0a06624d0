"""Exporting a tenant's lines in the columns an import reads, streamed row by row.

Values are written as stored (numbers in E.164, the site by its name), which an import
reads back unchanged: an exported file imports as the same lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from flask import Response, stream_with_context
from sqlalchemy import select

from backoffice.core.bulk.reading import COLUMNS
from backoffice.core.carriers import registry
from backoffice.core.models import Line, Site, Tenant
from backoffice.extensions import db

BATCH = 500  # lines fetched per round trip


def line_rows(tenant: Tenant) -> Iterator[list[str]]:
    """The tenant's lines, one list of cells per line in :data:`COLUMNS` order."""
    query = (select(Line.plan, Line.number, Line.extension, Line.first_name, Line.last_name,
                    Line.email, Site.name, Line.associated_number, Line.mac)
             .outerjoin(Line.site).where(Line.tenant_id == tenant.id).order_by(Line.id)
             .execution_options(yield_per=BATCH))
    for values in db.session.execute(query):
        yield ["" if value is None else str(value) for value in values]


def csv_chunks(rows: Iterator[list[str]]) -> Iterator[str]:
    """A CSV file (UTF-8 with a BOM, which spreadsheets need to read accents), in chunks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    for count, row in enumerate(rows, start=1):
        writer.writerow(row)
        if count % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_bytes(rows: Iterator[list[str]], extra_sheets: dict[str, list[list[Any]]] | None = None
               ) -> bytes:
    """An XLSX workbook: the lines on the first sheet (every cell text), written by
    openpyxl's write-only mode, which keeps no row in memory once written."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("lines")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    for title, table in (extra_sheets or {}).items():
        extra = workbook.create_sheet(title)
        for row in table:
            extra.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _filename(tenant: Tenant, kind: str, fmt: str) -> str:
    safe = "".join(c if c.isalnum() else "-" for c in tenant.name).strip("-")[:60] or "tenant"
    return f"{safe}-{kind}-{date.today().isoformat()}.{fmt}"


def file_response(tenant: Tenant, fmt: str, kind: str, rows) -> Response:
    """The lines as a download: CSV streamed in chunks, XLSX built row by row."""
    disposition = f'attachment; filename="{_filename(tenant, kind, fmt)}"'
    if fmt == "csv":
        return Response(stream_with_context(csv_chunks(rows)),
                        mimetype="text/csv; charset=utf-8",
                        headers={"Content-Disposition": disposition})
    extra = {"plans": template_plans(tenant)} if kind == "template" else None
    return Response(xlsx_bytes(rows, extra), headers={
        "Content-Disposition": disposition,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})


def template_plans(tenant: Tenant) -> list[list[str]]:
    """The template's second sheet: the carrier's plans and the columns each requires."""
    entry = registry()[tenant.carrier_id]
    return [["plan", "label", "requires"], *(
        [plan.id, plan.label_for("fr"), ", ".join(
            "site" if name == "site_id" else name for name in plan.requires)]
        for plan in entry.plans)]
