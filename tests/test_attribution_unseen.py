"""Issue 21 "Right on news it has never seen": one test per pattern, with sentences written
for these tests (invented names and places; none copied from bench/, ../shared/eval/ or the seed).

Speech: what looks like a cue but reports no claim; source types that generalise (roles by
their head noun, organisations by the structure of their names, one type per speaker across
its mentions) and the confidence students see."""

from __future__ import annotations

import pytest

import kit


def rows(text, *fields):
    fields = fields or ("speaker", "cue", "source_type")
    return [tuple(getattr(a, f) for f in fields) for a in kit.find_attributions(kit.parse(text))]


# ---------------------------------------------------------------- speech or not


@pytest.mark.parametrize("text", [
    "Bus fares rose 50 per cent in the northern towns.",  # a rate, not "per X" as a source
    "Farmers earn about 3 dollars per day, per capita income is lower.",
    "The water board did not say how many homes were cut off.",  # nothing was said
    "The festival organisers would not confirm that the show was cancelled.",
    "The harbour master declined to say whether the ferry had sunk.",
    "The village, formerly called Millbrook, lies by the river.",  # naming
    "The lake, once called Silver Water, has shrunk.",
    "The headteacher called a meeting to discuss the fire.",  # calling an event
    "The dockers' union called a strike for Thursday.",
    "Researchers used the rain gauge records to predict that the dam would overflow.",  # a purpose
])
def test_no_speech_in(text):
    assert rows(text) == []


def test_a_forecaster_forecasting_is_speech():
    assert rows("Harbour Analytics forecast that freight costs would double.", "speaker", "cue", "content") == [
        ("Harbour Analytics", "forecast", "freight costs would double")]


def test_per_a_source_is_still_according_to():
    assert rows("Bread prices rose 9 per cent, per the statistics office.", "speaker", "kind") == [
        ("the statistics office", "according_to")]


def test_calling_something_a_name_is_still_a_claim():
    got = rows("The senator called the budget a disgrace.", "speaker", "cue")
    assert got == [("The senator", "called")]
