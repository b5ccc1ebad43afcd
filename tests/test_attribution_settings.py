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


def _built(words, heads, deps, tags, pos):
    """A Doc as the parser sometimes reads it (built by hand, so the test does not depend on the model)."""
    from spacy.tokens import Doc

    from kit.core.nlp import load_model

    return Doc(load_model().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_name_hung_on_after_is_the_speaker():
    """'prices fell after the agency said ...' read with the agency as the object of 'after'
    and 'said' as a second verb of 'prices': the agency said it."""
    from kit.attribution.speakers import subject_of

    words = ["Prices", "fell", "after", "the", "agency", "said", "demand", "would", "slow", "."]
    heads = [1, 1, 1, 4, 2, 1, 8, 8, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "advcl", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "VBD", "NN", "MD", "VB", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = _built(words, heads, deps, tags, pos)
    assert subject_of(doc[5]).text == "agency"


def test_a_name_hung_on_a_place_is_the_speaker():
    """'He died in Leeds, England, spokesman Tom Hay told the BBC' read with the name as an
    apposition of the place: the name told it."""
    from kit.attribution.speakers import subject_of

    words = ["He", "died", "in", "Leeds", ",", "England", ",", "spokesman", "Hay", "told", "the", "BBC", "."]
    heads = [1, 1, 1, 2, 3, 3, 3, 8, 3, 1, 11, 9, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "appos", "punct", "compound", "appos", "advcl", "det", "dobj", "punct"]
    tags = ["PRP", "VBD", "IN", "NNP", ",", "NNP", ",", "NN", "NNP", "VBD", "DT", "NNP", "."]
    pos = ["PRON", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "PROPN", "VERB", "DET", "PROPN", "PUNCT"]
    doc = _built(words, heads, deps, tags, pos)
    assert subject_of(doc[9]).text == "Hay"
    assert subject_of(_built(["She", "left", ",", "saying", "no", "."], [1, 1, 1, 1, 3, 1],
                             ["nsubj", "ROOT", "punct", "advcl", "dobj", "punct"], ["PRP", "VBD", ",", "VBG", "DT", "."],
                             ["PRON", "VERB", "PUNCT", "VERB", "DET", "PUNCT"])[3]).text == "She"


def test_said_then_a_name_the_parser_hung_elsewhere():
    text = ("“I think the best any painter could hope for is to have Anna Berg hang one of your pictures,” said "
            "Lindqvist, who also co-wrote the other Berg-Lindqvist book “You Can’t Buy Old Walls.” "
            "“She gave so many careers to so many of us.”")
    got = rows(text, "speaker", "content")
    assert got == [("Lindqvist", "I think the best any painter could hope for is to have Anna Berg hang one of your pictures"),
                   ("Lindqvist", "She gave so many careers to so many of us")]  # the book's title is nobody's words


def test_a_title_in_the_speakers_description_is_no_claim():
    assert rows("Her “Long Road Home” co-star Ana Lee posted a video on Instagram on Sunday morning.") == []


def test_an_aside_cue_takes_the_sentence_but_an_act_does_not():
    """A cue between commas ("The workers, the union said, had not been paid") reports the whole
    sentence; a cue the parser hangs beside the sentence that goes on with an object does not."""
    from kit.attribution.placing import place_claim

    assert rows("The workers, the union said, had not been paid.", "speaker", "content") == [
        ("the union", "The workers, the union said, had not been paid")]
    words = ["Soon", "the", "star", ",", "Ruiz", "added", "hit", "after", "hit", "."]
    heads = [6, 2, 6, 5, 5, 2, 6, 8, 6, 6]  # as the parser read it: "hit" the root, "added" an aside of "star"
    deps = ["advmod", "det", "nsubj", "punct", "nsubj", "parataxis", "ROOT", "mark", "advcl", "punct"]
    tags = ["RB", "DT", "NN", ",", "NNP", "VBD", "VBN", "IN", "VBN", "."]
    pos = ["ADV", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "VERB", "ADP", "VERB", "PUNCT"]
    doc = _built(words, heads, deps, tags, pos)
    assert place_claim(doc, doc[5], doc[4], doc[:], None, []) is None


@pytest.mark.parametrize("text", [
    "Once installed, the program reports back after finishing each task.",
    "When finished, the robot reports to the base station.",
])
def test_a_condition_before_the_comma_is_no_claim(text):
    assert rows(text) == []


def test_a_condition_with_its_own_clause_stays_a_claim():
    assert rows("If elected, I will cut taxes, he said.") == [("he", "said", "If elected, I will cut taxes")]


def test_a_line_that_names_who_speaks_before_a_colon_and_a_quote():
    text = ('Rovers lose the derby\n\nCounty won 2-0 at home.\n\n'
            '- Rovers boss Ann Lee: "We had a great chance to take the lead. "We started well."\n'
            ' - County manager Tom Reyes: "It was not our best game but we deserved it." Subs: Ward, Hill. Booked: Fox.')
    got = rows(text, "speaker", "cue", "content", "kind")
    assert ("Rovers boss Ann Lee", ":", "We had a great chance to take the lead", "direct") in got
    assert ("County manager Tom Reyes", ":", "It was not our best game but we deserved it", "direct") in got
    assert not any(r[0] in {"Subs", "Booked"} for r in got)
