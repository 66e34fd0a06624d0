"""The REST API (flask-smorest): resources under /api/v1, OpenAPI at /api/openapi.json,
interactive documentation at /api/docs."""

from __future__ import annotations

from flask import Flask
from flask.views import MethodView
from flask_smorest import Api, Blueprint
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException

from backoffice.api import activity, agents, blocks, tenants
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


class BackofficeApi(Api):
    """flask-smorest's Api, answering HTTP errors through the one error table."""

    def handle_http_exception(self, error: HTTPException):
        return respond(error)


def init_app(app: Flask) -> None:
    """Register core resources, then every carrier's own."""
    app.config.setdefault("OPENAPI_SWAGGER_UI_PATH", "/docs")
    app.config.setdefault("OPENAPI_SWAGGER_UI_URL", "/static/vendor/swagger-ui/")
    api = BackofficeApi(app)
    app.extensions["api"] = api
    for blueprint in (carriers_bp, agents.bp, tenants.bp, activity.bp, blocks.bp):
        api.register_blueprint(blueprint)
    for blueprints in app.extensions["carriers"].all_hooks.api_blueprints():
        for blueprint in blueprints:
            api.register_blueprint(blueprint)
