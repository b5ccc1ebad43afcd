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
