"""Issue 24: item statistics against a hand computation, keys a student copy cannot show or
release, and the transfer task locked before any model answer."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.classroom import keys, quiz, quiz_widgets, transfer
from kit.teacher import student_copy

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- item statistics


@pytest.fixture
def small_bank(tmp_path):
    items = [{"id": f"i{n}", "lens": "numbers", "skill": "numbers.range", "text": "t", "question": "q?",
              "choices": ["a", "b", "c", "d"], "answer": "a", "explanation": "e"} for n in (1, 2, 3)]
    path = tmp_path / "small.json"
    path.write_text(json.dumps({"id": "small", "skills": {"numbers.range": {"lens": "numbers"}}, "items": items}))
    return quiz.load_bank(path)


def test_item_statistics_match_a_hand_computation(small_bank):
    """Four students, three items (1 = right):

        s1: 1 1 1  total 3        s3: 1 0 0  total 1
        s2: 1 1 0  total 2        s4: 0 0 0  total 0   (s4 answered nothing; "zz" is no item)

    Difficulty = share right: i1 3/4 = 0.75, i2 2/4 = 0.5, i3 1/4 = 0.25.
    Discrimination = Pearson r of the item with the rest score (total minus the item),
    population (co)variances:
      i1: item 1,1,1,0  rest 2,1,0,0  means .75/.75  cov = (.3125+.0625-.1875+.5625)/4 = .1875
          var item .1875, var rest (1.5625+.0625+.5625+.5625)/4 = .6875  -> .1875/sqrt(.1875*.6875) = 0.522233
      i2: item 1,1,0,0  rest 2,1,1,0  means .5/1  cov = (.5+0+0+.5)/4 = .25
          var item .25, var rest (1+0+0+1)/4 = .5  -> .25/sqrt(.125) = 0.707107
      i3: item 1,0,0,0  rest 2,2,1,0  means .25/1.25  cov = (.5625-.1875+.0625+.3125)/4 = .1875
          var item .1875, var rest (.5625+.5625+.0625+1.5625)/4 = .6875  -> 0.522233
    KR-20 = k/(k-1) * (1 - sum(pq) / var(total)): sum(pq) = .1875+.25+.1875 = .625,
      totals 3,2,1,0 -> mean 1.5, var (2.25+.25+.25+2.25)/4 = 1.25  -> 3/2 * (1 - .5) = 0.75
    """
    responses = {"s1": {"i1": "a", "i2": "a", "i3": "a"}, "s2": {"i1": "a", "i2": "a", "i3": "b"},
                 "s3": {"i1": "a", "i2": "c", "i3": "b"}, "s4": {"zz": "a"}}
    stats = kit.item_statistics(small_bank, responses)
    assert [i.difficulty for i in stats.items] == [0.75, 0.5, 0.25]
    assert [i.discrimination for i in stats.items] == pytest.approx([0.522233, 0.707107, 0.522233], abs=1e-6)
    assert stats.reliability == pytest.approx(0.75) and stats.students == 4
    with pytest.raises(AttributeError):
        stats.items[0].difficulty = 1.0                    # frozen
    everyone = kit.item_statistics(small_bank, {"s1": {"i1": "a"}, "s2": {"i1": "a"}})
    assert everyone.items[0].discrimination is None        # all right: nothing to compare
    assert kit.item_statistics(small_bank, {}).reliability is None


# ---------------------------------------------------------------- a class's student copy


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    """A student copy made the way the teacher guide says (python -m kit student-copy)."""
    home = tmp_path_factory.mktemp("teacher_home")
    out = tmp_path_factory.mktemp("copies") / "class9b"
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop(keys.SECRET_ENV, None)
    done = subprocess.run([sys.executable, "-m", "kit", "student-copy", str(out), "--class", "9B", "--first", "A"],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    codes = dict(line.split(": ")[0].split()[0:1] + line.split(": ")[1:] for line in done.stdout.splitlines()
                 if line.startswith("  quiz_"))
    assert (home / ".kit_teacher_secret").is_file()
    return out, codes, home


def test_the_copy_holds_no_readable_key(copy):
    out, codes, _ = copy
    assert not (out / "lessons" / "teacher").exists() and not (out / "tests").exists()
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in out.rglob("*") if p.is_file()]
    for form in ("quiz_a", "quiz_b"):
        for item in quiz.load_bank(form).items:
            assert not any(item.explanation[:40] in t for t in texts), item.id
    for text_id in ("transfer_a", "transfer_b"):
        assert not any(transfer.load_text(text_id).model[:40] in t for t in texts), text_id
    sealed = json.loads((out / "kit/classroom/data/quiz_b.json").read_text())
    assert all(set(i) == set(keys.SEALED_FIELDS) for i in sealed["items"])   # no answer, no hash
    assert set(codes) == {"quiz_a", "quiz_b"} and codes["quiz_a"] != codes["quiz_b"]


STUDENT = r"""
import json, os, sys
from kit.classroom import quiz, quiz_widgets, keys
bank = quiz.load_bank("quiz_after")
w = quiz_widgets.make_quiz("quiz_after")
for row in w.children[1].children:
    row.children[1].value = row.children[1].options[0]
w.children[2].click()
out = {"form": bank.id, "answers": [i.answer for i in bank.items], "after_submit": w.children[3].value,
       "chosen": {i.id: r.children[1].value for i, r in zip(bank.items, w.children[1].children)}}
open("kit_quiz_key_released", "w").write("")           # the old release flag
os.environ[keys.RELEASE_ENV] = "all," + sys.argv[1]    # "all" and a made-up code
out["forged"] = quiz_widgets.make_quiz("quiz_after").children[3].value
box, button = quiz_widgets.make_quiz("quiz_after").children[4].children
box.value = sys.argv[1]
button.click()
os.environ[keys.RELEASE_ENV] = sys.argv[2]             # the teacher's code
out["released"] = quiz_widgets.make_quiz("quiz_after").children[3].value
print(json.dumps(out))
"""


def test_a_student_cannot_see_or_release_the_after_key(copy, tmp_path):
    out, codes, home = copy
    env = {k: v for k, v in os.environ.items() if k not in (keys.RELEASE_ENV, keys.SECRET_ENV, "KIT_FIRST_FORM")}
    env.update({"PYTHONPATH": str(out), "HOME": str(tmp_path), "KIT_STUDENT": "ana",
                "KIT_ANSWERS": str(tmp_path / "kit_answers.json")})
    done = subprocess.run([sys.executable, "-c", STUDENT, "FAKE-CODE-1234", codes["quiz_b"]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["form"] == "quiz_b" and seen["answers"] == [""] * 21       # no key in the student's bank
    right = quiz.score(quiz.load_bank("quiz_b"), seen["chosen"]).correct  # scored here with the teacher's key
    assert "Submitted: your teacher will share your score" in seen["after_submit"]
    for page in (seen["after_submit"], seen["forged"]):                     # no key and no score
        assert "Answer:" not in page and "teacher will release" in page and " right" not in page
    assert "Answer:" in seen["released"] and f"{right} of 21 right" in seen["released"]
    first = quiz.load_bank("quiz_b").items[0]
    assert first.explanation[:30].replace('"', "&quot;") in seen["released"]


@pytest.mark.parametrize("where, why", [("inside", "inside the kit's own folder"), ("exists", "already exists")])
def test_a_copy_is_refused_inside_the_kit_or_over_a_folder(where, why, tmp_path):
    out = ROOT / "build" / "copy-9B" if where == "inside" else tmp_path
    with pytest.raises(kit.InputError, match=why):
        student_copy.make_copy(out, "9B")
    assert not (ROOT / "build" / "copy-9B").exists()


def test_a_code_opens_only_its_own_form_and_class():
    secret = b"a teacher's secret"
    raw = json.loads((quiz.DATA / "quiz_b.json").read_text(encoding="utf-8"))
    sealed = keys.seal_bank(raw, "9B", secret)
    path_bank = quiz.Bank("quiz_b", "", "", {}, (), sealed["sealed"])
    assert quiz.with_key(path_bank, keys.release_code("9B", "quiz_b", secret)) is not None
    assert quiz.with_key(path_bank, keys.release_code("9B", "quiz_a", secret)) is None
    assert quiz.with_key(path_bank, keys.release_code("9C", "quiz_b", secret)) is None
    assert quiz.with_key(path_bank, keys.release_code("9B", "quiz_b", b"a student's guess")) is None


# ---------------------------------------------------------------- transfer task

GOOD = ('Who is named how? "Hardline activists" judges the people at the gate. Who says so? The strike\'s size '
        'comes from the union and "claimed" keeps a distance from the port authority. The numbers: "more than '
        '2,000" is only a floor, not an exact count.')


@pytest.mark.parametrize("answer, why", [
    ("a b c d e f g h", "at least 30 words"),
    ("I think this article is unfair to the workers and the port should pay them more money because they work "
     "hard every day and night in the cold and the rain and nobody thanks them.", "two of the three questions"),
    ("Who says so? The union says the strike is big and the numbers are a floor. The framing names people "
     "badly. I would check other sources and see what they say about it all.", "two short pieces of the text"),
    (transfer.load_text("transfer_b").text, "Most of this is the text itself"),
    ('I read the article about the port closely. "Hardline activists" and "several lorries" are in it. '
     "The framing names people and the numbers are a floor, and who says so matters a lot for all of it.",
     "its own evidence"),
])
def test_a_paragraph_needs_real_content_to_be_submitted(answer, why):
    assert any(why in p for p in transfer.problems(answer, transfer.load_text("transfer_b").text))


def test_the_first_paragraph_is_locked_before_the_model_and_every_version_kept():
    w = quiz_widgets.make_transfer_task("quiz_after")
    text = transfer.text_for("quiz_after")
    w.children[1].value = "a b c d e f g h"
    w.children[2].click()
    assert "Not submitted" in w.children[3].value and "model answer" not in w.children[3].value
    assert "transfer_after" not in kit.load_answers()
    w.children[1].value = GOOD
    w.children[2].click()
    assert "locked" in w.children[3].value and text.model[:30].replace('"', "&quot;") in w.children[3].value
    w.children[1].value = GOOD + " Next I would read the port authority's own statement."
    w.children[2].click()
    entry = kit.load_answers()["transfer_after"]
    assert entry["answer"] == GOOD and [v["text"] for v in entry["versions"]] == [GOOD, w.children[1].value]
    assert entry["text_id"] == "transfer_b"


def test_before_the_lessons_no_model_answer_is_shown():
    w = quiz_widgets.make_transfer_task("quiz_before")
    assert transfer.text_for("quiz_before").id == "transfer_a"
    w.children[1].value = ('Who is named how? "A gang of troublemakers" judges the marchers. Who says so? '
                           '"Organisers said more than 3,000" and the police give another number, so the count '
                           'depends on the source, and the figure is a floor.')
    w.children[2].click()
    assert "locked" in w.children[3].value and "after the lessons" in w.children[3].value
    assert transfer.load_text("transfer_a").model[:30].replace('"', "&quot;") not in w.children[3].value


# ---------------------------------------------------------------- every try kept


def test_every_try_at_a_widget_exercise_is_kept_and_counted(tmp_path):
    from kit.classroom.exercise_widgets import text_exercise
    from kit.classroom.start import start_observatory
    from kit.teacher import gradebook

    box = text_exercise(start_observatory, prompt="Who counted the dead?")
    for answer in ("the army", "AFP", "SOHR"):
        box.children[1].value = answer
        box.children[2].click()
    entry = kit.load_answers()["start_observatory"]
    assert entry["n_tries"] == 3 and [t["answer"] for t in entry["tries"]] == ["the army", "AFP", "SOHR"]
    assert [t["passed"] for t in entry["tries"]] == [False, False, True] and entry["answer"] == "SOHR"
    (tmp_path / "class" / "ana").mkdir(parents=True)
    (tmp_path / "class" / "ana" / "kit_answers.json").write_text(json.dumps(kit.load_answers()))
    gradebook.write(gradebook.collect(tmp_path / "class", templates=None), tmp_path / "out")
    assert "3 tries" in (tmp_path / "out" / "gradebook.html").read_text(encoding="utf-8")


def test_the_model_answers_pass_the_gate_and_the_rubric_samples_sort_by_it():
    for text_id in ("transfer_a", "transfer_b"):
        text = transfer.load_text(text_id)
        assert transfer.problems(text.model, text.text) == [], text_id
        assert transfer.lenses_with_evidence(text.model, text.text) == ["framing", "attribution", "numbers"]
    rubric = (ROOT / "lessons" / "rubrics.md").read_text(encoding="utf-8")
    practice = re.search(r"> \*\*Library to close, council says\.\*\* (.+?)\n\n", rubric, re.S).group(1).replace("\n> ", " ")
    samples = dict(re.findall(r"\*\*Sample, level (\d)\*\*: (.+?)(?:\n\n|$)", rubric, re.S))
    # The gate refuses what is no attempt at the task (levels 1 and 0); a level-2 paragraph with a
    # misreading is a real attempt and must be submittable, so the teacher can score it.
    passing = [level for level in "43210" if not transfer.problems(samples[level].replace("\n", " "), practice)]
    assert passing == ["4", "3", "2"]
