"""Source types of a person whose role is written before the name with a comma or a title run,
and of a body named by initials that the story spells out elsewhere (chains.py, sources.py).
Sentences written for these tests (invented names and places; none copied from bench/,
../shared/eval/ or the seed)."""

from __future__ import annotations

import pytest

import kit


def types(text):
    """(speaker, source type, confidence) of every attribution the kit finds in ``text``."""
    return [(a.speaker, a.source_type, a.type_confidence) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    # the role, a comma, the name and a degree in brackets; later the surname alone
    "Deputy Minister of Transport, Maria Lund (PhD) said the roads were safe. Lund added that repairs would start soon.",
    # a first name alone later, as some countries write it
    "Junior Minister for Health, Ana Ruiz (MD) suggested the wards were full. Ana noted that more staff were needed.",
    # a title run with a list in it and no comma before the name
    "Caretaker Minister for Water, Roads and Ports Omar Haddad on Monday stressed the need for dams. "
    "Omar Haddad said the council met.",
])
def test_a_role_written_before_the_name_types_later_mentions(text):
    found = types(text)
    assert found[0][1] == "official"
    assert found[-1][1] == "official" and found[-1][2] == "sure"


@pytest.mark.parametrize("text", [
    "Tom Lee and Ana Ruiz said the roads were safe. Ruiz added that repairs would start soon.",
    "On Monday, Ana Ruiz said the roads were safe. Ruiz added that repairs would start soon.",
    "Unlike the minister, Ana Ruiz said the roads were unsafe. Ruiz added that repairs were late.",
])
def test_no_role_before_the_name_gives_no_type(text):
    assert types(text)[-1][1:] == ("other", "unsure")


def test_initials_of_a_department_spelled_out_in_the_story():
    text = ("The Mill Valley Police Department said a man was held. "
            "\"The suspect fled,\" Ana Ruiz, a spokesperson for the MVPD, said.")
    assert types(text)[-1][1:] == ("official", "sure")


def test_initials_not_spelled_out_stay_a_body():
    assert types("MLPD spokesman Oto Ren said the rebels had taken the town.")[-1][1] == "organisation"


def test_a_state_bodys_forecaster_by_initials_keeps_its_doubt():
    text = ("The National Oceanic and Atmospheric Administration issued a warning. "
            "Forecasters with NOAA said the storm would reach the coast on Sunday.")
    assert types(text)[-1][1:] == ("official", "unsure")


def test_a_persons_spokesman_takes_that_persons_type_as_a_guess():
    text = ("Interior Minister Tom Vance toured the site. "
            "\"He is tired,\" a spokesman for Vance said.")
    assert types(text)[-1][1:] == ("official", "unsure")


def test_a_candidates_spokesman_is_no_sure_state_voice():
    text = ("Runner-up Tom Vance demanded a recount. "
            "\"He will not concede,\" a spokesman for Vance said.")
    assert types(text)[-1][2] == "unsure"


def test_a_headlines_name_takes_the_type_of_the_bodys_first_full_mention_as_a_guess():
    text = ("Ruiz says club will appeal the ban\n\n"
            "Kestrel United head coach Ana Ruiz said on Monday that the club would appeal.")
    assert types(text)[0][:3] == ("Ruiz", "organisation", "unsure")


def test_a_later_full_mention_types_a_name_in_the_body_only_as_a_guess():
    # News often quotes a name first and gives the title later: the later role is the best
    # guess the text offers, shown to students as a question (unsure), never stated.
    text = ("Club to appeal the ban\n\nAna Ruiz said the club would appeal. "
            "Later, Kestrel United head coach Ana Ruiz said the ban was unfair.")
    assert types(text)[0][1:] == ("organisation", "unsure")


def test_a_department_abbreviated_dept_is_a_state_body():
    assert types("The Dept. of Public Works said the bridge was shut.")[0][1:] == ("official", "sure")


@pytest.mark.parametrize("text", [
    "Tom Vance, a traveler in Peru, said the roads were closed.",
    "Tourists said the museum was shut.",
])
def test_travellers_and_tourists_were_there(text):
    assert types(text)[0][1] == "eyewitness"
