"""App mode and a page that remembers (issue 26).

* A widget exercise built when an answer is saved shows that answer and its feedback (a
  reopened or reloaded page, in Voila or JupyterLab).
* A blank answer's "not answered yet" note is not shown in app mode (the widget below the
  code cell is where the student answers) and is never counted by the gradebook as a try:
  a student who ran every cell and answered nothing has done nothing.
* Text that only fits JupyterLab is hidden in app mode (``kit.core.appmode``).
"""

from __future__ import annotations

import json
import sys
from html import unescape

import nbformat
import pytest

from conftest import ROOT
from kit.attribution import exercises as attribution
from kit.classroom import exercise_widgets as ew
from kit.classroom.feedback import NOT_ANSWERED, Feedback
from kit.classroom.start import start_observatory
from kit.compare import trace_exercises as trace
from kit.core.appmode import APP_STYLE, in_app, lab_or_app
from kit.framing import exercises as framing
from kit.numbers import exercises as numbers
from kit.teacher import gradebook

sys.path.insert(0, str(ROOT / "tools"))
import make_student  # noqa: E402


@pytest.fixture(autouse=True)
def answers_file(tmp_path, monkeypatch):
    path = tmp_path / "kit_answers.json"
    monkeypatch.setenv("KIT_ANSWERS", str(path))
    return path


def feedback_of(box) -> str:
    return unescape(box.children[-1].value)


# ---------------------------------------------------------------- a reopened exercise remembers

def _answer_text(box, text):
    box.children[1].value = text


def _answer_choice(box, value):
    box.children[1].value = value


def _answer_ticks(box, labels):
    for tick in box.children[1].children:
        tick.value = tick.description in labels


def _answer_drops(box, values):
    for drop, value in zip(box.children[1].children, values):
        drop.value = value


def _shown_text(box):
    return box.children[1].value


def _shown_choice(box):
    return box.children[1].value


def _shown_ticks(box):
    return {t.description for t in box.children[1].children if t.value}


def _shown_drops(box):
    return [d.value for d in box.children[1].children]


CASES = [
    # (build, answer, what the rebuilt widget shows)
    (lambda: ew.text_exercise(start_observatory), _answer_text, "the Syrian observatory", _shown_text),
    (lambda: ew.choice_exercise(framing.framing_loaded_label, ["government forces", "regime forces"]),
     _answer_choice, "regime forces", _shown_choice),
    (lambda: ew.multi_exercise(trace.trace_what_changed, ["the date", "the speaker (he said)",
                                                          "the quotation marks"], as_type=list),
     _answer_ticks, {"the speaker (he said)", "the quotation marks"}, _shown_ticks),
    (lambda: ew.pairs_exercise(attribution.attribution_chain, ["Step 1", "Step 2"],
                               [("A: one", "A"), ("B: two", "B")], as_list=True),
     _answer_drops, ["B", "A"], _shown_drops),
]


@pytest.mark.parametrize("build,answer,value,shown", CASES, ids=["text", "choice", "ticks", "dropdowns"])
def test_a_rebuilt_exercise_shows_the_saved_answer_and_its_feedback(build, answer, value, shown):
    first = build()
    answer(first, value)
    first.children[-2].click()
    said = feedback_of(first)
    assert "You have not answered yet" not in said
    again = build()  # the page reloaded: a new widget, the same answers file
    assert shown(again) == value
    restored = feedback_of(again)
    assert "Your saved answer" in restored
    # the same verdict as when the student pressed Check
    verdict = "Well done" if "Well done" in said else "Not yet"
    assert verdict in restored


def test_a_fresh_exercise_shows_nothing_saved():
    box = ew.text_exercise(start_observatory)
    assert box.children[1].value == ""
    assert feedback_of(box) == ""


def test_a_blank_check_does_not_wipe_the_saved_answer():
    box = ew.text_exercise(start_observatory)
    box.children[1].value = "AFP"
    box.children[-2].click()
    box.children[1].value = ""
    box.children[-2].click()
    assert "You have not answered yet" in feedback_of(box)
    assert ew.text_exercise(start_observatory).children[1].value == "AFP"


def test_a_saved_answer_of_an_older_shape_shows_its_feedback_only(answers_file):
    answers_file.write_text(json.dumps({"numbers_interval": {
        "answer": {"odd": [1, 2]}, "passed": False, "message": "Not yet. Read the words before 61."}}))
    box = ew.fields_exercise(numbers.numbers_interval, ["Lowest", "Highest"])
    assert "Read the words before 61" in feedback_of(box)


# ---------------------------------------------------------------- not answered: no output, no try

def test_blank_note_is_hidden_in_app_mode_only(monkeypatch):
    blank = Feedback(False, NOT_ANSWERED)
    monkeypatch.delenv("SERVER_SOFTWARE", raising=False)
    assert "You have not answered yet" in blank._repr_html_()
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    assert in_app()
    assert blank._repr_html_() == ""
    assert "Look again" in Feedback(False, "Not yet. Look again.")._repr_html_()
    assert not repr(blank).startswith(("✅", "💡")), "the gradebook counts those as tries"


def test_gradebook_counts_a_run_but_unanswered_notebook_as_nothing_done(tmp_path):
    """A student who ran every cell of 02 and answered nothing: no exercise done, none tried."""
    klass = tmp_path / "class"
    (klass / "ana").mkdir(parents=True)
    nb = make_student.run_notebook(ROOT / "notebooks" / "02_attribution.ipynb", tmp_path / "run.json")
    nbformat.write(nb, klass / "ana" / "02_attribution.ipynb")
    book = gradebook.collect(klass, templates=None)
    ana = book.students["ana"]
    assert ana.done == 0 and ana.passed == 0, {k: v for k, v in ana.exercises.items()}


def test_gradebook_ignores_the_older_kits_blank_note_but_counts_a_hint(tmp_path):
    """Notebooks saved by older kits show the blank note after a 💡, like a hint."""
    klass = tmp_path / "class"
    (klass / "ben").mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import kit\nfrom kit.framing import exercises")]
    for call, shown in [("exercises.framing_loaded_label(answer)", "💡 " + NOT_ANSWERED),
                        ("exercises.framing_same_side(answer)", "💡 Not yet. Look at the first line.")]:
        cell = nbformat.v4.new_code_cell(f"answer = ...\n{call}")
        cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": shown}, execution_count=1)]
        nb.cells.append(cell)
    nbformat.write(nb, klass / "ben" / "01_framing.ipynb")
    ben = gradebook.collect(klass, templates=None).students["ben"]
    assert ben.done == 1
    assert set(ben.exercises) == {"framing_same_side"}


# ---------------------------------------------------------------- text for one mode only

def test_lab_or_app_shows_one_text():
    both = lab_or_app("Press <b>Shift + Enter</b>.", "Press <b>Check</b>.")
    assert "Shift" in both._repr_html_() and "Check" not in both._repr_html_()
    assert "Check" in lab_or_app("a", "Press Check.", mode=True)._repr_html_()
    assert make_student.APP_STYLE == APP_STYLE


def test_student_copies_hide_lab_only_text_in_app_mode():
    """Every student notebook carries the style that hides Lab-only text in Voila, and its
    code-cell instructions ("replace the ... and run it") and write-here lines are Lab-only."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        md = [c.source for c in nb.cells if c.cell_type == "markdown"]
        assert APP_STYLE in md[0], f"{path.name}: first Markdown cell lacks the app-mode style"
        for text in md:
            for line in text.splitlines():
                if make_student.MARKDOWN_STUB in line or "In a notebook you can also" in line:
                    assert "kit-lab-only" in line, f"{path.name}: shown in app mode: {line!r}"
                assert "Shift + Enter" not in line or "kit-lab-only" in line, f"{path.name}: {line!r}"


def test_enter_in_a_one_line_answer_checks_it():
    """A typed answer is checked when the box's value is sent (Enter), without the button."""
    box = ew.text_exercise(start_observatory)
    box.children[1].value = "AFP"  # what the browser sends on Enter (continuous_update=False)
    assert "AFP wrote the story" in feedback_of(box)
    box.children[1].value = ""  # emptied: no check, the last feedback stays
    assert "AFP wrote the story" in feedback_of(box)
