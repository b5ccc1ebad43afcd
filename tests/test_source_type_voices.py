"""Source types of a named body's spokesperson, of a state's envoy to an international body,
and of a town's boards (sources.py, bodies.py, source_types.toml). Sentences written for these
tests (invented names and places; none copied from bench/, ../shared/eval/ or the seed)."""

from __future__ import annotations

import pytest

import kit


def types(text):
    """(speaker, source type) of every attribution the kit finds in ``text``."""
    return [(a.speaker, a.source_type) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    # an airline or a rebel group the kit does not know: its spokesman speaks for it, not a state
    "Skyway spokesman Tom Berry said flights were cancelled on Monday.",
    "MLPD spokesman Oto Ren said the rebels had taken the town.",
])
def test_an_unknown_bodys_spokesman_is_not_official(text):
    assert types(text)[-1][1] == "organisation"


@pytest.mark.parametrize("text", [
    "White House spokesman Josh Tern said the talks had failed.",
    "Kremlin spokesman Ivan Sorov said the talks had failed.",
])
def test_a_known_state_bodys_spokesman_stays_official(text):
    assert types(text)[-1][1] in {"official", "foreign_government"}


@pytest.mark.parametrize("text", [
    "Ruvalia's ambassador to the United Nations Ivan Petrov said the resolution was unfair.",
    "Ivan Petrov, Ruvalia's ambassador to the UN, said the resolution was unfair.",
])
def test_an_ambassador_to_an_international_body_speaks_for_their_state(text):
    assert types(text)[-1][1] == "foreign_government"


@pytest.mark.parametrize("text", [
    "First Selectmen Gary Hope said the budget would pass.",
    "Finance board member Ann Lowe said the budget would pass.",
])
def test_a_towns_boards_are_its_government(text):
    assert types(text)[-1][1] == "official"
