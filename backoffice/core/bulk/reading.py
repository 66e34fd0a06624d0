"""Reading an import file (CSV or XLSX) into rows, or saying clearly why it cannot be read.

The columns are those an export writes (:data:`COLUMNS`), in any order, with their names as
the header row. A CSV file is UTF-8 text (a BOM is welcome) separated by commas, semicolons
or tabs; an XLSX file is read from its first sheet. A cell holding a formula is refused
(an import takes values, never what a spreadsheet would compute).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from typing import IO, Any

from flask_babel import gettext

from backoffice.core.errors import N_

#: The columns of an import and of an export, in the order an export writes them.
COLUMNS = ("plan", "number", "extension", "first_name", "last_name", "email", "site",
           "associated_number", "mac")
#: Rows an import takes at most (``BULK_MAX_ROWS``).
MAX_ROWS = 10_000
FORMATS = ("csv", "xlsx")
_SHOWN = 5  # cells named in a message about formulas


class FileProblem(Exception):
    """The file cannot be imported at all: nothing of it was checked or saved."""

    def __init__(self, code: str, message: str, **params: Any):
        super().__init__(code)
        self.code, self.message, self.params = code, message, params

    def localized(self) -> str:
        return gettext(self.message, **self.params)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.localized()}


def file_format(filename: str, head: bytes) -> str:
    """``"csv"`` or ``"xlsx"``, from the name's suffix, else from the content."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in FORMATS:
        return suffix
    if suffix in ("xls", "ods", "xlsm", "numbers"):
        raise FileProblem("line_import.file.unsupported_format", N_(
            "“%(name)s” is not a CSV or XLSX file. Save it as CSV UTF-8 or as an Excel "
            "workbook (.xlsx) and try again."), name=filename)
    return "xlsx" if head.startswith(b"PK\x03\x04") else "csv"


def read_rows(filename: str, stream: IO[bytes], max_rows: int = MAX_ROWS) -> list[dict[str, Any]]:
    """The file's rows: ``{"row": n, column: text}``, ``n`` its row in the file (the header
    is row 1); empty rows are skipped. Raises :class:`FileProblem`."""
    content = stream.read()
    if not content.strip():
        raise FileProblem("line_import.file.empty", N_("The file is empty."))
    if file_format(filename, content[:4]) == "xlsx":
        table = _xlsx_table(content, max_rows)
    else:
        table = _csv_table(content, max_rows)
    try:
        return _rows(table, max_rows)
    except csv.Error as exc:
        raise FileProblem("line_import.file.unreadable", N_(
            "This CSV file cannot be read (%(reason)s). Save it again as “CSV UTF-8” and "
            "try again."), reason=str(exc)[:100]) from None


def _csv_table(content: bytes, max_rows: int):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem("line_import.file.bad_encoding", N_(
            "The file is not UTF-8 text (byte %(position)s cannot be read). Save it as "
            "“CSV UTF-8” and try again."), position=exc.start + 1) from None
    if "\x00" in text:
        raise FileProblem("line_import.file.unsupported_format", N_(
            "“%(name)s” is not a CSV or XLSX file. Save it as CSV UTF-8 or as an Excel "
            "workbook (.xlsx) and try again."), name="CSV")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_table(content: bytes, max_rows: int):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise FileProblem("line_import.file.unreadable", N_(
            "This XLSX file cannot be read (%(reason)s). Open it in a spreadsheet, save it "
            "again as .xlsx, and try again."), reason=exc.__class__.__name__) from None
    sheet = workbook.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield [_text(value) for value in values]
    workbook.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _rows(table, max_rows: int) -> list[dict[str, Any]]:
    iterator = iter(table)
    header: list[str] | None = None
    header_row = 0
    for header_row, cells in enumerate(iterator, start=1):  # noqa: B007 - used after
        if any(cell.strip() for cell in cells):
            header = [cell.strip().lower() for cell in cells]
            break
    if header is None:
        raise FileProblem("line_import.file.empty", N_("The file is empty."))
    while header and not header[-1]:
        header.pop()
    missing = [name for name in COLUMNS if name not in header]
    unknown = [name or "?" for name in header if name not in COLUMNS]
    if missing or unknown:
        raise FileProblem("line_import.file.bad_columns", N_(
            "The first row must name the columns %(columns)s. Missing: %(missing)s. "
            "Unknown: %(unknown)s. Start from the template file."),
            columns=", ".join(COLUMNS), missing=", ".join(missing) or "-",
            unknown=", ".join(unknown) or "-")
    if len(set(header)) != len(header):
        raise FileProblem("line_import.file.bad_columns", N_(
            "A column is named twice in the first row: each of %(columns)s is named once."),
            columns=", ".join(COLUMNS))
    rows: list[dict[str, Any]] = []
    formulas: list[str] = []
    for number, cells in enumerate(iterator, start=header_row + 1):
        text = "".join(cells)
        if not text.strip():
            continue
        if len(rows) == max_rows:
            raise FileProblem("line_import.file.too_many_rows", N_(
                "The file has more than %(max)s rows: an import takes at most %(max)s lines. "
                "Split the file and import each part."), max=f"{max_rows:,}")
        if "=" in text and len(formulas) < _SHOWN:
            formulas.extend(f"{name}{number}" for name, cell in zip(header, cells, strict=False)
                            if cell.startswith("="))
        row: dict[str, Any] = {"row": number}
        row.update(zip(header, map(str.strip, cells), strict=False))
        rows.append(row)
    del formulas[_SHOWN:]
    if formulas:
        raise FileProblem("line_import.file.formula", N_(
            "Cells hold formulas (%(cells)s): an import takes values only. Replace the "
            "formulas by their values and try again."), cells=", ".join(formulas))
    if not rows:
        raise FileProblem("line_import.file.no_rows", N_(
            "The file has its header row but no line under it."))
    return rows
