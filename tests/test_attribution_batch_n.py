"""Batch N's first run: patterns of source type the kit read wrongly, one test each, with
sentences written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import pytest

import kit


def typed(text):
    """speaker -> (source type, confidence) of every attribution the kit finds in ``text``."""
    return {a.speaker: (a.source_type, a.type_confidence) for a in kit.find_attributions(kit.parse(text))}


@pytest.mark.parametrize("text, speaker", [
    ("Assemblyman Tom Vega said the state should act now.", "Assemblyman Tom Vega"),
    ("Assemblywoman Rosa Diaz said the bill would pass.", "Assemblywoman Rosa Diaz"),
    ("Congresswoman Ana Ortiz said the funds were late.", "Congresswoman Ana Ortiz"),
])
def test_a_state_legislator_is_official_as_a_guess(text, speaker):
    # like "lawmaker": the ruling side speaks for the state, the opposition for itself, so a guess
    assert typed(text)[speaker] == ("official", "unsure")


def test_a_regulator_is_a_state_body():
    assert typed("The regulator said prices would fall next year.")["The regulator"][0] == "official"


@pytest.mark.parametrize("text, speaker", [
    ("The Telecom Regulatory Authority of Ruvalia said broadband use had grown.",
     "The Telecom Regulatory Authority of Ruvalia"),
    ("The Mining Safety Commission of Ruvalia said two mines were shut.", "The Mining Safety Commission of Ruvalia"),
])
def test_a_state_bodys_name_is_decided_by_its_head_not_a_trade_word_inside_it(text, speaker):
    # "Telecom" and "Mining" name companies on their own; here they only say what the body oversees
    assert typed(text)[speaker][0] == "official"


def test_a_company_named_with_a_trade_word_stays_a_company():
    assert typed("A spokesman for Harbor Telecom said the network was down.")[
        "A spokesman for Harbor Telecom"][0] == "organisation"
