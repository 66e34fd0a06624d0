"""The API's contract as the OpenAPI document states it: errors, preconditions, security.

Views are documented by flask-smorest and, for the feature blocks, by
:mod:`backoffice.api.blocks`. Once every blueprint is registered, :func:`complete` adds to
each operation what the whole API shares and the views do not repeat: the bearer security
scheme, the problem+json error responses each operation really answers (401, 403, 404,
405, 409, 412, 422, 428...), the ETag header of reads, and the catalog of problem codes.
:func:`carrier_document` cuts from it one carrier's document.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from flask import Response

from backoffice.core.codes import SCHEME, catalog
from backoffice.problems import PROBLEM_JSON

SECURITY_SCHEME = "bearerAuth"
VARIANTS = "x-carrier-variants"
PROBLEM = {"$ref": "#/components/schemas/Problem"}
CODE_PATTERN = f"^{SCHEME.pattern}$"

IF_MATCH = {
    "in": "header", "name": "If-Match", "required": True, "schema": {"type": "string"},
    "description": "The ETag of the representation the change was made on (from a read, "
                   "or from the previous write's answer). Missing: 428; stale: 412.",
}

#: What each problem status means in this API, as its documented response says.
STATUS_TEXTS = {
    400: "The body is not a JSON object (`request.body.invalid`), or is too deep or too "
         "large.",
    401: "No valid bearer token (`auth.token.invalid`, `auth.token.revoked`...).",
    403: "The agent's role may not do this (`auth.role.read_only`, `auth.role.not_admin`).",
    404: "Not found, not the agent's to see (another carrier's), or not offered by the "
         "tenant's carrier on this line's plan (`request.item.not_found`, "
         "`request.feature.not_offered`).",
    405: "The tenant's carrier does not answer this method here; `Allow` lists those it "
         "does (`request.method.not_allowed`).",
    409: "Refused in the current state (an item in use, an order that did not fail); "
         "`errors` names the field.",
    412: "If-Match names a representation that is no longer the current one "
         "(`<object>.version.conflict`): read it again, then retry.",
    422: "Refused: every broken rule is in `errors`, each with its stable `code`, `field`, "
         "`message` and, when a limit was exceeded, `limit`.",
    428: "If-Match is missing (`request.if_match.required`).",
}


ETAG = {"ETag": {"description": "The representation's entity tag, for If-Match",
                 "schema": {"type": "string"}, "required": True}}


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def etag_header() -> dict[str, Any]:
    return {"ETag": {"description": "The representation's entity tag, for If-Match",
                     "schema": {"type": "string"}, "required": True}}


def no_content() -> Response:
    """A 204: no body and no content type."""
    response = Response(status=204)
    response.headers.remove("Content-Type")
    return response


def problem_response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {"description": STATUS_TEXTS[status],
                                "content": {PROBLEM_JSON: {"schema": PROBLEM}}}
    if status == 405:
        response["headers"] = {"Allow": {"description": "The methods answered here",
                                         "schema": {"type": "string"}, "required": True}}
    if status == 401:
        response["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"},
                                                    "required": True}}
    return response


def problems(*, not_found: bool = False, writes: bool = False, conditional: bool = False,
             body: bool = False, arguments: bool = False, conflict: bool = False,
             not_allowed: bool = False, forbidden: bool = False,
             public: bool = False) -> dict[str, Any]:
    """The error responses of an operation, by what it does."""
    statuses = set()
    if not public:
        statuses.add(401)
    if writes or forbidden:
        statuses.add(403)
    if not_found:
        statuses.add(404)
    if not_allowed:
        statuses.add(405)
    if conflict:
        statuses.add(409)
    if conditional:
        statuses |= {412, 428}
    if body:
        statuses |= {400, 422}
    if arguments:
        statuses.add(422)
    return {str(status): problem_response(status) for status in sorted(statuses)}


def problem_schemas() -> dict[str, dict[str, Any]]:
    codes = catalog()
    table = "\n".join(f"- `{code}`: {meaning}" for code, meaning in codes.items())
    return {
        "ProblemError": {
            "type": "object", "required": ["code", "field", "message"],
            "properties": {
                "code": {"type": "string", "pattern": CODE_PATTERN,
                         "description": "Stable code of the broken rule, "
                                        "`<object>.<field>.<reason>` (see `Problem.code`)"},
                "field": {"type": "string", "description": "The field (dotted path) it "
                          "concerns; empty when it concerns the whole request"},
                "message": {"type": "string", "description": "In the request's language"},
                "limit": {"description": "The limit that was exceeded (a number, a list "
                          "or an object such as {\"min\": 1, \"max\": 10})"},
            },
        },
        "Problem": {
            "type": "object", "required": ["type", "title", "status", "code", "detail"],
            "description": "An error, as RFC 9457 problem+json. A refusal (409 or "
                           "422) lists its broken rules in `errors`; the top `code` is "
                           "that of the first. The codes and their meanings are in "
                           "`x-codes`.",
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "code": {"type": "string", "pattern": CODE_PATTERN,
                         "description": "Stable code, `<object>.<field>.<reason>`; for a "
                         "refusal, that of its first error. A part in angle brackets "
                         f"varies. Every code:\n\n{table}"},
                "detail": {"type": "string", "description": "In the request's language"},
                "errors": {"type": "array", "items": {
                    "$ref": "#/components/schemas/ProblemError"}},
                "changed_by": {"type": ["string", "null"],
                               "description": "412: who changed it last, when known"},
                "changed_at": {"type": ["string", "null"], "format": "date-time",
                               "description": "412: when, when known"},
                "limit": {"description": "429: the limit of attempts"},
            },
            "x-codes": codes,
        },
    }


_PATH_PARAM = re.compile(r"{[^}]+}")
SAFE = {"get", "head", "options"}


def complete(spec: dict[str, Any], *, readers_may: set[tuple[str, str]],
             admin_paths: tuple[str, ...], public_paths: set[str],
             conflicts: set[tuple[str, str]] = frozenset()) -> dict[str, Any]:
    """Add the shared parts of the contract to the document flask-smorest built.

    Every write may be refused by the business rules (422), even one without a body (a
    line the carrier keeps); ``conflicts`` are the operations a state may refuse (409).
    """
    document = copy.deepcopy(spec)
    components = document.setdefault("components", {})
    components.setdefault("securitySchemes", {})[SECURITY_SCHEME] = {
        "type": "http", "scheme": "bearer",
        "description": "A personal API token: `backoffice create-token EMAIL`"}
    components.setdefault("schemas", {}).update(problem_schemas())
    components.pop("responses", None)  # flask-smorest's own error shape: not ours
    document["security"] = [{SECURITY_SCHEME: []}]
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            public = path in public_paths
            if public:
                operation["security"] = []
            parameters = operation.get("parameters", []) + operations.get("parameters", [])
            responses = operation.setdefault("responses", {})
            stated = set()  # statuses the view documented itself (a block's 405, 409)
            for status in [s for s in responses if s.startswith(("4", "5")) or s == "default"]:
                if status != "default" and int(status) not in STATUS_TEXTS:
                    continue
                del responses[status]  # replaced by the problem+json answer below
                if status != "default":
                    stated.add(status)
            for status in stated:
                responses[status] = problem_response(int(status))
            conditional = any(p.get("name") == "If-Match" for p in parameters)
            arguments = any(p.get("in") == "query" for p in parameters)
            for status, answer in problems(
                    public=public, not_found=bool(_PATH_PARAM.search(path)),
                    writes=method not in SAFE and (path, method) not in readers_may,
                    forbidden=path.startswith(admin_paths), conditional=conditional,
                    body="requestBody" in operation, conflict=(path, method) in conflicts,
                    arguments=arguments or (method not in SAFE
                                            and (path, method) not in readers_may)).items():
                responses.setdefault(status, answer)
            for status, response in responses.items():
                if status == "204":
                    response.pop("content", None)
    return document


def carrier_document(document: dict[str, Any], carrier_id: str,
                     carrier_name: str) -> dict[str, Any]:
    """The document of one carrier: its blocks only, each with its own schema."""
    found = copy.deepcopy(document)
    found["info"]["title"] = f"{document['info']['title']}: {carrier_name}"
    for path in list(found["paths"]):
        operations = found["paths"][path]
        for method in list(operations):
            operation = operations[method]
            if not isinstance(operation, dict) or VARIANTS not in operation:
                continue
            variants = operation.pop(VARIANTS)
            if carrier_id not in variants:
                del operations[method]
                continue
            mine = variants[carrier_id]
            if "request" in mine:
                operation["requestBody"]["content"]["application/json"]["schema"] = \
                    mine["request"]
            for status, response in operation["responses"].items():
                if status.startswith("2") and "response" in mine:
                    response["content"]["application/json"]["schema"] = mine["response"]
            operation["description"] = operation.get("description", "").split(";")[0] + "."
            operation["responses"].pop("405", None)  # it answers every method documented
        if not [m for m in operations if m != "parameters"]:
            del found["paths"][path]
    _prune(found)
    return found


def main_document(document: dict[str, Any], carriers: list[tuple[str, str]]) -> dict[str, Any]:
    """The main document, linking each carrier's own."""
    found = copy.deepcopy(document)
    links = "\n".join(f"- {name}: `/api/v1/carriers/{cid}/openapi.json`"
                      for cid, name in carriers)
    found["info"]["description"] = (
        "Telephony backoffice API. Feature resources (blocks) differ by carrier: each "
        "operation's `x-carrier-variants` names the schema of each carrier, and each "
        f"carrier has a document of its own with its variants only:\n\n{links}")
    _prune(found)
    return found


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def _prune(document: dict[str, Any]) -> None:
    """Drop the schemas that no operation uses any more (other carriers' variants)."""
    schemas = document.get("components", {}).get("schemas", {})
    used: set[str] = set()
    _refs(document["paths"], used)
    pending = list(used)
    while pending:
        name = pending.pop()
        more: set[str] = set()
        _refs(schemas.get(name, {}), more)
        for other in more - used:
            used.add(other)
            pending.append(other)
    for name in list(schemas):
        if name not in used:
            del schemas[name]


def document_fields(api: Any) -> None:
    """How the core's own marshmallow fields appear in the document."""
    from backoffice.core.blacklist.schemas import AnyNumber, DigitSequence
    from backoffice.core.calendars.schemas import LinesField
    from backoffice.core.destinations import DestinationField
    from backoffice.core.forwarding.fields import ClockField, DaysField

    for field in (DestinationField, ClockField, DaysField, DigitSequence, AnyNumber):
        api.register_field(field, "string", None)
    api.register_field(LinesField, "array", None)
    described = {
        DestinationField: "“voicemail”, a phone number or an extension",
        ClockField: "a time of day, 09:00", DaysField: "days of the week, mon-fri",
    }

    def attributes(self, field, **kwargs):
        found: dict[str, Any] = {}
        if isinstance(field, LinesField):
            found["items"] = {"type": "string"}
        for cls, text in described.items():
            if isinstance(field, cls) and "description" not in field.metadata:
                found["description"] = text
        return found

    api.ma_plugin.converter.add_attribute_function(attributes)
