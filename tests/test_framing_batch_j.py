"""Passives before batch J, by the convention settled in bench/dev/README.md: reduced relatives
that report an act are found ("the crates shipped north of the river reached ..."), names and
states are not ("identified as", "classified as", "was armed", "could be trapped").
Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit import find_passives


def texts(text: str) -> list[str]:
    return [p.text for p in find_passives(kit.parse(text)) if not p.agent]


def test_two_past_verbs_in_a_row_make_the_first_a_participle():
    found = texts("Most of the crates shipped north of the river reached the depot on Friday.")
    assert any("shipped" in t for t in found)
    found = texts("The balloon launched from a field near the coast burst at a great height.")
    assert any("launched" in t for t in found)


def test_two_past_verbs_joined_by_and_stay_active():
    assert not any("walked" in t for t in texts("The crowd walked along the avenue and reached the square."))
    assert not any("rose" in t for t in texts("Fuel prices rose in the spring fell again in June."))


def test_a_report_participle_with_its_predicate():
    found = texts("Divers searched for nine fishermen feared drowned off the cape.")
    assert any("feared" in t for t in found)
    assert any("believed" in t for t in texts("Police questioned a man believed to be the driver."))


def test_naming_with_as_hides_nobody_but_without_as_it_is_an_act():
    assert texts("The court heard from two guards identified as R.T. and M.S.") == []
    assert texts("Aid went to districts classified as severely dry.") == []
    found = texts("The clinic reopened, with four new cases already identified in the valley.")
    assert any("identified" in t for t in found)


def test_be_with_a_state_of_being_armed_or_trapped():
    assert texts("Officers said the driver was armed.") == []
    assert texts("The cavers could be trapped, a rescuer said.") == []
    assert any("seized" in t for t in texts("The rifle was seized at the checkpoint."))


def test_infected_with_describes_patients():
    assert texts("The ward holds patients infected with measles.") == []


def test_fronted_participle_of_asking_or_adjusting():
    found = texts("Turnout fell. Asked whether she would resign, the councillor shook her head.")
    assert any("Asked" in t for t in found)
    found = texts("Prices climbed. Adjusted for inflation, pensions shrank last year.")
    assert any("Adjusted" in t for t in found)
    found = texts("Rain fell all week. Injured in the crash, the rider was flown to a clinic.")
    assert any("Injured" in t for t in found)


def test_headline_disruption_verbs():
    found = texts("Ferries disrupted as gale hits the coast\n\nServices stopped on Monday.")
    assert any("disrupted" in t for t in found)
    found = texts("Planes grounded after ash cloud drifts south\n\nNo flights left.")
    assert any("grounded" in t for t in found)


def test_supposed_to_and_meant_to_say_should():
    assert texts("By law the mayor is supposed to file the accounts each spring.") == []
    assert texts("The levy was meant to fund new buses.") == []
    assert any("meant" in t for t in texts("The parcel was meant for the school."))


def test_a_state_after_remain_or_stay():
    assert texts("The driver remains hospitalized in serious condition.") == []
    assert any("hospitalized" in t for t in texts("The driver was hospitalized on Sunday."))


def test_states_of_alignment_and_direction():
    assert texts("Two small parties are not aligned with either bloc.") == []
    assert texts("Nobody knows where the housing market is headed.") == []
    assert texts("Worries about jobs, tied mostly to the mine closure, have faded.") == []


def test_a_participle_before_its_noun_after_with_is_an_adjective():
    assert texts("If the club goes ahead with its stated plan to move, fans will protest.") == []


def test_adverbs_between_noun_and_participle():
    found = texts("It was the wettest month ever recorded at the airport.")
    assert any("recorded" in t for t in found)
    found = texts("The council said so in a notice posted online.")
    assert any("posted" in t for t in found)


def test_so_far_and_when_after_the_subject():
    found = texts("The sums raised so far cover half the repair bill.")
    assert any("raised" in t for t in found)
    found = texts("The paint turns blue when exposed to sunlight.")
    assert any("exposed" in t for t in found)


def test_a_participle_between_commas_after_a_noun():
    found = texts("The guards, hired in March, walked out on Friday.")
    assert any("hired" in t for t in found)
    assert texts("The coach, based in Leeds, spoke first.") == []
