"""Source types of a state's commissions, administrations and regulators, of public health
officers, and of a club's coach (organisations.toml, source_types.toml, roles.toml; the
settled calls of bench/dev/README.md). Sentences written for these tests (invented names and
places; none copied from bench/, ../shared/eval/ or the seed)."""

from __future__ import annotations

import pytest

import kit


def types(text):
    """(speaker, source type) of every attribution the kit finds in ``text``."""
    return [(a.speaker, a.source_type) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    # a state's elections commission, by the plural name many states use
    "The Norvania Elections Commission said turnout reached 61 percent.",
    # a state's regulator or administration named with the state's short name
    "The U.S. Pipeline Regulatory Commission said the valve had failed twice.",
    "The U.S. Fuel Statistics Administration said stocks fell last week.",
    "The US Rail Safety Board said the inquiry would take a year.",
    "The Public Utilities Commission said rates would rise in May.",
    # a city's police department by its short form
    "The Harwick P.D. said two men were arrested on Friday.",
])
def test_a_states_commission_administration_or_regulator_is_official(text):
    assert types(text)[-1][1] == "official"


@pytest.mark.parametrize("text", [
    "The European Commission said the rules would apply from June.",
    "The UN Economic Commission for Africa said growth would slow.",
])
def test_an_international_commission_stays_an_organisation(text):
    assert types(text)[-1][1] == "organisation"


def test_a_private_commission_is_not_made_official_by_its_head_noun():
    assert types("The Brightwater Ethics Commission said the fund had broken no rules.")[-1][1] != "official"


def test_a_county_health_officer_who_is_a_doctor_is_an_official():
    text = ("Dr. Mara Tellis, Dunmore County Health Officer with DCHD, said two cases were confirmed. "
            "\"We are tracing every contact,\" Dr. Tellis said.")
    assert [t for _, t in types(text)] == ["official", "official"]


def test_a_doctor_without_a_public_role_stays_an_expert():
    assert types("Dr. Mara Tellis, a virologist at Harwick University, said the strain spreads fast.")[-1][1] == "expert"


def test_a_clubs_coach_speaks_for_the_club():
    assert types("We played our best game of the season, said Harwick coach.")[-1][1] == "organisation"


def test_a_district_administrator_runs_a_district_for_the_state():
    text = "Ravi Mehra, the Kalipur district administrator in Sundar state, said 40 people were rescued."
    assert types(text)[-1][1] == "official"
