"""Sign in, sign out, change one's password, list and revoke one's API tokens."""

from __future__ import annotations

import math
import time
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext
from flask_login import login_user, logout_user
from limits import parse
from werkzeug.wrappers import Response

from backoffice.auth import LoginThrottled, Unauthenticated, agents, passwords, security
from backoffice.auth import current_agent as _current_agent
from backoffice.auth.models import Agent, ApiToken
from backoffice.auth.tokens import revoke_token
from backoffice.core.errors import N_
from backoffice.extensions import db
from backoffice.problems import wants_json

bp = Blueprint("auth", __name__, template_folder="templates")

WRONG_CREDENTIALS = N_("Wrong e-mail address or password.")
TOO_MANY_FOR_ACCOUNT = N_("Too many failed sign-in attempts for this account. "
                          "Wait 15 minutes, then try again.")
TOO_MANY_FROM_ADDRESS = N_("Too many failed sign-in attempts from your network address. "
                           "Wait 15 minutes, then try again.")
SIGNED_OUT = N_("You are signed out.")
PASSWORD_CHANGED = N_("Your password was changed.")
TOKEN_REVOKED = N_("The token was revoked.")


def _agent() -> Agent:
    agent = _current_agent()
    if agent is None:  # the gate lets no anonymous request reach these views
        raise Unauthenticated()
    return agent


def _safe_next(target: str | None) -> str:
    """Only a path of this site, in printable ASCII: never another host (no open redirect),
    never a control character (no header splitting)."""
    if target and target.isprintable() and target.isascii() and " " not in target:
        parts = urlsplit(target)
        if (not parts.scheme and not parts.netloc and target.startswith("/")
                and not target.startswith(("//", "/\\"))):
            return target
    return url_for("pages.index")


# Throttling ---------------------------------------------------------------------------


def _throttle_keys(email: str) -> list[tuple[str, str, str, str]]:
    """(limit, scope, key, message) for the account and for the client's address."""
    config = current_app.config
    return [
        (config["AUTH_LOGIN_LIMIT_ACCOUNT"], "login-account", email or "-",
         TOO_MANY_FOR_ACCOUNT),
        (config["AUTH_LOGIN_LIMIT_ADDRESS"], "login-address", security.remote_addr() or "-",
         TOO_MANY_FROM_ADDRESS),
    ]


def _throttled(email: str) -> LoginThrottled | None:
    """The refusal when too many sign-ins failed for this account or from this address."""
    limiter = current_app.extensions["login_throttle"]
    prefix = current_app.config["AUTH_THROTTLE_KEY_PREFIX"]
    for limit, scope, key, message in _throttle_keys(email):
        item = parse(limit)
        if not limiter.test(item, prefix, scope, key):
            reset_at = limiter.get_window_stats(item, prefix, scope, key).reset_time
            return LoginThrottled(message, limit, max(1, math.ceil(reset_at - time.time())))
    return None


def _count_failure(email: str) -> None:
    limiter = current_app.extensions["login_throttle"]
    prefix = current_app.config["AUTH_THROTTLE_KEY_PREFIX"]
    for limit, scope, key, _message in _throttle_keys(email):
        limiter.hit(parse(limit), prefix, scope, key)


# Views --------------------------------------------------------------------------------


def _login_page(status: int = 200, error: str | None = None, email: str = "") -> tuple[str, int]:
    notice = None
    if request.args.get("expired"):
        notice = gettext("Your session has expired. Please sign in again.")
    elif request.args.get("next") and request.method == "GET":
        notice = gettext("Please sign in to continue.")
    page = render_template("auth/login.html", error=error, notice=notice, email=email,
                           next=request.values.get("next", ""))
    return page, status


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | tuple[str, int]:
    """The sign-in form. It never tells whether an e-mail address has an account."""
    if request.method == "GET":
        return _login_page()
    email = agents.normalize_email(request.form.get("email", ""))[:254]
    password = request.form.get("password", "")
    blocked = _throttled(email)
    if blocked is not None:
        security.log_event(security.LOGIN_THROTTLED, email=email,
                           detail=gettext(blocked.message))
        if wants_json():
            raise blocked
        return _login_page(429, gettext(blocked.message), email)
    agent = agents.find_agent(email) if email else None
    if agent is None:
        passwords.burn_time(password)  # as slow as a wrong password: e-mails stay secret
        reason = "unknown account"
    elif not passwords.verify_password(agent.password_hash, password):
        reason = "wrong password"
    elif not agent.active:
        reason = "deactivated account"
    else:
        reason = None
    if reason is not None:
        _count_failure(email)
        security.log_event(security.LOGIN_FAILED, email=email, detail=reason)
        return _login_page(401, gettext(WRONG_CREDENTIALS), email)
    if passwords.needs_rehash(agent.password_hash):
        agent.password_hash = passwords.hash_password(password)
        db.session.commit()
    language = session.get("lang")
    session.clear()  # a new session for the signed-in agent (no fixation)
    if language:
        session["lang"] = language
    session.permanent = True
    session["seen_at"] = time.time()
    login_user(agent)
    security.log_event(security.LOGIN_SUCCEEDED, email=agent.email)
    return redirect(_safe_next(request.form.get("next")))


@bp.post("/logout")
def logout() -> Response:
    """Sign out (a POST with the CSRF token: a link could be forged).

    The agent's session version goes up: this cookie, a copy of it, or any other session
    of the agent no longer signs anyone in.
    """
    agent = _current_agent()
    logout_user()
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    if agent is not None:
        agent.session_version = (agent.session_version or 0) + 1
        db.session.commit()
        security.log_event(security.LOGOUT, email=agent.email)
    flash(gettext(SIGNED_OUT))
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
def password() -> Response | tuple[str, int]:
    """Change one's own password: the current one, then the new one twice."""
    agent = _agent()
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            agents.change_password(agent, request.form.get("current_password", ""),
                                   request.form.get("new_password", ""),
                                   request.form.get("confirmation", ""))
        except agents.AgentRejected as rejected:
            errors = rejected.localized()
            security.log_event(security.PASSWORD_CHANGE_FAILED, email=agent.email,
                               detail=", ".join(sorted(errors)))
        else:
            login_user(agent)  # the session follows the new password; others end
            session["seen_at"] = time.time()
            flash(gettext(PASSWORD_CHANGED))
            return redirect(url_for("auth.password"))
    status = 400 if errors else 200
    return render_template("auth/password.html", errors=errors,
                           min_length=passwords.MIN_LENGTH), status


@bp.get("/account/tokens")
def tokens() -> str:
    """One's own API tokens: name, dates, state (never the token itself)."""
    agent = _agent()
    return render_template("auth/tokens.html", tokens=agent.tokens)


@bp.post("/account/tokens/<int:token_id>/revoke")
def revoke(token_id: int) -> Response:
    """Revoke one of one's own tokens."""
    agent = _agent()
    token = db.session.get(ApiToken, token_id)
    if token is None or token.agent_id != agent.id:
        abort(404)
    revoke_token(token, by=agent.email)
    flash(gettext(TOKEN_REVOKED))
    return redirect(url_for("auth.tokens"))
