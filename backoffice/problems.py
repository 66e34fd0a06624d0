"""Errors as answers: one table from every known exception to its HTTP status, stable code
and localized message, and one handler that answers it as RFC 9457 problem+json to API
calls and as the error page to browsers.

A view raises; it never builds an error response itself. Refusals that a page shows next
to its form's fields (a :class:`ChangeRejected` on a post) are caught by that view instead.
"""

from __future__ import annotations

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
    ("session token is missing", "auth.csrf_expired", CSRF_EXPIRED),
    ("token is missing", "auth.csrf_missing", CSRF_MISSING),
    ("expired", "auth.csrf_expired", CSRF_EXPIRED),
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
    return "auth.csrf_invalid", CSRF_INVALID


def _aware(moment: datetime) -> datetime:
    """A moment with its offset: the database's naive ones are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _violations(error: ChangeRejected) -> dict[str, Any]:
    return {"errors": [violation.as_dict() for violation in error.violations]}


def _agent_errors(error: AgentRejected) -> dict[str, Any]:
    return {"errors": [{"code": f"agent.{field}.invalid", "field": field, "message": text}
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
    return (error.name or "error").lower().replace(" ", "_")


#: Every known error, by exception class; an error answers with the entry of the first
#: class of its MRO found here (so a subclass may answer differently from its base).
TABLE: dict[type[BaseException], Answer] = {
    ChangeRejected: Answer(
        422, lambda e: e.violations[0].code if e.violations else "change.rejected",
        lambda e: "; ".join(violation.localized() for violation in e.violations),
        extra=_violations),
    AgentRejected: Answer(
        422, "agent.invalid", lambda e: "; ".join(e.localized().values()),
        extra=_agent_errors),
    EditConflict: Answer(
        412, lambda e: f"{e.object_type}.conflict", lambda e: e.localized(),
        extra=lambda e: {"changed_by": e.actor,
                         "changed_at": _aware(e.at).isoformat() if e.at else None}),
    NotOffered: Answer(
        404, "not_offered",
        lambda e: gettext("%(carrier)s does not offer “%(feature)s”.",
                          carrier=e.carrier_name, feature=feature_label(e.feature))),
    Refused: Answer(lambda e: e.status, lambda e: e.code, lambda e: e.localized(),
                    extra=lambda e: {"errors": [{"code": e.code, "field": e.field,
                                                 "message": e.localized()}]}),
    Unauthenticated: Answer(
        401, lambda e: e.problem_code, lambda e: gettext(e.message),
        headers=lambda e: {"WWW-Authenticate": 'Bearer realm="backoffice"'}),
    Forbidden: Answer(403, lambda e: e.problem_code, lambda e: gettext(e.message)),
    http_errors.Forbidden: Answer(403, "forbidden", N_("Your role does not allow this change.")),
    http_errors.NotFound: Answer(
        404, "not_found", N_("Not found."),
        page_message=N_("This page does not exist, or is not yours to see.")),
    http_errors.MethodNotAllowed: Answer(
        405, "method_not_allowed", N_("This method is not allowed here."),
        headers=lambda e: {"Allow": ", ".join(e.valid_methods)} if e.valid_methods else {}),
    http_errors.PreconditionRequired: Answer(
        428, "precondition_required",
        N_("Send the ETag you read in an If-Match header, so that nobody's change is "
           "overwritten.")),
    LoginThrottled: Answer(
        429, "auth.login_throttled", lambda e: gettext(e.message),
        extra=lambda e: {"limit": e.limit},
        headers=lambda e: {"Retry-After": str(e.retry_after)} if e.retry_after else {}),
    CSRFError: Answer(400, lambda e: _csrf(e)[0], lambda e: gettext(_csrf(e)[1])),
    InvalidJson: Answer(400, "invalid_json", N_("The body must be a JSON object.")),
    JsonNestedTooDeep: Answer(
        400, "json_too_deep",
        lambda e: gettext("The JSON body nests arrays and objects deeper than %(limit)d "
                          "levels.", limit=MAX_JSON_DEPTH),
        extra=lambda e: {"limit": MAX_JSON_DEPTH}),
    http_errors.RequestEntityTooLarge: Answer(  # 400, as for a body too deep: the choice
        400, "body_too_large",
        lambda e: gettext("The request body is larger than %(limit)d bytes.",
                          limit=current_app.config["MAX_CONTENT_LENGTH"]),
        extra=lambda e: {"limit": current_app.config["MAX_CONTENT_LENGTH"]}),
    http_errors.InternalServerError: Answer(
        500, "internal_error",
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


#: Every code a problem or one of its ``errors`` may carry, with its meaning. ``<field>``
#: stands for the field named in ``field``, ``<object>`` for the object the change is
#: about (``line``, ``forwarding``, ``blacklist_rule``...), ``<trigger>`` for a
#: forwarding trigger. The OpenAPI document lists them under ``Problem.code``.
CODES: dict[str, str] = {
    "<object>.<field>.invalid": "The field's value is not valid (type, format, length, "
                                "choice).",
    "<object>.<field>.required": "The field is required here.",
    "<object>.conflict": "412: someone changed the object since it was read.",
    "<object>.id.in_use": "409: the item is used elsewhere (a forwarding rule...), so it "
                          "is kept.",
    "request.<field>.invalid": "A query parameter is out of range or not a number.",
    "line.<field>.duplicate": "Another line of the customer has this number or extension.",
    "line.extension.reserved": "The extension is reserved by the carrier (`limit` lists "
                               "them).",
    "line.plan.unknown": "The plan is not one of the carrier's.",
    "line.site_id.unknown": "The site is not one of the customer's.",
    "tenant.name.duplicate": "Another customer has this name.",
    "tenant.carrier_id.unknown": "No such carrier.",
    "tenant.carrier_id.forbidden": "The agent may not create customers of this carrier.",
    "site.name.duplicate": "Another site of the customer has this name.",
    "agent.<field>.invalid": "The agent's e-mail, password, role or carrier is refused.",
    "agent.active.invalid": "`active` is true or false.",
    "forwarding.<field>.not_offered": "This trigger or destination kind is not offered "
                                      "(on this plan); `limit` lists what is.",
    "forwarding.<field>.out_of_range": "The number of rings is out of bounds (`limit`).",
    "forwarding.<field>.not_in_list": "The number is not in the line's phone-number list.",
    "forwarding.<field>.unknown_extension": "No line of the customer has this extension.",
    "forwarding.<field>.own_line": "A line cannot forward to itself.",
    "forwarding.<field>.unknown": "The calendar is not one of the customer's.",
    "forwarding.<trigger>_new_calendar.duplicate": "A calendar of this name exists.",
    "forwarding.<trigger>_end.before_start": "The end time comes before the start time.",
    "forwarding.subscribed.required": "The line needs the forwarding option first.",
    "forwarding_number.number.duplicate": "The number is already in the list.",
    "forwarding_number.number.in_use": "The number is used by the line's forwarding.",
    "sfr.forwarding.<reason>": "SFR's destination rules (special, emergency or "
                               "outside-zone numbers, internal number length, scheduled "
                               "and immediate forwarding together).",
    "sfr.multi_line_ring.<reason>": "SFR's multi-line ring rules (numbers: at least one, "
                                    "at most `limit`, international format, valid).",
    "cooptel.forwarding.find_me_while_forwarding": "Find-me/follow-me only while "
                                                   "forwarding is off.",
    "blacklist.digits.duplicate": "A rule with these digits exists.",
    "blacklist.number.duplicate": "The number is already blocked.",
    "blacklist.number.too_many": "The list is full (`limit`).",
    "<object>.<field>.unreadable": "The file is no readable MP3 or WAV, whatever its name "
                                   "says (`limit` lists the formats).",
    "<object>.<field>.format": "The audio format is not accepted here (`limit` lists them).",
    "<object>.<field>.too_long": "The recording is longer than `limit` seconds.",
    "<object>.<field>.too_big": "The file is larger than `limit` bytes.",
    "<object>.<field>.unknown": "No such audio file of the customer (or calendar...).",
    "audio.use.invalid": "The upload's `use` names no audio of a feature offered.",
    "calendar.name.duplicate": "A calendar of this name exists.",
    "calendar.name.in_use": "The calendar is used (forwarding, a voice menu, a greeting); "
                            "`limit` lists where.",
    "announcement.name.reserved": "The name of a predefined announcement (`limit`).",
    "announcement.name.duplicate": "An announcement of this name exists on the site.",
    "announcement.name.in_use": "A voice menu (or group) plays the announcement; `limit` "
                                "lists which.",
    "announcement.site_id.unknown": "The site is not one of the customer's.",
    "announcement.site_id.in_use": "A used announcement stays on its site.",
    "ivr.<field>.required": "A greeting is needed to switch the menu on (open hours; "
                            "closed hours with a calendar).",
    "ivr.<field>.unknown": "The announcement, calendar or number is not the customer's.",
    "ivr.<field>.other_site": "The announcement is kept on another site than the menu's.",
    "ivr_key.path.duplicate": "The key is already set in this menu.",
    "ivr_key.path.too_deep": "The menus have fewer levels (`limit`).",
    "ivr_key.path.no_sub_menu": "The main menu's key does not open a sub-menu.",
    "ivr_key.path.has_keys": "The sub-menu still has keys: delete them first.",
    "ivr_key.kind.too_deep": "A sub-menu's key goes to a number only (`limit`: levels).",
    "ivr_key.kind.has_keys": "The sub-menu still has keys: it stays a sub-menu.",
    "ivr_key.destination.kind": "A key goes to a number, not to voicemail.",
    "ivr_key.greeting_id.other_site": "The sub-menu's announcement is of another site.",
    "sfr.ivr.<reason>": "SFR's destination table for the keys of a voice menu (special, "
                        "emergency or outside-zone numbers, internal number length).",
    "telus.ivr.unknown_extension": "The key's extension is not one of the company's.",
    "telus.company_caller_name.too_long": "The company caller name is longer than `limit`.",
    "calendar.line_id.unknown": "The line is not one of the customer's.",
    "call.state.invalid": "The explainer's line state is not one of the known states.",
    "call.caller.invalid": "The explainer's caller is not a phone number.",
    "order.not_failed": "409: only a failed order is sent again.",
    "not_offered": "404: the tenant's carrier does not offer the feature (on this plan).",
    "not_found": "404: no such resource, or not the agent's to see.",
    "method_not_allowed": "405: see `Allow`.",
    "precondition_required": "428: send If-Match.",
    "invalid_json": "400: the body is not a JSON object.",
    "auth.unauthenticated": "401: no bearer token or session.",
    "auth.read_only": "403: the agent's role only reads.",
    "agents.not_admin": "403: only administrators manage agents.",
    "auth.login_throttled": "429: too many attempts (`limit`, `Retry-After`).",
}


def code_catalog() -> dict[str, str]:
    """Every code a problem may carry, with its meaning (for the OpenAPI document)."""
    return dict(CODES)
