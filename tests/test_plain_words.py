"""What a student reads is plain words (issue 26): no internal names (``state_media``), no
code-speak ("without quotes", ``like ["A", "B"]``), no Python reprs (``{'neutral': 2}``).

* Every student notebook, executed as app mode runs it (Voila, code hidden), shows none of them
  in its outputs or in its widgets' labels, options, descriptions, tooltips and placeholders
  (:mod:`student_view` collects what a student sees).
* Every exercise checker's hints for wrong, odd and blank answers have none of them either
  (hints appear only after a student acts, so the executed notebooks do not show them all).
* The plain words are one mapping: ``kit.core.glossary.plain_label`` (glossary, then
  ``kit/core/data/plain_words.toml``), which every internal name a finder returns has an entry in.
"""

from __future__ import annotations

import sys

import pytest

import kit
from conftest import ROOT
from kit.catalog import checkers
from kit.core.glossary import glossary, plain_label, plain_words
from student_view import leaks, seen_texts

sys.path.insert(0, str(ROOT / "tools"))
import make_student  # noqa: E402

STUDENTS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_leaks_finds_each_kind_of_code_speak():
    """The scanner itself: each pattern the issue saw is caught, plain text is not."""
    for bad in ["sources: {'official': 2}", "event_subject 'x'", 'Give numbers, or None for "no limit"',
                'like ["A", "B"]', "read it with kit.read_text", 'title="null"', "a <br> inside",
                "takes a side (for the any)", "[]", "Label(text='x')"]:
        assert leaks(bad), bad
    for good in ["3 labels that are neutral", "Save to kit_answers.json.", "Who says so? (Look again.)",
                 "at least 61 civilians", "Press Check."]:
        assert not leaks(good), (good, leaks(good))


@pytest.mark.parametrize("path", STUDENTS, ids=lambda p: p.stem)
def test_a_student_sees_only_plain_words_in_app_mode(path, tmp_path, monkeypatch):
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/test")  # what Voila tells its kernels
    nb = make_student.run_notebook(path, tmp_path / "kit_answers.json", widgets=True)
    seen = seen_texts(nb)
    assert len(seen) > 5, "the notebook shows almost nothing: is the scan broken?"
    found = sorted({why for text in seen for why in leaks(text)})
    assert not found, f"{path.name} shows a student:\n" + "\n".join(found)


#: Wrong, odd and blank answers every checker gets (shapes a widget or a notebook can send).
ODD_ANSWERS = ["", "xyz", "42", "none", ["a", "b"], ["A", "B", "C", "D"], {"a"}, {"x": "y"}, 3.5, -1,
               ["", ""], "the fighting", "nobody", "confirmed", "said", "<b>hi</b>"]


@pytest.mark.parametrize("check", checkers(), ids=lambda c: c.exercise_id)
def test_hints_are_plain_words(check):
    found = set()
    for answer in ODD_ANSWERS:
        try:
            fb = check(answer)
        except TypeError:  # a checker of two answers
            fb = check(answer, answer)
        found |= {f"{answer!r}: {why}" for why in leaks(fb.message)}
    assert not found, "\n".join(sorted(found))


def test_every_internal_name_has_plain_words():
    """Kinds and tags the finders return all have an entry (glossary or plain_words.toml)."""
    from kit.compare.translation import KINDS as TRANSLATION
    from kit.compare.versions import KINDS as CHANGES

    names = [*kit.SOURCE_TYPES, "participle", "intransitive", "event_subject", "passive",
             "government", "opposition", "ally", "any", *TRANSLATION, *CHANGES, "quiz_before", "quiz_after"]
    known = {n for t in glossary() for n in (*t.names, t.term)}
    missing = [n for n in names if n not in known and n.replace("_", " ") not in plain_words()]
    assert not missing, f"add these to kit/core/data/plain_words.toml: {missing}"
    assert all("_" not in plain_label(n) for n in names)
    # the lenses' own word tables say the same as the one mapping
    assert {k: plain_label(k) for k in TRANSLATION} == dict(TRANSLATION)
    assert {k: plain_label(k) for k in CHANGES} == dict(CHANGES)
