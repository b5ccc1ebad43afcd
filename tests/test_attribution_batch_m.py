"""Batch M's first run: patterns of source type the kit read wrongly, one test each, with
sentences written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import pytest

import kit


def found(text):
    """speaker -> source type of every attribution the kit finds in ``text``."""
    return {a.speaker: a.source_type for a in kit.find_attributions(kit.parse(text))}


@pytest.mark.parametrize("text, speaker", [
    ("One person with knowledge of the matter said the fine would be large.", "One person with knowledge of the matter"),
    ("A person briefed on the plan said it would be delayed.", "A person briefed on the plan"),
    ("Two people close to the company said talks had stalled.", "Two people close to the company"),
    ("A person familiar with the army's plans said troops would move.", "A person familiar with the army's plans"),
])
def test_a_person_who_only_knows_of_the_matter_is_unnamed(text, speaker):
    # the settled call: a source with no role ("a source close to") is unnamed, whoever it is close to
    assert found(text)[speaker] == "unnamed"


def test_a_person_with_a_role_is_not_unnamed():
    assert found("A person who lives near the plant said the smell was awful.") != {"A person": "unnamed"}


def test_the_central_bank_is_not_the_bank_named_before_it():
    text = "Harbor Bank will pay a fine, the Federal Reserve said. The central bank said the lender had erred."
    assert found(text)["The central bank"] == "official"


def test_a_bare_definite_mention_still_points_back_to_the_full_name():
    text = "Harbor Bank cut its forecast on Monday. The bank said loan losses would rise."
    assert found(text)["The bank"] == "organisation"


def test_a_word_that_only_counts_mentions_does_not_narrow_the_antecedent():
    # "the LATER statement" is another statement by the same issuer, named with the first
    text = ("Police issued a statement on Monday. The second statement said both men had been freed. "
            "The city police said in a statement that two men were held. The later statement said both were home.")
    assert found(text)["The second statement"] == found(text)["The later statement"] == "official"


@pytest.mark.parametrize("text", [
    "The governor declared a state of emergency on Friday.",
    "The mayor announced a new plan to cut costs on Monday.",
    "The finance minister unveiled a budget with deep cuts.",
])
def test_announcing_a_plan_is_an_act_not_a_claim(text):
    assert found(text) == {}


@pytest.mark.parametrize("text, speaker", [
    ("The minister announced that the plant would close.", "The minister"),
    ('"We are done," the minister announced.', "the minister"),
    ('The president declared: "The war is over."', "The president"),
])
def test_an_announcement_with_a_clause_or_a_quotation_is_a_claim(text, speaker):
    assert speaker in found(text)
