"""Batch K's first run: patterns of attribution the finder read wrongly, one test each, with
sentences written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import pytest

import kit


def rows(text):
    return [(a.speaker, a.cue, a.content) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    "The minister rejected the request of the striking teachers.",
    "The mayor rejected the proposal of the opposition on Monday.",
    "The board dismissed the complaint of two shareholders.",
])
def test_of_after_the_object_of_a_claim_cue_names_an_owner(text):
    # "rejected the plea OF the rebels": whose plea, a bare noun, no claim ("of" carries the
    # claim only for a verb that takes it: "accused X of Y")
    assert rows(text) == []


@pytest.mark.parametrize("text, content", [
    ("The union accused the company of lying to its workers.", "the company of lying to its workers"),
    ("Residents accused the police of brutality.", "the police of brutality"),
    ("The party dismissed the report as a smear.", "the report as a smear"),
    ("Farmers blamed the drought for the poor harvest.", "the drought for the poor harvest"),
])
def test_the_prepositions_a_cue_takes_still_carry_the_claim(text, content):
    assert [c for _, _, c in rows(text)] == [content]


@pytest.mark.parametrize("text, cue", [
    ("The opposition leader demanded that the vote be rerun.", "demanded"),
    ("Farmers urged that talks resume before the harvest.", "urged"),
])
def test_the_glossary_examples_of_an_appeal_are_counted(text, cue):
    # lessons/glossary.md, "appeal": an appeal counts with a clause of its own
    assert [c for _, c, _ in rows(text)] == [cue]


def test_reminded_with_a_clause_is_an_attribution():
    # "reminded X that ...": like "noted", the claim is presented as known to the listener
    assert rows("The mayor reminded the council that the budget was due in March.") == [
        ("The mayor", "reminded", "the budget was due in March")]


@pytest.mark.parametrize("text", [
    "Police reminded residents to lock their doors.",
    "The clerk reminded voters of the deadline.",
])
def test_reminded_without_a_clause_claims_nothing(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("It was confirmed by police that two men had been arrested.", "police", "two men had been arrested"),
    ("It was announced by the ministry that schools would reopen.", "the ministry", "schools would reopen"),
])
def test_it_was_said_by_someone_names_the_agent(text, speaker, content):
    # "it was <cue> by X that <claim>": the "by" phrase names the speaker
    assert [(s, c) for s, _, c in rows(text)] == [(speaker, content)]


@pytest.mark.parametrize("text", [
    "It was announced that schools would reopen.",
    "The plan was announced by the ministry on Monday.",
])
def test_a_passive_without_an_agent_or_a_clause_names_no_speaker(text):
    assert rows(text) == []
