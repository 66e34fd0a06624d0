"""Errors as RFC 9457 problem details: the one format of every API refusal."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request
from flask_babel import gettext
from werkzeug.http import HTTP_STATUS_CODES

PROBLEM_JSON = "application/problem+json"


def wants_json() -> bool:
    """Whether the request is an API call: under ``/api/``, or asking for JSON."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return bool(request.accept_mimetypes) and best == "application/json"


def problem(status: int, code: str, message: str, **extra: Any) -> Response:
    """A problem+json response with a stable ``code``; ``message`` is translated."""
    body = {"type": "about:blank", "title": HTTP_STATUS_CODES.get(status, ""),
            "status": status, "code": code, "detail": gettext(message), **extra}
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response
