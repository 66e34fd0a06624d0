"""Security headers on every answer, and pages that need no inline script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = [*ROOT.glob("backoffice/**/templates/**/*.html"),
             *ROOT.glob("plugins/*/templates/**/*.html")]


def _check(response, https: bool = False) -> None:
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1] \
        .split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert ("Strict-Transport-Security" in response.headers) is https


@pytest.mark.parametrize("path", ["/", "/carriers", "/login", "/nowhere", "/api/v1/tenants",
                                  "/api/docs", "/api/openapi.json", "/healthz"])
def test_every_answer_has_the_security_headers(agent_client, path):
    _check(agent_client().get(path))


def test_hsts_only_over_https(client):
    _check(client.get("/login", base_url="https://backoffice.test"), https=True)


def test_the_pages_have_no_inline_script_or_handler():
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", re.I)
    found = [f"{path.relative_to(ROOT)}: {match.group(0)}" for path in TEMPLATES
             for match in inline.finditer(path.read_text())]
    assert found == []


def test_the_api_docs_page_starts_swagger_ui_from_a_static_file(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "swagger-ui-bundle.js" in page.text and "swagger-init.js" in page.text
    assert "<script>" not in page.text
    assert client.get("/static/swagger-init.js").status_code == 200
