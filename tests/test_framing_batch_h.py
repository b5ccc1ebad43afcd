"""Passives after batch H: a "be" set off by commas, "it was decided that", and forms that hide
nobody ("get tested", "not limited to", "was saturated", "staff attached to", "a data set").
Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def texts(text: str) -> list[str]:
    return [p.text for p in find_passives(kit.parse(text)) if not p.agent]


def test_be_set_off_by_commas_is_still_a_passive():
    found = texts("It was the same ward and those patients were, once more, isolated.")
    assert any("isolated" in t for t in found)


def test_empty_it_with_a_that_clause_is_a_passive():
    assert any("determined" in t for t in texts("After the audit, it was determined that the funds had been moved."))
    assert not any("determined" in t for t in texts("The coach was determined to win."))


def test_get_as_an_instruction_hides_nobody():
    assert texts("Doctors are urging parents to stay calm and get tested.") == []
    assert texts("Get vaccinated before the holidays.") == []
    assert any("hurt" in t for t in texts("Climbers could get hurt on the ridge."))
    assert any("hurt" in t for t in texts("Two climbers got hurt on the ridge."))


def test_not_limited_to_is_a_scope():
    assert texts("Costs include but are not limited to fuel.") == []
    assert texts("The damage is not confined to the old town.") == []
    assert any("limited" in t for t in texts("Traffic on the bridge was limited to one lane."))


def test_a_state_participle_with_be_hides_nobody():
    assert texts("The pitch was saturated after a week of showers.") == []


def test_staff_attached_to_a_unit_is_a_description():
    assert texts("Detectives attached to the fraud squad questioned the manager.") == []


def test_a_compound_noun_is_no_participle():
    assert texts("Economists welcomed the votes cast count and the new data set.") == []
    assert any("set" in t for t in texts("The rules set by the council were strict.") + texts("Fires set overnight destroyed two barns."))


def test_participle_after_a_superlative_or_with_a_time_clause():
    assert any("recorded" in t for t in texts("Turnout was the highest recorded in a decade."))
    assert any("reported" in t for t in texts("The raid is the first of its kind reported since the truce began."))
    assert texts("She is the best known of the three sisters.") == []


def test_headline_of_what_was_heard_or_seen():
    assert any("heard" in t for t in texts("Gunshots heard near school before police arrive\n\nResidents said on Monday."))
    assert any("spotted" in t for t in texts("Bear spotted in back garden\n\nNeighbours called the council."))
    assert not any("heard" in t for t in texts("Neighbours heard gunshots near the school\n\nNobody was hurt."))
