"""The REST API (flask-smorest): resources under /api/v1, OpenAPI at /api/openapi.json,
interactive documentation at /api/docs."""

from __future__ import annotations

from typing import Any

from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_cls
from flask import Flask, abort, current_app, jsonify
from flask.views import MethodView
from flask_smorest import Api, Blueprint
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException

from backoffice.api import (
    activity,
    agents,
    appearance,
    blocks,
    bulk,
    call_log,
    conference_history,
    contract,
    faxes,
    media,
    quick_edit,
    tenants,
)
from backoffice.auth import public
from backoffice.core.carriers import registry
from backoffice.problems import respond

carriers_bp = Blueprint("carriers", __name__, url_prefix="/api/v1/carriers",
                        description="Carriers and what each one declares")


class CarrierDeclarationSchema(Schema):
    id = fields.String()
    name = fields.String()
    country = fields.String()
    default_locale = fields.String()
    timezone = fields.String()
    plans = fields.List(fields.String())
    features = fields.Dict(keys=fields.String(), values=fields.Dict(), metadata={
        "description": "The features agents can use, with their limits"})
    planned = fields.Dict(keys=fields.String(), values=fields.Dict(), metadata={
        "description": "Features of the carrier's guides that are not offered yet"})
    blocks = fields.List(fields.Dict())


@carriers_bp.route("")
class Carriers(MethodView):
    @carriers_bp.response(200, CarrierDeclarationSchema(many=True))
    def get(self):
        """The capability matrix: every carrier, its plans, features with limits, blocks."""
        return [dict(entry.as_dict(), blocks=[
            {"id": block.id, "feature": block.feature, "guide_section": block.guide_section,
             "kind": "collection" if hasattr(block, "items") else "settings"}
            for block in entry.blocks]) for entry in registry().all()]


@carriers_bp.route("/<carrier_id>/openapi.json")
@public
class CarrierDocument(MethodView):
    @carriers_bp.doc(security=[], responses={"200": {
        "description": "An OpenAPI document",
        "content": {"application/json": {"schema": {"type": "object"}}}}})
    def get(self, carrier_id: str):
        """The OpenAPI document of one carrier: core resources and its own features."""
        entry = registry().get(carrier_id)
        if entry is None:
            abort(404)
        api: BackofficeApi = current_app.extensions["api"]
        return jsonify(api.carrier_document(carrier_id))


class BackofficeApi(Api):
    """flask-smorest's Api, answering HTTP errors through the one error table."""

    DEFAULT_ERROR_RESPONSE_NAME = None  # errors are documented by contract.complete

    def handle_http_exception(self, error: HTTPException):
        return respond(error)

    def document(self) -> dict[str, Any]:
        """The main OpenAPI document, completed once every blueprint is registered."""
        if not hasattr(self, "_document"):
            carriers = [(e.carrier.id, e.carrier.name) for e in registry().all()]
            self._document = contract.main_document(contract.complete(
                self.spec.to_dict(), readers_may=READERS_MAY,
                admin_paths=("/api/v1/agents",),
                public_paths={"/api/v1/carriers/{carrier_id}/openapi.json"},
                conflicts=CONFLICTS), carriers)
            self._carrier_documents: dict[str, dict[str, Any]] = {}
        return self._document

    def carrier_document(self, carrier_id: str) -> dict[str, Any]:
        document = self.document()
        if carrier_id not in self._carrier_documents:
            self._carrier_documents[carrier_id] = contract.carrier_document(
                document, carrier_id, registry()[carrier_id].carrier.name)
        return self._carrier_documents[carrier_id]

    def _openapi_json(self):
        return jsonify(self.document())


def schema_name(schema: Any) -> str:
    """The component name of a schema: its class name less ``Schema``, and ``Patch`` after
    it for a partial one (the body of a PATCH), so that names never depend on the order in
    which schemas are met."""
    cls = resolve_schema_cls(schema)
    cls = cls[0] if isinstance(cls, list) else cls
    name = cls.__name__.removesuffix("Schema") or cls.__name__
    if getattr(schema, "partial", False):
        name += "Patch"
    return name


#: Writes that a read-only role may make (they change nothing): no 403 documented.
READERS_MAY = {("/api/v1/tenants/{tenant_id}/lines/{line_id}/explain", "post"),
               ("/api/v1/tenants/{tenant_id}/company-numbers/{item_id}/explain", "post")}


#: Operations that the state of what they change may refuse (409).
CONFLICTS = {("/api/v1/tenants/{tenant_id}/orders/{order_id}/retry", "post")}


def init_app(app: Flask) -> None:
    """Register core resources, then every carrier's own."""
    app.config.setdefault("OPENAPI_SWAGGER_UI_PATH", "/docs")
    app.config.setdefault("OPENAPI_SWAGGER_UI_URL", "/static/vendor/swagger-ui/")
    api = BackofficeApi(app, spec_kwargs={
        "marshmallow_plugin": MarshmallowPlugin(schema_name_resolver=schema_name)})
    app.extensions["api"] = api
    contract.document_fields(api)
    for blueprint in (carriers_bp, agents.bp, tenants.bp, activity.bp, bulk.bp,
                      quick_edit.bp, media.bp, call_log.bp,
                      conference_history.bp, appearance.bp, faxes.bp):
        api.register_blueprint(blueprint)
    with app.app_context():
        api.register_blueprint(blocks.register(api, app.extensions["carriers"]))

    @app.after_request
    def _no_content_type_without_content(response):
        if response.status_code == 204:
            response.headers.pop("Content-Type", None)
        return response
    for blueprints in app.extensions["carriers"].all_hooks.api_blueprints():
        for blueprint in blueprints:
            api.register_blueprint(blueprint)
