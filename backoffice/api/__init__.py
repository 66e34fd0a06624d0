"""The REST API (flask-smorest): resources under /api/v1, OpenAPI at /api/openapi.json."""

from __future__ import annotations

from flask import Flask
from flask.views import MethodView
from flask_smorest import Api, Blueprint
from marshmallow import Schema, fields

from backoffice.core.carriers import registry

carriers_bp = Blueprint("carriers", __name__, url_prefix="/api/v1/carriers",
                        description="Carriers and what each one declares")


class CarrierDeclarationSchema(Schema):
    id = fields.String()
    name = fields.String()
    country = fields.String()
    default_locale = fields.String()
    timezone = fields.String()
    plans = fields.List(fields.String())
    features = fields.Dict(keys=fields.String(), values=fields.Dict())


@carriers_bp.route("")
class Carriers(MethodView):
    @carriers_bp.response(200, CarrierDeclarationSchema(many=True))
    def get(self):
        """The capability matrix: every carrier, its plans and its features with limits."""
        return [entry.as_dict() for entry in registry().all()]


def init_app(app: Flask) -> None:
    """Register core resources, then every carrier's own."""
    api = Api(app)
    app.extensions["api"] = api
    api.register_blueprint(carriers_bp)
    for blueprints in app.extensions["carriers"].all_hooks.api_blueprints():
        for blueprint in blueprints:
            api.register_blueprint(blueprint)
