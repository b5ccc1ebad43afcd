"""The reframer: labels another side would use, with grammar, articles and capitals kept.

Sentences written for these tests in the styles of several conflicts and protests, and the
seed article in each style (quotations there are left as said: see test_framing_quotes.py).
"""

from __future__ import annotations

import re

import pytest

import kit
from kit.core.errors import InputError

REFRAME_CASES = [
    ("Terrorists attacked regime forces.", "neutral", "Rebels attacked government forces."),
    ("Terrorists attacked regime forces.", "opposition view", "Revolutionaries attacked regime forces."),
    ("A terrorist aggression was repelled.", "neutral wire", "A rebel offensive was repelled."),
    ("Rebels launched a rebel offensive.", "government", "Terrorists launched a terrorist aggression."),
    ("Government forces repelled terrorist aggression.", "neutral", "Government forces repelled a rebel offensive."),
    ("An insurgent was killed at the checkpoint.", "government", "A terrorist was killed at the checkpoint."),
    ("A rebel was killed at the checkpoint.", "opposition", "A revolutionary was killed at the checkpoint."),
    ("The junta arrested protesters.", "neutral", "The military government arrested protesters."),
    ("The junta arrested protesters.", "government view", "The government arrested rioters."),
    ("Militants fired rockets from militant positions.", "opposition",
     "Resistance fighters fired rockets from resistance positions."),
    ("The riots spread to the north.", "opposition", "The uprisings spread to the north."),
    ("The riot spread.", "neutral", "The protest spread."),
    ("THE REGIME HAS FALLEN", "neutral", "THE GOVERNMENT HAS FALLEN"),
    ("Rebels Seize Aleppo In Lightning Offensive", "government", "Terrorists Seize Aleppo In Lightning Offensive"),
    ("Freedom fighters liberated the town.", "neutral", "Rebels captured the town."),
    ("The army is liberating villages.", "neutral", "The army is capturing villages."),
    ("It was an uprising, not a plot.", "government", "It was a conspiracy, not a plot."),
    ("A gunman opened fire.", "government", "A gunman opened fire."),  # no side named: unchanged
    ("The Syrian Arab Army said riot police left.", "opposition", "The Syrian Arab Army said riot police left."),
    ("The mob attacked the gunmen.", "neutral", "The crowd attacked the gunmen."),
    # judgement: a loaded verb whose neutral word is a noun phrase ("massacre" -> "mass killing")
    # is left as it is rather than turned into "mass killinged"; the noun is still swapped
    ("Troops massacred dozens of farmers.", "neutral", "Troops massacred dozens of farmers."),
    ("The massacre shocked the region.", "neutral", "The mass killing shocked the region."),
    # judgement: the state being framed is the one named most often; another country's
    # government keeps its name ("the Kenyan government" is not the regime in a story about Sudan)
    ("Sudanese army units shelled the market while the Sudanese government blamed rebels. "
     "The Kenyan government called for calm.", "opposition",
     "Sudanese regime army units shelled the market while the Sudanese regime blamed revolutionaries. "
     "The Kenyan government called for calm."),
    ("Myanmar's army raided the village.", "opposition", "Myanmar's regime army raided the village."),
    # judgement: the neutral word for "thugs" says what they did, not whose side they are on
    ("Thugs beat two reporters.", "neutral", "Attackers beat two reporters."),
]


@pytest.mark.parametrize("text, style, expected", REFRAME_CASES, ids=[f"{s}:{t[:30]}" for t, s, _ in REFRAME_CASES])
def test_reframe(text, style, expected):
    assert str(kit.reframe(text, style)) == expected


def test_reframe_reports_each_swap_with_offsets():
    text = "Terrorists attacked an army post; a terrorist aggression followed."
    r = kit.reframe(text, "neutral")
    assert r.style == "neutral" and r.original == text
    assert [(s.old, s.new) for s in r.swaps] == [("Terrorists", "Rebels"), ("terrorist aggression", "rebel offensive")]
    for s in r.swaps:
        assert text[s.start_char : s.end_char] == s.old
    for start, end, s in r.new_spans():
        assert r.text[start:end] == s.new


def test_reframe_article_change_is_one_swap():
    r = kit.reframe("He saw an insurgent.", "government")
    assert [(s.old, s.new) for s in r.swaps] == [("an insurgent", "a terrorist")]


def test_reframe_seed_article_each_style(seed, seed_doc):
    gov = kit.reframe(seed.text, "government")
    opp = kit.reframe(seed_doc, "opposition")  # a Doc works too
    neu = kit.reframe(seed.text, "neutral")
    assert "repel a rebel offensive" in neu.text
    # "regime" is left only where someone is quoted (issue 12), and each such word is reported
    regimes = [m.start() for m in re.finditer(r"\bregime\b", neu.original, re.I)]
    quoted = [i for i in regimes if any(s.start_char <= i < s.end_char for s in neu.left_as_said)]
    assert len(re.findall(r"\bregime\b", neu.text, re.I)) == len(quoted) < len(regimes)
    assert "Terrorists have captured dozens of towns" in gov.text
    assert "shock terrorist aggression" in gov.text
    assert "Revolutionaries have captured" in opp.text
    for r in (gov, opp, neu):  # the quoted words are the same in every version
        for s in r.left_as_said:
            assert s.old in r.text and r.original[s.start_char : s.end_char] == s.old
    # reframing a neutral text to neutral again changes nothing
    assert kit.reframe(neu.text, "neutral").swaps == ()
    # only label words change: the rest of the article is identical
    assert len(gov.text.split("\n")) == len(seed.text.split("\n"))


def test_reframe_unknown_style_lists_the_styles():
    with pytest.raises(InputError) as err:
        kit.reframe("Rebels took the city.", "pirate view")
    for style in ("government", "opposition", "neutral"):
        assert style in str(err.value)


def test_reframe_refuses_bad_input():
    with pytest.raises(InputError):
        kit.reframe(b"bytes", "neutral")


# ---------------------------------------------------------------- lost quotations (issue 23)
# A republished copy can drop the quote marks around someone's words. The article's metadata
# records those spans (Article.quotations); the reframer leaves them as said (protected=), or,
# when asked, rewrites them and marks each swap with whose words it changes.

LOST = "For the first time, the town escapes the control of regime forces. Terrorists fled."
LOST_SPAN = (LOST.index("escapes"), LOST.index(". Terrorists"), "the monitor")


def test_protected_span_is_left_as_said_and_the_narrator_is_reframed():
    r = kit.reframe(LOST, "neutral", protected=[LOST_SPAN])
    assert str(r) == "For the first time, the town escapes the control of regime forces. Rebels fled."
    assert [(s.old, s.speaker, s.lost_quote) for s in r.left_as_said] == [("regime forces", "the monitor", True)]
    assert [(s.old, s.speaker, s.lost_quote) for s in r.swaps] == [("Terrorists", None, False)]


def test_rewriting_a_protected_span_is_marked_as_changing_the_speakers_words():
    r = kit.reframe(LOST, "neutral", protected=[LOST_SPAN], rewrite_protected=True)
    assert str(r) == "For the first time, the town escapes the control of government forces. Rebels fled."
    assert [(s.old, s.speaker, s.lost_quote) for s in r.swaps] == [
        ("regime forces", "the monitor", True), ("Terrorists", None, False)]
    assert r.left_as_said == ()


def test_without_protected_spans_the_reframer_cannot_know():
    # the same words with no record of the quotation read as the narrator's own
    assert str(kit.reframe(LOST, "neutral")) == "For the first time, the town escapes the control of government forces. Rebels fled."


def test_protected_spans_must_be_triples():
    with pytest.raises(InputError) as err:
        kit.reframe(LOST, "neutral", protected=["regime forces"])
    assert "(start, end, speaker)" in str(err.value)


@pytest.mark.parametrize("style", ["neutral", "government", "opposition"])
def test_reframer_leaves_the_seeds_lost_quotations(seed, style):
    spans = seed.quotation_spans()
    assert len(spans) == len(seed.quotations)  # every recorded quotation is in the text
    r = kit.reframe(seed.text, style, protected=spans)
    for start, end, speaker in spans:
        assert not [s for s in r.swaps if s.start_char < end and start < s.end_char], speaker
        assert seed.text[start:end] in r.text  # the speaker's words, unchanged
    lost = [s for s in r.left_as_said if s.lost_quote]
    assert lost and all(s.speaker for s in lost)
    if style == "neutral":  # the monitor's "regime forces", al-Assad's and Russia's "terrorist" words
        assert {s.old for s in lost} == {"regime forces", "terrorist", "terrorist aggression"}
        assert "escapes the control of Syrian regime forces" in r.text


def test_seed_lost_quotations_without_protection_would_be_rewritten(seed):
    """The difference the lesson teaches: without the record, the monitor's word is swapped."""
    r = kit.reframe(seed.text, "neutral", protected=seed.quotation_spans(), rewrite_protected=True)
    monitor = [s for s in r.swaps if s.lost_quote and s.old == "regime forces"]
    assert monitor and monitor[0].speaker.startswith("Rami Abdel Rahman")
    assert "escapes the control of Syrian government forces" in r.text


def test_reframe_view_marks_lost_quotations(seed):
    from kit.framing.widgets import LEFT_AS_QUOTED, make_reframer, reframe_html

    out = reframe_html(seed.text, "neutral", quotations=seed.quotations)
    assert LEFT_AS_QUOTED in out and "the words of Rami Abdel Rahman" in out
    rewritten = reframe_html(seed.text, "neutral", quotations=seed.quotations, rewrite_quoted=True)
    assert "changes what Rami Abdel Rahman" in rewritten and LEFT_AS_QUOTED not in rewritten
    w = make_reframer()  # the seed by default, with its lost quotations
    text, style, sources, button, out = w.children
    assert LEFT_AS_QUOTED in out.value
    sources.value = True
    button.click()
    assert "(in the original copy, a quotation)" in out.value
