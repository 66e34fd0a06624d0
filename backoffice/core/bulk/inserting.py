"""Inserting many rows: one statement per batch, and on PostgreSQL while the next are checked.

:func:`insert_rows` inserts rows in one statement. :class:`BatchInserter` takes rows one at
a time as an import accepts them and inserts them by batches; on PostgreSQL each batch goes
to the server from a thread of its own, on the session's connection and inside its
transaction, so the database writes one batch while the import checks the next rows.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from functools import cache
from typing import Any

from sqlalchemy import DateTime, Table, insert, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

from backoffice.core.bulk.process_wide import ProcessWide
from backoffice.extensions import db, json_text

BATCH = 250
"""Rows per statement of a :class:`BatchInserter`: small enough that the last batch, the
one nothing overlaps, is short; large enough that a round trip is small beside it."""


def insert_rows(table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` (each with the same keys) into ``table`` in one statement; their ids.

    On PostgreSQL the ids come first from the table's sequence, in one query, then the
    rows go as one JSON document that ``json_to_recordset`` turns into rows on the server:
    one statement, whose parameters are not bound row by row. The columns a row leaves out
    get their defaults (search keys included) here, as SQLAlchemy's INSERT would give
    them. Elsewhere the INSERT returns the ids.
    """
    if not rows:
        return []
    if db.session.get_bind().dialect.name != "postgresql":
        return list(db.session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))
    ids = list(db.session.scalars(text(_NEXT_IDS), {"table": table.name, "count": len(rows)}))
    statement, document = _statement_and_document(table, rows, ids,
                                                  db.session.get_bind().dialect)
    db.session.execute(text(statement), {"rows": document})
    return ids


class BatchInserter:
    """Rows added one at a time, inserted by batches of :data:`BATCH` into ``table``.

    On PostgreSQL a batch is sent as soon as it is full, from one background thread that
    uses the session's own connection (psycopg serializes the two threads' statements on
    it), so it is part of the session's transaction: a rollback undoes it. The thread first
    reserves ids for the ``expected`` rows from the table's sequence, in one query, so that
    each batch is then one statement the thread only waits for. Elsewhere the rows are
    inserted at :meth:`finish`. Use it through :func:`batch_inserter`, which waits for the
    thread before the transaction can end.
    """

    def __init__(self, table: Table, expected: int = 0):
        self.table = table
        self.rows: list[dict[str, Any]] = []
        self._pending: list[dict[str, Any]] = []
        self._ids: list[int] = []  # reserved; the first ``_written`` are inserted
        self._written = 0
        self._sent: list[Future[None]] = []
        self._executor: ThreadPoolExecutor | None = None
        self._dialect = db.session.get_bind().dialect
        if self._dialect.name == "postgresql":
            self._connection = db.session.connection().connection.driver_connection
            self._database_error = self._dialect.dbapi.Error
            self._executor = ThreadPoolExecutor(max_workers=1,
                                                thread_name_prefix=f"insert-{table.name}")
            if expected:
                self._sent.append(self._executor.submit(self._reserve, expected))

    @property
    def threaded(self) -> bool:
        """Whether batches go to the database from a thread of their own (PostgreSQL)."""
        return self._executor is not None

    def add(self, row: dict[str, Any]) -> None:
        """Add a row (the same keys as the others); it is inserted with its batch."""
        self.rows.append(row)
        if self._executor is None:
            return
        self._pending.append(row)
        if len(self._pending) >= BATCH:
            self._send()

    def finish(self) -> list[int]:
        """Insert what is left, wait for every batch; the rows' ids, in the order added.
        A database error of a batch is raised here, as SQLAlchemy raises it."""
        if self._executor is None:
            return insert_rows(self.table, self.rows)
        self._send()
        for sent in self._sent:
            sent.result()
        return self._ids[:len(self.rows)]

    def close(self) -> None:
        """Send nothing more and wait for the batch being written."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _send(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self._sent.append(self._executor.submit(self._insert, batch))

    def _reserve(self, count: int) -> None:
        """Reserve ``count`` more ids (run by the thread, before the batches that use them)."""
        with self._connection.cursor() as cursor:
            self._run(cursor, _NEXT_IDS_DRIVER, (self.table.name, count))
            self._ids.extend(row_id for (row_id,) in cursor.fetchall())

    def _insert(self, rows: list[dict[str, Any]]) -> None:
        first, end = self._written, self._written + len(rows)
        if len(self._ids) < end:
            self._reserve(end - len(self._ids))
        statement, document = _statement_and_document(self.table, rows, self._ids[first:end],
                                                      self._dialect)
        with self._connection.cursor() as cursor:
            self._run(cursor, statement.replace(":rows", "%(rows)s"), {"rows": document})
        self._written = end

    def _run(self, cursor: Any, statement: str, parameters: Any) -> None:
        try:
            cursor.execute(statement, parameters)
        except self._database_error as exc:
            raise DBAPIError.instance(statement, None, exc, self._database_error) from exc


#: How often the interpreter may hand over to another thread while an inserter's thread
#: runs (Python's default: every 5 ms). Each time a batch returns, the thread waits for
#: the import's own thread to let go; at 5 ms it fell behind, and the import waited for
#: its last batches (60 ms of a 10,000-line import, 10 to 40 ms at 0.5 ms).
SWITCH_INTERVAL = 0.0005


def _switch_often() -> float:
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    return before


_SWITCHING = ProcessWide(_switch_often, sys.setswitchinterval)


@contextmanager
def batch_inserter(table: Table, expected: int = 0) -> Iterator[BatchInserter]:
    """A :class:`BatchInserter` (for about ``expected`` rows) whose thread has stopped when
    the block ends; while it runs, the interpreter switches threads every
    :data:`SWITCH_INTERVAL`."""
    inserter = BatchInserter(table, expected)
    try:
        with _SWITCHING.held() if inserter.threaded else nullcontext():
            yield inserter
    finally:
        inserter.close()


_NEXT_IDS = "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
_NEXT_IDS_DRIVER = _NEXT_IDS.replace(":table", "%s").replace(":count", "%s")


def _statement_and_document(table: Table, rows: list[dict[str, Any]], ids: list[int],
                            dialect: Dialect) -> tuple[str, str]:
    """The ``json_to_recordset`` INSERT of ``rows`` with their ``ids`` and defaults, and the
    JSON document it reads (bound as ``:rows``)."""
    complete = [_with_defaults(table, {**row, "id": row_id})
                for row, row_id in zip(rows, ids, strict=True)]
    return (_insert_from_json(table, tuple(complete[0]), dialect),
            json_text(complete))


class _RowContext:
    """What a column default that derives its value from the row's others reads."""

    def __init__(self, row: dict[str, Any]):
        self.row = row

    def get_current_parameters(self, isolate_multiinsert_groups: bool = True
                               ) -> dict[str, Any]:
        return self.row


def _with_defaults(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with the client-side default of each column it leaves out."""
    for key, scalar, arg in _defaults(table):
        if key not in row:
            row[key] = arg if scalar else arg(_RowContext(row))
    return row


@cache
def _defaults(table: Table) -> tuple[tuple[str, bool, Any], ...]:
    """The client-side defaults of ``table``'s columns: (key, scalar?, value or function)."""
    return tuple((column.key, column.default.is_scalar, column.default.arg)
                 for column in table.columns
                 if column.default is not None and not column.default.is_sequence
                 and (column.default.is_scalar or column.default.is_callable))


@cache
def _insert_from_json(table: Table, names: tuple[str, ...], dialect: Dialect) -> str:
    """``INSERT INTO table (names) SELECT names FROM json_to_recordset(:rows)``, each column
    read as its own type (a moment as ``timestamptz``, so its offset is honoured as a
    bound value's would be)."""
    quote = dialect.identifier_preparer.quote
    columns = ", ".join(quote(name) for name in names)
    record = ", ".join(
        f"{quote(name)} {_record_type(table.c[name].type, dialect)}" for name in names)
    return (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({columns}) "
            f"SELECT {columns} FROM json_to_recordset(CAST(:rows AS json)) AS r({record})")


def _record_type(type_: Any, dialect: Any) -> str:
    if isinstance(type_, DateTime):
        return "timestamp with time zone"
    return type_.compile(dialect=dialect)
