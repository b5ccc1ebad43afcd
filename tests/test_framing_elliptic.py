"""Passives whose "be" is understood (kit/framing/elliptic.py, after batch L's first run).
Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def verbs(text: str) -> list[str]:
    return [p.verb for p in find_passives(kit.parse(text)) if not p.agent]


def test_as_and_a_participle_hides_who_did_it():
    assert "agree" in verbs("The shops will open on Monday as previously agreed.")
    assert "list" in verbs("Some goods have been spared as listed in the second schedule of the order.")


def test_as_planned_and_as_opposed_to_say_how_things_went():
    assert verbs("The launch did not go as planned.") == []
    assert verbs("Renters, as opposed to owners, pay the levy.") == []
    assert verbs("Sales rose as expected.") == []


def test_a_participle_after_the_object_of_see_or_confirm():
    assert "ban" in verbs("A conviction would see him banned from the next season.")
    assert "destroy" in verbs("Officials confirmed six houses destroyed.")


def test_a_part_of_a_group_after_a_comma():
    assert "hurt" in verbs("Dozens of people were treated in hospital, several seriously hurt.")
    assert "injure" in verbs("Forty were hurt, two of them seriously injured.")


def test_a_full_clause_after_a_comma_is_not_a_passive():
    assert verbs("Early on Monday, two trains collided near the city.") == []


def test_a_noun_and_participle_share_the_passive_be():
    assert "issue" in verbs("The rules stay until the case is heard and a ruling issued.")
    assert "ensue" not in verbs("When police arrived, two cars collided and a chase ensued.")


def test_a_participle_clause_that_opens_a_sentence():
    assert "set" in verbs("Set out in a long memo, the new budget cuts spending on roads.")
    assert "lay" in verbs("Laid out in a short note, the rules bar cars from the centre.")


def test_a_reporting_participle_with_to_after_a_comma():
    assert "think" in verbs("The driver was still being hunted, thought to have fled north.")


def test_a_participle_after_the_object_of_report():
    found = verbs("Police reported two cars stolen and 12 people arrested.")
    assert "steal" in found and "arrest" in found
