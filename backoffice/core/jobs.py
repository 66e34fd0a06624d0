"""One way to run background work: after the transaction commits, never before.

With ``REDIS_URL`` configured the job goes to an rq queue and a worker runs it;
without it, the job runs in-process right after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from backoffice.extensions import db

log = logging.getLogger(__name__)
QUEUE_NAME = "backoffice"
_PENDING = "backoffice.after_commit"


def enqueue(func: Callable[..., Any], *args: Any) -> None:
    """Run ``func(*args)`` as a job once the current transaction has committed."""
    session = db.session()
    if not session.in_transaction():
        session.begin()
    db.session.info.setdefault(_PENDING, []).append(partial(_dispatch, func, args))


def commit() -> None:
    """Commit the session, then dispatch the jobs queued during the transaction.

    A failed commit rolls back and dispatches nothing.
    """
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    for dispatch in db.session.info.pop(_PENDING, []):
        dispatch()


@event.listens_for(Session, "after_soft_rollback")
def _forget_jobs(session: Session, previous_transaction: object) -> None:
    session.info.pop(_PENDING, None)


def _dispatch(func: Callable[..., Any], args: tuple[Any, ...]) -> None:
    queue = rq_queue()
    if queue is None:
        func(*args)
    else:
        queue.enqueue(f"{func.__module__}.{func.__qualname__}", *args)


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
