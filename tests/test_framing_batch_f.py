"""Headline passives of harm to land and water ("after river polluted"): the doer is not named.
Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def verbs(text: str) -> list[str]:
    return [p.verb for p in find_passives(kit.parse(text)) if not p.agent]


def test_headline_pollution_without_doer_is_a_passive():
    assert "pollute" in verbs("Anglers worried after canal polluted with diesel")
    assert "contaminate" in verbs("Fears for fish after lake contaminated with sewage")


def test_active_pollution_names_its_doer():
    assert "pollute" not in verbs("A factory polluted the river for years.")
