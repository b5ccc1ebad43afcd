"""Keyboard and touch in the browser (issue 26, items 7-8), in Voila with Chromium.

* A glossed word in a legend is reached with Tab and shows its definition on focus (a tap
  focuses it too), with a strong focus ring.
* The word annotator of 01 is one Tab stop: the word list, where arrow keys move and pick.

Shares the servers and browser of tests/test_browser.py. Screenshots go to the test's
temporary folder.
"""

from __future__ import annotations

import pytest

from test_browser import browser, chromium_path, page, voila, work_dir  # noqa: F401
from test_browser_app import open_in_voila

pytestmark = pytest.mark.browser


def test_a_glossed_legend_word_shows_its_definition_on_focus(voila, page, tmp_path):
    open_in_voila(page, voila, "01_framing.ipynb")
    try:
        chip = page.locator(".kit-legend .kit-term[data-def]").first
        chip.wait_for()
        chip.focus()
        tip = chip.evaluate("e => getComputedStyle(e, '::after').content")
        assert chip.get_attribute("data-def").split('"')[0] in tip and len(tip) > 20  # drawn
        ring = chip.evaluate("e => getComputedStyle(e).outlineWidth")
        assert ring == "3px"
        chip.scroll_into_view_if_needed()
    finally:
        page.screenshot(path=str(tmp_path / "voila-01-glossed-focus.png"))


def test_the_word_annotator_is_one_tab_stop(voila, page, tmp_path):
    open_in_voila(page, voila, "01_framing.ipynb")
    try:
        page.locator(".widget-toggle-button").first.wait_for()   # the widgets are drawn
        words = page.locator("select[multiple]").filter(has_text="1. ")
        assert words.count() == 1, "01's word annotator has no word list"
        # the word buttons: the toggle buttons of the box right after the word list
        buttons = page.locator(".widget-box:has(> .widget-toggle-button)").first.locator("> .widget-toggle-button")
        tabindex = buttons.evaluate_all("bs => bs.map(b => b.tabIndex)")
        assert len(tabindex) > 10 and set(tabindex) == {-1}, tabindex
        lst = words.first
        lst.focus()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Shift+ArrowDown")
        page.wait_for_timeout(500)
        # a button's name is its words, without the icon's glyph
        from playwright.sync_api import expect
        expect(page.get_by_role("button", name="Mark", exact=True)).to_have_count(1)
        expect(page.get_by_role("button", name="Compare with the kit", exact=True)).to_have_count(1)
        pressed = page.locator(".widget-toggle-button.mod-active")
        assert pressed.count() >= 1                               # the buttons follow the list
        lst.scroll_into_view_if_needed()
    finally:
        page.screenshot(path=str(tmp_path / "voila-01-word-list.png"))


def test_a_long_tick_box_choice_is_shown_whole(voila, page, tmp_path):
    open_in_voila(page, voila, "02_attribution.ipynb")
    try:
        page.locator(".widget-checkbox").first.wait_for()
        labels = page.locator(".widget-checkbox .widget-label-basic span")
        cut = labels.evaluate_all("ls => ls.filter(l => l.scrollWidth > l.clientWidth + 1)"
                                  ".map(l => l.textContent)")
        assert labels.count() >= 4 and cut == []
        long = max(labels.all_inner_texts(), key=len)
        assert not long.endswith("…") and not long.endswith("...")
        labels.first.scroll_into_view_if_needed()
    finally:
        page.screenshot(path=str(tmp_path / "voila-02-tick-boxes.png"))
