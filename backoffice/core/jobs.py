"""One way to run background work: after the transaction commits, never before.

With ``REDIS_URL`` configured the job goes to an rq queue and a worker runs it, with rq
retries (``JOB_RETRY_INTERVALS``) and a failure callback that hands the failure to the
job's ``on_failure`` handler, also when rq finds a job whose worker died; without
``REDIS_URL``, the job runs in-process right after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from backoffice.extensions import db

log = logging.getLogger(__name__)
QUEUE_NAME = "backoffice"
_PENDING = "backoffice.after_commit"
#: Seconds before each rq retry of a job that raised (or whose worker died): at once by
#: default, so a worker needs no scheduler process; the sweep is the slow retry.
RETRY_INTERVALS = (0, 0)

#: ``handler(args, reason, final)``: a job of ``args`` failed; ``final`` when rq gives up.
FailureHandler = Callable[[tuple[Any, ...], str, bool], None]


def enqueue(func: Callable[..., Any], *args: Any,
            on_failure: FailureHandler | None = None) -> None:
    """Run ``func(*args)`` as a job once the current transaction has committed.

    ``on_failure`` (a module-level function) is told of each failed attempt.
    """
    session = db.session()
    if not session.in_transaction():
        session.begin()
    db.session.info.setdefault(_PENDING, []).append((func, args, on_failure))


def commit() -> None:
    """Commit the session, then dispatch the jobs queued during the transaction.

    A failed commit rolls back and dispatches nothing.
    """
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    pending = db.session.info.pop(_PENDING, [])
    if not pending:
        return
    queue = rq_queue()
    if queue is None:
        for func, args, on_failure in pending:
            _run(func, args, on_failure)
    else:
        _send(queue, pending)


@event.listens_for(Session, "after_soft_rollback")
def _forget_jobs(session: Session, previous_transaction: object) -> None:
    session.info.pop(_PENDING, None)


def _name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def _run(func: Callable[..., Any], args: tuple[Any, ...],
         on_failure: FailureHandler | None) -> None:
    """Run a job in-process (no ``REDIS_URL``)."""
    try:
        func(*args)
    except Exception as exc:
        if on_failure is None:
            raise
        log.exception("job %s%r failed", _name(func), args)
        db.session.rollback()
        on_failure(args, _reason(type(exc), exc), True)


def _send(queue: Any, pending: list[tuple[Callable[..., Any], tuple[Any, ...],
                                          FailureHandler | None]]) -> None:
    """Queue the transaction's jobs in one Redis round trip (a bulk import queues one
    per line)."""
    from rq import Callback, Retry

    intervals = list(current_app.config.get("JOB_RETRY_INTERVALS", RETRY_INTERVALS))
    queue.enqueue_many([
        queue.prepare_data(_name(func), args,
                           retry=Retry(max=len(intervals), interval=intervals)
                           if intervals else None,
                           on_failure=Callback(job_failed) if on_failure else None,
                           meta={"on_failure": _name(on_failure)} if on_failure else None)
        for func, args, on_failure in pending])


def job_failed(job: Any, connection: Any, exc_type: type[BaseException] | None,
               exc: BaseException | None, traceback: Any = None) -> None:
    """rq failure callback: pass the failure on to the job's ``on_failure`` handler.

    rq calls it when the job raised and when a dead worker's job is found abandoned;
    ``final`` tells the handler whether rq will try again.
    """
    from rq.utils import import_attribute

    handler = job.meta.get("on_failure")
    if not handler:
        return
    db.session.rollback()  # whatever the failed attempt left half done
    import_attribute(handler)(tuple(job.args), _reason(exc_type, exc),
                              not (job.retries_left or 0) > 0)


def _reason(exc_type: type[BaseException] | None, exc: BaseException | None) -> str:
    name = exc_type.__name__ if exc_type else "Error"
    if name == "AbandonedJobError":
        return "the worker running this job stopped before it finished"
    return f"{name}: {exc}" if exc and str(exc) else name


def rq_queue():
    """The rq queue when ``REDIS_URL`` is configured, else ``None``."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    if "rq_queue" not in current_app.extensions:
        from redis import Redis
        from rq import Queue

        name = current_app.config.get("RQ_QUEUE", QUEUE_NAME)
        current_app.extensions["rq_queue"] = Queue(name, connection=Redis.from_url(url))
    return current_app.extensions["rq_queue"]
