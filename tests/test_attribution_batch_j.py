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


@pytest.mark.parametrize("text, speaker, content", [
    # a title the parser cut off the name with its full stop ("Sgt." ends a sentence)
    ("\u201cThe road will stay shut until Friday,\u201d Harbour Police Sgt. Lena Ortiz said.",
     "Sgt. Lena Ortiz", "The road will stay shut until Friday"),
    # a quote inside the reporter's own sentence, closed by its comma right before the speaker
    ("The colours matter because \u201cbuyers want something cheerful,\u201d Park said.",
     "Park", "buyers want something cheerful"),
])
def test_a_quote_before_its_speaker(text, speaker, content):
    assert rows(text, "speaker", "content") == [(speaker, content)]


def test_said_with_the_claims_subject_read_as_its_object():
    assert rows("She said her office, in consultation with the county board, issued an order.", "content") == [
        ("her office, in consultation with the county board, issued an order",)]


@pytest.mark.parametrize("text, cue, content", [
    ("Economists expect inflation to ease by the spring.", "expect", "inflation to ease by the spring"),
    ("Brokers expect that the merger will close in May.", "expect", "the merger will close in May"),
    ("The dam should have been inspected years ago, the engineer regretted.", "regretted",
     "The dam should have been inspected years ago"),
    ("The engineer regretted that nobody had inspected the dam.", "regretted", "nobody had inspected the dam"),
])
def test_forecasts_and_regrets_with_a_clause(text, cue, content):
    assert [(c, t) for _, c, t in rows(text)] == [(cue, content)]


@pytest.mark.parametrize("text", [
    "The bakery expects to hire ten people.",
    "Residents expect the worst.",
    "Rents are expected to rise.",
    "The engineer regretted the delay.",
])
def test_expect_and_regret_without_a_clause_claim_nothing(text):
    assert rows(text) == []
