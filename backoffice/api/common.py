"""Pagination, ETags and preconditions shared by every API resource."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Response, jsonify, request
from marshmallow import Schema, fields, validate
from sqlalchemy import Select, func, select
from werkzeug.exceptions import PreconditionRequired

from backoffice.extensions import db
from backoffice.problems import InvalidJson

MAX_PAGE_SIZE = 200


class PageArgs(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=2**31 - 1))
    page_size = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_PAGE_SIZE))


def paginate(query: Select, schema: Schema, args: dict[str, Any]) -> Response:
    """One page of ``query`` with the total count of rows."""
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    page, size = args["page"], args["page_size"]
    rows = db.session.scalars(query.offset((page - 1) * size).limit(size)).all()
    response = jsonify({"items": schema.dump(rows, many=True), "total": total, "page": page,
                        "page_size": size})
    response.headers["X-Total-Count"] = str(total)
    return response


def etag_of(data: dict[str, Any]) -> str:
    """The entity tag of a representation: its version, or a hash of its content."""
    if data.get("version") is not None:
        return f'"{data["version"]}"'
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return f'"{digest[:20]}"'


def with_etag(data: dict[str, Any], status: int = 200) -> Response:
    response = jsonify(data)
    response.status_code = status
    response.headers["ETag"] = etag_of(data)
    return response


def required_if_match(current: dict[str, Any]) -> str | None:
    """Check If-Match against the current representation; returns the version it names.

    A write without If-Match answers 428, a stale one 412: never a silent overwrite.
    """
    header = request.headers.get("If-Match")
    if not header:
        raise PreconditionRequired()
    if header.strip() != "*" and header.strip() != etag_of(current):
        return "stale"
    return str(current["version"]) if current.get("version") is not None else None


def json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidJson()
    return body


def no_unknown_fields(body: dict[str, Any], schema: type[Schema], object_type: str) -> None:
    """Refuse (422) the fields that ``schema`` does not have, as the block schemas do."""
    from backoffice.core.codes import code_for
    from backoffice.core.errors import N_, ChangeRejected, Violation

    unknown = sorted(set(body) - set(schema().fields))
    if unknown:
        raise ChangeRejected([Violation(code=code_for(object_type, name, "invalid"), field=name,
                                        message=N_("Unknown field.")) for name in unknown])
