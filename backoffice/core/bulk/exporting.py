"""Exporting a tenant's lines in the columns an import reads, streamed row by row.

Values are written as stored (numbers in E.164, the site by its name), which an import
reads back unchanged: an exported file imports as the same lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from backoffice.core.bulk.reading import COLUMNS
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
