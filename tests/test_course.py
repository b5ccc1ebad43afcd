"""The course for a self-learner (issue 26): every notebook and quiz in order, progress from
the saved answers, and a "next" link at the end of every notebook."""

from __future__ import annotations

import nbformat
import pytest

from conftest import ROOT
from kit.catalog import checkers
from kit.classroom import course

NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


def test_the_course_lists_every_notebook_and_quiz_once():
    names = [s.notebook for s in course.steps()]
    assert sorted(names) == NOTEBOOKS
    assert names[0] == "00_start" and names[1] == "quiz_before" and names[-1] == "quiz_after"
    assert [n for n in names if n[:2].isdigit()] == sorted(n for n in names if n[:2].isdigit())


def test_each_steps_checked_exercises_are_the_catalogs():
    """course.toml names each step's checked exercises; they must be the kit's, all of them."""
    ids = [c.exercise_id for c in checkers()]
    listed = [i for s in course.steps() for i in s.checked]
    assert sorted(listed) == sorted(ids)
    for s in course.steps():
        assert all(i.startswith(s.prefixes) for i in s.checked), s.notebook


def test_progress_says_to_do_started_and_done():
    framing = next(s for s in course.steps() if s.notebook == "01_framing")
    assert course.step_progress(framing, {}).status == "to do"
    one = {framing.checked[0]: {"answer": "x", "passed": False}}
    assert course.step_progress(framing, one).status == "started"
    written = {"01_framing_written_1": {"answer": "My thoughts.", "passed": True}}
    assert course.step_progress(framing, written).status == "started"
    every = {i: {"answer": "x", "passed": False} for i in framing.checked}
    got = course.step_progress(framing, every)
    assert (got.status, got.done, got.total) == ("done", len(framing.checked), len(framing.checked))
    blank = {i: {"answer": None} for i in framing.checked}
    assert course.step_progress(framing, blank).status == "to do"


def test_a_quiz_is_done_after_a_final_attempt_only():
    quiz = next(s for s in course.steps() if s.notebook == "quiz_before")
    assert course.step_progress(quiz, {}).status == "to do"
    draft = {"quiz_before": {"answer": {"q1": "a"}, "final": False}}
    assert course.step_progress(quiz, draft).status == "started"
    final = {"quiz_before": {"answer": {"q1": "a"}, "final": True}}
    assert course.step_progress(quiz, final).status == "done"


def test_course_view_links_every_step_with_its_status_in_words():
    view = course.course_view({"start_observatory": {"answer": "SOHR", "passed": True}})._repr_html_()
    for name in NOTEBOOKS:
        assert f"href='{name}.ipynb'" in view
    assert "<b>done</b>" in view and "<b>to do</b>" in view
    assert "1 of 9 steps done" in view


def test_next_links_lead_from_the_start_page_to_the_after_quiz():
    seen, name = [], "00_start"
    while name not in seen:
        seen.append(name)
        html = course.next_step(name)._repr_html_()
        if "end of the course" in html:
            break
        name = html.split("href='")[1].split(".ipynb")[0]
    assert seen == [s.notebook for s in course.steps()]


def test_app_mode_links_keep_easy_read(monkeypatch):
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    monkeypatch.setenv("QUERY_STRING", "easy-read=1")
    assert "01_framing.ipynb?easy-read=1" in course.next_step("quiz_before")._repr_html_()
    monkeypatch.delenv("SERVER_SOFTWARE")
    assert "?easy-read" not in course.next_step("quiz_before")._repr_html_()  # JupyterLab opens files


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_student_notebook_ends_with_its_next_link(name):
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    last = nb.cells[-1]
    assert last.cell_type == "code" and f"next_step({name!r})" in last.source
