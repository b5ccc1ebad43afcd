"""Source types from the patterns batch K showed: a country's envoy named with the body they
are posted to, a trade-union centre, and "the center" standing for a name the kit cannot type.
Sentences written for these tests (invented names; none copied from bench/, ../shared/eval/ or
the seed)."""

from __future__ import annotations

import pytest

import kit


def typed(text):
    """(type, confidence) of every attribution the kit finds in ``text``."""
    return [(a.source_type, a.type_confidence) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("speaker", ["Ruvalia's UN ambassador Ana Morel", "The Norwegian UN envoy Kari Lunde"])
def test_a_countrys_envoy_speaks_for_the_country_not_the_un(speaker):
    found = typed(f"{speaker} said the sanctions would return next month.")
    assert found and all(t in {"foreign_government", "official"} for t, _ in found)


def test_the_un_envoy_with_no_country_is_the_uns():
    found = typed("UN envoy Ana Morel said the ceasefire was holding in the north.")
    assert found and found[0][0] == "organisation"


def test_a_centre_of_trade_unions_is_a_union_not_a_think_tank():
    found = typed("Ravi Nair, president of the Centre for Coastal Trade Unions, said the strike was over.")
    assert found and found[0] == ("organisation", "sure")


def test_the_center_is_the_center_named_before_not_another_body():
    text = ("The Lowland Flood Watch Center issued a warning on Tuesday. The Water Ministry denied any delay. "
            "Rivers could rise by two metres, according to the flood center.")
    found = typed(text)
    assert found and found[-1] != ("official", "sure")


def test_a_body_in_what_a_report_is_about_is_not_its_author():
    found = typed("Police abuse rose sharply in May, according to a report on police abuse in the capital.")
    assert found and found[-1] != ("official", "sure")
    assert typed("Arrests rose in May, according to a police report on the riots.")[-1][0] == "official"


@pytest.mark.parametrize("speaker", ["Harbor County Homeland Security Director Ana Morel", "The Coastal Fire Centre"])
def test_a_homeland_security_office_and_a_fire_centre_are_state_bodies(speaker):
    assert typed(f"{speaker} said three roads were closed.")[0] == ("official", "sure")


def test_a_homeland_security_expert_stays_an_expert():
    assert typed("A homeland security analyst at Dunmore University said the risk was low.")[0][0] == "expert"
