"""Passives after batch K's first run: a shared "were" across an aside in dashes, and a
participle in quotation marks after "being". Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def texts(text: str) -> list[str]:
    return [p.text for p in find_passives(kit.parse(text)) if not p.agent]


def test_a_shared_be_reaches_over_an_aside_in_dashes():
    found = texts("Medics said 14 were hurt and hospitalised — three of them badly — after the crash.")
    assert any("hospitalised" in t for t in found)


def test_an_active_verb_with_its_object_stays_active():
    assert not any("searched" in t for t in texts("The guards stopped the van and searched its cargo."))


def test_a_participle_in_quotes_after_being_is_a_passive():
    assert any("flooded" in t for t in texts("Clinics fear being “flooded” with patients this winter."))
    assert any("ignored" in t for t in texts("The council said the village was being \"ignored\" again."))


def test_a_quoted_adjective_after_be_is_no_passive():
    assert texts("The mayor said the plan was “unusual” and “bold”.") == []


def test_set_for_a_thing_with_a_purpose_after_it_is_an_act():
    found = texts("The board said a fair price is set for cocoa to make sure growers earn enough.")
    assert any("set" in t for t in found)
    assert texts("The walkout is set to shut every port on Friday.") == []
    assert texts("The vote is now set to go ahead.") == []
