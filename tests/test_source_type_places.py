"""Which country a speaker names (places.py, demonyms.toml), and the source types that follow.
Sentences written for these tests (invented names; none copied from bench/, ../shared/eval/ or
the seed)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

import kit
from kit.attribution.places import country_words, names_home_country


def types(text):
    """The source type of every attribution the kit finds in ``text``."""
    return [a.source_type for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("home, near", [
    ("Niger", "Nigerian"), ("Nigeria", "Nigerien"), ("Austria", "Australian"), ("Australia", "Austrian"),
    ("Guinea", "Guinea-Bissau"), ("Dominica", "Dominican Republic"), ("Iran", "Iraqi"), ("Sudan", "South Sudanese"),
])
def test_a_country_is_not_a_neighbour_with_the_same_first_letters(home, near):
    doc = kit.parse(f"CAPITAL, {home} (AP) - The {near} foreign ministry said the border was shut.")
    span = next(a for a in kit.find_attributions(doc))
    assert not names_home_country(doc.char_span(span.speaker_start, span.speaker_end, alignment_mode="expand"))


@pytest.mark.parametrize("home, word", [
    ("Niger", "Nigerien"), ("Austria", "Austrian"), ("Afghanistan", "Afghan"), ("Netherlands", "Dutch"),
    ("Myanmar", "Burmese"), ("Ivory Coast", "Ivorian"), ("United Kingdom", "British"), ("Sudan", "Sudanese"),
])
def test_the_home_countrys_own_foreign_ministry_is_official(home, word):
    text = f"CAPITAL, {home} (AP) - The {word} foreign ministry said the border was shut."
    assert types(text) == ["official"]


def test_a_neighbours_foreign_ministry_is_a_foreign_government():
    assert types("NIAMEY, Niger (AP) - The Nigerian foreign ministry said the border was shut.") == ["foreign_government"]
    assert types("VIENNA, Austria (AP) - The Australian foreign ministry said the border was shut.") == ["foreign_government"]


def test_initials_keep_their_case():
    assert "US" in country_words("United States")
    doc = kit.parse("CAPITAL, United States (AP) - Let us wait, he said.")
    assert not names_home_country(doc[6:9])


def test_every_country_lists_words_for_it():
    with resources.files("kit.attribution").joinpath("data", "en", "demonyms.toml").open("rb") as fh:
        table = tomllib.load(fh)["countries"]
    assert len(table) >= 195  # the UN's member and observer states, and the places datelines use
    assert all(words and all(isinstance(w, str) and w.strip() == w and w for w in words) for words in table.values())
    assert country_words("niger") == ("Niger", "Nigerien")
