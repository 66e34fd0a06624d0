"""The living specifications: every role reads the feature files with their last results,
each guide's coverage and the guide sections they quote."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for

from backoffice.specs import catalog as specs
from backoffice.specs.guides import GUIDE_FILE, references
from backoffice.specs.results import STATUSES

bp = Blueprint("specs", __name__, url_prefix="/specs")


def page_url(endpoint: str, **values: object) -> str:
    return url_for(f"specs.{endpoint}", **values)


def render(template: str, **context: object) -> str:
    return render_template(template, layout="base.html", spec_url=page_url,
                           statuses=STATUSES, **context)


@bp.get("/")
def index() -> str:
    catalog = specs.build()
    query = request.args.get("q", "").strip()
    status = request.args.get("result", "")
    status = status if status in STATUSES else ""
    carrier = request.args.get("carrier", "")
    searching = bool(query or status or carrier)
    found = catalog.search(query, status, carrier) if searching else []
    return render("specs/index.html", catalog=catalog, query=query, status=status,
                  carrier=carrier, searching=searching, found=found)


@bp.get("/features/<path:uri>")
def feature(uri: str) -> str:
    catalog = specs.build()
    view = catalog.feature(uri)
    if view is None:
        abort(404)
    return render("specs/feature.html", catalog=catalog, view=view)


@bp.get("/coverage/<carrier>")
def coverage(carrier: str) -> str:
    catalog = specs.build()
    if carrier not in dict(catalog.carriers):
        abort(404)
    return render("specs/coverage.html", catalog=catalog, carrier=carrier,
                  guides=catalog.coverage(carrier))


@bp.get("/guides/<file>")
def guide(file: str) -> str:
    catalog = specs.build()
    if not GUIDE_FILE.fullmatch(file) or catalog.carrier_of_guide(file) is None:
        abort(404)
    return render("specs/guide.html", catalog=catalog, file=file, guide=catalog.guide(file),
                  carrier=catalog.carrier_of_guide(file))


@bp.get("/block")
def block() -> str:
    """The scenarios of a block of a line or tenant page: those quoting its guide section."""
    catalog = specs.build()
    section = request.args.get("section", "")
    named = GUIDE_FILE.findall(section)
    carrier = catalog.carrier_of_guide(named[0]) if named else None
    refs = []
    if carrier:
        files = tuple(dict.fromkeys(named))
        kinds = {f: (g.numbered if (g := catalog.guide(f)) else True) for f in files}
        refs = references(section, files, kinds, named[0])
    found = catalog.search("", "", carrier or "", refs) if refs else []
    return render("specs/block.html", catalog=catalog, section=section, carrier=carrier,
                  found=found, feature_key=request.args.get("feature", ""))
