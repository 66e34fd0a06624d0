"""How the API answers refused changes and conflicts (problem+json, see ``problems``)."""

from __future__ import annotations

from flask import Flask, Response
from flask_babel import gettext

from backoffice.core.errors import ChangeRejected, EditConflict
from backoffice.problems import problem


def rejected(error: ChangeRejected) -> Response:
    """422 naming every broken rule: its code, field, limit and message."""
    errors = [violation.as_dict() for violation in error.violations]
    return problem(422, errors[0]["code"], "; ".join(e["message"] for e in errors),
                   errors=errors)


def conflict(error: EditConflict, status: int = 412) -> Response:
    return problem(status, f"{error.object_type}.conflict", error.localized(),
                   changed_by=error.actor, changed_at=error.at.isoformat() if error.at else None)


def init_app(app: Flask) -> None:
    """API errors that are not raised inside an API view still answer in problem+json."""

    @app.errorhandler(ChangeRejected)
    def _rejected(error: ChangeRejected):
        return rejected(error)

    @app.errorhandler(EditConflict)
    def _conflict(error: EditConflict):
        return conflict(error)

    @app.errorhandler(405)
    def _method(error):
        return problem(405, "method_not_allowed", gettext("This method is not allowed here."))
