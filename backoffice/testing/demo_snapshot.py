"""The demo data, loaded for real once per test session, then copied in for each test.

Most tests start from the demo customers (every feature scenario, the conformance kit),
and loading them goes through the whole change pipeline: seconds a test, most of the
suite's time. The first :func:`~backoffice.demo.load_demo` of a session on an empty
database runs for real and keeps a copy of every row it wrote and every file it stored
(greetings, logos, faxes). A later one on an empty database of the same session, with the
same carriers and settings, writes the rows back in one insert per table and the files
into the app's media root, and returns the same count. Anything else (data already
there, jobs on Redis) loads for real. The ids are those of the first load: the sequences
are past them, so rows a test adds never collide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import insert, literal, select

from backoffice.core import rowsecurity
from backoffice.extensions import db

Rows = list[tuple[str, list[dict[str, Any]]]]
Files = dict[str, bytes]
_SNAPSHOTS: dict[tuple[Any, ...], tuple[int, Rows, Files]] = {}


def _key() -> tuple[Any, ...] | None:
    config = current_app.config
    if config.get("REDIS_URL"):
        return None
    from backoffice.core.carriers import registry

    settings = repr(sorted((name, repr(value)) for name, value in config.items()
                           if name != "MEDIA_ROOT"))
    return (str(db.engine.url), tuple(sorted(registry().ids)), settings)


def _media_root() -> Path:
    """Where the default storage keeps files (:mod:`backoffice.core.media.storage`)."""
    return Path(current_app.config.get("MEDIA_ROOT") or Path(current_app.instance_path) / "media")


def _read_files() -> Files:
    root = _media_root()
    if not root.is_dir():
        return {}
    return {str(path.relative_to(root)): path.read_bytes()
            for path in root.rglob("*") if path.is_file()}


def _write_files(files: Files) -> None:
    root = _media_root()
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


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
            _write_files(snapshot[2])
            db.session.expire_all()
            return snapshot[0]
        created = load()
        db.session.commit()
        with db.engine.begin() as conn:
            rowsecurity.as_system(conn)
            _SNAPSHOTS[key] = (created, _read(conn), _read_files())
        return created

    return load_demo
