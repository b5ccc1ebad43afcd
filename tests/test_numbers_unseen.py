"""Issue 21 "Right on news it has never seen": figure patterns, each with sentences written
for these tests (none copied from bench/, ../shared/eval/ or the seed)."""

from __future__ import annotations

import pytest

import kit


def amounts(text):
    return [(q.text, q.kind, q.low, q.high) for q in kit.find_numbers(kit.parse(text), sources=False) if q.is_amount]


def test_a_clade_name_is_no_billion():
    assert amounts("Labs confirmed 12 infections with the clade 1b strain.") == [("12 infections", "count", 12, 12)]
    assert amounts("Type 2 diabetes is common here.") == []


@pytest.mark.parametrize("text, low, high, low_inclusive", [
    ("Over a dozen boats sank in the storm.", 12, None, False),
    ("Under a third of the wells still work.", None, 1 / 3, None),
])
def test_hedge_before_an_article_number(text, low, high, low_inclusive):
    q = kit.find_numbers(kit.parse(text), sources=False)[0]
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None
    assert q.hedge is not None


@pytest.mark.parametrize("text, value", [
    ("Three-fifths of the harvest was lost.", 3 / 5),
    ("Only a thousandth of the ballots were spoiled.", 1 / 1000),
    ("A millionth of the grain was tested.", 1 / 1_000_000),
])
def test_fractions_in_words(text, value):
    q = amounts(text)[0]
    assert q[1] == "proportion" and q[2] == pytest.approx(value)


def test_one_unit_with_an_article():
    assert amounts("Each pupil gets a litre of milk.") == [("a litre", "measure", 1, 1)]
    assert amounts("Diesel costs $3 a litre.") == [("$3", "money", 3, 3)]  # a price per litre, not one litre


@pytest.mark.parametrize("text, value", [
    ("The pond held 3.1x10^8 algae cells.", 310_000_000),
    ("Each dose carries 2 x 10^6 particles.", 2_000_000),
])
def test_scientific_notation(text, value):
    q = amounts(text)
    assert len(q) == 1 and q[0][2] == value


def test_a_capital_m_after_digits_is_a_million():
    assert amounts("The podcast has 5M listeners.") == [("5M listeners", "count", 5_000_000, 5_000_000)]


def test_long_number_in_words_with_commas():
    assert amounts("The census found two million, three hundred and ten thousand residents.") == [
        ("two million, three hundred and ten thousand residents", "count", 2_310_000, 2_310_000)]


def test_a_list_of_numbers_is_not_joined():
    got = amounts("They counted two million, three new schools and a clinic.")
    assert ("two million", "count", 2_000_000, 2_000_000) in [(t.split(",")[0], k, lo, hi) for t, k, lo, hi in got]


@pytest.mark.parametrize("text, low, high, kind", [
    ("He faces a 5- to 10-year prison term.", 5, 10, "duration"),
    ("Expect 2- or 3-day delays at the border.", 2, 3, "duration"),
])
def test_range_with_a_hanging_hyphen(text, low, high, kind):
    q = amounts(text)
    assert [(lo, hi, k) for _, k, lo, hi in q] == [(low, high, kind)]


def test_as_great_as_is_a_ceiling():
    assert amounts("Damage could be as great as $40 million.") == [("as great as $40 million", "money", None, 40_000_000)]


@pytest.mark.parametrize("text", ["The blaze was a major one, crews said.", "We lost the last one in May."])
def test_one_after_an_adjective_is_a_pronoun(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text", ["The drug moves to Phase 2 or 3 trials next year.",
                                  "Only storms of Category 3, 4 or 5 are called major."])
def test_a_list_of_names_is_no_range_of_amounts(text):
    assert amounts(text) == []


def test_a_range_after_a_year_is_still_an_amount():
    assert amounts("In 2019, 3 to 4 people died.") == [("3 to 4 people", "count", 3, 4)]
