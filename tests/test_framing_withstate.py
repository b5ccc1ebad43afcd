"""Reduced passives with a state after them ("a woman found dead in her flat was ..."), which
the parser reads as a past tense. Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def verbs(text: str) -> list[str]:
    return [p.verb for p in find_passives(kit.parse(text)) if not p.agent]


def test_found_dead_before_the_verb_is_a_passive():
    assert "find" in verbs("A neighbour said a woman found dead in her flat was quiet.")


def test_found_unconscious_after_that_is_a_passive():
    assert "find" in verbs("A witness told the court that a man found unconscious in the lane had been drinking.")


def test_active_found_with_an_object_is_not():
    assert "find" not in verbs("Police found him dead in the lane.")
    assert "find" not in verbs("Rangers found dead fish in the lake.")


def test_active_found_with_its_own_clause_is_not():
    assert "find" not in verbs("The hikers found shelter and were safe.")
