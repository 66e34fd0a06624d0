"""Error pages for browsers; the API answers the same errors as problem+json."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext

from backoffice.core.errors import NotOffered
from backoffice.core.features import feature_label
from backoffice.problems import problem, wants_json


def init_app(app: Flask) -> None:
    @app.errorhandler(NotOffered)
    def not_offered(error: NotOffered):
        message = gettext("%(carrier)s does not offer “%(feature)s”.",
                          carrier=error.carrier_name, feature=feature_label(error.feature))
        if wants_json():
            return problem(404, "not_offered", message)
        return render_template("errors/error.html", status=404, message=message), 404

    @app.errorhandler(404)
    def not_found(error):
        if wants_json():
            return problem(404, "not_found", gettext("Not found."))
        return render_template("errors/error.html", status=404,
                               message=gettext("This page does not exist, or is not yours "
                                               "to see.")), 404

    @app.errorhandler(403)
    def forbidden(error):
        if wants_json():
            return problem(403, "forbidden", gettext("Your role does not allow this change."))
        return render_template("errors/error.html", status=403,
                               message=gettext("Your role does not allow this change.")), 403
