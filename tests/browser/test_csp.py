"""Pages and the API docs work under the Content-Security-Policy: no violation reported."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_pages_and_api_docs_run_without_csp_violations(live_server, browser_page):
    page = browser_page
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server}/api/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=15_000)
    page.goto(f"{live_server}/login")
    assert violations == []
