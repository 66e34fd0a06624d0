"""The key layout of an SFR phone (guide 004 §6.17 "Touches programmables d'un poste IP"),
reordered as an agent does it: a key moved with the arrow keys on its handle, another by
drag and drop, then saved; the saved order is the one shown. A key never crosses into
another category ("elles ne peuvent pas être mélangées"): the page refuses the move, as
the API refuses such a layout."""

from __future__ import annotations

import pytest

from backoffice.auth.tokens import create_token
from backoffice.core.carriers import registry
from backoffice.core.models import Line
from backoffice.extensions import db
from backoffice.testing.auth import make_agent
from backoffice.testing.probes import in_request
from tests.browser.pages import open_line, sign_in

pytestmark = pytest.mark.browser

BIEL = ("04 83 05 01 73", "04 83 05 01 73")  # Stéphane Biel's line, its VVX 450 keyed (§6.17.1)
ROWS = "article#programmable-keys .key-grid > .key"


def _layout(page) -> list[str]:
    """The programmed rows, in the order the page shows them: kind, then line or number."""
    shown = []
    for row in page.locator(ROWS).all():
        kind = row.locator(".key-kind").input_value()
        if kind:
            target = (row.locator("select[name$=line_id]").input_value()
                      or row.locator("input[name$=-number]").input_value())
            shown.append(f"{kind}:{'' if kind == 'pickup' else target}")
    return shown


def _drag(source, target) -> None:
    """Drag a key's row by its edge (not by a field inside it) and drop it on another."""
    source.drag_to(target, source_position={"x": 3, "y": 3},
                   target_position={"x": 3, "y": 3})


def _saved(make_app) -> list[str]:
    """Biel's keys as saved, in the same words as ``_layout``."""
    app = make_app()
    with app.app_context(), in_request(app, "fr"):
        line = db.session.query(Line).filter_by(number="+33483050173").one()
        block = registry()["sfr"].block("programmable-keys")
        keys = block.read(line.tenant, line)["keys"]
        return [f"{key['kind']}:" + ("" if key["kind"] == "pickup"
                                     else str(key["line_id"] or key["number"] or ""))
                for key in keys]


def test_keys_move_by_keyboard_and_drag_within_their_category(live_server, browser_page,
                                                              make_app):
    page = browser_page
    sign_in(page, live_server, "support_agent.sfr@demo.backoffice.test")
    line_url = open_line(page, live_server, "sfr", BIEL)
    # tall enough to see both ends of a drag: a drag does not scroll the page
    page.set_viewport_size({"width": 1400, "height": 4000})
    page.goto(f"{line_url}?edit=programmable-keys#programmable-keys")
    rows = page.locator(ROWS)
    rows.first.wait_for()
    before = _layout(page)
    assert [entry.split(":")[0] for entry in before] == [
        "supervision", "supervision", "supervision", "speed_dial", "speed_dial", "pickup",
        "speed_dial"]

    # the keyboard: the second supervision key's handle, arrow up
    rows.nth(1).locator(".key-handle").focus()
    page.keyboard.press("ArrowUp")
    assert _layout(page)[:3] == [before[1], before[0], before[2]]
    assert "position 1" in page.locator(".key-announce").inner_text()

    # drag and drop: the last speed dial onto the first shortcut, across the other shortcuts
    _drag(rows.nth(6), rows.nth(3))
    moved = _layout(page)
    assert moved[3:] == [before[6], before[3], before[4], before[5]], moved

    # across categories: the first shortcut cannot go above the supervision keys...
    rows.nth(3).locator(".key-handle").focus()
    page.keyboard.press("ArrowUp")
    assert _layout(page) == moved
    blocked = page.locator(".key-layout").get_attribute("data-blocked")
    assert page.locator(".key-announce").inner_text() == blocked
    # ...nor a supervision key be dropped among the shortcuts
    _drag(rows.nth(2), rows.nth(4))
    assert _layout(page) == moved

    page.locator("article#programmable-keys button[type=submit]:not([name$=__reset])").click()
    page.wait_for_selector("text=Enregistré.")
    assert _saved(make_app) == moved

    page.goto(f"{line_url}?edit=programmable-keys#programmable-keys")
    page.locator(ROWS).first.wait_for()
    assert _layout(page) == moved


def test_the_api_refuses_a_shortcut_before_the_supervision_keys(live_server, make_app):
    app = make_app()
    with app.app_context(), in_request(app, "fr"):
        line = db.session.query(Line).filter_by(number="+33483050173").one()
        url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/programmable-keys"
        _, token = create_token(make_agent("support_agent", "sfr"), "browser")
        headers = {"Authorization": f"Bearer {token}", "Accept-Language": "fr"}
        client = app.test_client()
        current = client.get(url, headers=headers)
        keys = current.json["keys"]
        mixed = [keys[3], *keys[:3], *keys[4:]]  # a speed dial first
        answer = client.put(url, json={"keys": mixed}, headers={
            **headers, "If-Match": current.headers["ETag"]})
    assert answer.status_code == 422, answer.text
    assert ("device_keys.kind.order", "keys.1.kind") in [
        (error["code"], error["field"]) for error in answer.json["errors"]]
