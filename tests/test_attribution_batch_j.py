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


def test_said_then_a_noun_and_a_second_verb_is_one_claim():
    # the parser may read "office" as the object of "said" and "issued" as a second act of "She"
    for text in ("Dr. Lee spoke first. She said her office, after talks with the mayor and the county, "
                 "issued a rare order to the plant.",
                 "Dr. Lee spoke first. She said her office, in consultation with the mayor and working with "
                 "the county, issued a rare order to the plant."):
        (content,), = rows(text, "content")
        assert content.startswith("her office, ") and content.endswith("issued a rare order to the plant")
    assert rows("He said a prayer and left the church.") == []
    assert rows("She said goodbye when the train left.") == []


@pytest.mark.parametrize("text", [
    "Just by looking, the divers found two new sponges.",
    "Working through the night, the crews found the missing hikers.",
])
def test_a_fronted_phrase_is_no_claim(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("The coach was pleased. The captain said:\n\n\u201cWe ran until we dropped. The fans carried us.\u201d",
     "The captain", "We ran until we dropped. The fans carried us."),
    ("Asked about the cuts, the head teacher said,\n\n\"Every class will lose a teaching assistant.\"",
     "the head teacher", "Every class will lose a teaching assistant."),
])
def test_a_cue_ending_its_paragraph_takes_the_quote_below(text, speaker, content):
    assert rows(text, "speaker", "content", "kind") == [(speaker, content.rstrip("."), "direct")]


def test_a_quote_with_its_own_speaker_is_not_taken_from_the_cue_above():
    text = "Sgt. Ivo Marsh said:\n\n\u201cWe think it was one driver,\u201d Marsh said. \u201cMore later.\u201d"
    assert [r[2] for r in rows(text)].count("We think it was one driver") == 1


@pytest.mark.parametrize("text", [
    "Yesterday, as they say, the sky fell in, but the players kept going.",
    "Security camera footage showed smoke pouring from the warehouse roof.",
    "Parts of the launch event in Madrid suggest that the firm has some way to go.",
    "The invitation carried the title Unpacked, suggesting the firm will show a new phone.",
])
def test_a_saying_a_picture_or_a_clue_is_no_source(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("As the minister said on Monday, the budget is tight.", "the minister"),
    ("The survey suggests that most drivers speed.", "The survey"),
    ("The audit showed that two ledgers were missing.", "The audit"),
])
def test_speech_and_findings_stay_sources(text, speaker):
    assert [s for s, _, _ in rows(text)] == [speaker]


def test_an_inverted_cue_whose_speaker_was_read_as_its_object():
    assert rows("On the busiest routes, the queues have grown quickly, acknowledge railway officials.") == [
        ("railway officials", "acknowledge", "On the busiest routes, the queues have grown quickly")]
    assert rows("The team lost, and fans blamed the coach.") == []


@pytest.mark.parametrize("text", [
    "The inspector asked whether any of the pipes had been replaced.",
    "A reporter asked how many people had been evacuated.",
    "The rebels dismissed the toll provided by the army.",
    "The union rejected the figures released by the board on Monday.",
])
def test_a_question_or_a_described_object_claims_nothing(text):
    assert rows(text) == []


def test_an_object_with_a_clause_of_its_own_still_claims():
    assert rows("The rebels dismissed reports that the army had retaken the town.", "content") == [
        ("reports that the army had retaken the town",)]


@pytest.mark.parametrize("text", [
    "Nurses will get strike pay as long as they show up for their shifts.",
    "The dockers called off the strike on Friday.",
])
def test_a_cue_word_with_a_particle_that_makes_another_verb(text):
    assert rows(text) == []
