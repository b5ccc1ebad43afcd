"""Assessment that measures learning (issue 16): self-checks that need the reasoning,
attempts kept, the key after a final attempt, model answers, per-skill before/after."""

from __future__ import annotations

import base64
import csv
import json
import re
from pathlib import Path

import nbformat
import pytest

import kit
from kit.attribution import exercises as attribution_exercises
from kit.classroom import quiz, start
from kit.classroom import widgets as classroom_widgets
from kit.compare import detect
from kit.compare import exercises as compare_exercises
from kit.framing import exercises as framing_exercises
from kit.teacher import gradebook, skills

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- gaming answers refused

ORIGINAL = ("Government forces pushed back the rebels near the border town overnight, killing at least "
            "20 fighters, the defence ministry said.")


@pytest.mark.parametrize("version", [
    ORIGINAL,                                            # unchanged
    ORIGINAL.upper(),                                    # only the case
    ORIGINAL.replace("overnight", "at night"),           # one word
    ORIGINAL.replace(",", "").replace(".", "!"),         # only punctuation
])
def test_make_then_detect_refuses_an_unchanged_text(version):
    fb = detect.detect_feedback(version, original=ORIGINAL, expect=["find_labels"], exercise="t_same")
    assert not fb.passed and "same as the original" in fb.message


def test_make_then_detect_accepts_a_real_rewrite():
    mine = "Regime forces crushed the heroic freedom fighters near the border town, the ministry claimed."
    assert detect.similarity(mine, ORIGINAL) < detect.SAME_TEXT
    assert detect.detect_feedback(mine, original=ORIGINAL, expect=["find_labels"], exercise="t_new").passed


@pytest.mark.parametrize("answer", ["Rebels town.", "Fighters the town", "Armed fighters in the town."])
def test_neutral_rewrite_needs_a_sentence(answer):
    fb = framing_exercises.framing_neutral_rewrite(answer)
    assert not fb.passed and "verb" in fb.message


def test_neutral_rewrite_accepts_a_sentence():
    assert framing_exercises.framing_neutral_rewrite("Fighters took control of the town.").passed


@pytest.mark.parametrize("answer, ok", [
    ("b", False),
    ("b because the name sounded odd", False),
    ("b: https://www.fpri.org/people/aaron-stein/", True),
    ("B - his institute is the Foreign Policy Research Institute", True),
    (("b", "fpri.org"), True),
    ("a: https://example.org", False),
])
def test_lateral_reading_asks_for_evidence(answer, ok):
    fb = compare_exercises.article_lateral(answer)
    assert fb.passed is ok and fb.message
    if answer == "b":
        assert "link" in fb.message or "URL" in fb.message


@pytest.mark.parametrize("answer", ["SOHR", "sohr", "the SOHR", "OSDH", "Syrian Observatory"])
def test_the_observatory_by_its_abbreviation(answer):
    assert start.start_observatory(answer).passed
    from kit.numbers.exercises import numbers_source

    assert "observatory gives other figures" in numbers_source(answer).message  # known, but not this figure


def test_no_checker_says_a_verb_makes_a_claim_true():
    for verb in ("confirmed", "said", "claimed", "insisted", "acknowledged", "blah"):
        message = attribution_exercises.attribution_doubt_verb(verb).message
        assert not re.search(r"(says|tells you) the claim is true", message), (verb, message)
    checkers = ["kit/framing/exercises.py", "kit/attribution/exercises.py", "kit/numbers/exercises.py",
                "kit/compare/exercises.py", "kit/classroom/start.py", "kit/compare/detect.py"]
    for path in checkers:
        for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
            if "confirm" in line.lower():
                assert not re.search(r"(says|tells you|means) (that )?the claim is true", line), (path, line)


# ---------------------------------------------------------------- attempts kept


@pytest.fixture
def after():
    return quiz.load_bank("quiz_after")


def _all_right(bank):
    return {i.id: i.answer for i in bank.items}


def _all_wrong(bank):
    return {i.id: next(c for c in i.choices if c != i.answer) for i in bank.items}


def test_a_second_attempt_never_replaces_the_first(after):
    assert quiz.check_quiz(after, _all_wrong(after)).passed    # every question answered
    fb = quiz.check_quiz(after, _all_right(after))
    assert "attempt 2" in fb.message and "first attempt" in fb.message
    entry = kit.load_answers()["quiz_after"]
    assert [a["score"] for a in entry["attempts"]] == [0, len(after.items)]
    assert all(re.match(r"\d{4}-\d\d-\d\dT", a["time"]) for a in entry["attempts"])
    assert entry["answer"] == _all_wrong(after) == quiz.first_attempt(entry)


def test_a_draft_is_not_an_attempt_and_shows_no_score(after):
    fb = quiz.check_quiz(after, {after.items[0].id: after.items[0].answer}, final=False)
    assert "right" not in fb.message and "Submit - final" in fb.message
    entry = kit.load_answers()["quiz_after"]
    assert entry["attempts"] == [] and entry["final"] is False
    quiz.check_quiz(after, _all_wrong(after))
    quiz.check_quiz(after, _all_right(after), final=False)     # a draft after: the attempt stays
    entry = kit.load_answers()["quiz_after"]
    assert len(entry["attempts"]) == 1 and entry["answer"] == _all_wrong(after)
    assert entry["draft"] == _all_right(after)


def test_an_old_entry_counts_as_one_attempt(after):
    old = {"answer": {after.items[0].id: after.items[0].answer}, "passed": False}
    path = Path(kit.classroom.answers.answers_path())
    path.write_text(json.dumps({"quiz_after": old}))
    quiz.check_quiz(after, _all_right(after))
    entry = kit.load_answers()["quiz_after"]
    assert len(entry["attempts"]) == 2 and entry["answer"] == old["answer"]


def test_the_key_is_shown_only_after_the_final_attempt(after):
    w = classroom_widgets.make_quiz(after)
    radios = [row.children[1] for row in w.children[1].children]
    radios[0].value = after.items[0].answer
    w.children[2].click()                                     # 14 unanswered: asks first
    assert "still without an answer" in w.children[3].value
    assert after.items[0].explanation[:25].replace('"', "&quot;") not in w.children[3].value
    assert kit.load_answers()["quiz_after"]["attempts"] == []
    w.children[2].click()                                     # hand in as it is
    assert "1 of 15 right" in w.children[3].value and "Answer:" in w.children[3].value
    again = classroom_widgets.make_quiz(after)                # after a restart: the key stays visible
    assert "Answer:" in again.children[3].value and radios[0].value == again.children[1].children[0].children[1].value


def test_the_teacher_releases_the_key(after, monkeypatch, tmp_path):
    assert "Answer:" not in classroom_widgets.make_quiz(after).children[3].value
    monkeypatch.setenv(quiz.RELEASE_ENV, "quiz_after")
    assert "released" in classroom_widgets.make_quiz(after).children[3].value
    monkeypatch.setenv(quiz.RELEASE_ENV, "quiz_before")
    assert not quiz.key_released("quiz_after")
    monkeypatch.delenv(quiz.RELEASE_ENV)
    flag = Path(kit.classroom.answers.answers_path()).parent / quiz.RELEASE_FILE
    flag.write_text("")
    assert quiz.key_released("quiz_after") and quiz.key_released("quiz_before")
    flag.write_text("quiz_before\n")
    assert quiz.key_released("quiz_before") and not quiz.key_released("quiz_after")


def test_each_student_sees_their_own_order(after, monkeypatch):
    monkeypatch.setenv("KIT_STUDENT", "ana")
    ana = [r.children[1].options for r in classroom_widgets.make_quiz(after).children[1].children]
    monkeypatch.setenv("KIT_STUDENT", "ben")
    ben = [r.children[1].options for r in classroom_widgets.make_quiz(after).children[1].children]
    assert ana != ben and [sorted(o) for o in ana] == [sorted(o) for o in ben]
    monkeypatch.setenv("KIT_STUDENT", "ana")
    assert [r.children[1].options for r in classroom_widgets.make_quiz(after).children[1].children] == ana


# ---------------------------------------------------------------- model answers


def test_model_answer_appears_only_after_a_try():
    w = classroom_widgets.make_model_answer("t_open", base64.b64encode("The model paragraph.".encode()).decode())
    intro, box, save, status, show, shown = w.children
    assert show.layout.display == "none" and "4" in intro.value
    box.value = "too short"
    save.click()
    assert show.layout.display == "none" and "more" in status.value
    box.value = "Who says so? The union gives the size of the strike and the port its cost."
    save.click()
    assert show.layout.display is None and kit.load_answers()["t_open"]["answer"].startswith("Who says so")
    show.click()
    assert "The model paragraph." in shown.value
    assert classroom_widgets.make_model_answer("t_open", "x").children[4].layout.display is None  # after a restart


def test_student_copies_hide_model_answers_behind_the_button():
    nb = nbformat.read(ROOT / "notebooks" / "quiz_after.ipynb", as_version=4)
    teacher = nbformat.read(ROOT / "lessons" / "teacher" / "quiz_after.ipynb", as_version=4)
    i = next(n for n, c in enumerate(nb.cells) if "transfer" in c.metadata.get("tags", []))
    task, model = nb.cells[i], nb.cells[i + 1]
    assert "reflection" in task.metadata.tags and "BEGIN SOLUTION" not in task.source
    assert "model-answer" in model.metadata.tags and "make_model_answer('transfer_task'" in model.source
    assert 'rubric="transfer"' in model.source
    solution = next(c for c in teacher.cells if "transfer" in c.metadata.get("tags", [])).source
    assert "Model answer" in solution and "Model answer" not in model.source
    for lesson in ("04_compare", "05_your_article"):
        cells = nbformat.read(ROOT / "notebooks" / f"{lesson}.ipynb", as_version=4).cells
        assert any("reflection" in c.metadata.get("tags", []) and "Reflection" in c.source for c in cells), lesson


def test_rubric_is_shown_to_students():
    text = (ROOT / "lessons" / "rubrics.md").read_text(encoding="utf-8")
    for level in quiz.TRANSFER_RUBRIC:
        assert f"| **{level}**" in text
    nb = nbformat.read(ROOT / "notebooks" / "quiz_after.ipynb", as_version=4)
    assert any("| **4** |" in c.source for c in nb.cells)


# ---------------------------------------------------------------- per-skill before and after


def _entry(bank, answers_list):
    """A saved quiz entry with final attempts (oldest first)."""
    attempts = [{"answers": a, "score": quiz.score(bank, a).correct, "total": len(bank.items),
                 "time": "2026-11-30T10:00:00"} for a in answers_list]
    return {"answer": attempts[0]["answers"], "passed": True, "final": True, "attempts": attempts}


@pytest.fixture
def work(tmp_path):
    before, after = quiz.load_bank("quiz_before"), quiz.load_bank("quiz_after")
    root = tmp_path / "class"
    for name in ("ana", "ben", "cy"):
        (root / name).mkdir(parents=True)
    framing_only = {i.id: i.answer for i in before.items if i.lens == "framing"}
    (root / "ana" / "kit_answers.json").write_text(json.dumps({
        "quiz_before": _entry(before, [framing_only]),
        "quiz_after": _entry(after, [_all_right(after), _all_wrong(after)]),   # the first attempt counts
    }))
    (root / "ben" / "kit_answers.json").write_text(json.dumps({
        "quiz_before": _entry(before, [_all_wrong(before), _all_right(before)]),
    }))
    (root / "cy" / "kit_answers.json").write_text(json.dumps({   # a draft only: not reported
        "quiz_before": {"answer": _all_right(before), "final": False, "attempts": [], "draft": _all_right(before)},
        "start_observatory": {"answer": "SOHR", "passed": True},
    }))
    return root


def test_skills_per_student_and_class(work):
    book = gradebook.collect(work, templates=None)
    assert "quiz_before" not in book.students["cy"].quizzes
    rows = {r.skill: r for r in skills.summary(book)}
    assert rows["framing.label"].students["ana"] == ((1, 1), (1, 1))
    assert rows["numbers.chart"].students["ana"] == ((0, 1), (1, 1))
    assert rows["numbers.chart"].students["ben"] == ((0, 1), None)
    assert "cy" not in rows["numbers.chart"].students
    assert rows["numbers.chart"].before == (0, 2) and rows["numbers.chart"].after == (1, 1)
    assert rows["numbers.chart"].change() == 1.0


def test_gradebook_shows_skills_and_keeps_rubric_scores(work, tmp_path):
    out = tmp_path / "out"
    gradebook.write(gradebook.collect(work, templates=None), out)
    with (out / "gradebook.csv").open(encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert rows["ana"]["quiz_after"] == "15/15" and rows["ben"]["quiz_before"] == "0/15"
    assert rows["ana"]["numbers.chart before"] == "0/1" and rows["ana"]["numbers.chart after"] == "1/1"
    assert rows["ben"]["numbers.chart after"] == "" and rows["ana"][skills.RUBRIC_COLUMN] == ""
    page = (out / "gradebook.html").read_text(encoding="utf-8")
    assert "Per skill: before and after" in page and "Read what a chart really shows" in page
    # the teacher scores the transfer task in the CSV; writing the gradebook again keeps it
    text = (out / "gradebook.csv").read_text(encoding="utf-8").splitlines()
    head = next(csv.reader([text[0]]))
    col = head.index(skills.RUBRIC_COLUMN)
    lines = [text[0]]
    for line in text[1:]:
        cells = next(csv.reader([line]))
        if cells[0] == "ana":
            cells[col] = "3"
        lines.append(",".join(cells))
    (out / "gradebook.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gradebook.write(gradebook.collect(work, templates=None), out)
    with (out / "gradebook.csv").open(encoding="utf-8") as f:
        assert {r["student"]: r[skills.RUBRIC_COLUMN] for r in csv.DictReader(f)}["ana"] == "3"
