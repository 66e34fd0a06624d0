"""Every page type at a phone's width (390 × 844) and a laptop's (1366 × 768): nothing
sticks out sideways, and the top bar wraps instead of overflowing."""

from __future__ import annotations

import pytest

from tests.browser.pages import page_types

pytestmark = pytest.mark.browser

WIDTHS = [(390, 844), (1366, 768)]

OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [];
  document.querySelectorAll("body *").forEach((element) => {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !element.closest("table, pre")) {
      wide.push(element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
                + (element.className && typeof element.className === "string"
                   ? "." + element.className.trim().split(/\\s+/).join(".") : ""));
    }
  });
  return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
}"""

TOP_BAR = """() => {
  const bar = document.querySelector("body > header nav");
  if (!bar) return null;
  const items = Array.from(bar.querySelectorAll(":scope > ul > li"));
  const rows = new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)));
  return {wrap: getComputedStyle(bar).flexWrap, rows: rows.size,
          outside: items.filter((item) => item.getBoundingClientRect().right
                                          > window.innerWidth + 1).length};
}"""


@pytest.mark.parametrize("width,height", WIDTHS, ids=[f"{w}px" for w, _ in WIDTHS])
def test_no_page_type_overflows_sideways_and_the_top_bar_wraps(live_server, browser_page,
                                                              width, height):
    page = browser_page
    page.set_viewport_size({"width": width, "height": height})
    problems = []
    for name, open_page in page_types(page, live_server):
        open_page()
        page.wait_for_load_state("networkidle")
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > found["width"]:
            problems.append(f"{name}: {found['scroll']} px wide in {found['width']} px "
                            f"({', '.join(found['wide'])})")
        bar = page.evaluate(TOP_BAR)
        if bar is not None:
            if bar["outside"]:
                problems.append(f"{name}: {bar['outside']} top-bar items outside the window")
            if bar["wrap"] != "wrap":
                problems.append(f"{name}: the top bar does not wrap")
            if width < 600 and bar["rows"] < 2:
                problems.append(f"{name}: the top bar holds on one row at {width} px")
    assert not problems, "\n".join(problems)
