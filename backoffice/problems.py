"""Errors as answers: one table from every known exception to its HTTP status, stable code
and localized message, and one handler that answers it as RFC 9457 problem+json to API
calls and as the error page to browsers.

Every code answered is in the catalog of :mod:`backoffice.core.codes` (and
docs/errors.md). A view raises; it never builds an error response itself. Refusals that a
page shows next to its form's fields (a :class:`ChangeRejected` on a post) are caught by
that view instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, current_app, g, jsonify, make_response, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug import exceptions as http_errors
from werkzeug.http import HTTP_STATUS_CODES

from backoffice.auth import Forbidden, LoginThrottled, Unauthenticated, bearer_token
from backoffice.auth.agents import AgentRejected
from backoffice.core.changes import from_marshmallow
from backoffice.core.codes import code_for
from backoffice.core.errors import N_, ChangeRejected, EditConflict, NotOffered
from backoffice.core.features import feature_label
from backoffice.extensions import db
from backoffice.inputs import MAX_JSON_DEPTH, JsonNestedTooDeep

PROBLEM_JSON = "application/problem+json"

CSRF_MISSING = N_("This form was sent without its security token, so nothing was changed. "
                  "Reload the page and try again.")
CSRF_EXPIRED = N_("This page has expired, so nothing was changed. "
                  "Reload the page and try again.")
CSRF_INVALID = N_("This form's security token is invalid, so nothing was changed. "
                  "Reload the page and try again.")
#: flask-wtf's reasons, most specific first: (words of the reason, code, message).
CSRF_REASONS = (
    ("session token is missing", "auth.csrf_token.expired", CSRF_EXPIRED),
    ("token is missing", "auth.csrf_token.missing", CSRF_MISSING),
    ("expired", "auth.csrf_token.expired", CSRF_EXPIRED),
)


class Refused(Exception):
    """A refusal particular to one view (an order that did not fail, an item in use).

    Its status, stable code and message (a msgid with its parameters, or a text already
    localized) travel with it.
    """

    def __init__(self, status: int, code: str, message: str, *, field: str = "",
                 **params: Any):
        super().__init__(f"{status} {code}")
        self.status, self.code, self.message, self.params = status, code, message, params
        self.field = field

    def localized(self) -> str:
        return gettext(self.message, **self.params)


class InvalidJson(http_errors.BadRequest):
    """The request's body is not a JSON object."""


def wants_json() -> bool:
    """Whether the request is an API call: under ``/api/``, asking for JSON, or made with
    a bearer token."""
    if request.path.startswith("/api/") or bearer_token() is not None:
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return bool(request.accept_mimetypes) and best == "application/json"


@dataclass(frozen=True)
class Answer:
    """How one kind of error answers.

    Each of ``status``, ``code`` and ``message`` is fixed or computed from the error. A
    fixed message is an English msgid, translated when shown; a computed one is already
    localized. ``page_message`` replaces the message on the HTML page, ``extra`` adds
    fields to the problem+json body and ``headers`` adds headers to both renderings.
    """

    status: int | Callable[[Any], int]
    code: str | Callable[[Any], str]
    message: str | Callable[[Any], str]
    page_message: str | None = None
    extra: Callable[[Any], dict[str, Any]] | None = None
    headers: Callable[[Any], dict[str, str]] | None = None


def _csrf(error: CSRFError) -> tuple[str, str]:
    reason = error.description or ""
    for words, code, message in CSRF_REASONS:
        if words in reason:
            return code, message
    return "auth.csrf_token.invalid", CSRF_INVALID


def _aware(moment: datetime) -> datetime:
    """A moment with its offset: the database's naive ones are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _violations(error: ChangeRejected) -> dict[str, Any]:
    return {"errors": [violation.as_dict() for violation in error.violations]}


def _agent_errors(error: AgentRejected) -> dict[str, Any]:
    return {"errors": [{"code": code_for("agent", field, "invalid"), "field": field,
                        "message": text}
                       for field, text in error.localized().items()]}


def _argument_violations(error: http_errors.HTTPException) -> list[Any]:
    """The parameters of a query that flask-smorest's arguments refused, each named as the
    client wrote it (``page``, not ``query.page``)."""
    messages = (getattr(error, "data", None) or {}).get("messages")
    if not isinstance(messages, dict):
        return []
    found = []
    for location in messages.values():
        if isinstance(location, dict):
            found.extend(from_marshmallow("request", location))
    return found


def _request_errors(error: http_errors.HTTPException) -> dict[str, Any]:
    violations = _argument_violations(error)
    return {"errors": [v.as_dict() for v in violations]} if violations else {}


def _http_code(error: http_errors.HTTPException) -> str:
    violations = _argument_violations(error)
    if violations:
        return violations[0].code
    reason = re.sub(r"[^a-z0-9]+", "_", (error.name or "error").lower()).strip("_")
    return code_for("request", "http", reason)


#: Every known error, by exception class; an error answers with the entry of the first
#: class of its MRO found here (so a subclass may answer differently from its base).
TABLE: dict[type[BaseException], Answer] = {
    ChangeRejected: Answer(
        422, lambda e: e.violations[0].code if e.violations else "change.item.rejected",
        lambda e: "; ".join(violation.localized() for violation in e.violations),
        extra=_violations),
    AgentRejected: Answer(
        422, lambda e: _agent_errors(e)["errors"][0]["code"] if e.localized() else
        "change.item.rejected", lambda e: "; ".join(e.localized().values()),
        extra=_agent_errors),
    EditConflict: Answer(
        412, lambda e: code_for(e.object_type.replace("-", "_"), "version", "conflict"),
        lambda e: e.localized(),
        extra=lambda e: {"changed_by": e.actor,
                         "changed_at": _aware(e.at).isoformat() if e.at else None}),
    NotOffered: Answer(
        404, "request.feature.not_offered",
        lambda e: gettext("%(carrier)s does not offer “%(feature)s”.",
                          carrier=e.carrier_name, feature=feature_label(e.feature))),
    Refused: Answer(lambda e: e.status, lambda e: e.code, lambda e: e.localized(),
                    extra=lambda e: {"errors": [{"code": e.code, "field": e.field,
                                                 "message": e.localized()}]}),
    Unauthenticated: Answer(
        401, lambda e: e.problem_code, lambda e: gettext(e.message),
        headers=lambda e: {"WWW-Authenticate": 'Bearer realm="backoffice"'}),
    Forbidden: Answer(403, lambda e: e.problem_code, lambda e: gettext(e.message)),
    http_errors.Forbidden: Answer(403, "auth.role.forbidden",
                                  N_("Your role does not allow this change.")),
    http_errors.NotFound: Answer(
        404, "request.item.not_found", N_("Not found."),
        page_message=N_("This page does not exist, or is not yours to see.")),
    http_errors.MethodNotAllowed: Answer(
        405, "request.method.not_allowed", N_("This method is not allowed here."),
        headers=lambda e: {"Allow": ", ".join(e.valid_methods)} if e.valid_methods else {}),
    http_errors.PreconditionRequired: Answer(
        428, "request.if_match.required",
        N_("Send the ETag you read in an If-Match header, so that nobody's change is "
           "overwritten.")),
    LoginThrottled: Answer(
        429, "auth.login.throttled", lambda e: gettext(e.message),
        extra=lambda e: {"limit": e.limit},
        headers=lambda e: {"Retry-After": str(e.retry_after)} if e.retry_after else {}),
    CSRFError: Answer(400, lambda e: _csrf(e)[0], lambda e: gettext(_csrf(e)[1])),
    InvalidJson: Answer(400, "request.body.invalid", N_("The body must be a JSON object.")),
    JsonNestedTooDeep: Answer(
        400, "request.body.too_deep",
        lambda e: gettext("The JSON body nests arrays and objects deeper than %(limit)d "
                          "levels.", limit=MAX_JSON_DEPTH),
        extra=lambda e: {"limit": MAX_JSON_DEPTH}),
    http_errors.RequestEntityTooLarge: Answer(  # 400, as for a body too deep: the choice
        400, "request.body.too_large",
        lambda e: gettext("The request body is larger than %(limit)d bytes.",
                          limit=current_app.config["MAX_CONTENT_LENGTH"]),
        extra=lambda e: {"limit": current_app.config["MAX_CONTENT_LENGTH"]}),
    http_errors.InternalServerError: Answer(
        500, "server.request.failed",
        N_("Something went wrong on our side and nothing was saved. Try again; if it goes "
           "on, give support the request id."),
        extra=lambda e: {"request_id": g.get("request_id")}),
    http_errors.HTTPException: Answer(
        lambda e: e.code or 500, _http_code,
        lambda e: "; ".join(v.localized() for v in _argument_violations(e)) or
        e.description or "", extra=_request_errors),
}


@dataclass(frozen=True)
class Problem:
    """An error as it answers, in the request's language."""

    status: int
    code: str
    detail: str
    page_detail: str
    extra: dict[str, Any]
    headers: dict[str, str]


def answer_of(error: BaseException) -> Answer:
    """The table's entry for ``error``: that of the nearest class of its MRO."""
    for cls in type(error).__mro__:
        if cls in TABLE:
            return TABLE[cls]
    raise LookupError(f"no answer for {type(error).__name__}")


def _value(field: Any, error: BaseException) -> Any:
    return field(error) if callable(field) else field


def explain(error: BaseException) -> Problem:
    """What ``error`` answers: status, code, messages, extra fields and headers."""
    answer = answer_of(error)
    message = answer.message
    detail = message(error) if callable(message) else gettext(message)
    return Problem(
        status=_value(answer.status, error), code=_value(answer.code, error), detail=detail,
        page_detail=gettext(answer.page_message) if answer.page_message else detail,
        extra=answer.extra(error) if answer.extra else {},
        headers=answer.headers(error) if answer.headers else {})


def problem(status: int, code: str, detail: str, **extra: Any) -> Response:
    """A problem+json response with a stable ``code`` and a localized ``detail``."""
    body = {"type": "about:blank", "title": HTTP_STATUS_CODES.get(status, ""),
            "status": status, "code": code, "detail": detail, **extra}
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response


def respond(error: BaseException) -> Response:
    """The one error handler: problem+json for API calls, the error page for browsers."""
    if isinstance(error, http_errors.HTTPException) and error.response is not None:
        return error.response
    found = explain(error)
    if found.status >= 500:
        db.session.rollback()  # the page's own queries must not meet a failed transaction
    if wants_json():
        response = problem(found.status, found.code, found.detail, **found.extra)
    else:
        response = make_response(render_template(
            "errors/error.html", status=found.status, message=found.page_detail), found.status)
    response.headers.update(found.headers)
    return response


def init_app(app: Flask) -> None:
    """Answer every error of the table through :func:`respond`."""
    for exception in TABLE:
        app.register_error_handler(exception, respond)

