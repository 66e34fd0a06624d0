"""Server-rendered pages for support agents (Jinja2, Pico CSS, htmx)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import Flask, request, url_for
from flask_babel import get_locale, gettext

from backoffice.core.carriers import offers, registry
from backoffice.core.explainer import action_words
from backoffice.core.phone import national
from backoffice.i18n import install_jinja_gettext
from backoffice.web import (
    agents,
    appearance,
    blocks,
    bulk,
    call_log,
    conference_history,
    faxes,
    guides,
    history,
    lines,
    media,
    orders,
    pages,
    quick_edit,
    specs,
    tenants,
)
from backoffice.web.forms import grouped
from backoffice.web.navigation import carrier_pages
from backoffice.web.wording import change_words


def local_time(moment: datetime | None, timezone: str) -> str:
    """A stored UTC moment, shown in the tenant's time zone and the agent's locale."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_datetime(moment, "medium", tzinfo=ZoneInfo(timezone),
                           locale=str(get_locale() or "fr"))


def page_url() -> str:
    """The address of the page being shown: itself for a page view; for the answer to a
    form post (a refused save shows the page again), the page the form belongs to."""
    if request.method == "GET":
        return request.path
    args = request.view_args or {}
    if args.get("line_id") is not None and "tenant_id" in args:
        return url_for("lines.show", tenant_id=args["tenant_id"], line_id=args["line_id"])
    if "tenant_id" in args:
        return url_for("tenants.show", tenant_id=args["tenant_id"])
    return request.path


def switch_language(language: str) -> str:
    """The same page and query, in ``language``."""
    query = request.args.to_dict(flat=False)
    query["lang"] = [language]
    return url_for(request.endpoint, **(request.view_args or {}), **query) \
        if request.endpoint and request.method == "GET" else f"{page_url()}?lang={language}"


def target_words(target: str | None) -> str:
    """Where a step sends the call, as an agent reads it."""
    if not target:
        return ""
    if target == "voicemail":
        return gettext("voicemail")
    if target.startswith("+") and target[1:].isdigit():
        return national(target)
    return target


def mac(value: str | None) -> str:
    return ":".join(value[i:i + 2] for i in range(0, 12, 2)) if value else ""


def init_app(app: Flask) -> None:
    """Register core pages, then every carrier's own pages."""
    for module in (pages, tenants, lines, blocks, orders, history, agents, guides, specs,
                   quick_edit, call_log, conference_history, appearance, faxes):
        app.register_blueprint(module.bp)
    bulk.init_app(app)
    media.init_app(app)
    for blueprints in app.extensions["carriers"].all_hooks.web_blueprints():
        for blueprint in blueprints:
            app.register_blueprint(blueprint)
    app.jinja_env.filters.update(national=national, local_time=local_time, mac=mac,
                                 grouped=grouped)
    from backoffice.core.appearance.service import appearance_of

    app.jinja_env.globals.update(carriers=registry, get_locale=get_locale, offers=offers,
                                 appearance_of=appearance_of,
                                 carrier_pages=carrier_pages, fax_pages=faxes.fax_pages,
                                 page_url=page_url,
                                 switch_language=switch_language, action_words=action_words,
                                 target_words=target_words, change_words=change_words,
                                 guide_refs=guides.guide_refs)
    install_jinja_gettext(app)
