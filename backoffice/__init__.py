"""The backoffice Flask application."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from backoffice import config, models  # noqa: F401 - complete metadata
from backoffice.core import messages, numbers
from backoffice.core.carriers import CarrierRegistry
from backoffice.extensions import babel, db, migrate
from backoffice.i18n import select_locale
from backoffice.migrating import MIGRATIONS


class DatabaseId(IntegerConverter):
    """An ``<int:...>`` URL segment: an id the database's integer column can hold, so a
    larger one is simply not found (404) rather than an error of the database."""

    def __init__(self, map, *args, max: int = 2**31 - 1, **kwargs):  # noqa: A002
        super().__init__(map, *args, max=max, **kwargs)


def create_app(
    overrides: dict[str, Any] | None = None,
    *,
    extra_plugins: Iterable[object] = (),
    entry_points: bool = True,
) -> Flask:
    """Build an app: configuration, extensions, carriers, pages and API.

    ``extra_plugins`` registers carriers beside those found through entry points
    (a test uses it to plug in a carrier of its own).
    """
    app = Flask(__name__, instance_relative_config=True, template_folder="web/templates")
    app.config.update(config.from_environment(Path(app.instance_path)))
    app.config.update(overrides or {})
    app.url_map.converters["int"] = DatabaseId

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    babel.init_app(app, locale_selector=select_locale)
    messages.install()
    numbers.install()
    app.extensions["carriers"] = CarrierRegistry(extra_plugins, entry_points=entry_points)

    from backoffice import access, api, auth, cli, headers, inputs, observability, problems, web

    inputs.init_app(app)
    auth.init_app(app)
    observability.init_app(app)
    access.init_app(app)
    web.init_app(app)
    api.init_app(app)
    problems.init_app(app)
    headers.init_app(app)
    cli.register(app)
    return app
