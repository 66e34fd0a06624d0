"""Bulk pages of a tenant: import lines from a file (dry run, then a job with a progress
bar), export them, download the carrier's template."""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlalchemy import select

from backoffice.core.bulk import exporting
from backoffice.core.bulk.exporting import file_response
from backoffice.core.bulk.importing import NotReady, dry_run, max_rows, row_error, start
from backoffice.core.bulk.models import LineImport
from backoffice.core.bulk.reading import COLUMNS, FileProblem, read_rows
from backoffice.core.errors import N_
from backoffice.core.models import Tenant
from backoffice.extensions import db
from backoffice.lookups import carrier_of, tenant_or_404
from backoffice.problems import Refused

bp = Blueprint("bulk", __name__, url_prefix="/tenants/<int:tenant_id>/bulk")
#: Bytes an import file may have (``BULK_MAX_UPLOAD``); other requests keep their limit.
MAX_UPLOAD = 8 * 1024 * 1024
UPLOAD_ENDPOINTS = {"bulk.check", "api_bulk.Imports"}
RECENT = 10


def _import_or_404(tenant: Tenant, import_id: int) -> LineImport:
    job = db.session.scalar(select(LineImport).where(LineImport.id == import_id,
                                                     LineImport.tenant_id == tenant.id))
    if job is None:
        abort(404)
    return job


def render_bulk(tenant: Tenant, problem: FileProblem | None = None, status: int = 200):
    recent = db.session.scalars(select(LineImport).where(LineImport.tenant_id == tenant.id)
                                .order_by(LineImport.id.desc()).limit(RECENT)).all()
    return render_template("bulk/index.html", tenant=tenant, entry=carrier_of(tenant),
                           recent=recent, problem=problem, columns=COLUMNS,
                           max_rows=max_rows()), status


@bp.get("")
def index(tenant_id: int):
    return render_bulk(tenant_or_404(tenant_id))


@bp.post("/check")
def check(tenant_id: int):
    """The dry run: read the file, check every row, save nothing, show the report."""
    tenant = tenant_or_404(tenant_id)
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_bulk(tenant, FileProblem("line_import.file.required", N_(
            "Choose a CSV or XLSX file to import.")), 422)
    try:
        rows = read_rows(upload.filename, upload.stream, max_rows())
    except FileProblem as problem:
        return render_bulk(tenant, problem, 422)
    job = dry_run(tenant, rows, upload.filename)
    return redirect(url_for("bulk.show", tenant_id=tenant.id, import_id=job.id))


@bp.get("/<int:import_id>")
def show(tenant_id: int, import_id: int):
    tenant = tenant_or_404(tenant_id)
    job = _import_or_404(tenant, import_id)
    if request.headers.get("HX-Request"):
        return render_template("bulk/_progress.html", tenant=tenant, job=job)
    return render_template("bulk/show.html", tenant=tenant, job=job)


@bp.post("/<int:import_id>/start")
def begin(tenant_id: int, import_id: int):
    tenant = tenant_or_404(tenant_id)
    job = _import_or_404(tenant, import_id)
    try:
        start(job)
    except NotReady:
        raise Refused(409, "line_import.status.not_ready", N_(
            "This import cannot start: its check found errors, or it has started already."
        )) from None
    return redirect(url_for("bulk.show", tenant_id=tenant.id, import_id=job.id))


@bp.get("/export.<any(csv, xlsx):fmt>")
def export(tenant_id: int, fmt: str):
    tenant = tenant_or_404(tenant_id)
    return file_response(tenant, fmt, "lines", exporting.line_rows(tenant))


@bp.get("/template.<any(csv, xlsx):fmt>")
def template(tenant_id: int, fmt: str):
    return file_response(tenant_or_404(tenant_id), fmt, "template", iter(()))


def _allow_uploads() -> None:
    """Import files may be larger than other bodies: raise the limit for those endpoints
    before anything reads the body."""
    if request.endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = int(current_app.config.get("BULK_MAX_UPLOAD", MAX_UPLOAD))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["row_error"] = row_error
    app.before_request_funcs.setdefault(None, []).insert(0, _allow_uploads)
