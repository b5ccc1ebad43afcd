"""Passives after batch N's first run. Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def verbs(text: str) -> list[str]:
    return [p.verb for p in find_passives(kit.parse(text)) if not p.agent]


def test_known_to_with_a_verb_is_a_report_like_believed_to():
    assert "know" in verbs("Smugglers are known to hide cash in spare tyres.")


def test_known_for_a_state_stays_out():
    assert "know" not in verbs("The bridge is known for its red towers.")


def test_a_participle_tagged_as_an_adjective_shares_the_be_of_a_passive_before_it():
    assert "limit" in verbs("Camping on the dunes is usually prohibited or severely limited to let birds nest.")


def test_an_adjective_after_a_passive_stays_out():
    assert "unharmed" not in " ".join(verbs("The hostage was freed and unharmed."))
