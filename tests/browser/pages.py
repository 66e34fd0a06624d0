"""The console's page types, each opened the way an agent reaches it, for the checks that
run on every page (accessibility, width)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

DEMO_PASSWORD = "demo-password-2026"
ADMIN = "admin@demo.backoffice.test"
TENANT_PAGE = re.compile(r"/tenants/\d+$")

# Finding a line by a partial number: the number as the customer says it, without its
# country prefix (what the search finds today).
# LEAD: after merging branch `search-scale`, switch every entry to the number's last four
# digits ("0174", "3400", ...): `last_digits` below does it when PARTIAL_FORM = "last4".
PARTIAL_FORM = "last4"

# carrier -> (a demo line's number without the country prefix, as the pages show it)
JOURNEY_LINES = {
    "bell": ("514 555-0142", "(514) 555-0142"),
    "telus": ("604 555-0101", "(604) 555-0101"),
    "cooptel": ("514 907-3400", "(514) 907-3400"),
    "sfr": ("04 83 05 01 74", "04 83 05 01 74"),
}


def partial_number(national: str) -> str:
    """What the agent types to find the line (see ``PARTIAL_FORM``)."""
    if PARTIAL_FORM == "last4":
        return "".join(ch for ch in national if ch.isdigit())[-4:]
    return national


def sign_in(page, base: str, email: str = ADMIN) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def open_line(page, base: str, carrier: str, line: tuple[str, str] | None = None) -> str:
    """Search for the carrier's journey line (or ``line``: its national number and how the
    pages show it) by its partial number, open it; its address."""
    national, shown = line or JOURNEY_LINES[carrier]
    page.goto(f"{base}/")
    page.fill("form[role=search] input[name=q]", partial_number(national))
    with page.expect_navigation():
        page.press("form[role=search] input[name=q]", "Enter")
    if "/search" in page.url:  # several matches: the list; a single one opens the line
        page.locator("main a", has_text=shown).first.click()
    page.wait_for_url("**/lines/**")
    page.wait_for_selector("h1")
    return page.url.split("#")[0]


def _to_tenant(page) -> str:
    """From a line page, its customer's page by the breadcrumb; the customer page's address."""
    page.locator("nav[aria-label=breadcrumb] a[href*='/tenants/']").first.click()
    page.wait_for_url(TENANT_PAGE)
    return page.url.split("#")[0]


def page_types(page, base: str) -> Iterator[tuple[str, Callable[[], None]]]:
    """(name, open it) for every page type, signed in as the operator's administrator
    (the sign-in page first, signed out)."""
    state: dict[str, str] = {}

    def sign_in_page() -> None:
        page.goto(f"{base}/login")

    def home() -> None:
        sign_in(page, base)

    def results() -> None:
        page.goto(f"{base}/search?q=" + JOURNEY_LINES["sfr"][0].replace(" ", "+"))

    def line() -> None:
        state["line"] = open_line(page, base, "sfr")

    def line_form() -> None:
        page.goto(state["line"] + "?edit=forwarding#forwarding")
        page.wait_for_selector("article#forwarding form")

    def explainer() -> None:
        page.goto(state["line"])
        page.fill("#date", "2026-11-23")
        page.fill("#time", "10:00")
        page.fill("#caller", "01 45 83 47 78")
        page.click("#explain button[type=submit], button:has-text('Expliquer')")
        page.locator("#explanation .call-path").wait_for()

    def tenant() -> None:
        page.goto(state["line"])
        state["tenant"] = _to_tenant(page)

    def history() -> None:
        page.goto(state["tenant"] + "/history")

    def network_status() -> None:
        page.goto(state["tenant"] + "#orders")
        page.wait_for_selector("#orders")

    def bulk() -> None:
        page.goto(state["tenant"] + "/bulk")

    def carriers() -> None:
        page.goto(f"{base}/carriers")

    def specs() -> None:
        page.goto(f"{base}/specs/")

    def specs_feature() -> None:
        page.goto(f"{base}/specs/")
        page.locator("main a[href*='/specs/features/']").first.click()
        page.wait_for_selector("h1")

    def specs_coverage() -> None:
        page.goto(f"{base}/specs/coverage/sfr")

    def specs_guide() -> None:
        page.goto(f"{base}/specs/guides/004_1c65287363dc7b18.txt")

    def guide() -> None:
        page.goto(f"{base}/guides/004_1c65287363dc7b18.txt")

    def agents() -> None:
        page.goto(f"{base}/agents")

    def other_carriers() -> Iterator[tuple[str, Callable[[], None]]]:
        for carrier in ("bell", "telus", "cooptel"):
            def line_form(carrier: str = carrier) -> None:
                url = open_line(page, base, carrier)
                page.goto(f"{url}?edit=forwarding#forwarding")
                page.wait_for_selector("article#forwarding form")
                state[carrier] = url
            yield f"{carrier} line with an open form", line_form

    def tenant_form() -> None:
        page.goto(state["cooptel"])
        page.goto(_to_tenant(page) + "?edit=business-hours#business-hours")
        page.wait_for_selector("article#business-hours form")

    def carrier_tenant(carrier: str) -> str:
        if f"{carrier} tenant" not in state:
            page.goto(state[carrier])
            state[f"{carrier} tenant"] = _to_tenant(page)
        return state[f"{carrier} tenant"]

    def keys_form() -> None:
        url = open_line(page, base, "sfr", ("04 83 05 01 73", "04 83 05 01 73"))
        page.goto(f"{url}?edit=programmable-keys#programmable-keys")
        page.wait_for_selector("article#programmable-keys form")

    def faxes() -> None:
        page.goto(carrier_tenant("cooptel") + "/faxes")

    def fax_history() -> None:
        page.goto(carrier_tenant("cooptel") + "/faxes/history")

    def conference_history() -> None:
        page.goto(carrier_tenant("cooptel") + "/conferences/history")

    def cooptel_tenant() -> None:
        page.goto(carrier_tenant("cooptel"))

    def call_log() -> None:
        page.goto(carrier_tenant("telus") + "/calls")

    def appearance() -> None:
        page.goto(carrier_tenant("telus") + "/appearance")

    def api_docs() -> None:
        page.goto(f"{base}/api/docs")
        page.wait_for_selector(".swagger-ui .info", timeout=15_000)

    yield from [
        ("sign-in", sign_in_page), ("home", home), ("search results", results),
        ("line", line), ("line with an open form", line_form), ("explainer", explainer),
        ("tenant", tenant), ("history", history), ("network status", network_status),
        ("bulk import", bulk), ("carriers", carriers), ("specs", specs),
        ("specs feature", specs_feature), ("specs coverage", specs_coverage),
        ("specs guide", specs_guide), ("guide", guide), ("agents", agents),
        ("API docs", api_docs),
    ]
    yield from other_carriers()
    yield "tenant with an open form", tenant_form
    yield from [
        ("cooptel tenant", cooptel_tenant), ("faxes", faxes), ("fax history", fax_history),
        ("conference history", conference_history), ("call log", call_log),
        ("appearance", appearance), ("programmable keys form", keys_form),
    ]
