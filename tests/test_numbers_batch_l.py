"""Figures after batch L's first run. Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_numbers


def amounts(text: str) -> list[tuple]:
    return [(q.text, q.low, q.high) for q in find_numbers(kit.parse(text), sources=False) if q.kind in
            ("count", "percent", "proportion", "measure", "money", "duration")]


def test_school_years_and_forms_in_lists_name_classes():
    assert amounts("Marking for Years 8, 10, and 11 ran late this term.") == []
    assert amounts("Seats for Years 9 (Form 3), 11 (Form 5), and 12 (Form 6) pupils are ready.") == []
    assert amounts("Forms 1 to 4 sit the test in the hall.") == []


def test_lower_case_school_years_are_names_but_not_after_a_time_word():
    assert amounts("Pupils in years 3 to 5 and year 8 start on Monday; primary schools (years 1 to 4) later.") == []
    assert [a[0] for a in amounts("Last year 12 people left the village.")] == ["12 people"]
    assert [a[0] for a in amounts("The sentence ran 5 years 3 months.")] == ["5 years", "3 months"]


def test_a_list_after_a_label_does_not_swallow_a_count():
    assert [a[0] for a in amounts("In Year 9, 30 pupils failed the exam.")] == ["30 pupils"]
    assert [a[0] for a in amounts("Class 10 results came out and 300 pupils in form 4 passed.")] == ["300 pupils"]


def test_labels_of_parts_and_rounds_are_names():
    assert amounts("The court turned to Count 3 on Day 2, after Round 4 and Part 2 of the report.") == []


def test_a_verb_in_a_headline_keeps_its_count():
    assert [a[0] for a in amounts("Residents Form 3 Groups To Fight Plan")] == ["3 Groups"]


def test_hyphenated_and_a_half_is_one_number():
    assert amounts("He was jailed for seven-and-a-half years.") == [("seven-and-a-half years", 7.5, 7.5)]
    assert amounts("The job took one-and-a-half hours.") == [("one-and-a-half hours", 1.5, 1.5)]


def test_one_of_before_a_superlative_is_a_rank_not_a_count():
    assert amounts("Forty died in one of Chile's worst disasters in years.")[0][0] == "Forty"
    assert len(amounts("Forty died in one of Chile's worst disasters in years.")) == 1
    assert [a[0] for a in amounts("One of the bridges fell into the river.")] == ["One of the bridges"]


def test_most_paired_with_a_superlative_is_no_share():
    found = amounts("It advises the region's biggest and most profitable banks, and most small firms.")
    assert [a[0] for a in found] == ["most small firms"]


def test_a_number_inside_the_name_of_a_channel_is_no_amount():
    assert amounts("He told the news channel France 24 on Monday that prices rose.") == []
    assert [a[0] for a in amounts("In an interview with France 24, he said 3 firms left.")] == ["3 firms"]
    assert [a[0] for a in amounts("The US gave Ukraine 300 more tanks and Germany sent 24.")] == ["300 more tanks", "24"]
