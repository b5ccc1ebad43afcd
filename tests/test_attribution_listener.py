"""A hearing that was told ("..., inquest told", "..., jury told"): a headline's passive with
"was" dropped, not a court speaking. Every sentence is written for this file."""

from __future__ import annotations

import kit
from kit.attribution import find_attributions


def cues(text: str) -> list[tuple[str, str]]:
    return [(a.speaker, a.cue) for a in find_attributions(kit.parse(text))]


def test_inquest_told_in_capitals_is_not_a_speaker():
    assert cues("BUILDER FELL FROM SCAFFOLD AFTER ROPE SNAPPED, INQUEST TOLD") == []


def test_jury_told_is_not_a_speaker():
    assert cues("Driver was on his phone before the crash, jury told") == []


def test_someone_telling_the_jury_still_speaks():
    assert ("The judge", "told") in cues("The judge told the jury the evidence was weak.")


def test_a_witness_telling_the_court_still_speaks():
    assert ("A witness", "told") in cues("A witness told the court she heard a bang.")
