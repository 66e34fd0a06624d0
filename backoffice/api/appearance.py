"""The portal's appearance over the API (002 Outils > Apparence): the logo (an image file,
inspected) and the address it opens."""

from __future__ import annotations

from flask import Response, abort, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backoffice.core.appearance.service import logo_bytes, read_appearance, save_appearance
from backoffice.lookups import tenant_or_404

bp = Blueprint("api_appearance", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="The portal's appearance: the company's logo and its link")

UPLOAD = {"content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {
        "logo": {"type": "string", "format": "binary",
                 "description": "The image (the carrier's formats, largest file and side); "
                                "leave it out to keep the current logo"},
        "link_url": {"type": "string", "format": "uri", "maxLength": 500,
                     "description": "The http(s) address the logo opens; empty: none"},
        "remove_logo": {"type": "boolean", "description": "Remove the current logo"}}}}}}


class AppearanceStateSchema(Schema):
    link_url = fields.String(allow_none=True)
    has_logo = fields.Boolean()
    logo_format = fields.String(allow_none=True)
    logo_width = fields.Integer(allow_none=True)
    logo_height = fields.Integer(allow_none=True)
    version = fields.Integer()


@bp.route("/appearance")
class Appearance(MethodView):
    @bp.response(200, AppearanceStateSchema)
    def get(self, tenant_id: int):
        """The logo (its format and size) and the address it opens."""
        return read_appearance(tenant_or_404(tenant_id))

    @bp.doc(requestBody=UPLOAD)
    @bp.response(200, AppearanceStateSchema)
    def post(self, tenant_id: int):
        """Attach a logo and set the address it opens; refused (422) past the limits."""
        tenant = tenant_or_404(tenant_id)
        upload = request.files.get("logo")
        logo = upload.read() if upload is not None and upload.filename else None
        raw = {"link_url": request.form.get("link_url", ""),
               "remove_logo": request.form.get("remove_logo", "").lower() in ("1", "true",
                                                                              "yes")}
        save_appearance(tenant, raw, logo)
        return read_appearance(tenant)


@bp.route("/appearance/logo")
class Logo(MethodView):
    @bp.doc(responses={"200": {"description": "The logo", "content": {
        "image/png": {"schema": {"type": "string", "format": "binary"}},
        "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
        "image/gif": {"schema": {"type": "string", "format": "binary"}}}}})
    def get(self, tenant_id: int):
        """The logo's image (404 without one)."""
        found = logo_bytes(tenant_or_404(tenant_id))
        if found is None:
            abort(404)
        return Response(found[0], mimetype=found[1])
