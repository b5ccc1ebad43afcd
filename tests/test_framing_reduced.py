"""Passives that drop or share their "be" where the parser reads them as something else
(issue 21): after "with", at the end of a subject, hung on the main verb, the second of two
participles, and verbs that share a "be" with something that is not a passive. Every sentence
here was written for these tests; none is taken from bench/. Comments mark judgement calls.
"""

from __future__ import annotations

import pytest

import kit

# (text, [(kind, verb lemma, patient, agent)] in order)
REDUCED_CASES = [
    # ---- "with" + noun + participle, however the parser hangs it
    ("Thousands left the valley, with many evacuated by bus to the coast.",  # "by bus": how, not who
     [("participle", "evacuate", "many", None)]),
    ("With 30 percent of the crop damaged, farmers asked for help.", [("participle", "damage", "the crop", None)]),
    ("With the blaze only 10 percent contained, officials ordered people out.",
     [("participle", "contain", "the blaze", None)]),
    ("The camp was full, with more than 300 families offered beds.",
     [("participle", "offer", "more than 300 families", None)]),
    ("With most homes destroyed by the storm, families slept in tents.",
     [("participle", "destroy", "most homes", "the storm")]),
    # a verb that takes no object, and a "with" phrase inside a subject, hide nobody
    ("With the mayor gone, nobody signed the order.", []),
    ("Those with children attended the meeting.", []),
    # ---- a participle that ends the subject, right before the sentence's verb
    ("Police said the cash recovered was counterfeit.", [("participle", "recover", "the cash", None)]),
    ("The count of licences issued was higher than in March.", [("participle", "issue", "licences", None)]),
    ("Three of the toxins detected cause severe illness.", [("participle", "detect", "the toxins", None)]),
    # ... but not a verb with a bare infinitive of its own, nor an active clause
    ("Officials helped clear the road.", []),
    ("What the police found was a bag.", []),
    # judgement: "affected" describes who was hit (as "the worst affected"); it asks no question
    ("Most people affected lived in the city.", []),
    # ---- a participle the parser hung on the main verb
    ("The extra officers will assist with checking and processing drivers taken into custody.",
     [("participle", "take", "processing drivers", None)]),
    # ---- the second of two participles after a noun
    ("They read a plan drafted in May and adopted in June.",
     [("participle", "draft", "a plan", None), ("participle", "adopt", "a plan", None)]),
    # ---- verbs that share a "be", or a count, with something that is no passive
    ("The toll is 9 dead and 30 others wounded.", [("passive", "wound", "30 others", None)]),
    ("The driver was pulled from the car and brought to a clinic.",
     [("passive", "pull", "The driver", None), ("passive", "bring", "The driver", None)]),
    ("Two climbers were missing and feared dead on Sunday.", [("passive", "fear", None, None)]),
    # "died" needs no object: nobody else did it in this clause
    ("The man was shot and died in hospital.", [("passive", "shoot", "The man", None)]),
    # a "by" phrase names the doer; "combined with" joins two causes
    ("A warning issued by the weather office came too late.",
     [("participle", "issue", "A warning", "the weather office")]),
    ("Rangers said a heat wave combined with dry winds made it worse.", []),
]


@pytest.mark.parametrize("text, expected", REDUCED_CASES, ids=[t[:40] for t, _ in REDUCED_CASES])
def test_reduced_passives(text, expected):
    got = [(p.kind, p.verb, p.patient, p.agent) for p in kit.find_passives(kit.parse(text))]
    assert got == expected


@pytest.mark.parametrize("text", [t for t, _ in REDUCED_CASES])
def test_clause_text_is_the_text(text):
    for p in kit.find_passives(kit.parse(text)):
        assert text[p.start_char : p.end_char] == p.text
        assert p.verb.split("-")[-1][:3] in p.text.lower() or p.kind != "participle", p


# ---- a participle the tagger read as a noun or an adjective right after "be"
@pytest.mark.parametrize("text, expected", [
    ("Experts said the signal may have been misread as an attack.", [("passive", "misread", "the signal", None)]),
    ("The risk was misjudged.", [("passive", "misjudge", "The risk", None)]),
    # states, which the lemmatizer lists as adjectives or nouns, hide nobody
    ("The man was tired.", []),
    ("He was mistaken.", []),
    ("The plan was a failure.", []),
])
def test_participle_read_as_a_noun_after_be(text, expected):
    assert [(p.kind, p.verb, p.patient, p.agent) for p in kit.find_passives(kit.parse(text))] == expected


# ---- "be" + a participle of state or feeling is no act with a hidden doer
@pytest.mark.parametrize("text, expected", [
    ("Everyone who was involved in the crash was questioned.", [("passive", "question", "Everyone", None)]),
    ("Crews were focused on the bridge all night.", []),
    ("We are deeply saddened by the loss.", []),  # judgement: a feeling, even with "by"
    ("The strike is set to close most schools.", []),
    ("The strike is set to close schools.", []),  # the parser hangs "close" as advcl here
    ("The bridge is poised to reopen in May.", []),
    ("A fund was set up to pay the families.", [("passive", "set", "A fund", None)]),
    ("The van was set on fire.", [("passive", "set", "The van", None)]),
    ("The junction was uncontrolled.", []),
    ("The crates were unloaded at night.", [("passive", "unload", "The crates", None)]),
])
def test_states_with_be_hide_nobody(text, expected):
    assert [(p.kind, p.verb, p.patient, p.agent) for p in kit.find_passives(kit.parse(text))] == expected


def test_a_verb_that_needs_no_object_is_no_passive_after_with():
    # judgement: the reporters gathered by themselves
    assert kit.find_passives(kit.parse("He spoke with reporters gathered outside.")) == []


def test_past_tense_tag_right_after_plural_noun_is_a_reduced_passive():
    """Batch I: a participle the tagger took for a past tense right after a plural noun, with a
    where or a when of its own ("clips posted from the stadium"), hides who did it."""
    import kit as _kit

    verbs = [p.verb for p in _kit.find_passives(_kit.parse("Clips posted from the stadium showed the crowd."))]
    assert verbs == ["post"]


def test_a_period_that_ended_hides_no_doer():
    """"the quarter ended May 31": the quarter just ended; with "be" it still counts."""
    import kit as _kit

    assert [p.verb for p in _kit.find_passives(_kit.parse("Sales in the quarter ended May 31 grew."))] == []
    assert [p.verb for p in _kit.find_passives(_kit.parse("The lockout was ended on Friday."))] == ["end"]
