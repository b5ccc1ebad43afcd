"""Issue 21, batch E passive patterns: "be" + a participle that names a state or a feeling
("were stranded", "was overloaded", "were stunned", "is aimed at", "is known for", "is gone")
and a headline participle of the same kind; "a laptop used for the scam" hides who used it.
Sentences written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import pytest

import kit


def verbs(text):
    return [(p.verb, p.kind) for p in kit.find_passives(kit.parse(text))]


@pytest.mark.parametrize("text", [
    "Six hikers were stranded on the ridge overnight.",
    "The ferry was overloaded with cars.",
    "Neighbours were stunned when the roof fell in.",
    "The new fee is aimed at large trucks.",
    "The bakery was known for its rye bread.",
    "The old barn is pretty much gone now.",
])
def test_a_state_or_feeling_after_be_is_no_passive(text):
    assert verbs(text) == []


def test_headline_stranded_is_a_state():
    assert verbs("Twelve Climbers Stranded on Glacier After Storm") == []


def test_a_real_passive_still_counts():
    assert verbs("The ferry was seized at the port.") == [("seize", "passive")]


def test_used_for_after_a_noun_hides_who_used_it():
    assert verbs("Police seized a laptop used for the scam.") == [("use", "participle")]


def test_a_used_car_is_no_passive():
    assert verbs("He bought a used car last year.") == []


@pytest.mark.parametrize("text, verb", [
    ("The dispute will be settled by Friday, the league said.", "settle"),
    ("The loan must be repaid by 2030.", "repay"),
])
def test_by_a_date_is_a_deadline_not_a_doer(text, verb):
    assert [(p.verb, p.agent) for p in kit.find_passives(kit.parse(text))] == [(verb, None)]


def test_by_a_named_doer_is_still_an_agent():
    assert [p.agent for p in kit.find_passives(kit.parse("The bridge was built by the army in 1990."))] == ["the army"]
