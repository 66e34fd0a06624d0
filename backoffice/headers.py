"""Security headers on every answer: a Content-Security-Policy that allows no inline
script, no framing, no MIME sniffing, a same-origin referrer, and HSTS over HTTPS."""

from __future__ import annotations

from flask import Flask, Response, request

#: Pages run only the scripts and styles served from static/ (no inline code).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
#: Swagger UI (/api/docs) sets style attributes from its scripts; its scripts stay strict.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
HSTS = "max-age=31536000; includeSubDomains"


def _secure(response: Response) -> Response:
    headers = response.headers
    docs = request.path.startswith("/api/docs")
    headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def init_app(app: Flask) -> None:
    """Add the security headers to every response, error pages included."""
    app.after_request(_secure)
