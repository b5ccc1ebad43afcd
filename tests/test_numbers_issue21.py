"""Figure patterns of issue 21: Indian numbering, shares in words, negated hedges, reported
estimates, earthquake magnitudes and names with numbers.

Every sentence here is written for this file; none comes from bench/ or shared eval data.
"""

from __future__ import annotations

import pytest

import kit
from kit.numbers import AMOUNT_KINDS, find_numbers


def figures(text: str) -> list:
    return find_numbers(kit.parse(text), sources=False)


def amounts(text: str) -> list:
    return [q for q in figures(text) if q.kind in AMOUNT_KINDS]


def found(text: str, needle: str):
    hits = [q for q in figures(text) if needle in q.text]
    assert len(hits) == 1, [q.text for q in figures(text)]
    return hits[0]


# ---------------------------------------------------------------- lakh and crore


@pytest.mark.parametrize("text, needle, kind, value", [
    ("The new dam will cost Rs 2 lakh crore, the planners said.", "2 lakh crore", "money", 2 * 10**12),
    ("The state set aside Rs 15,000 crore for rural roads.", "15,000 crore", "money", 15000 * 10**7),
    ("Each family will get ₹8 lakh in compensation.", "8 lakh", "money", 800000),
    ("Fees rose to Rs. 450 a month at the college.", "450", "money", 450),
    ("Nearly 4.5 crore voters are registered in the state.", "4.5 crore", "count", 45000000),
    ("About 7 lakh pilgrims reached the shrine by Sunday.", "7 lakh", "count", 700000),
    ("The bank lent 30 lakh crore rupees last year.", "30 lakh crore", "money", 30 * 10**12),
])
def test_lakh_and_crore(text, needle, kind, value):
    q = found(text, needle)
    assert q.kind == kind
    assert q.low <= value <= q.high
    if q.hedge is None:
        assert q.low == value


def test_lakhs_and_crores_of_are_vague():
    q = found("Lakhs of commuters were stranded after the strike.", "Lakhs")
    assert (q.low, q.high, q.kind) == (200000, 9999999, "count")
    q = found("Crores of rupees went missing from the fund.", "Crores")
    assert (q.low, q.high, q.kind, q.text) == (20000000, 999999999, "money", "Crores of rupees")


def test_a_vague_amount_of_money_is_money():
    q = found("The flood did millions of euros of damage.", "millions")
    assert (q.kind, q.unit, q.low) == ("money", "euros", 2000000)


@pytest.mark.parametrize("text, needle, value", [
    ("She sold the flat for Rs 9 lakhs last spring.", "9 lakhs", 900000),
    ("The fair earned 3 crores this year.", "3 crores", 30000000),
])
def test_plural_lakhs_and_crores_multiply(text, needle, value):
    assert found(text, needle).low == value


def test_a_thousand_million_is_a_billion():
    q = found("The fund holds two thousand million pounds.", "two thousand million")
    assert q.low == 2 * 10**9


# ---------------------------------------------------------------- shares in words


@pytest.mark.parametrize("text, needle, value", [
    ("The clinic treated three out of four patients who came in.", "three out of four", 0.75),
    ("Two of every five homes in the valley lost power.", "Two of every five", 0.4),
    ("One in four adults in the town smokes.", "One in four", 0.25),
    ("Seven out of 10 shoppers paid by card.", "Seven out of 10", 0.7),
    ("The charity has fed two out of three families with no income.", "two out of three", 2 / 3),
])
def test_shares_in_words(text, needle, value):
    q = found(text, needle)
    assert q.kind == "proportion"
    assert q.low == pytest.approx(value) and q.high == pytest.approx(value)


def test_a_share_is_not_also_a_count():
    # the second number of a share is part of it, not a second figure
    qs = amounts("Volunteers reached four out of five villages with the flooding.")
    assert [q.kind for q in qs] == ["proportion"]


# ---------------------------------------------------------------- negated and limiting hedges


@pytest.mark.parametrize("text, needle, low, high", [
    ("Not even a third of the budget was spent.", "a third", None, 1 / 3),
    ("The boat carries not more than 30 passengers.", "30", None, 30),
    ("No fewer than 15 lorries crossed the border.", "15", 15, None),
    ("Fewer than half of the wells had clean water.", "half", None, 0.5),
    ("Not even 100 fans turned up for the match.", "100", None, 100),
])
def test_negated_and_limiting_hedges(text, needle, low, high):
    q = found(text, needle)
    assert (q.low is None) if low is None else q.low == pytest.approx(low)
    assert (q.high is None) if high is None else q.high == pytest.approx(high)


# ---------------------------------------------------------------- estimates


def test_an_estimated_figure_is_hedged_by_the_documented_convention():
    q = found("An estimated 4,000 people lined the route.", "4,000")
    assert (q.low, q.high, q.hedge) == (3600, 4400, "an estimated")


def test_a_source_that_estimated_a_figure_keeps_it_as_written():
    q = found("Rescuers estimated 900 were still trapped.", "900")
    assert (q.low, q.high, q.hedge) == (900, 900, None)


# ---------------------------------------------------------------- magnitudes


@pytest.mark.parametrize("text, needle, value", [
    ("A 6.8 magnitude earthquake shook the port city.", "6.8", 6.8),
    ("The magnitude-5.9 quake cut power to the valley.", "5.9", 5.9),
    ("A 6.2-magnitude tremor rattled the capital overnight.", "6.2", 6.2),
    ("A 7.1 earthquake struck off the coast on Friday.", "7.1", 7.1),
    ("A magnitude 4.6 aftershock followed at dawn.", "4.6", 4.6),
])
def test_magnitudes_are_measures(text, needle, value):
    q = found(text, needle)
    assert (q.kind, q.unit, q.low) == ("measure", "magnitude", value)


def test_earthquakes_counted_stay_a_count():
    q = found("Three earthquakes hit the island in one week.", "Three")
    assert q.kind == "count"


# ---------------------------------------------------------------- names with numbers


@pytest.mark.parametrize("text, needle", [
    ("The Falcon 9 booster landed on a barge.", "9"),
    ("A Soyuz 2 rocket carried the satellite.", "2"),
    ("The Boeing 787 was grounded for checks.", "787"),
    ("Article 21 protects the right to life.", "21"),
    ("Traffic crawled along Route 9 all morning.", "9"),
    ("Doctors tracked the clade 2b strain.", "2b"),
])
def test_names_with_numbers_are_no_amounts(text, needle):
    assert not [q for q in amounts(text) if needle in q.text]


@pytest.mark.parametrize("text", [
    "Most UN peacekeeping troops left the region last year.",
    "Most aid convoys reached the camp before dark.",
])
def test_most_before_a_compound_noun_is_a_share(text):
    q = found(text, "Most")
    assert (q.kind, q.low, q.high) == ("proportion", 0.5, 1)


@pytest.mark.parametrize("text, needle, value", [
    ("The Rs 700-crore bridge opened on Monday.", "700-crore", 7 * 10**9),
    ("A $3-million grant paid for the clinic.", "3-million", 3000000),
    ("The council fined the builder Rs.4 lakh.", "Rs.4 lakh", 400000),
    ("Tickets cost Rs2,500 at the gate.", "Rs2,500", 2500),
    ("The court ordered him to pay rupees 6 lakh.", "6 lakh", 600000),
    ("They bought a 3-million-dollar villa.", "3-million", 3000000),
])
def test_money_written_as_one_word(text, needle, value):
    q = found(text, needle)
    assert (q.kind, q.low, q.high) == ("money", value, value)


@pytest.mark.parametrize("text, needle", [
    ("The tremor measured 5.4 on the Richter scale.", "5.4"),
    ("The shock had a magnitude of 4.9, officials said.", "4.9"),
])
def test_magnitudes_written_around_the_number(text, needle):
    assert found(text, needle).unit == "magnitude"


@pytest.mark.parametrize("text, needle", [
    ("Voters backed Proposition 12 by a wide margin.", "12"),
    ("The Title 8 rules returned at the border.", "8"),
    ("Passengers waited at Terminal 3 for hours.", "3"),
    ("The Artemis 3 mission was delayed again.", "3"),
])
def test_more_names_with_numbers(text, needle):
    assert not [q for q in amounts(text) if needle in q.text]


@pytest.mark.parametrize("text, low, high", [
    ("North of 2,000 workers joined the strike.", 2000, None),
    ("Turnout came in just shy of 60 percent.", None, 60),
])
def test_north_of_and_shy_of(text, low, high):
    [q] = amounts(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text", [
    "The council voted 9 to 4 to keep the library open.",
    "The motion was carried by a vote of 30 to 12.",
])
def test_a_vote_tally_is_no_range(text):
    assert not [q for q in amounts(text) if q.hedge == "range"]
