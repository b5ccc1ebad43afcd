"""App mode as a student meets it (issue 26), in Voila with Chromium.

* A reloaded page remembers: the saved answer is back in its box with its feedback, and no
  stale "You have not answered yet" sits above the widgets.
* The self-study route: from the start page (00) along the "next" links through every
  notebook and quiz to the after-quiz, in the easy-read version (kept from page to page);
  the quizzes show their key after a final attempt; back on the start page the progress
  says what is done. Lab-only instructions ("Shift + Enter") are not shown.

Shares the servers and browser of tests/test_browser.py. Screenshots go to the test's
temporary folder.
"""

from __future__ import annotations

import re

import pytest

from test_browser import (RUN_TIMEOUT, WIDGET_TIMEOUT_MS, View, assert_no_errors, browser,  # noqa: F401
                          check_answer, chromium_path, exercise, lab, page, screenshot, type_answer, voila,
                          work_dir)


def open_in_voila(page, voila, path: str) -> None:
    """Go to a notebook's app page (``path`` may carry a query) and wait until it has run."""
    sep = "&" if "?" in path else "?"
    page.goto(f"{voila.url}/voila/render/{path}{sep}token={voila.token}")
    wait_until_run(page)


def wait_until_run(page) -> None:
    page.wait_for_load_state("load", timeout=RUN_TIMEOUT * 1000)
    page.locator(".jp-OutputArea").first.wait_for(timeout=RUN_TIMEOUT * 1000)
    page.wait_for_function(
        "() => !document.querySelector('#loading') || "
        "getComputedStyle(document.querySelector('#loading')).display === 'none'",
        timeout=RUN_TIMEOUT * 1000)
    # the first such element may be a hidden one (an empty live region): wait for a visible one
    page.locator(".widget-html-content:visible, .kit-next:visible").first.wait_for(timeout=RUN_TIMEOUT * 1000)


@pytest.mark.browser
def test_a_reloaded_page_shows_the_saved_answer_and_its_feedback(voila, page, tmp_path):
    from playwright.sync_api import expect

    open_in_voila(page, voila, "00_start.ipynb")
    view = View(page, page.locator("body"), "voila")
    try:
        box = exercise(view, "source of the death toll")
        type_answer(box, "AFP")
        check_answer(view, box, "AFP wrote the story")
        page.reload()
        wait_until_run(page)
        box = exercise(view, "source of the death toll")
        view.shown = box
        expect(box.locator("input")).to_have_value("AFP", timeout=WIDGET_TIMEOUT_MS)
        expect(box.locator(".kit-msg").first).to_contain_text("AFP wrote the story")
        expect(box).to_contain_text("Your saved answer")
        body = page.locator("body").inner_text()
        assert "You have not answered yet" not in body, "a stale blank note is shown after the reload"
        assert_no_errors(page, "00 after a reload")
    finally:
        screenshot(page, view, tmp_path / "voila-00-reloaded.png")


def _submit_quiz(view: View, *, key: bool) -> None:
    """Answer the first question and hand in (Submit - final twice: the first warns of blanks);
    with ``key``, the answers and explanations are shown after it (self-study, the after-quiz)."""
    from playwright.sync_api import expect

    first = view.root.locator(".widget-radio-box").first
    expect(first).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    first.locator("input[type=radio]").first.check()
    submit = view.root.locator("button", has_text="Submit").first
    submit.click()
    out = view.root.locator(".kit-msg", has_text=re.compile(r"still without an answer|of \d+ right")).first
    expect(out).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    if "of" not in out.inner_text() or "right" not in out.inner_text():
        submit.click()
    expect(view.root.locator(".kit-msg", has_text=re.compile(r"\d+ of \d+ right")).first).to_be_visible(
        timeout=WIDGET_TIMEOUT_MS)
    if key:  # self-study: after a final attempt the key is there to read
        expect(view.root.get_by_text(re.compile(r"Answer:")).first).to_be_visible(timeout=WIDGET_TIMEOUT_MS)


@pytest.mark.browser
def test_self_study_route_from_the_start_page_to_the_after_quiz(voila, page, tmp_path):
    from playwright.sync_api import expect

    view = View(page, page.locator("body"), "voila")
    open_in_voila(page, voila, "00_start.ipynb?easy-read=1")
    visited = []
    try:
        course = page.locator(".kit-course")
        expect(course).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
        for step in ["Start here", "Quiz before the lessons", "Framing", "Attribution", "Numbers",
                     "Trace it to the original", "Quiz after the lessons"]:
            expect(course.get_by_role("link", name=re.compile(step))).to_be_visible()
        text = page.locator("body").inner_text()
        assert "Shift + Enter" not in text and "file list on the left" not in text, "Lab-only text in app mode"
        assert "Write your answer here" not in text
        while True:
            name = page.url.split("/voila/render/")[1].split(".ipynb")[0]
            visited.append(name)
            assert_no_errors(page, f"{name} on the route")
            if name in ("01_framing", "02_attribution", "03_numbers"):
                expect(page.locator("body")).to_contain_text("Reading: the easy-read version",
                                                             timeout=WIDGET_TIMEOUT_MS)
            if name.startswith("quiz_"):
                _submit_quiz(view, key=name == "quiz_after")
            nxt = page.locator(".kit-next").last
            expect(nxt).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
            if "end of the course" in nxt.inner_text():
                break
            href = nxt.get_by_role("link").first.get_attribute("href") or ""
            assert "easy-read=1" in href, f"{name}: easy-read is not passed on"
            assert len(visited) < 12, f"the route goes round in circles: {visited}"
            open_in_voila(page, voila, href)  # the link is relative: the next page of the same app
        assert visited == ["00_start", "quiz_before", "01_framing", "02_attribution", "03_numbers",
                           "04_compare", "05_your_article", "06_trace", "quiz_after"]
        # back to the start page: the quizzes are done
        open_in_voila(page, voila, page.locator(".kit-next").last.get_by_role(
            "link", name="the start page").get_attribute("href"))
        course = page.locator(".kit-course")
        for quiz in ["Quiz before the lessons", "Quiz after the lessons"]:
            row = course.locator("tr", has=page.get_by_role("link", name=quiz))
            expect(row).to_contain_text("done", timeout=WIDGET_TIMEOUT_MS)
        view.shown = course
    finally:
        screenshot(page, view, tmp_path / "voila-route.png")
