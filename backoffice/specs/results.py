"""Import the cucumber JSON report the test run writes (``pytest --cucumberjson``)."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from backoffice.extensions import db
from backoffice.specs import features
from backoffice.specs.models import SpecResult, SpecRun

PASSED, FAILED, NOT_RUN = "passed", "failed", "not_run"
STATUSES = (PASSED, FAILED, NOT_RUN)


def current_commit(directory: Path) -> str:
    """The commit of the working tree, or "unknown" outside git."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=directory, capture_output=True,
                              text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"


def _element(element: dict[str, Any]) -> tuple[str, str, str]:
    """(status, failing step, message) of one scenario (or one example row) of a report."""
    steps = element.get("steps", [])
    for step in steps:
        result = step.get("result", {})
        if result.get("status") == "failed":
            return (FAILED, f"{step.get('keyword', '').strip()} {step.get('name', '')}",
                    str(result.get("error_message", "")))
    if steps and all(step.get("result", {}).get("status") == "passed" for step in steps):
        return PASSED, "", ""
    return NOT_RUN, "", ""


def read_report(report: Path) -> dict[tuple[str, int], dict[str, Any]]:
    """Scenario results by (feature uri, scenario line); an outline's rows are aggregated:
    failed if one row failed, passed if every row passed."""
    data = json.loads(report.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError("a cucumber JSON report is a list of features")
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for feature in data:
        uri = str(feature.get("uri", ""))
        for element in feature.get("elements", []):
            if element.get("type", "scenario") == "background":
                continue
            status, step, message = _element(element)
            entry = found.setdefault((uri, int(element.get("line", 0))), {
                "status": status, "failed_step": step, "message": message, "examples": []})
            entry["examples"].append(status)
            if status == FAILED and entry["status"] != FAILED:
                entry.update(status=FAILED, failed_step=step, message=message)
            elif status == NOT_RUN and entry["status"] == PASSED:
                entry["status"] = NOT_RUN
    return found


def import_report(report: Path, features_dir: Path, commit: str | None = None) -> SpecRun:
    """Store the report as the last run; older runs are removed."""
    results = read_report(report)
    reported_at = datetime.fromtimestamp(report.stat().st_mtime, UTC).replace(tzinfo=None)
    run = SpecRun(reported_at=reported_at,
                  commit=commit or current_commit(features_dir),
                  digests=features.digests(features_dir))
    for (uri, line), entry in sorted(results.items()):
        examples = entry["examples"] if len(entry["examples"]) > 1 else []
        run.results.append(SpecResult(uri=uri, line=line, status=entry["status"],
                                      failed_step=entry["failed_step"][:2000],
                                      message=entry["message"][:20000], examples=examples))
    for old in db.session.scalars(select(SpecRun)).all():
        db.session.delete(old)
    db.session.add(run)
    db.session.commit()
    return run


def last_run() -> SpecRun | None:
    return db.session.scalars(select(SpecRun).order_by(SpecRun.id.desc()).limit(1)).first()
