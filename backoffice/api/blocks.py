"""Feature blocks as API resources: one documented path per scope and block id.

The carriers are known when the app starts, so the paths are generated then from their
blocks: ``/api/v1/tenants/<id>/<block>`` for customer-wide features and
``/api/v1/tenants/<id>/lines/<id>/<block>`` for line features (plus ``/<item id>`` for a
collection's items). A path answers the methods that at least one carrier's block answers;
a tenant whose carrier's block does not answer one gets 405 with its own ``Allow``.

Each carrier's variant of a block's schema is registered in the OpenAPI document under a
carrier-prefixed name (``SfrForwarding``, ``BellForwarding``...) from
:meth:`~backoffice.core.blocks.Block.carrier_schema`. The main document offers the variants
of a path (``anyOf``, and ``x-carrier-variants`` names which is whose); each carrier's own
document (``/api/v1/carriers/<id>/openapi.json``) has only its variant.

The block's schema, the same one that validates the web form, validates the payload. A
feature the tenant's carrier does not offer (or not on the line's plan) answers 404.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import request
from flask.views import MethodView
from flask_smorest import Api, Blueprint
from werkzeug.exceptions import MethodNotAllowed

from backoffice.api.common import json_body, required_if_match, with_etag
from backoffice.api.contract import (
    IF_MATCH,
    etag_header,
    json_content,
    no_content,
    problems,
)
from backoffice.core.blocks import Block, CollectionBlock, SettingsBlock
from backoffice.core.carriers import CarrierRegistry
from backoffice.core.errors import EditConflict
from backoffice.lookups import block_or_not_offered, line_or_404, tenant_or_404
from backoffice.problems import Refused

PREFIX = "/api/v1/tenants/<int:tenant_id>"
SCOPE_PATHS = {"tenant": "", "line": "/lines/<int:line_id>"}
VARIANTS = "x-carrier-variants"


def camel(*parts: str) -> str:
    return "".join(word.title() for part in parts for word in part.replace("-", "_").split("_"))


@dataclass
class Resource:
    """A block id in one scope, with each carrier's block."""

    scope: str
    block_id: str
    kind: str  # "settings" or "collection"
    variants: dict[str, Block] = field(default_factory=dict)

    @property
    def endpoint(self) -> str:
        return camel(self.scope, self.block_id)

    def component(self, carrier_id: str) -> str:
        return camel(carrier_id, self.block_id)

    def carriers_answering(self, method: str, item: bool = False) -> list[str]:
        return [carrier for carrier, block in self.variants.items()
                if method in block_methods(block, item)]


def block_methods(block: Block, item: bool = False) -> list[str]:
    """The methods a block answers, on itself or on one of its items."""
    if isinstance(block, SettingsBlock):
        return [] if item else ["GET", "PUT"]
    assert isinstance(block, CollectionBlock)
    if item:
        return ["GET", *(["PUT"] if block.change else []), "DELETE"]
    return ["GET", "POST", *(["DELETE"] if block.clear else [])]


def resources(carriers: CarrierRegistry) -> list[Resource]:
    """Every (scope, block id) some carrier offers, in a stable order."""
    found: dict[tuple[str, str], Resource] = {}
    for entry in carriers.all():
        for block in entry.blocks:
            offer = entry.offer(block.feature)
            assert offer is not None
            kind = "settings" if isinstance(block, SettingsBlock) else "collection"
            resource = found.setdefault((offer.scope, block.id),
                                        Resource(offer.scope, block.id, kind))
            if resource.kind != kind:
                raise RuntimeError(f"block {block.id!r} is a settings block for one carrier "
                                   "and a collection for another")
            resource.variants[entry.carrier.id] = block
    return [found[key] for key in sorted(found)]


# Views ---------------------------------------------------------------------------------


def _context(resource: Resource, ids: dict[str, int]):
    tenant = tenant_or_404(ids["tenant_id"])
    line = line_or_404(tenant, ids["line_id"]) if resource.scope == "line" else None
    return tenant, line, block_or_not_offered(tenant, line, resource.block_id)


def _allowed(block: Block, method: str, item: bool = False) -> None:
    """405 with the tenant's carrier's own methods when its block does not answer this one."""
    methods = block_methods(block, item)
    if method not in methods:
        raise MethodNotAllowed(valid_methods=methods)


def settings_state(tenant, line, block: SettingsBlock) -> dict[str, Any]:
    """The settings as the API shows them; never written, they are version 0."""
    raw = block.read(tenant, line)
    return dict(block.schema(tenant).dump(raw), version=raw.get("version") or 0)


def _item_state(tenant, block: CollectionBlock, item) -> dict[str, Any]:
    return dict(block.schema(tenant).dump(item), id=item.id)


def _collection(tenant, line, block: CollectionBlock) -> dict[str, Any]:
    query = request.args.get("q", "").strip()
    found = block.search(tenant, line, query) if query and block.search \
        else block.items(tenant, line)
    items = [_item_state(tenant, block, item) for item in found]
    return {"items": items, "total": len(items)}


def _precondition(block_id: str, current: dict[str, Any]) -> str | None:
    """If-Match against ``current``: 428 without it, 412 when stale; the version it names."""
    version = required_if_match(current)
    if version == "stale":
        raise EditConflict(block_id, None, None, None)
    return version


def _with_version(payload: dict[str, Any], version: str | None) -> dict[str, Any]:
    if version is not None:
        payload["version"] = version
    return payload


def _settings_view(resource: Resource) -> type[MethodView]:
    def get(self, **ids):
        tenant, line, block = _context(resource, ids)
        return with_etag(settings_state(tenant, line, block))

    def put(self, **ids):
        tenant, line, block = _context(resource, ids)
        version = _precondition(block.id, settings_state(tenant, line, block))
        block.save(tenant, line, _with_version(json_body(), version))
        return with_etag(settings_state(tenant, line, block))

    return type(resource.endpoint, (MethodView,), {"get": get, "put": put})


def _collection_view(resource: Resource) -> type[MethodView]:
    methods: dict[str, Callable[..., Any]] = {}

    def get(self, **ids):
        tenant, line, block = _context(resource, ids)
        return with_etag(_collection(tenant, line, block))

    def post(self, **ids):
        tenant, line, block = _context(resource, ids)
        item = block.add(tenant, line, json_body())
        return with_etag(_item_state(tenant, block, item), 201)

    def delete(self, **ids):
        tenant, line, block = _context(resource, ids)
        _allowed(block, "DELETE")
        _precondition(block.id, _collection(tenant, line, block))
        block.clear(tenant, line)
        return no_content()

    methods.update(get=get, post=post)
    if resource.carriers_answering("DELETE"):
        methods["delete"] = delete
    return type(resource.endpoint, (MethodView,), methods)


def _item_view(resource: Resource) -> type[MethodView]:
    def find(ids):
        tenant, line, block = _context(resource, ids)
        item = block.find(tenant, line, ids["item_id"])
        if item is None:
            from flask import abort
            abort(404)
        return tenant, block, item

    def get(self, **ids):
        tenant, block, item = find(ids)
        return with_etag(_item_state(tenant, block, item))

    def put(self, **ids):
        tenant, block, item = find(ids)
        _allowed(block, "PUT", item=True)
        version = _precondition(block.id, _item_state(tenant, block, item))
        item = block.change(item, _with_version(json_body(), version))
        return with_etag(_item_state(tenant, block, item))

    def delete(self, **ids):
        tenant, block, item = find(ids)
        _precondition(block.id, _item_state(tenant, block, item))
        reason = block.removable(item) if block.removable else None
        if reason:
            raise Refused(409, f"{block.feature}.item.in_use", reason, field="id")
        block.remove(item)
        return no_content()

    methods: dict[str, Any] = {"get": get, "delete": delete}
    if resource.carriers_answering("PUT", item=True):
        methods["put"] = put
    return type(f"{resource.endpoint}Item", (MethodView,), methods)


# Documentation --------------------------------------------------------------------------


def _variants(resource: Resource, method: str, item: bool,
              shape: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """The schema of each carrier answering ``method``, and their union."""
    variants = {carrier: shape(carrier)
                for carrier in resource.carriers_answering(method, item)}
    schemas = list(variants.values())
    union = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    return {"schema": union, "variants": variants}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _page(name: str) -> dict[str, Any]:
    return {"type": "object", "required": ["items", "total"], "properties": {
        "items": {"type": "array", "items": _ref(name)}, "total": {"type": "integer"}}}


def _operation(resource: Resource, method: str, *, item: bool, summary: str,
               body: bool, status: int, shape: Callable[[str], dict[str, Any]] | None,
               writes: bool, conditional: bool) -> dict[str, Any]:
    """The OpenAPI operation of one method, with each carrier's variant."""
    first = next(iter(resource.variants.values()))
    doc: dict[str, Any] = {
        "summary": summary,
        "description": (f"Feature `{first.feature}` ({first.guide_section or 'core'}); "
                        "offered by: " + ", ".join(resource.carriers_answering(method, item))
                        + ". Each carrier's own document "
                        "(`/api/v1/carriers/{carrier_id}/openapi.json`) shows its variant."),
        "responses": {},
    }
    variants: dict[str, dict[str, Any]] = {}
    if body:
        found = _variants(resource, method, item, lambda c: _ref(resource.component(c)))
        doc["requestBody"] = {"required": True, "content": json_content(found["schema"])}
        variants = {c: {"request": s} for c, s in found["variants"].items()}
    if conditional:
        doc["parameters"] = [IF_MATCH]
    if shape is not None:
        found = _variants(resource, method, item, shape)
        doc["responses"][str(status)] = {
            "description": "The resource as it is now", "headers": etag_header(),
            "content": json_content(found["schema"])}
        for carrier, schema in found["variants"].items():
            variants.setdefault(carrier, {})["response"] = schema
    else:
        doc["responses"][str(status)] = {"description": "Done; no content"}
    for carrier in resource.carriers_answering(method, item):
        variants.setdefault(carrier, {})
    doc["responses"].update(problems(
        not_found=True, writes=writes, conditional=conditional, body=body,
        conflict=item and method == "DELETE",
        not_allowed=len(resource.carriers_answering(method, item)) < len(resource.variants)))
    doc[VARIANTS] = variants
    return doc


def _document(view: type[MethodView], docs: dict[str, dict[str, Any]]) -> None:
    for method, doc in docs.items():
        function = getattr(view, method)
        function._apidoc = {"manual_doc": doc}  # flask-smorest reads it at route()


def _register_components(api: Api, resources_: Iterable[Resource]) -> None:
    """Each carrier's schema of each block, under a carrier-prefixed name."""
    components = api.spec.components
    for resource in resources_:
        for carrier, block in resource.variants.items():
            name = resource.component(carrier)
            if name in components.schemas:
                continue
            with warnings.catch_warnings():
                # Two carriers may share a schema class (a list of blocked numbers): each
                # gets its own name, and the paths refer to the names, never to the class.
                warnings.filterwarnings("ignore", message=".*has already been added to the spec")
                components.schema(name, schema=block.carrier_schema(carrier))
            schema = components.schemas[name]
            properties = schema.setdefault("properties", {})
            extra = "version" if resource.kind == "settings" else "id"
            properties[extra] = {"type": "integer", "readOnly": True}
            schema["description"] = f"{block.title} ({carrier}): {block.guide_section}"


def register(api: Api, carriers: CarrierRegistry) -> Blueprint:
    """One blueprint with a route per (scope, block id) and per item, documented."""
    bp = Blueprint("api_blocks", __name__, url_prefix=PREFIX,
                   description="Features of a customer or of a line, as each carrier "
                               "offers them")
    found = resources(carriers)
    _register_components(api, found)
    for resource in found:
        path = f"{SCOPE_PATHS[resource.scope]}/{resource.block_id}"
        ref = lambda carrier, r=resource: _ref(r.component(carrier))  # noqa: E731
        if resource.kind == "settings":
            view = _settings_view(resource)
            _document(view, {
                "get": _operation(resource, "GET", item=False, summary="Read the settings",
                                  body=False, status=200, shape=ref, writes=False,
                                  conditional=False),
                "put": _operation(resource, "PUT", item=False,
                                  summary="Replace the settings (If-Match required)",
                                  body=True, status=200, shape=ref, writes=True,
                                  conditional=True)})
            bp.route(path)(view)
            continue
        view = _collection_view(resource)
        page = lambda carrier, r=resource: _page(r.component(carrier))  # noqa: E731
        docs = {"get": _operation(resource, "GET", item=False, summary="List the items",
                                  body=False, status=200, shape=page, writes=False,
                                  conditional=False),
                "post": _operation(resource, "POST", item=False, summary="Add an item",
                                   body=True, status=201, shape=ref, writes=True,
                                   conditional=False)}
        if "delete" in vars(view):
            docs["delete"] = _operation(
                resource, "DELETE", item=False, conditional=True, writes=True, body=False,
                status=204, shape=None,
                summary="Delete every item (If-Match: the list's ETag)")
        _document(view, docs)
        bp.route(path)(view)
        item_view = _item_view(resource)
        item_docs = {
            "get": _operation(resource, "GET", item=True, summary="One item", body=False,
                              status=200, shape=ref, writes=False, conditional=False),
            "delete": _operation(resource, "DELETE", item=True, summary="Remove the item "
                                 "(If-Match required)", body=False, status=204, shape=None,
                                 writes=True, conditional=True)}
        if "put" in vars(item_view):
            item_docs["put"] = _operation(resource, "PUT", item=True, summary="Change the "
                                          "item (If-Match required)", body=True, status=200,
                                          shape=ref, writes=True, conditional=True)
        _document(item_view, item_docs)
        bp.route(f"{path}/<int:item_id>")(item_view)
    return bp
