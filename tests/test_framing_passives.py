"""Clauses that hide who did something: the seed article's hand gold, then sentences written
for these tests in the styles of other conflicts and protests. Comments mark judgement calls.
"""

from __future__ import annotations

from collections import Counter

import pytest

import kit


# ---------------------------------------------------------------- seed article: hidden actors
# (words the clause contains, kind, verb lemma, patient, agent). Judgement calls:
# * "backed by", "controlled by", "published by", "issued by" are passives WITH a doer.
# * "Aleppo appears to be lost to the regime": "to the regime" says who gained, not who
#   took it; agent None.
# * "The strikes killed ...", "strikes in the area killed ...", "The latest fighting left ...
#   dead": the doer hides behind an event word. (For "The strikes killed", the sentence
#   before names the planes: a good question for class.)
# * "an injured baby girl" (an adjective) and "based in Great Britain" (no harm) are not marked.
SEED_PASSIVES = [
    ("government forces backed by Iran and Russia", "participle", "back", "government forces", "Iran and Russia"),
    ("neighborhoods controlled by Kurdish forces", "participle", "control", "neighborhoods", "Kurdish forces"),
    # the victims: both groups the sentence names
    ("The strikes killed at least 12 people", "event_subject", "kill", "at least 12 people in Aleppo and nine civilians", None),
    # the parser attaches "SANA" to the main verb, so the agent stops at "agency" (accepted)
    ("a military statement published by the official Syrian news agency", "participle", "publish",
     "a military statement", "the official Syrian news agency"),
    ("bodies lay", "intransitive", "lay", "bodies", None),
    ("vehicles were set", "passive", "set", "vehicles", None),
    ("strikes in the area killed her daughter-in-law", "event_subject", "kill", "her daughter-in-law", None),
    ("The latest fighting left more than 412 dead", "event_subject", "leave", "more than 412", None),
    ("the Russian presence had been significantly reduced", "passive", "reduce", "the Russian presence", None),
    ("Aleppo appears to be lost", "passive", "lose", "Aleppo", None),
    ("a statement issued by the US State Department", "participle", "issue", "a statement", "the US State Department"),
]


def test_seed_passives_match_the_hand_gold(seed_doc):
    found = kit.find_passives(seed_doc)
    got = [(p.kind, p.verb, p.patient, p.agent) for p in found]
    want = [(k, v, pa, ag) for _, k, v, pa, ag in SEED_PASSIVES]
    assert Counter(got) == Counter(want), (got, want)
    for words, *_ in SEED_PASSIVES:
        assert any(words in p.text or p.text in words for p in found), words


def test_passive_offsets_point_into_the_text(seed, seed_doc):
    for p in kit.find_passives(seed_doc):
        assert seed.text[p.start_char : p.end_char] == p.text
        assert p.hides_actor is (p.agent is None)
        assert ("Who did it" in p.question) or ("who caused" in p.question) or p.agent


# ---------------------------------------------------------------- other conflicts: hidden actors
# Expected: [(kind, verb lemma, patient, agent)] in order.
PASSIVE_CASES = [
    # two passive clauses joined by "and": each has its own subject, even where the parser
    # hangs the second subject on the first clause's object
    ("A checkpoint was set on fire and cars were looted.",
     [("passive", "set", "A checkpoint", None), ("passive", "loot", "cars", None)]),
    ("Three demonstrators were shot dead during the crackdown.", [("passive", "shoot", "Three demonstrators", None)]),
    ("Jihadists stormed the military base, and dozens of soldiers were killed.",
     [("passive", "kill", "dozens of soldiers", None)]),
    ("Bodies lay in the streets of Bucha after Russian forces withdrew.", [("intransitive", "lay", "Bodies", None)]),
    ("An airstrike killed 14 members of one family, health officials said.",
     [("event_subject", "kill", "14 members of one family", None)]),
    ("A car bomb exploded near a market in Mogadishu.", [("intransitive", "explode", "A car bomb", None)]),
    ("The regime's brutal crackdown on the uprising has left thousands dead.",
     [("event_subject", "leave", "thousands", None)]),
    # the doer "by the militia" belongs to both verbs (judgement call)
    ("Several houses were looted and burned by the militia.",
     [("passive", "loot", "Several houses", "the militia"), ("passive", "burn", "Several houses", "the militia")]),
    ("The junta's troops were accused of massacring villagers.", [("passive", "accuse", "The junta's troops", None)]),
    ("Mosul fell to the militants in 2014.", [("intransitive", "fall", "Mosul", None)]),
    ("Two journalists were detained in Minsk on Sunday.", [("passive", "detain", "Two journalists", None)]),
    ("The village was shelled overnight by government artillery.",
     [("passive", "shell", "The village", "government artillery")]),
    # "linked to al-Shabab" is a participle without harm: not marked
    ("Extremists linked to al-Shabab attacked a hotel in Nairobi.", []),
    ("Civilians killed in the shelling were buried on Friday.",
     [("participle", "kill", "Civilians", None), ("passive", "bury", "Civilians", None)]),
    ("Israeli troops killed three Palestinian militants in a raid on Jenin, the army said.", []),
    ("Protesters died after the security operation in the capital.", [("intransitive", "die", "Protesters", None)]),
    ("The convoy was hit by a drone.", [("passive", "hit", "The convoy", "a drone")]),
    # the doer is an event ("the fighting"): named grammatically, still no person (judgement call)
    ("Thousands of people were displaced by the fighting.",
     [("passive", "displace", "Thousands of people", "the fighting")]),
    ("Police arrested 40 people who were later released.", [("passive", "release", "40 people", None)]),
    ("Prices fell sharply in March.", []),  # "fall" counts only for places
]


@pytest.mark.parametrize("text, expected", PASSIVE_CASES, ids=[t[:40] for t, _ in PASSIVE_CASES])
def test_passives_in_other_conflicts(text, expected):
    got = [(p.kind, p.verb, p.patient, p.agent) for p in kit.find_passives(kit.parse(text))]
    assert got == expected


def test_passive_kinds_filter():
    doc = kit.parse("Bodies lay in the street. Cars were burned.")
    assert [p.kind for p in kit.find_passives(doc, kinds=("passive",))] == ["passive"]


def test_passive_text_finishes_the_verb_phrase():
    # students read "were set on fire", not "were set"
    texts = [p.text for p in kit.find_passives(kit.parse("Two buses were set on fire. A guard was beaten to death."))]
    assert texts == ["Two buses were set on fire", "A guard was beaten to death"]


# ---------------------------------------------------------------- issue 21: patterns after batch A's first run
# (sentences written for these tests)


@pytest.mark.parametrize("text, verb", [
    ("Thousands fled, with many evacuated from the valley.", "evacuate"),  # "with X <participle>"
    ("With half of the bridges damaged, traffic stalled.", "damage"),
    ("The relief plan was 40 percent funded.", "fund"),  # a share between "be" and the participle
    ("On the steps taken to cut costs, he said little.", "take"),  # a reduced relative with a purpose
])
def test_passives_without_be_found_in_unseen_patterns(text, verb):
    found = [(p.verb, p.agent) for p in kit.find_passives(kit.parse(text))]
    assert (verb, None) in found


@pytest.mark.parametrize("text", ["With the mayor gone, the council met.", "He was 40 percent sure."])
def test_no_passive_where_nothing_was_done_to_anyone(text):
    assert kit.find_passives(kit.parse(text)) == []
