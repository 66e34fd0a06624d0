"""Language selection: an explicit choice, else the browser's or API client's preference."""

from __future__ import annotations

from flask import current_app, has_request_context, request, session
from flask_babel import get_locale


def select_locale() -> str:
    """API: Accept-Language. Pages: ``?lang=`` (remembered), the session, Accept-Language."""
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
