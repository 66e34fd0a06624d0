"""Loading a large import's rows through the line schema, partly in a second process.

The schema's work on a row (its numbers read by phonenumbers, its e-mail, its fields'
limits) depends on nothing but the row and the carrier's country, and is most of what a
row's checks cost. For a large import, :func:`schema_loads` hands most of it to one worker
process, by chunks, while this process runs the rest of each row's checks (core's and the
carrier's, which read the tenant's lines) on the chunks already loaded: two cores instead
of one. This process loads one chunk in :data:`HERE_EVERY` itself, so that both finish
together.

The worker is forked from this process, so it holds the same application and the same
schema (:func:`~backoffice.core.lines.line_schema_for`); it touches no database. It is
forked only from a process with a single thread (an rq job's work horse, a script): a fork
copies no other thread, and a lock one held would stay locked in the copy. A row the
schema refuses comes back as ``None``, like every row of a small import:
:func:`~backoffice.core.changes.validate` then loads it in this process, where its errors
are worded in the agent's language.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import Any

from marshmallow import ValidationError

from backoffice.core.lines import line_schema, line_schema_for
from backoffice.core.models import Tenant
from backoffice.core.phone import parsing_once

CHUNK = 500
"""Rows per exchange with the worker."""
HERE_EVERY = 4
"""One chunk in this many is loaded by this process, which also runs every row's other
checks (measured with ``benchmarks/bulk_import.py``: 3 to 5 balance the two best)."""
PARALLEL_FROM = 2_000
"""Fewer rows than this are not loaded ahead: starting a process would cost more than it
saves."""


def schema_loads(tenant: Tenant, rows: list[dict[str, Any]]) -> Iterator[dict[str, Any] | None]:
    """What ``tenant``'s line schema loads from each row, in order, ``None`` for a row it
    refuses; ``None`` for every row when the import is not loaded ahead (small, or this
    process has other threads)."""
    if len(rows) < PARALLEL_FROM or threading.active_count() > 1:
        return repeat(None, len(rows))
    return loaded_in_two_processes(line_schema(tenant).region, rows)


def loaded_in_two_processes(region: str, rows: list[dict[str, Any]]
                            ) -> Iterator[dict[str, Any] | None]:
    """The rows loaded by the line schema of ``region``, chunks shared between a forked
    worker and this process."""
    starts = range(0, len(rows), CHUNK)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as worker:
        sent = {start: worker.submit(load_chunk, region, rows[start:start + CHUNK])
                for number, start in enumerate(starts) if number % HERE_EVERY}
        for start in starts:
            if start in sent:
                yield from sent[start].result()
            else:
                yield from load_chunk(region, rows[start:start + CHUNK])


def load_chunk(region: str, rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Each row as the line schema of ``region`` loads it, ``None`` for one it refuses."""
    schema, loaded = line_schema_for(region), []
    with parsing_once():
        for row in rows:
            try:
                loaded.append(schema.load(row))
            except ValidationError:
                loaded.append(None)
    return loaded
