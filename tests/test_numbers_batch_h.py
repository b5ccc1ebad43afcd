"""Figure patterns found on batch H: years before a singular noun or a period's accounts,
names ("Group of 20", call letters), ordinals in words, and "one" that counts nothing.

Every sentence here is written for this file; none comes from bench/ or shared eval data.
"""

from __future__ import annotations

import kit
from kit.numbers import AMOUNT_KINDS, find_numbers


def figures(text: str) -> list[tuple[str, str, object, object]]:
    return [(q.text, q.kind, q.low, q.high) for q in find_numbers(kit.parse(text), sources=False)]


def amounts(text: str) -> list[str]:
    return [t for t, kind, _lo, _hi in figures(text) if kind in AMOUNT_KINDS]


def test_year_before_a_singular_noun_is_a_year():
    found = figures("The county board approved its 2024 budget after cutting 35 posts.")
    assert ("2024", "year", 2024, 2024) in found, found
    assert any(t.startswith("35") for t, *_ in found), found


def test_year_before_a_period_result_is_a_year():
    found = amounts("Analysts trimmed their forecast for fiscal 2019 earnings and for 2020 profits.")
    assert not any("2019" in t or "2020" in t for t in found), found


def test_year_shaped_counts_stay_counts():
    found = amounts("The army sent 2000 soldiers and the runners covered 1500 metres.")
    assert "2000 soldiers" in found and "1500 metres" in found, found


def test_group_of_twenty_is_a_name():
    found = amounts("Ministers flew to the Group of 20 meeting with 14 aides.")
    assert not any(t.startswith("20") for t in found), found
    assert any(t.startswith("14") for t in found), found


def test_call_letters_and_frequency_are_a_name():
    found = amounts("A producer at KQRS 1240 said 3 listeners called in.")
    assert not any("1240" in t for t in found), found
    assert any(t.startswith("3") for t in found), found


def test_ordinal_in_words_is_no_fraction():
    found = figures("The inquiry opens on March thirty-first and she finished forty-second.")
    assert ("thirty-first", "date", 31, 31) in found, found
    assert ("forty-second", "ordinal", 42, 42) in found, found
    assert not any(kind in AMOUNT_KINDS for _t, kind, *_ in found), found


def test_fractions_in_words_stay_fractions():
    found = figures("Two fifths of the staff and one-third of the pupils stayed home.")
    lows = sorted(round(lo, 3) for _t, kind, lo, _hi in found if kind == "proportion")
    assert lows == [0.333, 0.4], found


def test_one_after_be_before_of_is_membership():
    assert amounts("The harbour is one of several ports on the coast.") == ["several ports"]


def test_one_of_as_subject_stays_a_count():
    found = amounts("One of the bridges was closed by the flood.")
    assert any(t.lower().startswith("one") for t in found), found


def test_one_as_pronoun_before_relative_is_no_count():
    assert amounts("It was a costly delay, and one that angered the farmers.") == []


def test_only_one_that_stays_a_count():
    found = amounts("Only one that survived the fire was found.")
    assert any(t.lower().startswith("one") for t in found), found


def test_one_thing_is_a_way_of_speaking():
    assert amounts("One striking thing about the vote is how quiet it was.") == []


def test_no_one_hyphenated_and_under_one_roof_are_idioms():
    assert amounts("No-one expected the clinics to move under one roof.") == []
