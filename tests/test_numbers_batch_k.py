"""Figures after batch K's first run. Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_numbers


def amounts(text: str) -> list[tuple]:
    return [(q.text, q.low, q.high) for q in find_numbers(kit.parse(text), sources=False) if q.kind in
            ("count", "percent", "proportion", "measure", "money", "duration")]


def test_half_way_is_a_place_in_time_not_a_share():
    assert amounts("The mayor walked out half way through the budget hearing.") == []
    assert [a[0] for a in amounts("Half-way through the count, turnout stood at 40 percent.")] == ["40 percent"]


def test_half_of_a_group_is_still_a_share():
    assert amounts("Half the drivers stayed at home on Monday.")[0][1:] == (0.5, 0.5)
