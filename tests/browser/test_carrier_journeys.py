"""One journey per carrier, as an agent on a call does it (issue #12): find the line by a
partial number, change a setting, read the change back in the history, explain a call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.browser.pages import open_line, sign_in

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Journey:
    block: str  # the block whose form the agent opens
    change: Callable  # (the block's locator) -> fills the form
    history: str  # the history's sentence for the change
    state: str  # the line state of the explained call
    answer: str  # what the explanation says, in words


def _bell(block):
    block.locator("input[name=always_enabled]").check()
    block.locator("select[name=always_destination]").select_option("number")
    block.locator("input[name=always_destination__value]").fill("514 555-0199")


def _telus(block):
    block.locator("input[name=do_not_disturb_enabled]").check()


def _cooptel(block):
    block.locator("input[name=ring_seconds]").fill("25")


def _sfr(block):
    block.locator("input[name=enabled]").check()


JOURNEYS = {
    "bell": Journey("forwarding", _bell, "Renvoi d'appel modifié", "idle", "(514) 555-0199"),
    "telus": Journey("forwarding", _telus, "Renvoi d'appel modifié", "idle",
                     "Messagerie vocale"),
    "cooptel": Journey("forwarding", _cooptel, "Renvoi d'appel modifié", "no_answer",
                       "pendant 25 secondes"),
    "sfr": Journey("call-waiting", _sfr, "Signal d'appel créé", "busy",
                   "prévaut sur le renvoi sur occupation"),
}


@pytest.mark.parametrize("carrier", list(JOURNEYS))
def test_find_change_read_back_and_explain(live_server, browser_page, carrier):
    page, journey = browser_page, JOURNEYS[carrier]
    sign_in(page, live_server, f"support_agent.{carrier}@demo.backoffice.test")
    line_url = open_line(page, live_server, carrier)

    block = page.locator(f"article#{journey.block}")
    block.locator("a:has-text('Modifier')").click()
    journey.change(page.locator(f"article#{journey.block}"))
    page.locator(f"article#{journey.block} button:has-text('Enregistrer')").click()
    page.wait_for_selector("text=Enregistré.")

    page.goto(line_url)
    page.locator("a", has_text="Historique").first.click()
    page.wait_for_selector("h1:has-text('Historique')")
    latest = page.locator(".history-list > li").first.inner_text()
    assert journey.history in latest
    assert f"support_agent.{carrier}@demo.backoffice.test" in latest

    page.goto(line_url)
    page.fill("#date", "2026-11-23")
    page.fill("#time", "10:00")
    page.fill("#caller", "")
    page.select_option("#state", journey.state)
    page.click("#explain button[type=submit]")
    path = page.locator("#explanation .call-path")
    path.wait_for()
    explanation = page.locator("#explanation").inner_text()
    assert journey.answer in explanation
