"""Issue 21, batch E figure patterns: road and channel numbers, names with a slash, day ranges
before a month and an amount set off by dashes. Sentences written for these tests."""

from __future__ import annotations

import pytest

import kit


def amounts(text):
    return [(q.text, q.kind, q.low, q.high) for q in kit.find_numbers(kit.parse(text), sources=False) if q.is_amount]


@pytest.mark.parametrize("text", [
    "The crash closed HWY 12 near the bridge on Monday.",
    "Viewers told ABC 4 about the flooding.",
    "The utility moved to Step 3 on Monday.",
    "The shop renamed itself Optics 20/20 in May.",
])
def test_a_number_in_a_name_is_no_amount(text):
    assert amounts(text) == []


def test_days_before_a_month_are_dates():
    assert amounts("Rain was lower from 5-12 March than usual.") == []


def test_a_score_after_a_slash_verb_is_still_counted():
    assert amounts("She scored 8/10 on the test.") != []


def test_money_and_percent_between_dashes_are_two_figures():
    got = amounts("The council set a rise, including a $310 — 9.5 percent — fee increase for renters.")
    assert [(t, k) for t, k, _, _ in got] == [("$310", "money"), ("9.5 percent", "percent")]


def test_a_score_with_a_dash_is_still_no_amount():
    assert amounts("The team won 4-1 on Sunday.") == []
