"""Source types settled by convention (conventions.py): news reports with no author (settled after batch J in
bench/dev/README.md) and politicians on the side that does not govern. Sentences written for these tests (invented; none copied from bench/,
../shared/eval/ or the seed)."""

from __future__ import annotations

import pytest

import kit


def types(text):
    """(speaker, source type, confidence) of every attribution the kit finds in ``text``."""
    return [(a.speaker, a.source_type, a.type_confidence) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    "A court in Marlow jailed the mayor for three years, reports say.",
    "The ferry sank near the island on Tuesday, according to reports.",
    "Lakeside bakery to close after fifty years: report\n\nThe bakery will close in May, the Marlow Herald reports.",
])
def test_bare_reports_are_the_medias_a_guess(text):
    assert ("media", "unsure") in [t[1:] for t in types(text)]
    assert types(text)[0][1:] == ("media", "unsure")


@pytest.mark.parametrize("text, expected", [
    ("Local media reported that the ferry had sunk.", "media"),
    ("Press reports said the ferry had sunk.", "media"),
    ("Police reports said the driver had been drinking.", "official"),
    ("Early reports said forty passengers were hurt.", "unnamed"),
])
def test_reports_with_a_word_before_them(text, expected):
    assert types(text)[0][1] == expected


@pytest.mark.parametrize("text", [
    "Opposition sources said the vote on the bill would be delayed.",
    "Tom Vance, the leader of rival Kestrel Party, said the count was rigged.",
    "Runner-up Tom Vance said the count was rigged.",
])
def test_a_person_on_the_side_that_does_not_govern_is_a_politician(text):
    # settled in bench/dev/README.md: a candidate or an opposition politician is `other`
    assert types(text)[0][1] == "other"


@pytest.mark.parametrize("text, expected", [
    ("The opposition party said the count was rigged.", "organisation"),
    ("A rival firm said the patent was invalid.", "organisation"),
    ("Interior Minister Ana Ruiz said the count was fair.", "official"),
])
def test_bodies_rival_firms_and_ministers_are_no_politicians(text, expected):
    assert types(text)[0][1] == expected

