"""A lesson from any article (issue 27): the key, the student's files, the checks, the review, the command.

The article below was written for these tests (invented places and people). Its gold, by hand:
every figure's interval and every source's type, so that each key item the kit generates can be
checked; the kit may leave items out (only confident ones become questions) but may not get one wrong.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from kit.classroom.lesson import Lesson, answer_hash
from kit.classroom.lesson_widgets import check_evidence, lens_section, sift_section
from kit.teacher import lesson as lesson_cmd
from kit.teacher.lesson_export import key_data, notebook, student_data, write_lesson
from kit.teacher.lesson_key import KeyItem, LessonKey, build_key
from kit.teacher.lesson_review import make_lesson_builder, reviewed_key

ARTICLE = """Floods cut off three villages in the north
RIVERTON - At least 14 people were killed and more than 200 homes were damaged after heavy rain on Tuesday, officials said.
The regional governor, Mara Lind, said rescue teams had reached two of the villages by Wednesday morning. "We are doing everything we can," Lind told reporters.
A hydrologist at Eastfield University, Tomas Berg, said the river had risen faster than in any flood since records began.
Roads were closed and power lines were cut across the district. Dozens of families spent the night in a school.
The national weather service said that more rain was expected on Thursday. Police said 35 people had been rescued by boat.
"""

#: Gold by hand: the interval of every count in ARTICLE ("dozens" is a convention, not a fact: no gold).
FIGURES = {"At least 14 people": (14, None), "more than 200 homes": (200, None), "three villages": (3, 3),
           "two of the villages": (2, 2), "35 people": (35, 35), "14 people": (14, None), "200 homes": (200, None),
           "two": (2, 2), "three": (3, 3), "35": (35, 35)}
#: Gold by hand: the kind of every source (judgement call: a regional governor is an official;
#: a university hydrologist an expert; a national weather service a government agency, official).
SOURCES = {"officials": "official", "mara lind": "official", "lind": "official", "governor": "official",
           "tomas berg": "expert", "berg": "expert", "hydrologist": "expert", "weather service": "official",
           "police": "official"}
#: Gold by hand: the clauses that hide who acted.
HIDDEN = ("were killed", "were damaged", "were closed", "were cut", "had been rescued")


@pytest.fixture(scope="module")
def key():
    return build_key(ARTICLE, title="Floods")


def _gold_source(speaker: str) -> str | None:
    s = speaker.lower()
    return next((t for name, t in SOURCES.items() if name in s), None)


def test_every_key_item_is_right_by_the_hand_gold(key):
    assert len(key.items) >= 6, key.items
    for it in key.items:
        if it.kind == "interval":
            quote = next((q for q in FIGURES if q.lower() in it.quote.lower() or it.quote.lower() in q.lower()), None)
            assert quote, f"a figure the gold does not count: {it.quote!r}"
            assert (it.answer["low"], it.answer["high"]) == FIGURES[quote], it
        elif it.kind == "source":
            assert _gold_source(it.answer["speaker"]) == it.answer["source_type"], it
        elif it.kind == "passive":
            assert any(h in it.quote for h in HIDDEN), it


def test_items_have_the_key_fields_and_spans_into_the_text(key):
    data = key_data(key)
    assert set(data) >= {"source", "items"}
    lenses = {it["lens"] for it in data["items"]}
    assert lenses == {"framing", "attribution", "numbers"}
    for it in data["items"]:
        assert set(it) >= {"id", "lens", "kind", "prompt", "start_char", "end_char", "answer", "confidence"}
        assert ARTICLE[it["start_char"]:it["end_char"]].split() == it["quote"].rstrip("\u2026").split()[: len(
            ARTICLE[it["start_char"]:it["end_char"]].split())] or it["quote"].endswith("\u2026")
        assert it["confidence"] >= 0.8
        assert it["difficulty"] in ("easy", "harder")


def test_only_confident_findings_become_questions(monkeypatch):
    from kit.teacher import lesson_key

    monkeypatch.setattr(lesson_key, "quantity_confidence", lambda q: 0.5)
    key = lesson_key.build_key(ARTICLE)
    assert not key.by_lens("numbers")
    assert any("numbers question" in n for n in key.notes)


def test_an_unsure_source_type_is_never_a_question():
    from kit.attribution.records import Attribution
    from kit.teacher.lesson_key import attribution_confidence

    other = Attribution("a man", "said", "x", "indirect", "other", 0, 1, 0, 5, 6, 10, 11, 12)
    assert attribution_confidence(other) < 0.8


def test_the_student_files_hold_no_key(key):
    data = student_data(key, lesson_id="floods", salt="pepper")
    text = json.dumps(data)
    assert '"answer"' not in text and '"confidence"' not in text
    for it, student in zip(key.items, data["items"]):
        if it.kind == "source":  # the key's type is one option among all of them, not marked
            assert len(student["options_type"]) >= 10
        for name in (k for k in student if k.startswith("accept")):
            assert all(len(h) == 24 and int(h, 16) >= 0 for h in student[name])  # hashes, not words
    nb = nbformat.writes(notebook(key))  # the notebook holds code and prose only: no article, no answers
    assert "key.json" not in nb and all(it.answer.get("speaker", "\0") not in nb for it in key.items)


def test_checks_use_the_key_and_teach_when_wrong(key, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "kit_answers.json"))
    lesson = Lesson(student_data(key, lesson_id="floods"))
    for it in key.items:
        a = it.answer
        if it.kind == "source":
            assert lesson.check(it.id, (a["speaker"], a["source_type"])).passed
            wrong = "unnamed" if a["source_type"] != "unnamed" else "official"
            fb = lesson.check(it.id, (a["speaker"], wrong))
            assert not fb.passed and "kind of source" in fb.message
        elif it.kind == "interval":
            high = "" if a["high"] is None else str(a["high"])
            assert lesson.check(it.id, (str(a["low"]), high)).passed
            assert not lesson.check(it.id, (str(a["low"] + 5), high)).passed
        elif it.kind == "passive":
            assert lesson.check(it.id, "nobody").passed
        elif it.kind == "label":
            assert lesson.check(it.id, a["stance"]).passed
    saved = json.loads((tmp_path / "kit_answers.json").read_text())
    assert all(k.startswith("lesson_floods_q") for k in saved)


def test_a_blank_or_tampered_lesson_never_passes(key):
    data = student_data(key, lesson_id="floods")
    for it in data["items"]:
        for name in [k for k in it if k.startswith("accept")]:
            it[name] = [answer_hash("other salt", it["id"], "x")]
    lesson = Lesson(data)
    first = key.items[0]
    assert not lesson.check(first.id, ..., save=False).passed
    assert "not answered" in lesson.check(first.id, ("", ""), save=False).message
    a = first.answer
    guess = (a.get("speaker"), a.get("source_type")) if first.kind == "source" else "nobody"
    assert not lesson.check(first.id, guess, save=False).passed


def test_more_than_allows_the_next_whole_number():
    key = LessonKey(text="x", items=(KeyItem("q1", "numbers", "interval", "p", 0, 1,
                                             {"low": 412, "high": None, "hedge": "more than"}, 0.9),))
    lesson = Lesson(student_data(key, lesson_id="t"))
    assert lesson.check("q1", ("412", ""), save=False).passed
    assert lesson.check("q1", ("413", "no limit"), save=False).passed
    assert not lesson.check("q1", ("412", "412"), save=False).passed


def test_widgets_check_save_and_show_a_saved_answer_again(key, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "kit_answers.json"))
    lesson = Lesson(student_data(key, lesson_id="floods"))
    section = lens_section(lesson, "numbers")
    box = section.children[1]
    item = key.by_lens("numbers")[0]
    box.children[1].value = str(item.answer["low"])
    box.children[2].value = "" if item.answer["high"] is None else str(item.answer["high"])
    box.children[3].click()
    assert "Well done" in box.children[-1].value
    again = lens_section(lesson, "numbers").children[1]
    assert again.children[1].value == str(item.answer["low"]) and "saved answer" in again.children[-1].value


def test_sift_needs_a_link_and_real_content():
    lesson = Lesson({"id": "t", "items": []})
    assert not check_evidence(lesson, "find", "https://example.org/a", save=False).passed
    assert not check_evidence(lesson, "find", "a b c d e f g h i j k l", save=False).passed
    assert not check_evidence(lesson, "find", "https://example.org/a " + "same " * 20, save=False).passed
    ok = "https://example.org/story The other outlet's report is the same agency text, word for word, with a new headline."
    assert check_evidence(lesson, "find", ok, save=False).passed
    assert len(sift_section(lesson, save=False).children) == 5


def test_the_review_drops_and_corrects_items_and_the_export_follows(tmp_path):
    tool = make_lesson_builder(out_dir=str(tmp_path / "lesson"))
    tool.pasted.value = ARTICLE
    tool.find.click()
    assert len(tool.rows) >= 6
    drop = next(r for r in tool.rows if r.item.kind != "interval")
    drop.keep.value = False
    dropped = drop.item
    numbers = next(r for r in tool.rows if r.item.kind == "interval")
    numbers.fields["low"].value = "15"  # the teacher corrects the kit
    tool.export.click()
    assert "Wrote the lesson" in tool.status.value
    key = json.loads((tmp_path / "lesson" / "key.json").read_text())
    assert dropped.quote not in [i["quote"] for i in key["items"]]
    corrected = next(i for i in key["items"] if i["quote"] == numbers.item.quote)
    assert corrected["answer"]["low"] == 15 and corrected["confidence"] == 1.0
    lesson = Lesson.load(tmp_path / "lesson" / "student" / "lesson.json")
    high = "" if corrected["answer"]["high"] is None else str(corrected["answer"]["high"])
    assert lesson.check(corrected["id"], ("15", high), save=False).passed
    assert len(lesson.items) == len(key["items"])


def test_reviewed_key_keeps_everything_when_nothing_changes(key):
    from kit.teacher.lesson_review import ItemRow

    rows = [ItemRow(key, it) for it in key.items]
    assert reviewed_key(key, rows).items == key.items


def test_the_command_writes_the_lesson_and_refuses_bad_input(tmp_path, capsys):
    src = tmp_path / "story.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    assert lesson_cmd.run(lesson_cmd.build_args([str(src), "-o", str(tmp_path / "out")])) == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"student", "key.json", "handout.html", "key.html"}
    assert {p.name for p in (tmp_path / "out" / "student").iterdir()} == {"lesson.ipynb", "lesson.json"}
    from kit.core.errors import InputError

    tiny = tmp_path / "tiny.txt"
    tiny.write_text("Hello there.", encoding="utf-8")
    with pytest.raises(InputError, match="nothing"):
        lesson_cmd.run(lesson_cmd.build_args([str(tiny), "-o", str(tmp_path / "t")]))
    with pytest.raises(InputError, match="-o"):
        lesson_cmd.run(lesson_cmd.build_args([str(src), "-o", str(src)]))
    assert src.read_text(encoding="utf-8") == ARTICLE


def test_pages_escape_the_article(tmp_path):
    text = ARTICLE.replace("Floods cut off", "<script>alert(1)</script> Floods cut off")
    write_lesson(build_key(text), tmp_path)
    for page in ("handout.html", "key.html"):
        html = (tmp_path / page).read_text(encoding="utf-8")
        assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Answer:" in (tmp_path / "key.html").read_text() and "Answer:" not in (tmp_path / "handout.html").read_text()


def test_the_generated_notebook_runs_clean(key, tmp_path):
    from nbclient import NotebookClient

    write_lesson(key, tmp_path)
    folder = tmp_path / "student"
    nb = nbformat.read(folder / "lesson.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs) == 5


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x00\xff\x00binary", "\u0634\u0643\u0631\u0627 \u062c\u0632\u064a\u0644\u0627".encode(),
                                     b"<html><script>alert(1)</script><p>Hi.</p></html>"])
def test_the_command_gives_a_message_for_bad_files(tmp_path, capsys, content):
    """Empty, binary, another language, a page with only a script: one clear line, no traceback."""
    from kit.teacher.cli import main

    src = tmp_path / ("page.html" if content.startswith(b"<html") else "story.txt")
    src.write_bytes(content)
    assert main(["lesson", str(src), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit: ") and "Traceback" not in err and len(err.splitlines()) == 1
