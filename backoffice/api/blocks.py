"""Feature blocks as API resources: one settings object, or a collection of items.

``/api/v1/tenants/<id>/<block>`` for customer-wide features and
``/api/v1/tenants/<id>/lines/<id>/<block>`` for line features. The block's schema, the
same one that validates the web form, validates the payload. A feature the carrier does
not offer answers 404 saying so.
"""

from __future__ import annotations

from flask import abort, request
from flask.views import MethodView
from flask_smorest import Blueprint

from backoffice.api.common import json_body, required_if_match, with_etag
from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.errors import EditConflict
from backoffice.lookups import block_or_not_offered, line_or_404, tenant_or_404
from backoffice.problems import Refused

bp = Blueprint("api_blocks", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="Features of a customer or of a line, as each carrier offers them")
JSON_BODY = {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}
IF_MATCH = [{"in": "header", "name": "If-Match", "required": True, "schema": {"type": "string"}}]


def _context(tenant_id: int, line_id: int | None, block_id: str):
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id is not None else None
    return tenant, line, block_or_not_offered(tenant, line, block_id)


def _settings_state(tenant, line, block: SettingsBlock) -> dict:
    return block.schema(tenant).dump(block.read(tenant, line))


def _collection(tenant, line, block: CollectionBlock) -> dict:
    schema = block.schema(tenant)
    query = request.args.get("q", "").strip()
    found = block.search(tenant, line, query) if query and block.search \
        else block.items(tenant, line)
    items = [dict(schema.dump(item), id=item.id) for item in found]
    return {"items": items, "total": len(items)}


def _stale(block_id: str) -> EditConflict:
    """The refusal of a write whose If-Match names a state that is no longer current."""
    return EditConflict(block_id, None, None, None)


class BlockResource(MethodView):
    @bp.response(200)
    def get(self, tenant_id: int, block_id: str, line_id: int | None = None):
        """The block's current settings (with an ETag) or its items (``?q=`` to search)."""
        tenant, line, block = _context(tenant_id, line_id, block_id)
        if isinstance(block, SettingsBlock):
            return with_etag(_settings_state(tenant, line, block))
        return _collection(tenant, line, block)

    @bp.doc(requestBody=JSON_BODY, parameters=IF_MATCH)
    @bp.response(200)
    def put(self, tenant_id: int, block_id: str, line_id: int | None = None):
        """Replace the block's settings (If-Match required)."""
        tenant, line, block = _context(tenant_id, line_id, block_id)
        if not isinstance(block, SettingsBlock):
            abort(405)
        version = required_if_match(_settings_state(tenant, line, block))
        if version == "stale":
            raise _stale(block_id)
        payload = json_body()
        if version is not None:
            payload["version"] = version
        block.save(tenant, line, payload)
        return with_etag(_settings_state(tenant, line, block))

    @bp.doc(requestBody=JSON_BODY)
    @bp.response(201)
    def post(self, tenant_id: int, block_id: str, line_id: int | None = None):
        """Add an item to the block's collection."""
        tenant, line, block = _context(tenant_id, line_id, block_id)
        if not isinstance(block, CollectionBlock):
            abort(405)
        item = block.add(tenant, line, json_body())
        return dict(block.schema(tenant).dump(item), id=item.id), 201

    @bp.response(204)
    def delete(self, tenant_id: int, block_id: str, line_id: int | None = None):
        """Delete every item of the collection (the call itself is the confirmation)."""
        tenant, line, block = _context(tenant_id, line_id, block_id)
        if not isinstance(block, CollectionBlock) or block.clear is None:
            abort(405)
        block.clear(tenant, line)
        return ""


class ItemResource(MethodView):
    def _item(self, tenant_id, line_id, block_id, item_id):
        tenant, line, block = _context(tenant_id, line_id, block_id)
        if not isinstance(block, CollectionBlock):
            abort(404)
        item = block.find(tenant, line, item_id)
        if item is None:
            abort(404)
        return tenant, block, item

    @bp.response(200)
    def get(self, tenant_id: int, block_id: str, item_id: int, line_id: int | None = None):
        """One item, with its ETag."""
        tenant, block, item = self._item(tenant_id, line_id, block_id, item_id)
        return with_etag(dict(block.schema(tenant).dump(item), id=item.id))

    @bp.doc(requestBody=JSON_BODY, parameters=IF_MATCH)
    @bp.response(200)
    def put(self, tenant_id: int, block_id: str, item_id: int, line_id: int | None = None):
        """Change one item (If-Match required)."""
        tenant, block, item = self._item(tenant_id, line_id, block_id, item_id)
        if block.change is None:
            abort(405)
        version = required_if_match(dict(block.schema(tenant).dump(item), id=item.id))
        if version == "stale":
            raise _stale(block_id)
        payload = json_body()
        if version is not None:
            payload["version"] = version
        item = block.change(item, payload)
        return with_etag(dict(block.schema(tenant).dump(item), id=item.id))

    @bp.response(204)
    def delete(self, tenant_id: int, block_id: str, item_id: int, line_id: int | None = None):
        """Remove one item."""
        tenant, block, item = self._item(tenant_id, line_id, block_id, item_id)
        reason = block.removable(item) if block.removable else None
        if reason:
            raise Refused(409, f"{block_id}.in_use", reason)
        block.remove(item)
        return ""


bp.add_url_rule("/<block_id>", view_func=BlockResource.as_view("tenant_block"))
bp.add_url_rule("/lines/<int:line_id>/<block_id>", view_func=BlockResource.as_view("line_block"))
bp.add_url_rule("/<block_id>/<int:item_id>", view_func=ItemResource.as_view("tenant_item"))
bp.add_url_rule("/lines/<int:line_id>/<block_id>/<int:item_id>",
                view_func=ItemResource.as_view("line_item"))
