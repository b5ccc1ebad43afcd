"""Issue 21, batch D passive patterns: headline participles with the "is" dropped ("confirmed",
"re-elected"), a participle with "due to" after another clause, and participles that hide no
doer ("one drowned", "a shots fired call", "worried about"). Sentences written for these tests
(none copied from bench/ data)."""

from __future__ import annotations

import kit


def verbs(text):
    return [(p.verb, p.kind) for p in kit.find_passives(kit.parse(text))]


def test_headline_confirmed_without_be():
    assert ("confirm", "participle") in verbs("Three more measles cases confirmed in northern town, says ministry")


def test_headline_re_elected_without_be():
    assert verbs("Senegal incumbent Sall re-elected with 58% of votes") == [("re-elect", "participle")]


def test_participle_with_due_to_after_another_clause():
    assert verbs("Two people were killed and damage caused due to the storm.") == [
        ("kill", "passive"), ("cause", "participle")]


def test_participle_with_due_to_after_a_comma():
    assert verbs("Officials said they had no reports of injuries, mostly caused due to debris.") == [
        ("cause", "participle")]


def test_intransitive_drowned_is_no_passive():
    assert verbs("At least four people were killed \u2014 one drowned in Kota district, while two "
                 "others were buried under rubble.") == [("kill", "passive"), ("bury", "passive")]


def test_police_call_name_is_no_passive():
    assert verbs("Deputies responded to a shots fired in the 400 block of Main Street.") == []


def test_worried_about_is_a_feeling():
    assert verbs("Rachel rushed to the scene worried about her son.") == []
