"""Authentication: agents, sessions, API tokens, CSRF, login throttling, security log.

``init_app`` installs a gate in front of every endpoint: a request gets through only
with a signed-in active agent (session cookie) or a valid ``Authorization: Bearer``
token, except the endpoints marked :func:`public`. The gate sets ``g.actor`` to the
agent's e-mail, which the change pipeline writes in the audit trail.

Authorization (which agent may see or change what) is not decided here: the agent's
:attr:`~backoffice.auth.models.Agent.role_info`, ``can_write``, ``can_manage_agents``
and ``can_see_carrier()`` are the facts it is decided from, and :func:`forbidden` is
the one way to refuse. The refusals here (:class:`Forbidden`, :class:`Unauthenticated`,
:class:`LoginThrottled`, CSRF errors) are answered by ``backoffice.problems``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar
from urllib.parse import urlencode

from flask import Flask, current_app, g, has_request_context, redirect, request, session, url_for
from flask_login import LoginManager, current_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from werkzeug import exceptions as http_errors

from backoffice.auth import passwords, security
from backoffice.auth.models import Agent, ApiToken, SecurityEvent
from backoffice.core.errors import N_
from backoffice.extensions import db

__all__ = ["Agent", "ApiToken", "Forbidden", "LoginThrottled", "SecurityEvent",
           "Unauthenticated", "current_agent", "forbidden", "init_app", "public"]

login_manager = LoginManager()
csrf = CSRFProtect()

F = TypeVar("F", bound=Callable[..., Any])

#: Endpoints reachable without signing in (besides those marked with :func:`public`).
PUBLIC_ENDPOINTS = {"auth.login", "static", "healthz"}
PUBLIC_PREFIXES = ("api-docs.",)  # flask-smorest's OpenAPI document and docs pages

MISSING_TOKEN = N_("Missing or invalid token.")
REVOKED_TOKEN = N_("This token was revoked.")
INACTIVE_AGENT = N_("This agent's account is deactivated.")
SIGN_IN_REQUIRED = N_("Please sign in to continue.")
SESSION_EXPIRED = N_("Your session has expired. Please sign in again.")
FORBIDDEN = N_("You are not allowed to do this.")
#: Why no agent speaks for a request (``g.auth_problem``): its code and message.
UNAUTHENTICATED = {
    "token_unknown": ("auth.token.invalid", MISSING_TOKEN),
    "token_revoked": ("auth.token.revoked", REVOKED_TOKEN),
    "agent_inactive": ("auth.agent.inactive", INACTIVE_AGENT),
    "session_expired": ("auth.session.expired", SESSION_EXPIRED),
}


def public(view: F) -> F:
    """Mark a view function or MethodView as reachable without signing in (health checks).

    Put it under the route decorator: ``@bp.get("/healthz")`` then ``@public``.
    """
    view.is_public = True  # type: ignore[attr-defined]
    return view


def current_agent() -> Agent | None:
    """The agent of the current request (by session or by token), or None."""
    if not has_request_context():
        return None
    user = current_user._get_current_object()
    return user if isinstance(user, Agent) else None


class Forbidden(http_errors.Forbidden):
    """403 with a stable ``problem_code`` and a msgid, ``message``."""

    def __init__(self, message: str = FORBIDDEN, code: str = "auth.role.forbidden"):
        super().__init__(description=message)
        self.message, self.problem_code = message, code


class Unauthenticated(http_errors.Unauthorized):
    """401: no agent speaks for the request; ``reason`` is a key of :data:`UNAUTHENTICATED`."""

    def __init__(self, reason: str | None = None):
        code, message = UNAUTHENTICATED.get(reason or "", ("auth.token.invalid", MISSING_TOKEN))
        super().__init__(description=message)
        self.message, self.problem_code = message, code


class LoginThrottled(http_errors.TooManyRequests):
    """429: too many failed sign-ins for an account or from an address.

    ``message`` is a msgid, ``limit`` the limit reached ("5 per 15 minutes") and
    ``retry_after`` the seconds until the next attempt counts.
    """

    def __init__(self, message: str, limit: str, retry_after: int | None = None):
        super().__init__(description=message, retry_after=retry_after)
        self.message, self.limit = message, limit


def forbidden(message: str = FORBIDDEN, code: str = "auth.role.forbidden") -> Forbidden:
    """The refusal to raise when an agent may not do something: ``raise forbidden(N_(...))``."""
    return Forbidden(message, code)


# Loading the agent -------------------------------------------------------------------


def bearer_token() -> str | None:
    """The token of an ``Authorization: Bearer`` header ("" when the header is empty)."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip()


@login_manager.user_loader
def _load_from_session(user_id: str) -> Agent | None:
    if bearer_token() is not None:  # a bearer token speaks for the request, not the cookie
        return None
    agent_id, _, _stamp = user_id.partition(":")
    if not agent_id.isdigit():
        return None
    agent = db.session.get(Agent, int(agent_id))
    if agent is None or not agent.active or agent.get_id() != user_id:
        return None  # deleted, deactivated, or its password changed since
    timeout: timedelta = current_app.config["AUTH_SESSION_TIMEOUT"]
    now = time.time()
    if now - session.get("seen_at", 0) > timeout.total_seconds():
        g.auth_problem = "session_expired"
        security.log_event(security.SESSION_EXPIRED, email=agent.email)
        return None
    if now - session.get("seen_at", 0) > 60:  # refresh at most once a minute
        session["seen_at"] = now
    return agent


@login_manager.request_loader
def _load_from_token(_request) -> Agent | None:
    clear = bearer_token()
    if clear is None:
        return None
    from backoffice.auth import tokens

    token = tokens.find_token(clear) if clear else None
    if token is None:
        g.auth_problem = "token_unknown"
        security.log_event(security.TOKEN_REJECTED, detail=f"unknown token on {request.path}")
        return None
    if token.revoked:
        g.auth_problem = "token_revoked"
        security.log_event(security.TOKEN_REJECTED, email=token.agent.email,
                           detail=f"revoked token {token.id} on {request.path}")
        return None
    if not token.agent.active:
        g.auth_problem = "agent_inactive"
        security.log_event(security.TOKEN_REJECTED, email=token.agent.email,
                           detail=f"token {token.id} of a deactivated agent on {request.path}")
        return None
    agent = token.agent
    tokens.mark_used(token)
    g.api_token = token
    return agent


# The gate ----------------------------------------------------------------------------


def is_public_endpoint(endpoint: str | None) -> bool:
    """Whether ``endpoint`` is reachable without signing in."""
    if endpoint is None:
        return True
    if endpoint in PUBLIC_ENDPOINTS or endpoint.startswith(PUBLIC_PREFIXES):
        return True
    view = current_app.view_functions.get(endpoint)
    view_class = getattr(view, "view_class", None)  # a MethodView marked as a whole
    return bool(getattr(view, "is_public", False) or getattr(view_class, "is_public", False))


def _unauthenticated():
    from backoffice.problems import wants_json  # backoffice.problems imports this package

    reason = g.get("auth_problem")
    if wants_json():
        raise Unauthenticated(reason)
    target = request.full_path if request.query_string else request.path
    query = {"next": target}
    if reason == "session_expired":
        query["expired"] = "1"
    return redirect(url_for("auth.login") + "?" + urlencode(query))


#: What Flask-Login, Flask-Babel, Flask-WTF and the gate keep on ``g`` for one request.
PER_REQUEST_STATE = ("_login_user", "_flask_babel", "csrf_token", "csrf_valid",
                     "auth_problem", "api_token", "actor", "tenant_scope")


def _fresh_request_state() -> None:
    """Forget the previous request's agent, language and CSRF token.

    ``g`` belongs to the app context. A server pushes one per request, but an app
    context held open around several requests (tests, scripts) shares one ``g``, and
    the previous request's agent would otherwise answer for this one.
    """
    for name in PER_REQUEST_STATE:
        g.pop(name, None)


def _gate():
    """Let the request through only with an agent; check CSRF unless a token speaks."""
    if request.endpoint is None:  # 404 and 405: nothing runs, let Flask answer
        return None
    agent = current_agent()
    if agent is not None:
        g.actor = agent.email
    elif g.get("auth_problem") == "session_expired":
        logout_user()  # forget the stale session, so its expiry is logged once
    public_endpoint = is_public_endpoint(request.endpoint)
    if agent is None and not public_endpoint:
        return _unauthenticated()
    if bearer_token() is None:
        try:
            csrf.protect()
        except CSRFError as refused:
            security.log_event(security.CSRF_REJECTED, email=agent.email if agent else None,
                               detail=f"{request.method} {request.path}: {refused.description}")
            raise
    return None


def _no_cache(response):
    """Pages behind the gate are personal: no shared cache keeps them."""
    if current_agent() is not None:
        response.headers.setdefault("Cache-Control", "private, no-store")
    return response


def _configure(app: Flask) -> None:
    app.config.setdefault("AUTH_SESSION_TIMEOUT", timedelta(hours=8))
    app.config.setdefault("AUTH_LOGIN_LIMIT_ACCOUNT", "5 per 15 minutes")
    app.config.setdefault("AUTH_LOGIN_LIMIT_ADDRESS", "20 per 15 minutes")
    app.config.setdefault("PERMANENT_SESSION_LIFETIME", timedelta(days=31))
    # The session cookie is signed again only when it changes, which _load_from_session
    # makes it do once a minute of activity ("seen_at"), not on every request.
    app.config["SESSION_REFRESH_EACH_REQUEST"] = False
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    secure = os.environ.get("SESSION_COOKIE_SECURE")
    if secure is not None:  # an explicit choice, e.g. for plain HTTP on a workstation
        app.config["SESSION_COOKIE_SECURE"] = secure.lower() in {"1", "true", "yes"}
    else:
        app.config["SESSION_COOKIE_SECURE"] = not (app.debug or app.testing)
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # the gate decides, see _gate
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # the session's life bounds it
    app.config.setdefault("AUTH_THROTTLE_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("AUTH_THROTTLE_KEY_PREFIX", "backoffice-auth")


def init_app(app: Flask) -> None:
    """Install sessions, tokens, CSRF, throttling, the gate and the auth pages."""
    from backoffice.auth import cli, views

    _configure(app)
    passwords.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    # One counter store per app, so in tests each app counts from zero. Only the login
    # view counts (failed attempts), so no other request pays for a rate-limit check.
    app.extensions["login_throttle"] = MovingWindowRateLimiter(
        storage_from_string(app.config["AUTH_THROTTLE_STORAGE_URI"]))
    app.before_request_funcs.setdefault(None, []).insert(0, _fresh_request_state)
    app.before_request(_gate)
    app.after_request(_no_cache)
    app.register_blueprint(views.bp)
    app.jinja_env.globals["current_agent"] = current_agent
    cli.register(app)
