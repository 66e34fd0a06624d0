"""A product owner (a viewer) browses the specifications and the guide coverage."""

import pytest

from tests.browser.test_agent_journey import sign_in

pytestmark = pytest.mark.browser


def test_a_viewer_browses_scenarios_results_and_coverage(live_server, browser_page):
    page = browser_page
    sign_in(page, live_server, "viewer.telus@demo.backoffice.test")
    page.click("nav a:has-text('Spécifications')")
    page.wait_for_selector("h1:has-text('Spécifications')")
    page.click("a[href*='features/sfr/renvoi.feature']")
    scenario = page.locator("article.spec-scenario").first
    scenario.wait_for()
    assert "Scénario" in scenario.inner_text() or "Plan du scénario" in scenario.inner_text()
    assert scenario.locator(".spec-result").first.inner_text() in ("réussi", "en échec",
                                                                     "non exécuté")
    scenario.locator("a.spec-ref").first.click()
    page.wait_for_selector("h2.spec-section")

    page.goto(f"{live_server}/specs/")
    page.fill("form.spec-search input[name=q]", "§6.14")
    page.press("form.spec-search input[name=q]", "Enter")
    page.wait_for_selector("h2:has-text('scénario')")
    assert page.locator("ul.spec-found li").count() > 0

    page.click("a:has-text('Couverture du guide : TELUS')")
    page.wait_for_selector("table.spec-coverage")
    assert page.locator("tr.covered").count() > 0
    assert page.locator("tr.uncovered").count() > 0
