"""Figure patterns fixed before batch J: "half" before a possessive ("half its budget"), numbers
to dial written with hyphens ("9-1-1"), "is up to X from Y" (a rise, not a ceiling), a hedged
amount's conversion in brackets ("as much as 3 feet (91 centimeters)"), and decimals spelled out
with hyphens in radio scripts ("four-point-two percent").

Every sentence here is written for this file; none comes from bench/ or shared eval data.
"""

from __future__ import annotations

import pytest

import kit
from kit.numbers import find_numbers


def figures(text: str) -> list[tuple[str, str, object, object, bool]]:
    return [(q.text, q.kind, q.low, q.high, q.is_amount) for q in find_numbers(kit.parse(text), sources=False)]


def test_half_before_a_possessive_is_a_share():
    got = figures("The charity spent roughly half its reserves on the shelter.")
    assert any(t.startswith("roughly half") and kind == "proportion" and lo == 0.45 for t, kind, lo, _hi, _a in got)
    got = figures("Half their harvest rotted in the rain.")
    assert any(kind == "proportion" and lo == 0.5 for _t, kind, lo, _hi, _a in got)


def test_a_number_to_dial_with_hyphens_counts_nothing():
    assert not any(a for *_rest, a in figures("A neighbour dialled 9-1-1 shortly before midnight."))
    assert not any(a for *_rest, a in figures("Tips go to the hotline at 555-014-2290."))
    got = figures("Between 10-12 boats were seen.")
    assert any(a and lo == 10 and hi == 12 for _t, _k, lo, hi, a in got)


def test_up_to_x_from_y_is_a_rise_not_a_ceiling():
    got = figures("Orders were up to $4.1 billion from $3.7 billion a year earlier.")
    first = got[0]
    assert first[0] == "$4.1 billion" and first[2] == pytest.approx(4.1e9) and first[3] == pytest.approx(4.1e9)
    got = figures("Delays are up to 40 minutes on the coast road.")
    assert any(lo is None and hi == 40 for _t, _k, lo, hi, _a in got)


def test_a_conversion_in_brackets_shares_the_hedge():
    got = figures("Drifts of as much as 3 feet (91 centimeters) blocked the pass.")
    assert ("91 centimeters", "measure", None, 91, True) in got
    got = figures("The dam is about 40 metres (131 feet) high.")
    assert any(t == "131 feet" and lo is not None and lo < 131 < hi for t, _k, lo, hi, _a in got)
    got = figures("The wall is 3 metres (10 feet) high.")
    assert ("10 feet", "measure", 10, 10, True) in got


def test_decimals_spelled_with_hyphens():
    got = figures("Fees rose a twelve-point-four percent this year and 6-point-five-percent last year.")
    assert ("twelve-point-four percent", "percent", 12.4, 12.4, True) in got
    assert ("6-point-five-percent", "percent", 6.5, 6.5, True) in got
    assert any(t == "twenty-one" for t, *_ in figures("The twenty-one-point plan passed."))


def test_percent_glued_as_pc():
    got = figures("Only 38.5pc of candidates passed, against 71pc a year before.")
    assert ("38.5pc", "percent", 38.5, 38.5, True) in got and ("71pc", "percent", 71, 71, True) in got


def test_half_after_first_or_second_is_a_period():
    got = figures("Sales should pick up in the second half of the year.")
    assert not any(a for *_rest, a in got)
    assert any(kind == "proportion" for _t, kind, *_ in figures("Half of the ballots were spoiled."))


def test_most_after_a_possessive_is_a_superlative_and_alone_it_is_a_share():
    assert not any(a for *_rest, a in figures("It is the festival's most popular night."))
    got = figures("Nine trains ran late, though most arrived within the hour.")
    assert any(t == "most" and kind == "proportion" for t, kind, *_ in got)


def test_ringgit_and_shillings_glued_before_the_number():
    assert ("RM4.5 billion", "money", 4500000000, 4500000000, True) in figures("The plan costs RM4.5 billion.")
    assert ("KSh200", "money", 200, 200, True) in figures("A bus ticket is KSh200.")


def test_number_before_a_figure_names_a_rank_unless_it_is_the_verb():
    assert not any(a for *_rest, a in figures("The club finished number 3 in the league."))
    assert any(a and lo == 2000000 for _t, _k, lo, _hi, a in figures("Displaced people now number 2 million."))
