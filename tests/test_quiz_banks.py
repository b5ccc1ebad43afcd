"""The two quiz forms measure what the kit teaches, fairly (issues 16 and 24).

Two parallel forms: at least five skills, three items or more per skill, the same skills item
by item in both forms, every skill taught in a notebook, new texts, and no cue strategy (the
longest option, one position, the question's words, the odd one out...) that scores above 40%
alone. Run this file with ``-s`` to see the cue table.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import kit
from kit.classroom import cues, quiz
from kit.classroom.forms import FORMS

ROOT = Path(__file__).resolve().parent.parent
MIN_SKILLS, MIN_PER_SKILL = 5, 3


@pytest.fixture(scope="module", params=FORMS)
def bank(request):
    return quiz.load_bank(request.param)


def test_form_is_valid_with_enough_items_per_skill(bank):
    assert quiz.problems(bank) == []
    per_skill = Counter(i.skill for i in bank.items)
    assert len(per_skill) >= MIN_SKILLS, per_skill
    assert min(per_skill.values()) >= MIN_PER_SKILL, per_skill
    assert set(per_skill) == set(bank.skills)
    assert {i.lens for i in bank.items} == {"framing", "attribution", "numbers"}


def test_forms_are_parallel_item_by_item():
    a, b = (quiz.load_bank(f) for f in FORMS)
    assert a.skills == b.skills
    assert [i.skill for i in a.items] == [i.skill for i in b.items]
    assert [len(i.choices) for i in a.items] == [len(i.choices) for i in b.items]
    assert not {i.text for i in a.items} & {i.text for i in b.items}
    assert not {i.id for i in a.items} & {i.id for i in b.items}


def test_every_skill_is_taught_in_a_notebook(bank):
    """Each skill names the notebook that teaches it, and that notebook has an exercise or a finder on it."""
    evidence = {  # judgement call: the words a notebook must use to teach the skill
        "framing.label": "label", "framing.doer": "passive", "attribution.source": "kind of source",
        "attribution.unsourced": "unattributed", "numbers.range": "at least", "numbers.part_whole": "part of",
        "attribution.verb": "admit",   # the table of what each kind of verb suggests (admit, estimate...)
    }
    for skill, info in bank.skills.items():
        path = ROOT / "lessons" / "teacher" / f"{info['taught_in']}.ipynb"
        assert path.is_file(), skill
        assert evidence[skill] in path.read_text(encoding="utf-8").lower(), (skill, path.name)
        assert info.get("learn"), skill


def test_no_cue_strategy_beats_the_limit(capsys):
    """What each cue strategy scores alone, per form (an expected share: ties split the credit)."""
    table = {f: cues.cue_scores(quiz.load_bank(f).items) for f in FORMS}
    with capsys.disabled():
        print("\n" + f"{'cue strategy':42}" + "".join(f"{f:>9}" for f in FORMS))
        for name in table[FORMS[0]]:
            print(f"{name:42}" + "".join(f"{table[f][name]:9.0%}" for f in FORMS))
    for form, scores in table.items():
        assert len(scores) >= 12
        for name, share in scores.items():
            assert share <= cues.MAX_CUE, (form, name, share)


def test_the_cue_test_can_fail():
    """A bank built with the old cue (the key always the longest, at position 1) fails it."""
    items = [quiz.Item(f"x{n}", "numbers", "numbers.range", "t", "q?",
                       ("35 or more; it may be higher", "Exactly 35", "About 35", "Fewer than 35"),
                       "35 or more; it may be higher", "e")
             for n in range(6)]
    scores = cues.cue_scores(items)
    assert scores["longest"] == scores["position 1"] == scores["odd format"] == 1.0
    assert scores["avoid Nothing/Nobody/Exactly"] == pytest.approx(1 / 3)
    careful = [quiz.Item("z", "numbers", "numbers.part_whole", "t", "q?",
                         ("All 5 were children", "No child was hurt", "At least 2 were children", "Exactly 7 were hurt"),
                         "At least 2 were children", "e")]
    careful_scores = cues.cue_scores(careful)
    assert careful_scores["the hedged option (at least, about)"] == careful_scores["avoid absolute words (all, no, surely)"] == 1.0
    same_start = [quiz.Item("y", "framing", "framing.doer", "t", "q?", ("That a", "That b", "Who c", "That d"), "Who c", "e")]
    assert cues.cue_scores(same_start)["odd first word"] == 1.0


def test_options_are_of_one_kind_and_similar_length(bank):
    for item in bank.items:
        lengths = [len(c) for c in item.choices]
        assert max(lengths) <= 3 * min(lengths) + 10, (item.id, item.choices)
        assert len(item.choices) == 4
        assert not any(c.lower().startswith(cues.NEVER_RIGHT) for c in item.choices), item.id


def test_texts_are_new(bank):
    """No item reuses a lesson text: the bundled articles and the teacher notebooks."""
    lesson_texts = [p.read_text(encoding="utf-8") for p in (ROOT / "kit/core/data/articles").glob("*.txt")]
    lesson_texts += ["".join(c.get("source", "")) for p in (ROOT / "lessons/teacher").glob("0*.ipynb")
                     for c in json.loads(p.read_text(encoding="utf-8"))["cells"]]
    assert lesson_texts
    for item in bank.items:
        for text in lesson_texts:
            assert item.text[:40] not in text, item.id
    assert len({i.text for i in bank.items}) == len(bank.items)


def _stances(text: str) -> set[str]:
    return {label.stance for label in kit.find_labels(kit.parse(text))}


def test_label_items_agree_with_the_kit(bank):
    """The answer of "which word takes a side" is a word the kit tags as taking a side; no distractor is."""
    for item in (i for i in bank.items if i.skill == "framing.label"):
        assert _stances(item.answer) - {"neutral"}, item.id
        assert item.answer.lower() in item.text.lower(), item.id
        for wrong in set(item.choices) - {item.answer}:
            assert not _stances(wrong) - {"neutral"}, (item.id, wrong)


def test_doer_items_agree_with_the_kit(bank):
    """A "who did it" item whose key is "does not say" has a passive without an agent; one naming the doer has the agent."""
    for item in (i for i in bank.items if i.skill == "framing.doer" and i.question.startswith("According")):
        passives = kit.find_passives(kit.parse(item.text))
        assert passives, item.id
        if item.answer == "The sentence does not say":
            assert any(p.agent is None for p in passives), item.id
        else:
            assert any(p.agent and item.answer.lower() in p.agent.lower() for p in passives), item.id


def test_verb_items_agree_with_the_kit(bank):
    """The key says what the kit's verb list says the verb suggests (none of these verbs is neutral)."""
    from kit.attribution import cue_signals

    key_for = {"distancing": "keeps a distance", "conceding": "accepts a fault", "speculative": "rough judgement"}
    for item in (i for i in bank.items if i.skill == "attribution.verb"):
        verb = re.search(r'verb "(\w+)"', item.question).group(1)
        lemma = next(t.lemma_ for t in kit.parse(item.text) if t.text == verb)
        assert key_for[cue_signals()[lemma]] in item.answer, (item.id, verb)


def test_number_items_agree_with_the_kit(bank):
    for item in (i for i in bank.items if i.skill == "numbers.range"):
        found = kit.find_numbers(kit.parse(item.text))
        assert any(q.hedge in ("at least", "more than", "vague") for q in found), item.id
        for q in found:
            if q.hedge == "vague":
                assert f"{q.low} to {q.high}" in item.answer, item.id   # the kit's documented range
            if q.hedge in ("at least", "more than") and re.fullmatch(r"\d+", item.answer):
                assert int(item.answer) < q.low, item.id                   # the one number the floor rules out


def test_no_explanation_says_a_word_makes_a_claim_true(bank):
    for item in bank.items:
        assert not re.search(r"\b(proves?|makes? (it|the claim) true|confirm)", item.explanation, re.I), item.id


def test_choice_order_is_per_student_and_stable(bank):
    orders = {s: [quiz.choice_order(i, s) for i in bank.items] for s in ("ana", "ben", "cleo")}
    assert orders["ana"] == [quiz.choice_order(i, "ana") for i in bank.items]
    assert orders["ana"] != orders["ben"] or orders["ben"] != orders["cleo"]
    for item, order in zip(bank.items, orders["ben"]):
        assert sorted(order) == sorted(item.choices)


def test_what_we_will_learn_gives_away_no_answer():
    """After the before-quiz a student reads each skill's "what we will learn": it quotes the lessons,
    never an answer of either form (the other form is their after-quiz)."""
    learn = " ".join(str(info["learn"]).lower() for info in quiz.load_bank(FORMS[0]).skills.values())
    for form in FORMS:
        for item in quiz.load_bank(form).items:
            if not re.fullmatch(r"[\d,]+", item.answer):
                assert item.answer.lower() not in learn, (form, item.id)
            assert item.text[:30].lower() not in learn, (form, item.id)


def test_no_cue_strategy_gets_a_whole_skill_right(bank):
    """A test-wise student cannot earn a skill's full marks by one cue (three items a skill, so
    one strategy may hit two by luck; all three is a pattern). Choice order is shuffled per student,
    so positions are left out."""
    for skill in bank.skills:
        items = [i for i in bank.items if i.skill == skill]
        for name, share in cues.cue_scores(items).items():
            if not name.startswith("position"):
                assert share < 1.0, (bank.id, skill, name)


SOURCE_WORDS = re.compile(r"\b(said|says|according to|told|announced|reported)\b", re.I)


def test_unsourced_items_need_more_than_spotting_a_missing_said(bank):
    """In "which sentence makes a serious claim with no source", the key is never the only option
    without a source: a harmless unsourced detail is there too, so the student must judge "serious"."""
    for item in (i for i in bank.items if i.skill == "attribution.unsourced"):
        unsourced = [c for c in item.choices if not SOURCE_WORDS.search(c)]
        assert item.answer in unsourced, item.id
        if item.question.startswith("Which sentence"):
            assert len(unsourced) >= 2, item.id
            for choice in item.choices:
                assert choice in item.text or item.text.startswith("Four sentences"), (item.id, choice)


def test_eyewitness_items_name_the_witness(bank):
    """An eyewitness left unnamed is also "an unnamed source" in everyday words: where that is an
    option, the witness has a name in the text, so only one answer can be defended."""
    for item in (i for i in bank.items if i.answer == "An eyewitness"):
        if "An unnamed source" in item.choices:
            assert re.search(r"said [A-Z][a-z]+ [A-Z][a-z]+", item.text), item.id


def test_what_we_will_learn_gives_away_no_key_phrase():
    """No two-word phrase of a key ("rough judgement") in the "what we will learn" list either."""
    learn = cues.words(" ".join(str(info["learn"]) for info in quiz.load_bank(FORMS[0]).skills.values()))
    pairs = set(zip(learn, learn[1:]))
    for form in FORMS:
        for item in quiz.load_bank(form).items:
            key = cues.words(item.answer)
            assert not set(zip(key, key[1:])) & pairs, (form, item.id)
