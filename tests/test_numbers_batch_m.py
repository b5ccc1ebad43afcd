"""Figures after batch M's first run. Every sentence is written for this file."""

from __future__ import annotations

import pytest

import kit
from kit import find_numbers


def amounts(text: str) -> list[tuple]:
    return [(q.text, q.low, q.high) for q in find_numbers(kit.parse(text), sources=False) if q.kind in
            ("count", "percent", "proportion", "measure", "money", "duration")]


@pytest.mark.parametrize("text", ["The harvest failed in the 2011/12 season.",
                                  "Tax receipts for 1999/2000 were revised."])
def test_two_following_years_with_a_slash_are_a_season_not_a_fraction(text):
    assert amounts(text) == []
    years = [q for q in find_numbers(kit.parse(text), sources=False) if q.kind == "year"]
    assert [q.low for q in years] == [int(years[0].text[:4])]


def test_a_slash_between_other_numbers_stays_a_fraction():
    assert amounts("Roughly 3/4 of the members voted.")[0][1:] == (0.675, 0.825)


@pytest.mark.parametrize("text", ["It has been a hard couple of weeks for the growers.",
                                  "Over the past couple of months the river rose."])
def test_couple_of_after_other_words_is_the_vague_couple(text):
    assert [a[1:] for a in amounts(text)] == [(2, 3)]


def test_the_couple_with_no_of_is_a_pair_of_people():
    assert amounts("The married couple moved to Leeds.") == []


def test_from_a_to_b_after_a_change_verb_across_a_describing_participle_is_two_figures():
    got = amounts("The council is raising the fee charged for parking permits from $40 to $55.")
    assert got == [("$40", 40, 40), ("$55", 55, 55)]


def test_from_a_to_b_without_a_change_verb_stays_a_range():
    assert amounts("Crowds of people gathered there, estimated from 300 to 500.")[-1][1:] == (300, 500)


def test_a_capitalised_number_word_joined_to_a_name_is_part_of_the_name():
    assert amounts("Officials drafted the new Five-Year Plan in Hanoi, with targets for exports.") == []
    assert amounts("Officials drafted a new five-year plan in Hanoi.") == [("five-year", 5, 5)]


def test_a_title_case_headline_keeps_its_duration():
    assert amounts("Dockers Begin Two-Day Strike At Port") == [("Two-Day", 2, 2)]
