"""What a support agent does on a call, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", "demo-password-2026")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_find_a_line_change_its_forwarding_and_see_the_errors_and_the_status(
        live_server, browser_page):
    page = browser_page
    sign_in(page, live_server, "support_agent.sfr@demo.backoffice.test")
    page.fill("form[role=search] input[name=q]", "+33 4 83 05 01 74")
    page.press("form[role=search] input[name=q]", "Enter")
    page.wait_for_selector("h1:has-text('04 83 05 01 74')")  # a single match opens its line

    forwarding = page.locator("article#forwarding")
    forwarding.locator("a:has-text('Modifier')").click()
    forwarding.locator("input[name=no_answer_rings]").fill("11")
    forwarding.locator("button:has-text('Enregistrer')").click()
    error = page.locator("#forwarding-no_answer_rings-error")
    error.wait_for()
    assert "10" in error.inner_text()
    # the refused save shows the page's own address, once the deferred script has run
    page.wait_for_url(lambda url: "/blocks/" not in url)
    assert "/blocks/" not in page.url

    forwarding = page.locator("article#forwarding")
    forwarding.locator("input[name=no_answer_rings]").fill("5")
    forwarding.locator("button:has-text('Enregistrer')").click()
    page.wait_for_selector("text=Enregistré.")
    assert "5" in page.locator("article#forwarding").inner_text()
    assert page.url.endswith("#forwarding") and "/blocks/" not in page.url
    assert page.locator("#orders .status").first.inner_text() == "appliqué"


def test_explain_a_call_and_switch_to_english(live_server, browser_page):
    page = browser_page
    sign_in(page, live_server, "viewer.cooptel@demo.backoffice.test")
    page.fill("form[role=search] input[name=q]", "514 907-3400")
    page.press("form[role=search] input[name=q]", "Enter")
    page.wait_for_selector("h1:has-text('(514) 907-3400')")  # a single match opens its line
    page.fill("#date", "2026-11-23")
    page.fill("#time", "10:00")
    page.fill("#caller", "514 555-5555")
    page.click("button:has-text('Expliquer')")
    path = page.locator("#explanation .call-path")
    path.wait_for()
    assert "Rejeté" in path.inner_text()  # Cooptel's demo rule "contient 5555" (003 §8)
    page.click("a[lang=en]")
    assert page.locator("h2:has-text('Explain a call')").is_visible()
