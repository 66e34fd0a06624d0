"""The security log: one row per sign-in, failure, token event or rejected request."""

from __future__ import annotations

import logging

from flask import has_request_context, request

from backoffice.auth.models import SecurityEvent
from backoffice.extensions import db

logger = logging.getLogger("backoffice.security")

LOGIN_FAILED = "login_failed"
LOGIN_SUCCEEDED = "login_succeeded"
LOGIN_THROTTLED = "login_throttled"
LOGOUT = "logout"
SESSION_EXPIRED = "session_expired"
PASSWORD_CHANGED = "password_changed"
PASSWORD_CHANGE_FAILED = "password_change_failed"
AGENT_CREATED = "agent_created"
TOKEN_CREATED = "token_created"
TOKEN_REVOKED = "token_revoked"
TOKEN_REJECTED = "token_rejected"
CSRF_REJECTED = "csrf_rejected"


def remote_addr() -> str | None:
    """The client's address, as the WSGI server (or a configured ProxyFix) reports it."""
    return request.remote_addr if has_request_context() else None


def log_event(kind: str, *, email: str | None = None, detail: str = "") -> SecurityEvent:
    """Write one security event and commit it at once, whatever the request does next.

    Call it only where the session holds nothing else to commit (the auth views and
    hooks, which change nothing else).
    """
    event = SecurityEvent(kind=kind, email=email, remote_addr=remote_addr(),
                          detail=detail[:500])
    db.session.add(event)
    db.session.commit()
    logger.info("%s email=%s addr=%s %s", kind, email or "-", event.remote_addr or "-", detail)
    return event
