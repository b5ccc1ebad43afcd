"""Comparing framings (kit.compare) and the 04_compare / 05_your_article widgets."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

import kit
from kit.compare import analysis, views
from kit.compare import exercises as compare_exercises
from kit.compare import (CONTRAST, Analysis, Difference, Fingerprint, analyse, compare_fingerprints,
                         fingerprint)
from kit.teacher.report import build_report
from kit.compare.widgets import ARTICLE_TABS, make_compare, make_your_article

STATE, OPPO, WIRE = (f"aleppo-2024-12-02-{v}" for v in ("state-media", "opposition", "wire"))


@pytest.fixture(scope="module")
def fps():
    return {aid: fingerprint(kit.load_article(aid)) for aid in (STATE, OPPO, WIRE, "aleppo-2024-12-02")}


# ---------------------------------------------------------------- the contrast versions


def test_contrast_versions_are_labelled_constructed():
    for aid in (STATE, OPPO, WIRE):
        art = kit.load_article(aid)
        assert art.constructed
        assert "Constructed for teaching" in art.source and "not published" in art.note
        assert 200 <= len(art.text.split()) <= 300, aid
    assert set(CONTRAST.values()) == {STATE, OPPO, WIRE}


def test_contrast_versions_keep_the_same_facts():
    # The facts every version keeps (written by hand from the seed): place names and actors.
    for aid in (STATE, OPPO, WIRE):
        text = kit.load_article(aid).text
        for fact in ("Aleppo", "Idlib", "Hama", "Araghchi", "Damascus", "Russian", "United Kingdom"):
            assert fact in text, (aid, fact)


def numbers_of(fp) -> set[str]:
    """The numbers a fingerprint's figures give, without what they count ("61", "24\u201399")."""
    from kit.compare.fingerprint import figure_number

    return {figure_number(k) for k in fp.figures}


# Expected fingerprints, decided when writing the versions (not read off the code's output).
def test_state_media_fingerprint(fps):
    fp = fps[STATE]
    assert fp.labels["delegitimizing"] > fp.labels["neutral"]
    assert fp.labels["legitimizing"] == 0
    assert any("terrorist" in w for w in fp.label_words["delegitimizing"])
    # it keeps the army's "dozens" and drops every civilian toll and the monitor's total
    assert {"61", "412", "12", "9"}.isdisjoint(numbers_of(fp))
    assert "monitor" not in fp.sources and fp.sources.get("military", 0) >= 1


def test_opposition_fingerprint(fps):
    fp = fps[OPPO]
    assert fp.labels["legitimizing"] >= 3
    assert {"revolutionaries", "liberated"} & set(fp.label_words["legitimizing"])
    assert "regime" in fp.label_words["delegitimizing"]
    # it keeps the civilian deaths and drops the total that is mostly fighters
    assert {"61", "12", "9"} <= numbers_of(fp) and "412" not in numbers_of(fp)
    assert "eyewitness" in fp.sources


def test_wire_fingerprint(fps):
    fp = fps[WIRE]
    # Judgement call: the wire quotes the army's words "terrorist organizations" in quotation
    # marks; the lens counts them, so we allow that one and no other delegitimizing label.
    assert fp.labels["delegitimizing"] <= 1
    assert fp.labels["neutral"] >= 5
    assert {"412", "61", "12", "9", "125"} <= numbers_of(fp)  # Hama: about 125 km on a map (issue 23)
    assert {"monitor", "state_media", "foreign_government"} <= set(fp.sources)


def test_compare_state_media_with_opposition(fps):
    diffs = compare_fingerprints(fps[STATE], fps[OPPO])
    numbers = {d.item: (d.a, d.b) for d in diffs if d.lens == "numbers"}
    assert numbers["61 civilians"] == ("dropped", "kept")
    framing = [d for d in diffs if d.lens == "framing"]
    assert any(d.item.startswith("\u201cterrorist") and d.a == "used" and d.b == "not used" for d in framing)
    assert all(isinstance(d, Difference) and d.note for d in diffs)


def test_compare_is_symmetric_and_empty_for_the_same(fps):
    a, b = fps[STATE], fps[WIRE]
    ab = compare_fingerprints(a, b)
    ba = compare_fingerprints(b, a)
    assert sorted((d.lens, d.item, d.a, d.b) for d in ab) == sorted((d.lens, d.item, d.b, d.a) for d in ba)
    assert compare_fingerprints(a, a) == []


# Own sentences from other conflicts and protests.
@pytest.mark.parametrize(
    "a, b, lens, item, values",
    [
        ("Police said 40 people were arrested in Lima.",
         "Police said 40 people were arrested in Lima and 3 were hurt.", "numbers", "3", ("dropped", "kept")),
        ("Rioters clashed with police in Minsk on Sunday.",
         "Protesters clashed with police in Minsk on Sunday.", "framing", "delegitimizing labels", (1, 0)),
        ("Freedom fighters attacked army posts near Goma.",
         "Rebels attacked army posts near Goma.", "framing", "legitimizing labels", (1, 0)),
    ],
)
def test_compare_own_sentences(a, b, lens, item, values):
    diffs = compare_fingerprints(fingerprint(a), fingerprint(b))
    assert (lens, item, *values) in [(d.lens, d.item, d.a, d.b) for d in diffs]


# Figures that count different things never match (issue 14). Own sentences.
@pytest.mark.parametrize("a, b", [
    ("Rebels captured dozens of towns in the north.", "Jets killed dozens of terrorists in the north."),
    ("The storm destroyed 300 homes in Dhaka.", "The storm killed 300 people in Dhaka."),
    ("Police arrested 40 protesters in Lima.", "Police arrested 40 journalists in Lima."),
    ("The convoy drove 80 km to the border.", "The convoy waited 80 minutes at the border."),
])
def test_figures_counting_different_things_never_match(a, b):
    fa, fb = fingerprint(a), fingerprint(b)
    assert not set(fa.figures) & set(fb.figures), (fa.figures, fb.figures)
    diffs = [d for d in compare_fingerprints(fa, fb) if d.lens == "numbers"]
    assert sorted((d.a, d.b) for d in diffs) == [("dropped", "kept"), ("kept", "dropped")]
    assert all("Do they count the same thing?" in d.note for d in diffs)


@pytest.mark.parametrize("a, b", [
    ("At least 61 civilians died, the monitor said.", "The strikes killed at least 61 civilians."),
    ("Hama is about 130 km away.", "Hama lies about 130 kilometres to the south."),
])
def test_the_same_figure_still_matches(a, b):
    assert [d for d in compare_fingerprints(fingerprint(a), fingerprint(b)) if d.lens == "numbers"] == []


def test_state_media_and_opposition_dozens_are_not_one_figure(fps):
    # The army's "dozens" killed at a gathering and the opposition's "dozens of towns"
    state, oppo = fps[STATE].figures, fps[OPPO].figures
    assert "dozens" in state.values() and "dozens of towns" in oppo.values()
    assert not set(state) & set(oppo)


def test_fingerprint_is_frozen_and_accepts_text_doc_article():
    text = "The army said 12 soldiers were killed near Kharkiv."
    fp_text, fp_doc = fingerprint(text), fingerprint(kit.parse(text))
    assert isinstance(fp_text, Fingerprint) and fp_text == fp_doc
    assert fp_text.figures == {"12 soldiers": "12 soldiers"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        fp_text.words = 0


# ---------------------------------------------------------------- analysis when a lens is missing


def test_missing_or_failing_lens_is_reported_not_raised(monkeypatch):
    def broken(doc):
        raise RuntimeError("boom")

    lenses = dict(analysis.LENSES)
    lenses["framing"] = [("labels", "kit.no_such_module", "find_labels"),
                         ("passives", "kit.no_such_module", "find_passives")]
    monkeypatch.setattr(analysis, "LENSES", lenses)
    monkeypatch.setattr(kit.attribution, "find_unattributed", broken)
    an = analyse("Police said 40 people were arrested in Lima.")
    assert "not installed" in an.missing["framing"]
    assert "boom" in an.missing["attribution"]
    assert "numbers" not in an.missing and an.quantities
    assert "not installed" in views.framing_view(an)
    page = build_report(an)
    assert "framing lens is not installed" in page


def test_views_escape_text():
    an = analyse("Police said <b>40</b> people were arrested , witnesses said.")
    for view in views.VIEWS.values():
        out = view(an)
        assert "<b>40" not in out
    assert "&lt;b&gt;" in views.framing_view(an) and "&lt;b&gt;" in views.translation_view(an)


def test_checklist_comes_from_the_data_file():
    out = views.checklist_html()
    for step in kit.lateral_reading():
        assert step["question"] in out


# ---------------------------------------------------------------- widgets


def test_compare_widget_marks_differences_and_follows_dropdowns():
    w = make_compare(STATE, OPPO)
    pick_a, pick_b, out = w.children
    first = out.value
    assert "kit-diff" in first and "Constructed for teaching" in first
    assert "dropped" in first
    pick_b.value = STATE  # the same version twice: nothing differs
    assert "kit-diff" not in out.value
    pick_b.value = WIRE
    assert "kit-diff" in out.value and out.value != first


def test_compare_widget_blind_mode_hides_names():
    w = make_compare(blind=True)
    labels = [label for label, _ in w.children[0].options]
    assert labels == ["Version A", "Version B", "Version C"]
    view = w.children[-1].value
    assert "Version A" in view and "Constructed for teaching" in view
    for title in (kit.load_article(aid).title for aid in (STATE, OPPO, WIRE)):
        assert title not in view


def _upload(name: str, data: bytes):
    return ({"name": name, "type": "", "size": len(data), "content": memoryview(data),
             "last_modified": datetime.datetime(2024, 12, 2)},)


def test_your_article_pasted_text_fills_every_tab():
    w = make_your_article()
    examples, box, upload, button, status, tabs = w.children
    assert [tabs.get_title(i) for i in range(len(ARTICLE_TABS))] == list(ARTICLE_TABS)
    box.value = ("Police in Lagos said at least 40 protesters were arrested. Rioters burned tyres , "
                 "witnesses said. The government will. will respond, the minister said.")
    button.click()
    assert "Analysed" in status.value
    framing, attribution, numbers, translation, checklist = (t.value for t in tabs.children)
    assert 'data-tag="delegitimizing"' in framing
    assert "Police in Lagos" in attribution
    assert "at least 40 protesters" in numbers
    assert "will. will" in translation and "tyres ," in translation
    assert "Who is behind this source?" in checklist


def test_your_article_example_shows_constructed_banner():
    w = make_your_article()
    w.children[0].value = OPPO
    assert w.children[1].value.startswith("Revolutionaries liberate Aleppo")
    w.children[3].click()
    assert "Constructed for teaching" in w.children[4].value
    assert "Constructed for teaching" in w.children[5].children[0].value


def test_your_article_upload_html():
    w = make_your_article()
    page = b"<html><body><p>Strikes hit Kharkiv , officials said.</p><script>alert(1)</script></body></html>"
    w.children[2].value = _upload("story.html", page)
    assert w.children[1].value == "Strikes hit Kharkiv , officials said."
    assert "story.html" in w.children[4].value


# The foundation's list of bad input (tests/test_foundation.py), each through the widget.
BAD_PASTE = [("", "empty"), (" \n\t ", "empty"), ("<html><script>only()</script></html>", "no readable text"),
             ("x " * (kit.MAX_CHARS // 2 + 1), "at most")]
BAD_UPLOAD = [
    ("pic.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("cafe.txt", "Caf\xe9 au lait".encode("latin-1"), "UTF-8"),
    ("huge.txt", b"a" * 6_000_000, "MB"),
    ("blank.txt", b"   ", "empty"),
]


@pytest.mark.parametrize("text, words", BAD_PASTE)
def test_your_article_bad_paste_shows_a_message(text, words):
    w = make_your_article()
    w.children[1].value = text
    w.children[3].click()
    status = w.children[4].value
    assert "kit-msg-error" in status and words in status and "Traceback" not in status
    assert all(t.value == "" for t in w.children[5].children)


@pytest.mark.parametrize("name, data, words", BAD_UPLOAD)
def test_your_article_bad_upload_shows_a_message(name, data, words):
    w = make_your_article()
    w.children[1].value = "Earlier text stays."
    w.children[2].value = _upload(name, data)
    status = w.children[4].value
    assert "kit-msg-error" in status and words in status
    assert w.children[1].value == "Earlier text stays."


def test_your_article_warns_about_other_languages():
    w = make_your_article()
    w.children[1].value = "Les rebelles ont pris la ville d'Alep dimanche soir, selon l'observatoire."
    w.children[3].click()
    assert "does not look like English" in w.children[5].children[0].value
    assert "kit-msg-warning" in w.children[4].value and "does not look like English" in w.children[4].value


def test_difference_notes_use_the_given_names(fps):
    diffs = compare_fingerprints(fps[STATE], fps[WIRE], names=("C", "B"))
    notes = " ".join(d.note for d in diffs)
    assert "Only B gives" in notes and "Only A" not in notes


# ---------------------------------------------------------------- checkers of 04 and 05



@pytest.mark.parametrize(
    "answer, ok, words",
    [
        ({"A": "opposition", "B": "wire", "C": "state media"}, True, "opposition outlet"),
        ({"a": "Rebels", "b": "neutral", "c": "SANA"}, True, "wire story"),
        ({"A": "opposition", "B": "state media", "C": "wire"}, False, "terrorists"),
        ({"A": "wire", "B": "opposition", "C": "state media"}, False, "revolutionaries"),
        ({"A": "opposition", "B": "wire"}, False, "C"),
        ("opposition", False, "each letter A, B and C"),
        (..., False, "not answered"),
    ],
)
def test_compare_which(answer, ok, words):
    fb = compare_exercises.compare_which(answer)
    assert fb.passed is ok and words in fb.message


@pytest.mark.parametrize(
    "answer, ok, words",
    [(61, True, "61"), ("12", True, "12"), (9, True, "9"), (412, False, "version A"),
     (230, False, "dropped"), ("many", False, "number"), (..., False, "not answered")],
)
def test_compare_left_out(answer, ok, words):
    fb = compare_exercises.compare_left_out(answer)
    assert fb.passed is ok and words in fb.message


@pytest.mark.parametrize(
    "answer, ok",
    [("I don't think the government will recover", True),
     ("I do not think the government will recover.", True),  # judgement call: small rewording is fine
     ("I don't think the government will. will recover", False),
     ("I don't think the government will will recover", False)],
)
def test_article_repair(answer, ok):
    assert compare_exercises.article_repair(answer).passed is ok


@pytest.mark.parametrize("answer, ok", [("b: https://www.fpri.org", True), ("B, Foreign Policy Research Institute", True),
                                        ("b", False), ("a", False), ("c", False), ("x", False)])
def test_article_lateral(answer, ok):
    fb = compare_exercises.article_lateral(answer)
    assert fb.passed is ok and fb.message


def test_your_article_says_when_a_text_is_too_short_to_show_much():
    w = make_your_article()
    w.children[1].value = "Nine died."
    w.children[3].click()
    assert "kit-msg-info" in w.children[4].value and "very short" in w.children[4].value
    w.children[1].value = kit.load_article("aleppo-2024-12-02").paragraphs[5] * 2
    w.children[3].click()
    assert "kit-msg-success" in w.children[4].value and "very short" not in w.children[4].value
