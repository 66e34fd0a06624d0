"""Health check and structured request logs, each log line carrying the request id."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from flask import Blueprint, Flask, Response, current_app, g, jsonify, request
from sqlalchemy import text

from backoffice.auth import public
from backoffice.extensions import db

log = logging.getLogger("backoffice.request")
bp = Blueprint("health", __name__)


def _database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception as exc:  # noqa: BLE001 - report, do not crash the probe
        db.session.rollback()
        return f"error: {exc.__class__.__name__}"


def _redis() -> str:
    from redis import Redis

    try:
        Redis.from_url(current_app.config["REDIS_URL"], socket_timeout=2).ping()
        return "ok"
    except Exception as exc:  # noqa: BLE001
        return f"error: {exc.__class__.__name__}"


def _expected_heads() -> frozenset[str]:
    """The heads of every migration branch (core's and each carrier's), read once per app:
    the code deployed does not change under a running process."""
    heads = current_app.extensions.get("migration_heads")
    if heads is None:
        from alembic.script import ScriptDirectory

        from backoffice.extensions import migrate

        heads = frozenset(ScriptDirectory.from_config(migrate.get_config()).get_heads())
        current_app.extensions["migration_heads"] = heads
    return heads


def _migrations() -> str:
    """"ok" when the database is at every head the code knows; else what is missing."""
    try:
        applied = set(db.session.execute(text("SELECT version_num FROM alembic_version"))
                      .scalars())
    except Exception as exc:  # noqa: BLE001
        db.session.rollback()
        return f"error: {exc.__class__.__name__}"
    missing = sorted(_expected_heads() - applied)
    return "ok" if not missing else f"behind: {', '.join(missing)} not applied"


def _answer(checks: dict[str, str]) -> tuple[Response, int]:
    healthy = all(value == "ok" for value in checks.values())
    return jsonify(status="ok" if healthy else "error", checks=checks), 200 if healthy else 503


@bp.get("/healthz/live")
@public
def liveness() -> tuple[Response, int]:
    """Liveness: the process answers requests. No dependency is asked, so a database or
    Redis outage never makes an orchestrator restart healthy processes."""
    return jsonify(status="ok", checks={"application": "ok"}), 200


@bp.get("/healthz")
@bp.get("/healthz/ready", endpoint="readiness")
@public
def healthz() -> tuple[Response, int]:
    """Readiness: the database answers and is migrated to every head, Redis (when
    configured) answers; 200 when all do, else 503 naming what is not ready."""
    checks: dict[str, str] = {"application": "ok", "database": _database()}
    if checks["database"] == "ok":
        checks["migrations"] = _migrations()
    if current_app.config.get("REDIS_URL"):
        checks["redis"] = _redis()
    return _answer(checks)


REQUEST_ID_MAX = 64  # the audit trail's column
_REQUEST_ID = re.compile(r"[\x21-\x7e]+")


def request_id_of(header: str | None) -> str:
    """The client's ``X-Request-Id`` when it is printable ASCII (cut to 64 characters, the
    audit trail's column), else a fresh one: a header never makes a write fail."""
    if header and _REQUEST_ID.fullmatch(header):
        return header[:REQUEST_ID_MAX]
    return uuid.uuid4().hex


def _start() -> None:
    g.request_id = request_id_of(request.headers.get("X-Request-Id"))
    g.started_at = time.perf_counter()


def _log(response: Response) -> Response:
    response.headers["X-Request-Id"] = g.get("request_id", "")
    log.info(json.dumps({
        "request_id": g.get("request_id"), "method": request.method, "path": request.path,
        "status": response.status_code, "agent": g.get("actor"),
        "duration_ms": round((time.perf_counter() - g.get("started_at", time.perf_counter()))
                             * 1000, 1),
    }))
    return response


def init_app(app: Flask) -> None:
    """Register the health check and the request log (the request id is set first)."""
    app.before_request_funcs.setdefault(None, []).insert(0, _start)
    app.after_request(_log)
    app.register_blueprint(bp)
    if not log.handlers and not app.testing:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
