"""Issue 21, speech patterns found on new real news (sentences written for these tests; none
copied from bench/, ../shared/eval/ or the seed): a fronted setting is no claim, a claim the
parser read as the cue's object, and "he" / "she" never standing for a document."""

from __future__ import annotations

import pytest

import kit


def rows(text, *fields):
    fields = fields or ("speaker", "cue", "content")
    return [tuple(getattr(a, f) for f in fields) for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("text", [
    "In March, the ferry company issued its second profits warning in a year.",
    "On Tuesday, the city council denied the permit for the new depot.",
])
def test_a_setting_before_the_comma_is_no_claim(text):
    assert all(not content.startswith(("In March", "On Tuesday")) for _, _, content in rows(text))


def test_a_claim_read_as_the_object_of_said():
    assert rows("In a speech in Dunmore, the governor said Friday's audit reinforced confidence and calm.") == [
        ("the governor", "said", "Friday's audit reinforced confidence and calm")]


def test_he_does_not_stand_for_a_statement():
    text = ("The transport minister also called for patience. According to a statement released by his office, "
            "he told pilots: \"We will reopen the channel when it is safe.\"")
    told = [r for r in rows(text, "speaker", "cue") if r[1] == "told"]
    assert told == [("The transport minister", "told")]


def test_it_still_stands_for_a_report():
    text = "A council report said the bridge was unsafe. It added that repairs would take a year."
    assert rows(text, "speaker", "cue")[-1] == ("A council report", "added")


def test_a_cue_read_as_an_adjective_after_a_name():
    """The parser sometimes reads "said" as an adjective of the claim's first noun ("the said
    explanations"); the phrase before it is the speaker. Built by hand, as the parser reads it."""
    from spacy.tokens import Doc

    from kit.attribution.misparsed import phrase_before
    from kit.core.nlp import load_model

    words = ["Rowing", "'s", "ruling", "body", "the", "FISA", "said", "excuses", "from", "the", "crew", "were", "weak", "."]
    heads = [3, 0, 3, 3, 5, 6, 7, 3, 7, 10, 8, 3, 11, 3]
    deps = ["poss", "case", "amod", "ROOT", "det", "npadvmod", "amod", "appos", "prep", "det", "pobj", "acl", "acomp", "punct"]
    tags = ["NNP", "POS", "VBG", "NN", "DT", "NNP", "VBD", "NNS", "IN", "DT", "NN", "VBD", "JJ", "."]
    pos = ["PROPN", "PART", "VERB", "NOUN", "DET", "PROPN", "VERB", "NOUN", "ADP", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    speaker, content = phrase_before(doc, doc[6], doc[:])
    assert doc[slice(*speaker)].text == "Rowing 's ruling body the FISA"
    assert doc[slice(*content)].text == "excuses from the crew were weak"


def test_a_clause_cut_by_the_parser_after_say():
    text = "Rowing' ruling body the FISA said excuses from the crew and their coach as to why they missed the race were poor."
    assert rows(text, "cue", "content") == [
        ("said", "excuses from the crew and their coach as to why they missed the race were poor")]
    assert rows("The coach said a prayer for the rowers who drowned.") == []


def test_a_quote_that_runs_on_is_not_closed():
    """'said: "A. "B."': the first quote never closes (a new paragraph of the same quote, or a
    text that joined the paragraphs); the next mark opens the next quote."""
    text = ('The bank\'s economist Ann Dale said: "The forecast is far too rosy. "It will take a big '
            'turnaround to meet the targets." Ms Dale accused the treasury of using "creative sums" to hide a gap.')
    got = rows(text, "cue", "content", "kind")
    assert ("said", "The forecast is far too rosy", "direct") in got
    assert ("said", "It will take a big turnaround to meet the targets", "direct") in got
    assert ("accused", 'the treasury of using "creative sums" to hide a gap', "indirect") in got


@pytest.mark.parametrize("text, cues", [
    ("The audit showed that half the schools had no heating.", ["showed"]),
    ("The problems showed that the rules had not been applied.", []),  # a fact, not anyone's claim
    ("The final count showed the mayor winning by ten votes.", []),
])
def test_what_shows_a_claim(text, cues):
    assert [c for _, c in rows(text, "speaker", "cue")] == cues


def test_researchers_who_found():
    text = "Researchers at the clinic studied 400 patients. They found that one in five had side effects."
    assert rows(text, "speaker", "cue")[-1][1] == "found"


def test_a_complaint_with_a_clause_is_a_claim():
    assert rows("Fishermen complained to the port board that the new pier had silted the harbour.") == [
        ("Fishermen", "complained", "the new pier had silted the harbour")]
    assert rows("Travellers complained of long queues.") == []


def test_who_receives_a_message_did_not_send_it():
    assert rows("Villagers received leaflets urging them to leave their homes.") == []
    assert rows("The army issued a statement saying the road was open.", "speaker", "cue") == [("The army", "saying")]
