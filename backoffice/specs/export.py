"""The specifications as static HTML, for people outside the backoffice: the same
templates, a layout without the agent's navigation, and links between flat files."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import current_app, render_template

from backoffice.specs import catalog as specs
from backoffice.specs.results import STATUSES


def _file(endpoint: str, **values: object) -> str:
    if endpoint == "feature":
        return "feature-" + str(values["uri"]).replace("/", "-").removesuffix(".feature") + ".html"
    if endpoint == "coverage":
        return f"coverage-{values['carrier']}.html"
    if endpoint == "guide":
        return f"guide-{values['file']}".removesuffix(".txt") + ".html"
    return "index.html"


def export(directory: Path) -> int:
    """Write every page into ``directory``; the number of pages written."""
    directory.mkdir(parents=True, exist_ok=True)
    static = Path(current_app.static_folder or "")
    (directory / "static").mkdir(exist_ok=True)
    shutil.copy(static / "vendor/pico/pico.min.css", directory / "static/pico.min.css")
    shutil.copy(static / "backoffice.css", directory / "static/backoffice.css")
    with current_app.test_request_context("/specs/"):
        catalog = specs.build()
        common = {"layout": "specs/export_base.html", "spec_url": _file, "statuses": STATUSES,
                  "catalog": catalog, "search_form": False}
        pages = {"index.html": render_template(
            "specs/index.html", query="", status="", carrier="", searching=False, found=[],
            **common)}
        for view in catalog.features:
            pages[_file("feature", uri=view.feature.uri)] = render_template(
                "specs/feature.html", view=view, **common)
        guides = set()
        for carrier, _ in catalog.carriers:
            pages[_file("coverage", carrier=carrier)] = render_template(
                "specs/coverage.html", carrier=carrier, guides=catalog.coverage(carrier), **common)
            guides.update((file, carrier) for file in _guides_of(carrier))
        for file, carrier in sorted(guides):
            pages[_file("guide", file=file)] = render_template(
                "specs/guide.html", file=file, guide=catalog.guide(file), carrier=carrier,
                **common)
    for name, html in pages.items():
        (directory / name).write_text(html, encoding="utf-8")
    return len(pages)


def _guides_of(carrier: str) -> tuple[str, ...]:
    from backoffice.core.carriers import registry

    return registry()[carrier].carrier.guides
