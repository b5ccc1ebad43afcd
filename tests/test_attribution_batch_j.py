"""Batch J's first run: patterns of attribution the finder read wrongly, one test each, with
sentences written for these tests (none copied from bench/ data).

Conventions (bench/dev/README.md): a speech act without a content clause is no attribution,
so an appeal with only a noun phrase ("urged calm", "called for an inquiry") or an infinitive
("urged residents to leave") claims nothing; with a clause of its own it does."""

from __future__ import annotations

import pytest

import kit


def rows(text, *fields):
    fields = fields or ("speaker", "cue", "content")
    return [tuple(getattr(a, f) for f in fields) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    "Officials urged calm after the blast.",
    "The teachers' union called for an inquiry into the exam results.",
    "The fishermen demanded a meeting with the harbour board.",
    "The council urged residents to save water during the dry spell.",
    "The coastguard is urging swimmers to stay out of the bay.",
    "The union called for the minister to resign.",
    "A few parents called for smaller classes at the meeting.",
])
def test_an_appeal_without_a_clause_is_no_attribution(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, cue, content", [
    ("The fishermen demanded that the harbour board meet them.", "demanded", "the harbour board meet them"),
    ("The council urged that the vote be delayed.", "urged", "the vote be delayed"),
])
def test_an_appeal_with_a_clause_is_an_attribution(text, cue, content):
    assert [(c, t) for _, c, t in rows(text)] == [(cue, content)]


def test_an_appeal_quoted_keeps_its_words():
    assert rows('"Stay off the ice," the park ranger urged.', "cue", "kind") == [("urged", "direct")]


@pytest.mark.parametrize("text", [
    "A safety review pointed out flaws in the bridge design.",
    "The builder has yet to disclose how much the repairs cost.",
    "The mayor has yet to say when the pool will reopen.",
])
def test_no_claim_of_its_own(text):
    assert rows(text) == []


def test_pointed_out_with_a_clause_is_kept():
    assert rows("A safety review pointed out that the bridge had rusted.", "cue", "content") == [
        ("pointed out", "the bridge had rusted")]
