"""The classroom flow: annotate then compare, make then detect, before/after quizzes, gradebook.

Sentences here are written for the tests, about varied conflicts, protests and elections
(not the seed article), to show the logic is general.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.classroom import annotate, quiz, start
from kit.classroom import widgets as classroom_widgets
from kit.compare import detect
from kit.compare import widgets as compare_widgets
from kit.teacher import gradebook
from kit.teacher.cli import main as cli
from kit.classroom.annotate import Agreement, StudentMark, Unit, compare, marks_from_saved, marks_from_units, units
from kit.core.render import Highlight

from conftest import span_of

PROTEST = ("Riot police fired tear gas at students in the capital on Monday. "
           "Organisers said 3,000 people joined the march. "
           "Several shops were looted overnight.")


# ---------------------------------------------------------------- units and marks


def test_sentence_units_cover_each_sentence_with_offsets():
    us = units(PROTEST)
    assert [u.text for u in us] == [
        "Riot police fired tear gas at students in the capital on Monday.",
        "Organisers said 3,000 people joined the march.",
        "Several shops were looted overnight.",
    ]
    assert all(PROTEST[u.start_char:u.end_char] == u.text for u in us)


def test_token_units_skip_punctuation():
    text = "Voters queued; turnout, officials said, was high."
    assert [u.text for u in units(text, unit="token")] == [
        "Voters", "queued", "turnout", "officials", "said", "was", "high"]


def test_unknown_unit_is_a_friendly_error():
    with pytest.raises(kit.KitError, match="sentence"):
        units("Troops withdrew.", unit="paragraph")


@pytest.mark.parametrize("picked, expected", [
    ([0, 1, 2], [(0, 18, "x")]),                 # "Hundreds of troops" as one mark
    ([0, 2], [(0, 8, "x"), (12, 18, "x")]),      # a gap splits the mark
    ([5, -1], []),                               # out of range: ignored
])
def test_marks_from_units_merges_neighbours(picked, expected):
    us = units("Hundreds of troops crossed", unit="token")
    got = marks_from_units(picked, "x", us)
    assert [(m.start_char, m.end_char, m.tag) for m in got] == expected


def test_new_mark_replaces_overlapping_and_remove_works():
    marks = annotate.add_marks([StudentMark(0, 10, "a"), StudentMark(20, 30, "b")], [StudentMark(5, 12, "c")])
    assert marks == [StudentMark(5, 12, "c"), StudentMark(20, 30, "b")]
    assert annotate.remove_marks(marks, [Highlight(25, 26, "")]) == [StudentMark(5, 12, "c")]


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=12))
def test_saved_marks_never_crash_and_always_fit(junk):
    text = "Crowds gathered at the border."
    for mark in marks_from_saved(junk, text, ["x"]):
        assert 0 <= mark.start_char < mark.end_char <= len(text) and mark.tag == "x"


# ---------------------------------------------------------------- compare (gold by hand)

ELECTION = "The junta postponed the vote. Observers said turnout was low. Militias blocked roads."
# sentence 1: 0-29, sentence 2: 30-61, sentence 3: 62-85


def _s(needle, tag, text=ELECTION):
    return StudentMark(*span_of(text, needle), tag)


def _k(needle, tag, text=ELECTION):
    return Highlight(*span_of(text, needle), tag)


@pytest.mark.parametrize("student, kit_spans, agreed, differs, only_s, only_k", [
    # student marks the whole sentence, the kit only the word "junta": one agreement
    ([_s("The junta postponed the vote.", "loaded")], [_k("junta", "loaded")], 1, 0, 0, 0),
    # same place, other tag: a disagreement about the tag, not a miss
    ([_s("The junta postponed the vote.", "neutral")], [_k("junta", "loaded")], 0, 1, 0, 0),
    # the student saw "Militias", the kit did not; the kit saw "junta", the student did not
    ([_s("Militias blocked roads.", "loaded")], [_k("junta", "loaded")], 0, 0, 1, 1),
    # nothing marked by anyone
    ([], [], 0, 0, 0, 0),
])
def test_compare_counts(student, kit_spans, agreed, differs, only_s, only_k):
    r = compare(student, kit_spans, units=units(ELECTION))
    assert (len(r.agreed), len(r.tag_differs), len(r.only_student), len(r.only_kit)) == (agreed, differs, only_s, only_k)


def test_compare_score_by_character_overlap():
    # Without units: student marks "The junta" (0-9), kit marks "junta" (4-9), same tag.
    # Characters marked by either: 9; by both with the same tag: 5 -> 5/9.
    r = compare([StudentMark(0, 9, "t")], [Highlight(4, 9, "t")])
    assert r.score == round(5 / 9, 3)
    # With sentence units the kit's word counts as its whole sentence: full agreement.
    assert compare([_s("The junta postponed the vote.", "t")], [_k("junta", "t")], units=units(ELECTION)).score == 1.0
    # Two sentences marked (29 and 31 characters), one agreed: 29 of 60 characters.
    two = [_s("The junta postponed the vote.", "t"), _s("Observers said turnout was low.", "t")]
    assert compare(two, [_k("junta", "t")], units=units(ELECTION)).score == round(29 / 60, 3)


def test_compare_reads_kit_results_by_attribute(nlp):
    doc = kit.parse("Regime forces shelled the town, the opposition said.")
    labels = kit.find_labels(doc)
    assert labels, "the framing lens should find a label here"
    mine = [StudentMark(0, doc.text.index(","), labels[0].stance)]
    r = compare(mine, labels, tag="stance", units=units(doc.text))
    assert len(r.agreed) >= 1 and r.score > 0


def test_comparison_html_escapes_and_lists_differences():
    text = "<b>Thugs</b> attacked. Police <i>responded</i>."
    us = units(text)
    student = [StudentMark(us[1].start_char, us[1].end_char, "loaded")]
    kits = [Highlight(text.index("Thugs"), text.index("Thugs") + 5, "loaded")]
    out = annotate.comparison_html(text, student, kits, compare(student, kits, units=us))
    assert "<b>Thugs" not in out and "&lt;b&gt;" in out
    assert "Only you marked" in out and "Only the kit marked" in out


# ---------------------------------------------------------------- annotator widget


def _annotator(**kw):
    text = "Insurgents attacked a convoy near the border. Aid workers said four drivers died."
    kits = [Highlight(0, 10, "loaded")]   # the kit marked "Insurgents"
    return text, classroom_widgets.make_annotator(text, ["loaded", "neutral"], kits, exercise="t_annot", **kw)


def test_annotator_mark_compare_and_save(tmp_path):
    text, w = _annotator()
    picker, row, mine, result = w.children[1], w.children[2], w.children[3], w.children[4]
    tag, mark, unmark, compare_btn = row.children
    compare_btn.click()
    assert "first" in result.value            # nothing marked yet: a hint, no comparison
    picker.value = (1,)
    tag.value = "neutral"
    mark.click()
    assert "Aid workers said" in mine.value and picker.value == ()
    compare_btn.click()
    assert "Only you marked" in result.value and "Only the kit marked" in result.value
    saved = kit.load_answers()["t_annot"]
    assert saved["passed"] is True and saved["answer"] == [
        {"start_char": text.index("Aid"), "end_char": len(text), "tag": "neutral"}]
    # a new kernel: the marks come back
    _, again = _annotator()
    assert "Aid workers said" in again.children[3].value and 'data-tag="neutral"' in again.children[3].value
    # unmark
    again.children[1].value = (1,)
    again.children[2].children[2].click()
    assert "No marks yet" in again.children[3].value


def test_annotator_agreement_when_student_matches_kit():
    _, w = _annotator()
    w.children[1].value = (0,)
    w.children[2].children[0].value = "loaded"
    w.children[2].children[1].click()
    w.children[2].children[3].click()
    assert "marked 1 place the same way. No differences." in w.children[4].value


def test_annotator_token_mode_and_note():
    text = "Soldiers detained dozens of protesters."
    w = classroom_widgets.make_annotator(text, ["loaded"], [], unit="token", exercise="t_tok")
    toggles = w.children[1].children
    assert [b.description for b in toggles] == ["Soldiers", "detained", "dozens", "of", "protesters"]
    toggles[2].value = toggles[3].value = True
    w.children[2].children[1].click()
    assert kit.saved("t_tok") == [{"start_char": 18, "end_char": 27, "tag": "loaded"}]   # "dozens of"
    assert not any(b.value for b in toggles)
    note, save = w.children[5].children
    save.click()
    assert "Write" in w.children[6].value
    note.value = "The kit missed <script>alert(1)</script> 'detained'."
    save.click()
    assert kit.saved("t_tok_why").startswith("The kit missed")
    again = classroom_widgets.make_annotator(text, ["loaded"], [], unit="token", exercise="t_tok")
    assert again.children[5].children[0].value.startswith("The kit missed")


# ---------------------------------------------------------------- make, then detect


@pytest.mark.parametrize("text, expect, ok", [
    ("The regime's thugs crushed the brave protesters, activists said.", "find_labels", True),
    ("Police and protesters met in the square.", "find_labels", False),      # only neutral names
    ("Dozens of homes were burned in the night.", "find_passives", True),     # agentless passive
    ("Soldiers burned dozens of homes.", "find_passives", False),
])
def test_make_then_detect(text, expect, ok):
    fb = detect.detect_feedback(text, expect=expect, exercise="t_make")
    assert fb.passed is ok, fb.message
    assert fb.message.count("The kit found") == 1
    if not ok:
        assert "(Who is named how?)" in fb.message
    assert kit.saved("t_make") == text


def test_make_then_detect_compares_with_the_original():
    original = "Troops entered the town, a monitor said."
    fb = detect.detect_feedback("Regime forces stormed the town, killing at least 20, a monitor said.",
                                  original=original, expect="find_numbers", exercise="t_make2")
    assert fb.passed and "(1; the original had none)" in fb.message and "at least" in fb.message


@pytest.mark.parametrize("bad, words", [(..., "not answered"), ("   ", "not answered"),
                                        (42, "between quotes"), ("\x00\x01", "in words")])
def test_make_then_detect_never_raises(bad, words):
    fb = detect.detect_feedback(bad, exercise="t_bad")
    assert fb.passed is False and words in fb.message


def test_detect_skips_missing_and_broken_finders(monkeypatch):
    monkeypatch.setattr(kit, "find_numbers", lambda doc: 1 / 0)
    monkeypatch.delattr(kit, "find_passives")
    found = {f.finder for f in detect.detect("Fifty protesters were held, police said.")}
    assert "find_numbers" not in found and "find_passives" not in found and "find_attributions" in found


def test_detector_widget():
    w = compare_widgets.make_detector("Protesters gathered.", expect="find_labels", exercise="t_det")
    w.children[1].value = "Terrorist rioters gathered, the ministry said."
    w.children[2].click()
    assert "Done" in w.children[3].value and "kit-span" in w.children[4].value
    assert compare_widgets.make_detector("x", exercise="t_det").children[1].value.startswith("Terrorist")


# ---------------------------------------------------------------- quizzes


@pytest.fixture(scope="module")
def banks():
    return quiz.load_bank("quiz_before"), quiz.load_bank("quiz_after")


def test_banks_are_valid_and_balanced(banks):
    for bank in banks:
        assert quiz.problems(bank) == []
        assert 15 <= len(bank.items) <= 30
        counts = {lens: sum(i.lens == lens for i in bank.items) for lens in kit.QUESTIONS}
        assert min(counts.values()) >= 4, counts
        positions = {i.choices.index(i.answer) for i in bank.items}
        assert len(positions) >= 3          # the right answer is not always in one place


def test_before_and_after_pair_by_skill_with_different_items(banks):
    before, after = banks
    assert before.skills == after.skills
    for skill in before.skills:
        assert any(i.skill == skill for i in before.items), skill
        assert any(i.skill == skill for i in after.items), skill
    assert not {i.text for i in before.items} & {i.text for i in after.items}
    assert not {i.id for i in before.items} & {i.id for i in after.items}


def test_quiz_items_do_not_copy_the_seed(banks, seed):
    for bank in banks:
        for item in bank.items:
            assert item.text not in seed.text and item.text[:40] not in seed.text


def test_problems_catches_broken_banks(tmp_path):
    raw = json.loads((Path(quiz.__file__).parent / "data" / "quiz_a.json").read_text())
    raw["items"][0]["answer"] = "not a choice"
    raw["items"][1]["skill"] = "made.up"
    raw["items"][2]["id"] = raw["items"][3]["id"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(raw))
    found = " ".join(quiz.problems(quiz.load_bank(path)))
    assert "not one of the choices" in found and "made.up" in found and "duplicate" in found
    path.write_text("{not json")
    with pytest.raises(kit.InputError, match="damaged"):
        quiz.load_bank(path)
    with pytest.raises(kit.InputError, match="quiz_before"):
        quiz.load_bank("quiz_middle")


def test_score_per_lens(banks):
    bank = banks[0]
    numbers = [i for i in bank.items if i.lens == "numbers"]
    answers = {i.id: i.answer for i in numbers}
    answers[bank.items[0].id] = next(c for c in bank.items[0].choices if c != bank.items[0].answer)
    answers["zzz"] = "junk"
    r = quiz.score(bank, answers)
    assert r.correct == len(numbers) and r.answered == len(numbers) + 1
    assert r.by_lens["numbers"] == (len(numbers), len(numbers)) and r.by_lens["framing"][0] == 0


def test_quiz_widget_scores_explains_and_restores(banks):
    bank = banks[1]
    w = classroom_widgets.make_quiz(bank)
    radios = [row.children[1] for row in w.children[1].children]
    assert len(radios) == len(bank.items) and all(r.value is None for r in radios)
    w.children[2].click()
    assert "choose an answer" in w.children[3].value
    for item, radio in zip(bank.items, radios):
        radio.value = item.answer
    radios[0].value = next(c for c in bank.items[0].choices if c != bank.items[0].answer)
    w.children[2].click()
    total = len(bank.items)
    assert f"{total - 1} of {total} right" in w.children[3].value
    assert "❌" in w.children[3].value and bank.items[0].explanation[:30].replace('"', "&quot;") in w.children[3].value
    assert kit.load_answers()["quiz_after"]["passed"] is True
    again = classroom_widgets.make_quiz("quiz_after")
    assert [row.children[1].value for row in again.children[1].children] == [r.value for r in radios]


# ---------------------------------------------------------------- gradebook


def _notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import kit\nfrom kit import checks", metadata={"tags": ["setup"]})]
    nb.cells += list(cells)
    return nbformat.writes(nb)


def _checked(call, shown):
    cell = nbformat.v4.new_code_cell(f"answer = 'x'\n{call}")
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": shown}, execution_count=1)]
    return cell


def _reflection(text):
    return nbformat.v4.new_markdown_cell(f"**Why might a reporter write \"regime\"?**\n\n{text}",
                                         metadata={"tags": ["reflection"]})


@pytest.fixture
def classroom(tmp_path):
    """A folder of student work as a teacher might collect it, with broken and hostile files."""
    root = tmp_path / "submitted"
    (root / "ana").mkdir(parents=True)
    (root / "ana" / "00_start.ipynb").write_text(_notebook(
        _checked("start.start_observatory(answer)", "✅ Well done! ..."),
        _reflection("Because it is the word one side uses.")))
    (root / "ana" / "kit_answers.json").write_text(json.dumps({
        "framing_annot": {"answer": [{"start_char": 0, "end_char": 4, "tag": "loaded"}], "passed": True},
        "framing_annot_why": {"answer": "=1+1 the kit missed 'thugs'", "passed": True},
        "quiz_before": {"answer": {"a01": "regime", "a02": "shops"}, "form": "quiz_a", "passed": False},
    }))
    (root / "ben").mkdir()  # partial: one tried exercise, blank reflection
    (root / "ben" / "00_start.ipynb").write_text(_notebook(
        _checked("start.start_observatory(answer)", "💡 Not yet. ..."), _reflection("_Write your answer here._")))
    (root / "cleo").mkdir()  # hostile: script in answers and in a reflection
    (root / "cleo" / "00_start.ipynb").write_text(_notebook(_reflection("<script>alert('x')</script><b>hi</b>")))
    (root / "cleo" / "kit_answers.json").write_text(json.dumps({
        "start_observatory": {"answer": "<img src=x onerror=alert(1)>", "passed": False},
        "<script>": {"answer": "x"}, "ok": "not a dict"}))
    (root / "dan").mkdir()
    (root / "dan" / "00_start.ipynb").write_text('{"cells": [ {"cell_type": "code", ')          # broken JSON
    (root / "dan" / "kit_answers.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")       # binary
    (root / "eve").mkdir()
    (root / "eve" / "big.ipynb").write_bytes(b"{" + b" " * 10_000_000 + b"}")                # 10 MB
    (root / "eve" / "foreign.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import pandas")])))
    (root / "eve" / "notes.txt").write_text("hello")
    (root / "eve" / "list_kit_answers.json").write_text("[1, 2, 3]")
    (root / "fay_kit_answers.json").write_text(json.dumps({"start_observatory": {"answer": "the observatory", "passed": True}}))
    (root / "<i>gus").mkdir()
    (root / "<i>gus" / "kit_answers.json").write_text(json.dumps({"start_observatory": {"answer": "SANA", "passed": False}}))
    (root / ".ipynb_checkpoints").mkdir()
    (root / ".ipynb_checkpoints" / "x.ipynb").write_text("broken but hidden")
    return root


def test_gradebook_reads_good_partial_and_hostile_work(classroom):
    book = gradebook.collect(classroom, templates=None)
    assert set(book.students) == {"ana", "ben", "cleo", "fay", "<i>gus"}
    ana, ben = book.students["ana"], book.students["ben"]
    assert ana.exercises["start_observatory"] == gradebook.Status(True, True, "notebook")
    assert ana.exercises["framing_annot"].passed and ana.quizzes["quiz_before"].correct == 1
    assert ben.exercises["start_observatory"] == gradebook.Status(True, False, "notebook")
    assert ben.texts == []                                   # the blank prompt is not an answer
    assert book.students["fay"].exercises["start_observatory"].passed
    questions = book.questions()
    assert questions['Why might a reporter write "regime"?'] == [
        ("ana", "Because it is the word one side uses."), ("cleo", "<script>alert('x')</script><b>hi</b>")]
    assert ("ana", "=1+1 the kit missed 'thugs'") in questions["framing_annot_why"]


def test_gradebook_skips_and_flags_bad_files(classroom):
    book = gradebook.collect(classroom, templates=None)
    skipped = {n.path: n.reason for n in book.skipped}
    assert "damaged JSON" in skipped["dan/00_start.ipynb"]
    assert "binary" in skipped["dan/kit_answers.json"]
    assert "too big" in skipped["eve/big.ipynb"]
    assert "not a kit notebook" in skipped["eve/foreign.ipynb"]
    assert "not a notebook" in skipped["eve/notes.txt"]
    assert "JSON object" in skipped["eve/list_kit_answers.json"]
    assert not any(".ipynb_checkpoints" in p for p in skipped)
    flagged = {(n.path, n.reason.split(":")[0]) for n in book.flagged}
    assert flagged == {("cleo/00_start.ipynb", "contains HTML or script in an answer"),
                       ("cleo/kit_answers.json", "contains HTML or script in an answer"),
                       ("cleo/kit_answers.json", "2 entries not in the kit's format")}


def test_gradebook_files_escape_everything(classroom, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli(["gradebook", str(classroom), "-o", str(out), "--templates", ""]) == 0
    printed = capsys.readouterr().out
    assert "5 students" in printed and "skipped" in printed
    page = (out / "gradebook.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<i>gus" not in page and "<b>hi" not in page
    assert "&lt;script&gt;" in page and "&lt;i&gt;gus" in page
    assert "Because it is the word one side uses." in page and "too big" in page
    with (out / "gradebook.csv").open(encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert rows["ana"]["00 start: observatory"] == "passed" and rows["ben"]["00 start: observatory"] == "tried"
    assert rows["ana"]["quiz before the lessons"] == "1/21" and rows["fay"]["quiz before the lessons"] == ""
    # ana: start_observatory, framing_annot, framing_annot_why (quizzes are counted apart)
    assert (rows["ana"]["done"], rows["ana"]["passed"]) == ("3", "3")
    assert (rows["ben"]["done"], rows["ben"]["passed"]) == ("1", "0")
    with (out / "answers.csv").open(encoding="utf-8") as f:
        answers = list(csv.DictReader(f))
    assert {"question": "framing_annot_why", "student": "ana", "answer": "'=1+1 the kit missed 'thugs'"} in answers


def test_gradebook_uses_the_blank_copy_to_find_the_answer(tmp_path):
    templates = tmp_path / "notebooks"
    templates.mkdir()
    prompt = "## Your turn\nWhich word would a neutral reporter use?\n_Write your answer here._"
    blank = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import kit", metadata={"tags": ["setup"]}),
        nbformat.v4.new_markdown_cell(prompt, metadata={"tags": ["reflection"]}, id="cell-001")])
    (templates / "01_framing.ipynb").write_text(nbformat.writes(blank))
    work = tmp_path / "class"
    work.mkdir()
    done = nbformat.from_dict(json.loads(nbformat.writes(blank)))
    done.cells[1].source = "## Your turn\nWhich word would a neutral reporter use?\n'Fighters', because it does not judge."
    (work / "zoe_01_framing.ipynb").write_text(nbformat.writes(done))
    (work / "yan_01_framing.ipynb").write_text(nbformat.writes(blank))
    book = gradebook.collect(work, templates=templates)
    assert book.questions() == {"Which word would a neutral reporter use?": [
        ("zoe", "'Fighters', because it does not judge.")]}
    assert set(book.students) == {"zoe", "yan"}


def test_gradebook_on_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert cli(["gradebook", str(tmp_path / "nope")]) == 2
    assert "no folder" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_gradebook_does_not_follow_links(tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"start_observatory": {"answer": "leak", "passed": True}}))
    (tmp_path / "class" / "amy").mkdir(parents=True)
    os.symlink(secret, tmp_path / "class" / "amy" / "kit_answers.json")
    book = gradebook.collect(tmp_path / "class", templates=None)
    assert "amy" not in book.students and "link" in book.skipped[0].reason


def test_empty_folder_gives_an_empty_gradebook(tmp_path):
    (tmp_path / "in").mkdir()
    paths = gradebook.write(gradebook.collect(tmp_path / "in", templates=None), tmp_path / "out")
    assert "No students" in paths[-1].read_text(encoding="utf-8")


def test_gradebook_reads_the_quiz_reflection_of_the_real_student_copy(tmp_path):
    blank = nbformat.read(gradebook.ROOT / "notebooks" / "quiz_after.ipynb", as_version=4)
    cell = next(c for c in blank.cells if "reflection" in c.metadata.get("tags", []) and "transfer" not in c.metadata.tags)
    cell.source = cell.source.replace("_Write your answer here._", "Who says so? I will look for who counted.")
    (tmp_path / "kim").mkdir()
    nbformat.write(blank, tmp_path / "kim" / "quiz_after.ipynb")
    book = gradebook.collect(tmp_path)          # default templates: the kit's notebooks/
    [(question, rows)] = book.questions().items()
    assert question.startswith("Which of the three questions") and rows == [("kim", "Who says so? I will look for who counted.")]
