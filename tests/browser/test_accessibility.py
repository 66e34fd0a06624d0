"""axe-core on every page type: no critical, serious or moderate violation (issue #12).

axe-core's script comes with the pinned ``axe-playwright-python`` package: nothing is
downloaded while the tests run.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import page_types

pytestmark = pytest.mark.browser

BLOCKING = {"critical", "serious", "moderate"}


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{item['impact']} {item['id']}: {item['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str)
                        else str(node["target"]) for node in item["nodes"][:5])
            for item in results.response["violations"] if item["impact"] in BLOCKING]


@pytest.mark.parametrize("locale", ["fr-FR", "en-US"])
def test_every_page_type_has_no_blocking_accessibility_violation(live_server, browser_page,
                                                                 locale):
    page = browser_page
    if locale != "fr-FR":  # the browser's own language, as an agent's browser sends it
        page = page.context.browser.new_context(
            locale=locale, viewport={"width": 1400, "height": 1000}).new_page()
    found: dict[str, list[str]] = {}
    for name, open_page in page_types(page, live_server):
        open_page()
        page.wait_for_load_state("networkidle")
        if name != "API docs":  # Swagger UI is in English only
            assert page.locator("html").get_attribute("lang") == locale[:2], name
        problems = _violations(page)
        if problems:
            found[f"{name} ({page.url})"] = problems
    assert not found, "\n".join(f"{name}:\n  " + "\n  ".join(problems)
                                for name, problems in found.items())
