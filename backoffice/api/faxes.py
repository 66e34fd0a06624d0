"""A customer's faxes (guide 003 §6.1–§6.4 for Cooptel): send one, list those sent with
their status, read one, fetch its document.

A fax is sent as ``multipart/form-data``: the cover page's fields and options (the fields
of the ``Fax`` schema) and the PDF document as ``document``. Every field of the cover page
is required; the document is checked against the carrier's limits (a PDF judged from its
content, its size, each page's size and orientation), each refusal naming its limit or its
page. The fax's ``status`` is ``queued`` until the carrier's network answers, then ``sent``
or ``failed``.
"""

from __future__ import annotations

from typing import Any

from flask import abort, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backoffice.api.common import PageArgs
from backoffice.core.fax.schemas import FaxSchema
from backoffice.core.fax.service import (
    FaxRow,
    document_response,
    faxes_page,
    find_fax,
    send_fax,
)
from backoffice.lookups import tenant_or_404

bp = Blueprint("api_faxes", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="Faxes sent from a customer's fax numbers")

_COVER = {name: {"type": "boolean" if isinstance(field, fields.Boolean) else "string"}
          for name, field in FaxSchema().fields.items() if not field.dump_only}
SEND = {"content": {"multipart/form-data": {"schema": {
    "type": "object",
    "required": [name for name, field in FaxSchema().fields.items() if field.required]
    + ["document"],
    "properties": {**_COVER, "document": {
        "type": "string", "format": "binary",
        "description": "The PDF document (its content decides, not its name)"}}}}}}


class FaxPageSchema(Schema):
    items = fields.List(fields.Nested(FaxSchema))
    total = fields.Integer()
    page = fields.Integer()
    page_size = fields.Integer()


def _payload() -> dict[str, Any]:
    """The multipart fields of the cover page and options (the document apart)."""
    return {name: value for name, value in request.form.items()}


@bp.route("/faxes")
class Faxes(MethodView):
    @bp.arguments(PageArgs, location="query")
    @bp.response(200, FaxPageSchema)
    def get(self, args, tenant_id: int):
        """The faxes sent, newest first, each with its status."""
        tenant = tenant_or_404(tenant_id)
        rows, total = faxes_page(tenant, args["page"], args["page_size"])
        response = jsonify({"items": [row.dump() for row in rows], "total": total,
                            "page": args["page"], "page_size": args["page_size"]})
        response.headers["X-Total-Count"] = str(total)
        return response

    @bp.doc(requestBody=SEND)
    @bp.response(201, FaxSchema)
    def post(self, tenant_id: int):
        """Send a fax; refused (422) when a cover field is missing or the document breaks
        a limit (each refusal names the limit or the page)."""
        tenant = tenant_or_404(tenant_id)
        upload = request.files.get("document")
        fax = send_fax(tenant, _payload(), upload.stream if upload else None,
                       upload.filename if upload else "")
        row = find_fax(tenant, fax.id)
        response = jsonify(_dumped(row))
        response.status_code = 201
        return response


def _dumped(row: FaxRow | None) -> dict[str, Any]:
    if row is None:
        abort(404)
    return row.dump()


@bp.route("/faxes/<int:fax_id>")
class OneFax(MethodView):
    @bp.response(200, FaxSchema)
    def get(self, tenant_id: int, fax_id: int):
        """One fax, with its status."""
        return jsonify(_dumped(find_fax(tenant_or_404(tenant_id), fax_id)))


@bp.route("/faxes/<int:fax_id>/document")
class FaxDocument(MethodView):
    @bp.doc(responses={"200": {"description": "The PDF document sent", "content": {
        "application/pdf": {"schema": {"type": "string", "format": "binary"}}}}})
    def get(self, tenant_id: int, fax_id: int):
        """The fax's PDF document, as sent."""
        return document_response(find_fax(tenant_or_404(tenant_id), fax_id))
