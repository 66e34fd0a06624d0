"""Loading a large import's rows through the line schema, mostly in other processes.

The schema's work on a row (its numbers read by phonenumbers, its e-mail, its fields'
limits) depends on nothing but the row and the carrier's country, and is most of what a
row's checks cost. For a large import, :func:`schema_loads` hands it to the process's
schema workers, by chunks, while this process runs the rest of each row's checks (core's
and the carrier's, which read the tenant's lines) on the chunks already loaded: every core
at work instead of one.

The schema workers (:func:`schema_workers`) are started by the first large import of a
backoffice process (an rq worker, a web worker) and kept for the next ones: starting one
costs about as much as loading a thousand rows. They come from multiprocessing's fork
server, which is safe from a process with other threads (a plain fork would copy the locks
they hold). They have no application and touch no database: they build the same schema
(:func:`~backoffice.core.lines.line_schema_for`) and answer, for each row, what the schema
loads from it or ``None``. A row they refuse is loaded again in this process by
:func:`~backoffice.core.changes.validate`, where its errors are worded in the agent's
language; so is every row of a small import. Should a worker die, the chunks not answered
are loaded here and the next large import starts others.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from typing import Any

from marshmallow import Schema, ValidationError

from backoffice.core.lines import line_schema, line_schema_for
from backoffice.core.models import Tenant
from backoffice.core.phone import parsing_once

CHUNK = 500
"""Rows per exchange with a worker."""
SCHEMA_WORKERS = 2
"""Processes loading chunks. Two, even on two cores: beside the job, which waits on them,
and the database, which waits on the job, they keep both cores busier than one process
does (measured with ``benchmarks/bulk_import.py``)."""
PARALLEL_FROM = 2_000
"""Fewer rows than this are not loaded ahead: a round trip to the workers would cost more
than it saves."""

_workers: ProcessPoolExecutor | None = None
_workers_lock = threading.Lock()


def schema_loads(tenant: Tenant, rows: list[dict[str, Any]]) -> Iterator[dict[str, Any] | None]:
    """What ``tenant``'s line schema loads from each row, in order, ``None`` for a row it
    refuses; ``None`` for every row of a small import (nothing is loaded ahead)."""
    if len(rows) < PARALLEL_FROM:
        return repeat(None, len(rows))
    return loaded_in_parallel(line_schema(tenant).region, rows)


def loaded_in_parallel(region: str, rows: list[dict[str, Any]]
                       ) -> Iterator[dict[str, Any] | None]:
    """The rows loaded by the line schema of ``region``: the first chunk in this process
    while the schema workers start on the next ones, in order."""
    starts = range(0, len(rows), CHUNK)
    workers = schema_workers()
    sent: dict[int, Future[list[dict[str, Any] | None]]] = {}
    try:
        for start in starts[1:]:
            sent[start] = workers.submit(load_chunk, region, rows[start:start + CHUNK])
    except BrokenProcessPool:
        forget_workers(workers)
    try:
        for start in starts:
            yield from _loaded(sent.get(start), workers, region, rows[start:start + CHUNK])
    finally:
        for future in sent.values():
            future.cancel()


def _loaded(future: Future[list[dict[str, Any] | None]] | None, workers: ProcessPoolExecutor,
            region: str, rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """The workers' answer for a chunk, or the chunk loaded here if it is not theirs or a
    worker died."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            forget_workers(workers)
    return load_chunk(region, rows)


def schema_workers() -> ProcessPoolExecutor:
    """This process's schema workers: :data:`SCHEMA_WORKERS` processes from the fork
    server, started on first use and kept."""
    global _workers
    with _workers_lock:
        if _workers is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([__name__])
            _workers = ProcessPoolExecutor(max_workers=SCHEMA_WORKERS, mp_context=context)
        return _workers


def forget_workers(workers: ProcessPoolExecutor | None = None) -> None:
    """Stop using ``workers`` (by default the current ones): the next large import starts
    others."""
    global _workers
    with _workers_lock:
        if _workers is not None and workers in (None, _workers):
            _workers.shutdown(wait=False, cancel_futures=True)
            _workers = None


def _after_fork_in_child() -> None:
    """A forked child (a web server's worker) does not share its parent's schema workers."""
    global _workers, _workers_lock
    _workers, _workers_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def load_chunk(region: str, rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Each row as the line schema of ``region`` loads it; ``None`` for one it refuses
    (outside an application, wording the refusal may fail too: the caller words it).

    The chunk is loaded as one collection (``many=True``: a tenth cheaper than row by row),
    unless that fails otherwise than by naming the rows it refuses."""
    schema = line_schema_for(region)
    with parsing_once():
        try:
            return schema.load(rows, many=True)
        except ValidationError as exc:
            refused, loaded = exc.messages, exc.valid_data
            if isinstance(refused, dict) and isinstance(loaded, list) \
                    and all(isinstance(index, int) for index in refused):
                return [None if index in refused else row for index, row in enumerate(loaded)]
        except Exception:  # noqa: BLE001, S110 - loaded row by row below
            pass
        return [_load_row(schema, row) for row in rows]


def _load_row(schema: Schema, row: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return schema.load(row)
    except Exception:  # noqa: BLE001 - validate() loads the row again and says why
        return None
