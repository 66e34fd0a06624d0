"""The demo data, loaded for real once per test session, then copied in for each test.

Most tests start from the demo customers (every feature scenario, the conformance kit),
and loading them goes through the whole change pipeline: seconds a test, most of the
suite's time. The first :func:`~backoffice.demo.load_demo` of a session on an empty
database runs for real and keeps a copy of every row it wrote; a later one on an empty
database of the same session, with the same carriers, writes that copy back in one insert
per table and returns the same count. Anything else (data already there, jobs on Redis,
another media root) loads for real. The ids are those of the first load: the sequences
are past them, so rows a test adds never collide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app
from sqlalchemy import insert, literal, select

from backoffice.core import rowsecurity
from backoffice.extensions import db

Rows = list[tuple[str, list[dict[str, Any]]]]
_SNAPSHOTS: dict[tuple[Any, ...], tuple[int, Rows]] = {}


def _key() -> tuple[Any, ...] | None:
    config = current_app.config
    if config.get("REDIS_URL"):
        return None
    from backoffice.core.carriers import registry

    return (str(db.engine.url), config.get("MEDIA_ROOT"),
            tuple(sorted(registry().ids)))


def _empty(conn) -> bool:
    return all(conn.execute(select(literal(1)).select_from(table).limit(1)).first() is None
               for table in db.metadata.sorted_tables)


def _read(conn) -> Rows:
    return [(table.name, [dict(row) for row in conn.execute(select(table)).mappings()])
            for table in db.metadata.sorted_tables]


def _write(conn, rows: Rows) -> None:
    tables = db.metadata.tables
    for name, table_rows in rows:
        if table_rows:
            conn.execute(insert(tables[name]), table_rows)


def cached(load: Callable[[], int]) -> Callable[[], int]:
    """``load`` (the demo loader), served from the session's copy where it can be."""

    @wraps(load)
    def load_demo() -> int:
        key = _key()
        if key is None:
            return load()
        db.session.commit()
        with db.engine.begin() as conn:
            rowsecurity.as_system(conn)
            if not _empty(conn):
                return load()
            snapshot = _SNAPSHOTS.get(key)
            if snapshot is not None:
                _write(conn, snapshot[1])
        if snapshot is not None:
            db.session.expire_all()
            return snapshot[0]
        created = load()
        db.session.commit()
        with db.engine.begin() as conn:
            rowsecurity.as_system(conn)
            _SNAPSHOTS[key] = (created, _read(conn))
        return created

    return load_demo
