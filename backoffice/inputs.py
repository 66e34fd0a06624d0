"""Malformed input refused at the door, before any view, lookup or log line sees it.

Every text of a request (path, query, form, JSON keys and values) is checked once for
what no database column can store: NUL bytes and unpaired UTF-16 surrogates. Integers in
URLs stop at the database's integer range (a larger id is a 404). The JSON body has a
size limit (``MAX_CONTENT_LENGTH``) and a nesting limit, both answered as problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from flask import Flask, Request, request
from flask.json.provider import DefaultJSONProvider
from werkzeug import exceptions as http_errors
from werkzeug.routing import IntegerConverter
from werkzeug.routing.map import Map

from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.numbers import DB_INT_MAX

MAX_CONTENT_LENGTH = 1024 * 1024
MAX_JSON_DEPTH = 32

FORBIDDEN_CHARACTER = N_("“%(field)s” contains a character that cannot be stored "
                         "(a NUL byte or an unpaired UTF-16 surrogate).")
PAGE_NUMBER = N_("The page is a whole number between 1 and %(max)d.")

_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


class JsonTooDeep(ValueError):
    """A JSON document nested deeper than :data:`MAX_JSON_DEPTH`."""


class JsonNestedTooDeep(http_errors.BadRequest):
    """400: the JSON body nests arrays and objects deeper than :data:`MAX_JSON_DEPTH`."""


class DatabaseInt(IntegerConverter):
    """``<int:…>`` up to the database's integer range: a larger id matches no route (404)."""

    def __init__(self, map: Map, fixed_digits: int = 0, min: int | None = None,  # noqa: A002
                 max: int | None = None, signed: bool = False) -> None:  # noqa: A002
        super().__init__(map, fixed_digits, min, DB_INT_MAX if max is None else max, signed)


def json_depth(text: str | bytes) -> int:
    """How deeply arrays and objects nest in a JSON text (strings ignored); stops counting
    past :data:`MAX_JSON_DEPTH`."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    depth = deepest = 0
    for bracket in _NOT_BRACKETS.sub("", _STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_JSON_DEPTH:
                break
    return deepest


class GuardedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing documents nested past the limit before parsing them."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        if json_depth(s) > MAX_JSON_DEPTH:
            raise JsonTooDeep(MAX_JSON_DEPTH)
        return super().loads(s, **kwargs)


class GuardedRequest(Request):
    """A request whose unreadable JSON body answers 400 through the error table."""

    def on_json_loading_failed(self, e: ValueError | None) -> Any:
        from backoffice.problems import InvalidJson

        raise JsonNestedTooDeep() if isinstance(e, JsonTooDeep) else InvalidJson()


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text of a JSON value (keys included), with the path of its field."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            name = f"{path}.{key}" if path else str(key)
            yield name, str(key)
            yield from _texts(item, name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}.{index}" if path else str(index))


def _request_texts() -> Iterator[tuple[str, str]]:
    yield "path", request.path
    for source in (request.args, request.form):
        for name, values in source.lists():
            name = name or ""  # a multipart part whose name the parser could not read
            yield name, name
            for value in values:
                yield name, value or ""
    if request.is_json and request.get_data():
        yield from _texts(request.get_json(), "")


def check_request_texts() -> None:
    """Refuse (422, naming the field) a request with text that no column can store."""
    bad: dict[str, None] = {}
    for name, text in _request_texts():
        if _FORBIDDEN.search(text):
            bad.setdefault(_FORBIDDEN.sub("?", name) or "body", None)
    if bad:
        raise ChangeRejected([Violation(code="request.text.invalid_character", field=name,
                                        message=FORBIDDEN_CHARACTER, params={"field": name})
                              for name in bad])


def page_number(args: Mapping[str, Any], name: str = "page") -> int:
    """The page a list shows: 1 when absent; 422 when not a whole number in range."""
    raw = str(args.get(name) or "1").strip()
    if not re.fullmatch(r"[0-9]{1,10}", raw) or not 1 <= int(raw) <= DB_INT_MAX:
        raise ChangeRejected([Violation(code=f"request.{name}.invalid", field=name,
                                        message=PAGE_NUMBER, params={"max": DB_INT_MAX})])
    return int(raw)


def init_app(app: Flask) -> None:
    """Bound URL integers, limit bodies and JSON nesting, and check every request's text.

    Call it before anything registers routes or request hooks: the check then runs
    before the sign-in gate, which logs paths and e-mail addresses.
    """
    if not app.config.get("MAX_CONTENT_LENGTH"):
        app.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    app.url_map.converters["int"] = DatabaseInt
    app.json = GuardedJSONProvider(app)
    app.request_class = GuardedRequest
    app.before_request_funcs.setdefault(None, []).insert(0, check_request_texts)
