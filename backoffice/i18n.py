"""Language selection: an explicit choice, else the browser's or API client's preference."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import flask_babel
from babel import Locale
from babel.support import NullTranslations, Translations
from flask import Flask, current_app, g, has_app_context, has_request_context, request, session
from flask_babel import get_locale


@lru_cache(maxsize=16)
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def select_locale() -> Locale:
    """API: Accept-Language. Pages: ``?lang=`` (remembered), the session, Accept-Language.

    The answer is a parsed :class:`~babel.Locale`, parsed once per language rather than
    by Flask-Babel on each request.
    """
    return _locale(_locale_code())


def _locale_code() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if request.path.startswith("/api/"):
        return request.accept_languages.best_match(languages) or languages[0]
    chosen = request.args.get("lang")
    if chosen in languages:
        session["lang"] = chosen
        return chosen
    if session.get("lang") in languages:
        return session["lang"]
    return request.accept_languages.best_match(languages) or languages[0]


def current_language() -> str:
    """The language of the current request (or the default one outside a request)."""
    locale = get_locale()
    return locale.language if locale else "fr"


def translations() -> Translations | NullTranslations:
    """The catalogue of the current request, looked up once per request and locale.

    Flask-Babel looks it up again on every call (the request's Babel state, its locale,
    the domain cache): several context-local lookups for each of the hundred strings a
    page translates. The result is kept in Flask-Babel's own per-request state, with the
    locale it was found for, so a new request or ``force_locale`` looks it up afresh.
    """
    if not has_app_context():
        return flask_babel.get_translations()
    state = g.get("_flask_babel")
    cached = getattr(state, "backoffice_translations", None)
    if cached is not None and cached[0] is getattr(state, "babel_locale", None):
        return cached[1]
    found = flask_babel.get_translations()
    state = g.get("_flask_babel")  # Flask-Babel creates it on its first use in a request
    if state is not None:
        state.backoffice_translations = (getattr(state, "babel_locale", None), found)
    return found


def gettext(string: str, **variables: Any) -> str:
    """:func:`flask_babel.gettext`, with the request's catalogue looked up once."""
    text = translations().ugettext(string)
    return text % variables if variables else text


def install_jinja_gettext(app: Flask) -> None:
    """Templates translate through :func:`translations` too (same callables otherwise)."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
    )
