"""Checking and saving an import: every row through the single-line change, all or nothing.

:func:`check_rows` gives each row to :func:`backoffice.core.lines.new_line_change` and to
the pipeline's own :func:`~backoffice.core.changes.validate` (schema, core checks, the
carrier's ``validate_change`` rules), against the tenant's lines and the rows accepted
before it (:class:`~backoffice.core.lines.KnownLines`, which carrier rules read through
:func:`~backoffice.core.lines.find_line`). A large import's rows go through the schema
mostly in other processes (:mod:`.loading`). A dry run (:func:`dry_run`) saves nothing;
the import (:func:`run_import`, a job) checks the rows again inside :func:`apply_change`,
inserting the accepted ones by batches while the next are checked (:mod:`.inserting`),
as one change: one ``line_import`` audit record listing the lines, and the orders the
carrier's network prefers (hook ``bulk_provisioning``), all in one transaction.
"""
from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import gettext
from marshmallow import Schema
from sqlalchemy import inspect, select, text, update

from backoffice.core import rowsecurity
from backoffice.core.bulk.inserting import batch_inserter, insert_rows
from backoffice.core.bulk.loading import schema_loads
from backoffice.core.bulk.models import LineImport
from backoffice.core.bulk.process_wide import ProcessWide
from backoffice.core.bulk.reading import COLUMNS
from backoffice.core.carriers import registry
from backoffice.core.changes import (
    Change,
    apply_change,
    current_actor,
    current_request_id,
    validate,
)
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.jobs import commit, enqueue
from backoffice.core.lines import KnownLines, importing, new_line_change
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant, utcnow
from backoffice.core.phone import parsing_once
from backoffice.core.provisioning import order_change, queue_orders
from backoffice.extensions import db

log = logging.getLogger(__name__)
OBJECT_TYPE = "line_import"
PROGRESS_EVERY = 0.5  # seconds between two progress writes
PROGRESS_ROWS = 100  # rows between two calls of the progress callback
Progress = Callable[[int], None]
#: The report names a line field by the file's column.
FIELD_COLUMN = {"site_id": "site"}
#: The file's columns that are line fields as they stand (a site is named, not numbered).
_LINE_COLUMNS = tuple(name for name in COLUMNS if name != "site")


class ImportRejected(ChangeRejected):
    """Rows of the import broke rules; nothing was saved. ``report`` says which."""

    def __init__(self, report: list[dict[str, Any]]):
        super().__init__([Violation(code=error["code"], field=error["field"],
                                    message=error["message"], params=error["params"])
                          for entry in report for error in entry["errors"]])
        self.report = report


@dataclass
class ImportedLines:
    """What an import persisted: its record and its lines' states (each line's columns, as
    :func:`~backoffice.core.changes.snapshot` gives them), as the audit trail keeps them."""

    job: LineImport
    lines: list[dict[str, Any]]

    @property
    def id(self) -> int:
        return self.job.id

    def audit_state(self) -> dict[str, Any]:
        return {"import": self.job.id, "filename": self.job.filename, "lines": self.lines}


def line_data(row: dict[str, Any], sites: dict[str, int]) -> tuple[dict[str, Any], list[Violation]]:
    """The line fields of a row (its site by name), and what is wrong with the site."""
    data = {name: row.get(name, "") for name in _LINE_COLUMNS}
    site = (row.get("site") or "").strip()
    if not site:
        return data, []
    site_id = sites.get(site.casefold())
    if site_id is None:
        return data, [Violation(
            code="line.site.unknown", field="site", params={"value": site},
            message=N_("“%(value)s” is not a site of this customer."))]
    data["site_id"] = site_id
    return data, []


def row_error(error: dict[str, Any]) -> str:
    """One error of an import's report, in the current request's language."""
    message, params = error["message"], error.get("params", {})
    return gettext(message, **params)


def _error(violation: Violation) -> dict[str, Any]:
    return {"field": FIELD_COLUMN.get(violation.field, violation.field), "code": violation.code,
            "message": violation.message,
            "params": {key: str(value) for key, value in violation.params.items()}}


def check_rows(tenant: Tenant, rows: list[dict[str, Any]], progress: Progress | None = None,
               on_accept: Callable[[dict[str, Any]], None] | None = None
               ) -> list[dict[str, Any]]:
    """Check every row as a single new line, against the tenant's lines and the rows
    accepted before it; save nothing (``on_accept``, called with each accepted row's
    fields until a row is refused, may).

    Returns the report of the refused rows:
    ``[{"row": n, "errors": [{"field", "code", "message", "params"}]}]``.
    """
    known = KnownLines(tenant)
    sites = {name.casefold(): site_id for site_id, name in db.session.execute(
        select(Site.id, Site.name).where(Site.tenant_id == tenant.id))}
    report: list[dict[str, Any]] = []
    fields = [line_data(row, sites) for row in rows]
    change = new_line_change(tenant, {}, known)  # given each row's data in turn
    with parsing_once(), importing(known), db.session.no_autoflush:
        for index, (row, (data, problems), loaded) in enumerate(zip(
                rows, fields, schema_loads(tenant, [data for data, _ in fields]), strict=True)):
            known.row = row.get("row", index + 2)
            change.data = data
            try:
                clean = validate(change, loaded)
            except ChangeRejected as rejected:
                problems += [v for v in rejected.violations
                             if not (problems and v.field == "site_id")]
            if problems:
                report.append({"row": known.row, "errors": [_error(v) for v in problems]})
            else:
                known.accept(clean)
                if on_accept is not None and not report:
                    on_accept(clean)
            if progress is not None and (index % PROGRESS_ROWS == 0 or index + 1 == len(rows)):
                progress(index + 1)
    return report


def dry_run(tenant: Tenant, rows: list[dict[str, Any]], filename: str) -> LineImport:
    """Check the rows, save nothing of them, and keep the import with its report (status
    ``checked``): the agent reads the report, then starts the import (:func:`start`)."""
    try:
        with cycle_collection_paused():
            report = check_rows(tenant, rows)
    finally:
        db.session.rollback()
    job = LineImport(tenant_id=tenant.id, actor=current_actor(), request_id=current_request_id(),
                     filename=filename[:200], status=LineImport.CHECKED, total=len(rows),
                     done=0, rows=rows, report=report)
    db.session.add(job)
    commit()
    return job


class NotReady(Exception):
    """The import cannot start: its dry run found errors, or it has started already."""


def start(job: LineImport) -> None:
    """Queue the import's job (after a clean dry run); it runs once this commits."""
    if job.status != LineImport.CHECKED or job.report:
        raise NotReady(job.status)
    job.status = LineImport.QUEUED
    enqueue(run_import, job.id, on_failure=import_failed)
    commit()


def run_import(import_id: int) -> str:
    """Job: check the rows again and save them all, or none, as one change."""
    job = db.session.get(LineImport, import_id)
    if job is None or job.status in LineImport.FINISHED:
        return "skipped"
    tenant = db.session.get(Tenant, job.tenant_id)
    rows, total = list(job.rows), job.total
    _write_progress(import_id, status=LineImport.RUNNING, done=0)

    def persist(clean: dict[str, Any]) -> ImportedLines:
        with batch_inserter(Line.__table__, expected=len(rows)) as inserter:
            report = check_rows(tenant, rows, _progress(import_id),
                                   on_accept=lambda line: inserter.add(line_row(tenant, line)))
            if report:
                raise ImportRejected(report)
            ids = inserter.finish()
        job.status, job.done = LineImport.DONE, total
        db.session.flush()
        return ImportedLines(job, line_states(inserter.rows, ids))

    try:
        with cycle_collection_paused():
            apply_change(Change(
                tenant=tenant, object_type=OBJECT_TYPE, action="create", data={},
                schema=Schema(), persist=persist, provision=_orders, actor=job.actor))
    except ImportRejected as rejected:
        _finish(import_id, LineImport.REJECTED, report=rejected.report)
    except ChangeRejected as rejected:
        _finish(import_id, LineImport.REJECTED, report=[{"row": None, "errors": [
            _error(v) for v in rejected.violations]}])
    return db.session.get(LineImport, import_id).status


#: The line's columns an audit snapshot keeps (its search keys are derived, left out).
_STATE_COLUMNS = [attr.key for attr in inspect(Line).column_attrs
                  if not attr.columns[0].info.get("derived")]
#: A new line's row before its fields: each given column with the value an ORM insert would
#: give it when the row leaves it out.
_EMPTY_ROW = {column.key: column.default.arg if column.default is not None
              and column.default.is_scalar else None
              for column in Line.__table__.columns
              if column.key in _STATE_COLUMNS and column.key != "id"}


def line_row(tenant: Tenant, clean: dict[str, Any]) -> dict[str, Any]:
    """The ``line`` row of a checked row's fields."""
    row = _EMPTY_ROW.copy()
    row.update((name, value) for name, value in clean.items() if name in row)
    row["tenant_id"], row["version"] = tenant.id, 1
    return row


def line_states(rows: list[dict[str, Any]], ids: list[int]) -> list[dict[str, Any]]:
    """The inserted lines' states, as :func:`~backoffice.core.changes.snapshot` gives a
    line's (the same columns)."""
    return [{"id": line_id, **row} for line_id, row in zip(ids, rows, strict=True)]


def _orders(tenant: Tenant, audit: AuditRecord, imported: ImportedLines) -> None:
    """The import's provisioning orders: one per line, or one for all as the carrier says."""
    imported.job.audit_id = audit.id
    states = audit.after["lines"]
    if registry().hook(tenant.carrier_id).bulk_provisioning() == "batched":
        order_change(tenant, audit, payload={"lines": states})
        return
    now = utcnow()
    ids = insert_rows(ProvisioningOrder.__table__, [
        {"tenant_id": tenant.id, "audit_id": audit.id, "object_type": "line",
         "object_id": state["id"], "line_id": state["id"], "action": "create",
         "payload": state, "status": ProvisioningOrder.PENDING, "attempts": 0, "detail": "",
         "created_at": now, "updated_at": now} for state in states])
    queue_orders(ids)


def _pause_collector() -> bool:
    enabled = gc.isenabled()
    gc.disable()
    return enabled


def _resume_collector(enabled: bool) -> None:
    if enabled:
        gc.enable()


_COLLECTOR = ProcessWide(_pause_collector, _resume_collector)


def cycle_collection_paused() -> AbstractContextManager[None]:
    """Pause Python's cycle collector in the block. An import makes a hundred thousand
    objects that live until it ends; each full collection they trigger scans every object
    of the process (a tenth of a 10,000-line import in a backoffice worker), and frees none
    of them: reference counting frees them when the import ends. Blocks may nest or run in
    several threads; the collector resumes when the last one ends, if it ran before."""
    return _COLLECTOR.held()


def import_failed(args: tuple[Any, ...], reason: str, final: bool) -> None:
    """Failure handler of :func:`run_import` jobs: the import failed, nothing was saved."""
    if final:
        _finish(args[0], LineImport.FAILED, detail=reason[:500])


def _finish(import_id: int, status: str, **values: Any) -> None:
    db.session.rollback()
    job = db.session.get(LineImport, import_id)
    if job is not None:
        job.status = status
        for name, value in values.items():
            setattr(job, name, value)
        commit()


def _progress(import_id: int) -> Progress:
    """A progress callback writing how many rows are checked, twice a second at most."""
    last = [time.monotonic()]

    def progress(done: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            _write_progress(import_id, done=done)

    return progress


def _write_progress(import_id: int, **values: Any) -> None:
    """Write progress on a connection of its own, committed at once, so that pages and the
    API see it while the import's own transaction is still open; the job does not wait for
    the disk to keep it (a progress lost in a crash is written again, or replaced by the
    outcome). SQLite, which locks the whole file for the import's transaction, shows the
    outcome only."""
    if db.engine.dialect.name == "sqlite":
        return
    try:
        with db.engine.begin() as conn:
            rowsecurity.as_system(conn)
            conn.execute(text("SET LOCAL synchronous_commit TO OFF"))
            conn.execute(update(LineImport.__table__).where(LineImport.__table__.c.id == import_id)
                         .values(updated_at=utcnow(), **values))
    except Exception:  # noqa: BLE001 - progress is a courtesy, never a cause of failure
        log.exception("progress of import %s not written", import_id)


def max_rows() -> int:
    from backoffice.core.bulk.reading import MAX_ROWS

    return int(current_app.config.get("BULK_MAX_ROWS", MAX_ROWS))
