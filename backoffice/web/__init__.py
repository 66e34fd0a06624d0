"""Server-rendered pages for support agents (Jinja2, Pico CSS, htmx)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import Flask
from flask_babel import get_locale

from backoffice.core.carriers import registry
from backoffice.core.phone import national
from backoffice.i18n import install_jinja_gettext
from backoffice.web import agents, blocks, bulk, history, lines, orders, pages, tenants
from backoffice.web.navigation import carrier_pages


def local_time(moment: datetime | None, timezone: str) -> str:
    """A stored UTC moment, shown in the tenant's time zone and the agent's locale."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_datetime(moment, "medium", tzinfo=ZoneInfo(timezone),
                           locale=str(get_locale() or "fr"))


def mac(value: str | None) -> str:
    return ":".join(value[i:i + 2] for i in range(0, 12, 2)) if value else ""


def init_app(app: Flask) -> None:
    """Register core pages, then every carrier's own pages."""
    for module in (pages, tenants, lines, blocks, orders, history, agents):
        app.register_blueprint(module.bp)
    bulk.init_app(app)
    for blueprints in app.extensions["carriers"].all_hooks.web_blueprints():
        for blueprint in blueprints:
            app.register_blueprint(blueprint)
    app.jinja_env.filters.update(national=national, local_time=local_time, mac=mac)
    app.jinja_env.globals.update(carriers=registry, get_locale=get_locale,
                                 carrier_pages=carrier_pages)
    install_jinja_gettext(app)
