"""Hostile suite, second pass (issue 25): the teacher's own files and odd characters in the text.

The gradebook reads back a gradebook.csv as Excel saves it and keeps a dated copy, walks a
thousand nested folders, reads a student with one huge answer; the report caps its chart
and refuses ``-o`` onto its input; invisible characters, no-break spaces and look-alike
letters reach every entry point cleaned. Sentences are the test's own.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.core.cleaning import clean_chars, mixed_script_words
from kit.core.errors import InputError
from kit.teacher import gradebook, report, skills
from kit.teacher.cli import main as cli

from conftest import ROOT


# ---------------------------------------------------------------- gradebook


@pytest.fixture
def klass(tmp_path):
    for name in ("ana", "jos\u00e9"):
        (tmp_path / "work" / name).mkdir(parents=True)
        entry = {"start_observatory": {"answer": "the observatory", "passed": True}}
        (tmp_path / "work" / name / "kit_answers.json").write_text(json.dumps(entry), encoding="utf-8")
    return tmp_path / "work"


def _rows(out: Path) -> dict[str, dict]:
    with (out / "gradebook.csv").open(encoding="utf-8") as f:
        return {r["student"]: r for r in csv.DictReader(f)}


def _excel(out: Path, scores: dict[str, str], *, sep: str, encoding: str, bom: bool = False) -> None:
    """gradebook.csv re-saved the way Excel does, with the rubric scores typed in."""
    rows = list(csv.reader((out / "gradebook.csv").open(encoding="utf-8")))
    col = rows[0].index(skills.RUBRIC_COLUMN)
    for row in rows[1:]:
        row[col] = scores.get(row[0], row[col])
    lines = [sep.join(row) for row in rows]
    data = "\r\n".join(lines).encode(encoding)
    (out / "gradebook.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


@pytest.mark.parametrize("sep, encoding, bom", [(",", "utf-8", True), (";", "utf-8", True), (";", "cp1252", False),
                                                ("\t", "utf-16", False)],
                         ids=["bom", "semicolons", "cp1252", "utf16_tabs"])
def test_scores_typed_in_excel_are_kept(klass, tmp_path, sep, encoding, bom):
    out = tmp_path / "out"
    gradebook.write(gradebook.collect(klass, templates=None), out)
    _excel(out, {"ana": "3", "jos\u00e9": "4"}, sep=sep, encoding=encoding, bom=bom)
    gradebook.write(gradebook.collect(klass, templates=None), out)
    rows = _rows(out)
    assert rows["ana"][skills.RUBRIC_COLUMN] == "3" and rows["jos\u00e9"][skills.RUBRIC_COLUMN] == "4"
    backups = list(out.glob("gradebook.*.bak.csv"))
    assert len(backups) == 1 and b"3" in backups[0].read_bytes()  # the teacher's own file, kept as it was


def test_a_score_that_cannot_be_kept_is_said(klass, tmp_path):
    out = tmp_path / "out"
    gradebook.write(gradebook.collect(klass, templates=None), out)
    _excel(out, {"ana": "3.5"}, sep=",", encoding="utf-8")  # not a level of the rubric
    rows = list(csv.reader((out / "gradebook.csv").open(encoding="utf-8")))
    col = rows[0].index(skills.RUBRIC_COLUMN)
    rows.append(["bob"] + [""] * (len(rows[0]) - 1))  # a student whose work is gone this time
    rows[-1][col] = "2"
    (out / "gradebook.csv").write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    book = gradebook.collect(klass, templates=None)
    gradebook.write(book, out)
    said = " ".join(n.reason for n in book.flagged)
    assert "'3.5'" in said and "'bob'" in said
    assert "3.5" in (out / "gradebook.html").read_text(encoding="utf-8")


def test_an_unchanged_gradebook_gets_no_new_copy(klass, tmp_path):
    out = tmp_path / "out"
    for _ in range(3):
        gradebook.write(gradebook.collect(klass, templates=None), out)
    assert not list(out.glob("*.bak.csv"))


def test_a_thousand_nested_folders_do_not_crash_the_gradebook(klass, tmp_path):
    levels = [klass / "ana" / "d"]
    for _ in range(999):  # one level at a time: mkdir(parents=True), and rmtree, themselves recurse
        levels.append(levels[-1] / "d")
    try:
        for level in levels:
            level.mkdir()
        (levels[-1] / "kit_answers.json").write_text("{}")
        book = gradebook.collect(klass, templates=None)
        assert set(book.students) == {"ana", "jos\u00e9"}
        assert any("levels deep" in n.reason for n in book.skipped)
    finally:  # remove it here, bottom up: pytest's own clean-up of old temporary folders would recurse
        (levels[-1] / "kit_answers.json").unlink(missing_ok=True)
        for level in reversed(levels):
            if level.exists():
                level.rmdir()


def test_a_student_with_one_huge_answer_is_kept(klass):
    big = {"start_observatory": {"answer": "x" * 6_000_000, "passed": False}}
    (klass / "ana" / "kit_answers.json").write_text(json.dumps(big), encoding="utf-8")
    book = gradebook.collect(klass, templates=None)
    assert "ana" in book.students and book.students["ana"].exercises["start_observatory"].done


def test_report_refuses_to_write_over_its_input(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Officials said at least 12 people were hurt.", encoding="utf-8")
    assert cli(["report", str(article), "-o", str(article)]) == 2
    assert article.read_text(encoding="utf-8").startswith("Officials said")
    os.symlink(article, tmp_path / "link.txt")
    assert cli(["versions", str(tmp_path / "link.txt"), "aleppo-2024-12-02", "-o", str(article)]) == 2
    assert article.read_text(encoding="utf-8").startswith("Officials said")


def test_report_caps_its_chart_and_says_so(tmp_path):
    text = "".join(f"In district {i}, {10 + i} people were hurt.\n" for i in range(report.MAX_CHART_FIGURES + 15))
    page = report.build_report(kit.analyse(text))
    assert page.count("data:image/png") >= 1
    assert f"the first {report.MAX_CHART_FIGURES} of" in page


def test_read_text_of_a_device_is_not_called_a_folder(tmp_path):
    with pytest.raises(InputError, match="not an ordinary file"):
        kit.read_text(Path("/dev/zero"))
    with pytest.raises(InputError, match="is a folder"):
        kit.read_text(tmp_path)


def test_the_size_message_never_says_5_0_mb_of_5(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5_000_001)
    with pytest.raises(InputError) as err:
        kit.read_text(big)
    assert "5.0 MB" not in str(err.value) and "just over 5 MB" in str(err.value)


def test_deeply_nested_divs_keep_their_text():
    page = "<html><body>" + "<div>" * 5000 + "<p>Officials said at least 12 people were hurt.</p>" + \
           "</div>" * 5000 + "</body></html>"
    assert "at least 12 people" in kit.read_text(page, name="page.html")


# ---------------------------------------------------------------- one cleaning step, every entry point

#: Each: the text a student pastes, and what the kit must still find in it.
HIDDEN = {
    "no_break_hedge": ("At least\u00a061 civilians died, officials said.", "at least"),
    "soft_hyphen": ("Gov\u00adernment forces said 12 people died.", "Government forces"),
    "rlm_marks": ("\u200fRebels\u200f said 40 people fled.", "Rebels"),
    "variation_selector": ("Regime\ufe0f forces said 7 died.", "Regime forces"),
    "cyrillic_lookalike": ("Th\u0435 r\u0435gime attacked the town, officials said.", "regime"),
}


@pytest.mark.parametrize("name", list(HIDDEN))
def test_hidden_characters_do_not_hide_labels_or_hedges(name):
    text, want = HIDDEN[name]
    an = kit.analyse(text)
    found = [l.text for l in an.labels] + [q.hedge or "" for q in an.quantities] + [a.speaker for a in an.attributions]
    assert any(want.lower() in f.lower() for f in found), (name, found)
    for record in list(an.labels) + list(an.quantities):  # offsets are into an.text, the cleaned text
        assert an.text[record.start_char:record.end_char] == record.text


def test_a_no_break_space_hedge_is_not_exact():
    (q,) = kit.find_numbers(kit.parse("At least\u00a061 civilians died."))
    assert (q.low, q.high, q.hedge) == (61, None, "at least")


def test_mixed_script_words_are_flagged_to_the_student():
    text = "Th\u0435 r\u0435gime attacked the town on Monday, officials said."
    assert mixed_script_words(text) == ["Th\u0435", "r\u0435gime"]
    assert "mix letters of different alphabets" in kit.analyse(text).warning
    assert mixed_script_words("\u0410\u0440\u043c\u0438\u044f and army") == []  # a Russian word is not mixed


def test_versions_that_look_the_same_are_the_same():
    a = "Gov\u00adernment forces said at least\u00a012 people died."
    b = "Government forces said at least 12 people died."
    assert kit.compare_versions(a, b) == []


def test_read_text_and_parse_agree():
    raw = "Re\u200bbels said 4\u200b12 died.\u200f"
    assert kit.read_text(raw) == clean_chars(raw) == kit.parse(raw).text


def test_report_of_a_hostile_text_in_a_subprocess(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Re\u00adbels said at least\u00a012 died \ud83d.".encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kit", "report", str(article), "-o", str(tmp_path / "r.html")],
                          cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_a_report_from_a_file_still_flags_look_alike_letters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Th\u0435 r\u0435gime attacked the town on Monday, officials said.", encoding="utf-8")
    page = report.build_report(article)
    assert "mix letters of different alphabets" in page
