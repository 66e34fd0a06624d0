"""``backoffice specs import REPORT`` and ``backoffice specs export DIR``."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext


@click.group("specs")
def specs_group() -> None:
    """The living specifications: import the test run's results, export them as HTML."""


@specs_group.command("import")
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--commit", default=None, help="The commit the run tested (default: git HEAD).")
@with_appcontext
def import_command(report: Path, commit: str | None) -> None:
    """Load REPORT, the cucumber JSON report of a test run, as the specs' last results."""
    from backoffice.specs import catalog
    from backoffice.specs.results import import_report

    try:
        run = import_report(report, catalog.features_dir(), commit)
    except ValueError as exc:  # json.JSONDecodeError included
        raise click.ClickException(f"{report}: {exc}") from exc
    counts: dict[str, int] = {}
    for result in run.results:
        counts[result.status] = counts.get(result.status, 0) + 1
    click.echo(f"Imported {len(run.results)} scenario results from {report} "
               f"(commit {run.commit[:12]}): "
               + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))


@specs_group.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@with_appcontext
def export_command(directory: Path) -> None:
    """Write the specifications, coverage and guides as static HTML into DIRECTORY."""
    from backoffice.specs.export import export

    written = export(directory)
    click.echo(f"Wrote {written} pages to {directory}")
