"""Bulk import and export of a tenant's lines: a dry run with its per-row report, the import
as a job whose progress the API reports, and the export in the columns an import reads."""

from __future__ import annotations

from flask import abort, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from backoffice.core.bulk import exporting
from backoffice.core.bulk.exporting import file_response
from backoffice.core.bulk.importing import NotReady, dry_run, max_rows, row_error, start
from backoffice.core.bulk.models import LineImport
from backoffice.core.bulk.reading import FileProblem, read_rows
from backoffice.core.errors import N_
from backoffice.extensions import db
from backoffice.lookups import tenant_or_404
from backoffice.problems import Refused

bp = Blueprint("api_bulk", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="Bulk import and export of lines (CSV, XLSX)")


class RowErrorSchema(Schema):
    field = fields.String(metadata={"description": "The file's column"})
    code = fields.String()
    message = fields.Method("localized")

    def localized(self, error: dict) -> str:
        return row_error(error)


class RowReportSchema(Schema):
    row = fields.Integer(allow_none=True, metadata={"description": "The row in the file (1 is "
                                                                   "the header row)"})
    errors = fields.List(fields.Nested(RowErrorSchema))


class LineImportSchema(Schema):
    id = fields.Integer()
    filename = fields.String()
    status = fields.String(metadata={"description": "checked, queued, running, done, rejected "
                                                    "or failed"})
    total = fields.Integer(metadata={"description": "Rows of the file"})
    done = fields.Integer(metadata={"description": "Rows checked by the import's job so far"})
    percent = fields.Integer()
    actor = fields.String()
    audit_id = fields.Integer(allow_none=True)
    detail = fields.String()
    report = fields.List(fields.Nested(RowReportSchema),
                         metadata={"description": "The rows that break a rule"})


class ExportArgs(Schema):
    format = fields.String(load_default="csv", validate=validate.OneOf(["csv", "xlsx"]))


UPLOAD = {"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "A CSV (UTF-8) or XLSX file"}}}}}}


def _import_or_404(tenant_id: int, import_id: int) -> LineImport:
    tenant = tenant_or_404(tenant_id)
    job = db.session.scalar(select(LineImport).where(LineImport.id == import_id,
                                                     LineImport.tenant_id == tenant.id))
    if job is None:
        abort(404)
    return job


@bp.route("/imports")
class Imports(MethodView):
    @bp.doc(requestBody=UPLOAD)
    @bp.response(201, LineImportSchema)
    def post(self, tenant_id: int):
        """Check a file of lines (the dry run): every row as a line added alone, nothing saved.

        The answer's ``report`` lists the rows that break a rule; with none, start the import.
        """
        tenant = tenant_or_404(tenant_id)
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise Refused(422, "line_import.file.required",
                          N_("Choose a CSV or XLSX file to import."), field="file")
        try:
            rows = read_rows(upload.filename, upload.stream, max_rows())
        except FileProblem as problem:
            raise Refused(422, problem.code, problem.message, field="file",
                          **problem.params) from None
        return dry_run(tenant, rows, upload.filename)


@bp.route("/imports/<int:import_id>")
class OneImport(MethodView):
    @bp.response(200, LineImportSchema)
    def get(self, tenant_id: int, import_id: int):
        """An import: its status, its progress (``done`` of ``total`` rows) and its report."""
        return _import_or_404(tenant_id, import_id)


@bp.route("/imports/<int:import_id>/start")
class StartImport(MethodView):
    @bp.response(202, LineImportSchema)
    def post(self, tenant_id: int, import_id: int):
        """Start a checked import: a job saves every line or none, as one change."""
        job = _import_or_404(tenant_id, import_id)
        try:
            start(job)
        except NotReady:
            raise Refused(409, "line_import.status.not_ready", N_(
                "This import cannot start: its check found errors, or it has started "
                "already.")) from None
        return job


@bp.route("/lines/export")
class ExportLines(MethodView):
    @bp.arguments(ExportArgs, location="query")
    @bp.doc(responses={"200": {"description": "The lines, in the columns an import reads",
                               "content": {"text/csv": {"schema": {"type": "string"}},
                                           "application/vnd.openxmlformats-officedocument."
                                           "spreadsheetml.sheet": {"schema": {
                                               "type": "string", "format": "binary"}}}}})
    def get(self, args, tenant_id: int):
        """The tenant's lines as CSV (streamed) or XLSX."""
        tenant = tenant_or_404(tenant_id)
        return file_response(tenant, args["format"], "lines", exporting.line_rows(tenant))
