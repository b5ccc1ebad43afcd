"""Passives after batch M's first run: a participle the parser took for a verb of the main
clause, a fronted participle after an adverb, and states that hide no doer. Every sentence is
written for this file."""

from __future__ import annotations

import pytest

import kit
from kit import find_passives


def verbs(text: str) -> list[str]:
    return [p.verb for p in find_passives(kit.parse(text)) if not p.agent]


def test_a_participle_right_after_a_name_hung_on_the_main_verb_is_a_reduced_relative():
    found = verbs("Critics condemned the beating of Ortega filmed on a phone and later shared online.")
    assert "film" in found


def test_a_list_of_verbs_joined_by_commas_stays_active():
    assert verbs("The firm cut jobs, closed plants and moved production abroad.") == []


def test_the_second_of_two_participles_after_an_adverb_and_and():
    found = verbs("They read a plan drafted in May and later adopted in June.")
    assert found.count("draft") == 1 and "adopt" in found


@pytest.mark.parametrize("text, verb", [
    ("Long accused of favouring insiders, the board has changed its rules.", "accuse"),
    ("Charged with fraud last year, the banker has now resigned.", "charge"),
    ("Criticised for its slow response, the agency promised reforms.", "criticise"),
])
def test_a_fronted_participle_of_blame_hides_who_blamed(text, verb):
    assert verb in verbs(text)


@pytest.mark.parametrize("text", ["Shares in the bank were little changed on Tuesday.",
                                  "The officers said the search was justified.",
                                  "More caution is warranted, the report says.",
                                  "The mine will yield 5,000 tonnes of zinc valued at $9 million."])
def test_states_and_worth_hide_no_doer(text):
    assert verbs(text) == []


@pytest.mark.parametrize("text, verb", [("The rules were changed overnight.", "change"),
                                        ("The company was valued at $2 billion in May.", "value")])
def test_the_same_verbs_as_acts_still_count(text, verb):
    assert verb in verbs(text)
