"""Loading a large import's rows through the line schema, partly in a second process.

The schema's work on a row (its numbers read by phonenumbers, its e-mail, its fields'
limits) depends on nothing but the row and the carrier's country, and is most of what a
row's checks cost. For a large import, :func:`schema_loads` hands most of it to one worker
process, by chunks, while this process runs the rest of each row's checks (core's and the
carrier's, which read the tenant's lines) on the chunks already loaded: two cores instead
of one. This process loads one chunk in :data:`HERE_EVERY` itself, so that both finish
together.

The worker comes from multiprocessing's fork server, a process that imported this module
once and forks a worker for each import: quick to start, and safe from a process with
other threads (a plain fork would copy the locks they hold). It has no application and
touches no database: it builds the same schema (:func:`~backoffice.core.lines.line_schema_for`)
and answers, for each row, what the schema loads from it or ``None``. A row it refuses
is loaded again in this process by :func:`~backoffice.core.changes.validate`, where its
errors are worded in the agent's language; so is every row of a small import.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import Any

from backoffice.core.lines import line_schema, line_schema_for
from backoffice.core.models import Tenant
from backoffice.core.phone import parsing_once

CHUNK = 500
"""Rows per exchange with the worker."""
HERE_EVERY = 3
"""One chunk in this many is loaded by this process, which also runs every row's other
checks (measured with ``benchmarks/bulk_import.py``: 3 to 5 balance the two best)."""
PARALLEL_FROM = 2_000
"""Fewer rows than this are not loaded ahead: starting a worker would cost more than it
saves."""


def schema_loads(tenant: Tenant, rows: list[dict[str, Any]]) -> Iterator[dict[str, Any] | None]:
    """What ``tenant``'s line schema loads from each row, in order, ``None`` for a row it
    refuses; ``None`` for every row of a small import (nothing is loaded ahead)."""
    if len(rows) < PARALLEL_FROM:
        return repeat(None, len(rows))
    return loaded_in_two_processes(line_schema(tenant).region, rows)


def loaded_in_two_processes(region: str, rows: list[dict[str, Any]]
                            ) -> Iterator[dict[str, Any] | None]:
    """The rows loaded by the line schema of ``region``, chunks shared between a worker
    process and this one."""
    starts = range(0, len(rows), CHUNK)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as worker:
        sent = {start: worker.submit(load_chunk, region, rows[start:start + CHUNK])
                for number, start in enumerate(starts) if number % HERE_EVERY}
        for start in starts:
            if start in sent:
                yield from sent[start].result()
            else:
                yield from load_chunk(region, rows[start:start + CHUNK])


def load_chunk(region: str, rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """Each row as the line schema of ``region`` loads it; ``None`` for one it refuses
    (outside an application, wording the refusal fails too: the caller words it)."""
    schema, loaded = line_schema_for(region), []
    with parsing_once():
        for row in rows:
            try:
                loaded.append(schema.load(row))
            except Exception:  # noqa: BLE001 - validate() loads the row again and says why
                loaded.append(None)
    return loaded
