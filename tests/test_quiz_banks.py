"""The before/after quiz banks measure what the kit teaches, fairly (issue 16).

Two parallel forms: the same skills, new texts, enough items per lens, no answer cue in the
position or the length of an option, and no answer that contradicts the kit's own word lists.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import kit
from kit.classroom import quiz

BANKS = quiz.BANKS
#: The skills the kit teaches beyond the three lenses' basics: charts, tracing, lateral reading.
TAUGHT = {"numbers.chart", "attribution.trace", "attribution.lateral"}
MAX_CUE = 0.40


@pytest.fixture(scope="module", params=BANKS)
def bank(request):
    return quiz.load_bank(request.param)


def test_bank_is_valid_and_big_enough(bank):
    assert quiz.problems(bank) == []
    assert len(bank.items) >= 15
    per_lens = Counter(i.lens for i in bank.items)
    assert set(per_lens) == {"framing", "attribution", "numbers"}
    assert min(per_lens.values()) >= 3, per_lens
    assert TAUGHT <= {i.skill for i in bank.items}


def test_every_skill_in_both_forms():
    before, after = (quiz.load_bank(b) for b in BANKS)
    assert before.skills == after.skills
    assert Counter(i.skill for i in before.items) == Counter(i.skill for i in after.items)
    assert set(before.skills) == {i.skill for i in before.items}
    assert not {i.text for i in before.items} & {i.text for i in after.items}


def _share(flags) -> float:
    flags = list(flags)
    return sum(flags) / len(flags)


def test_no_position_predicts_the_answer(bank):
    positions = Counter(i.choices.index(i.answer) for i in bank.items)
    assert max(positions.values()) / len(bank.items) <= MAX_CUE, positions


def test_the_longest_or_shortest_option_does_not_predict_the_answer(bank):
    def only(item, pick) -> bool:
        lengths = [len(c) for c in item.choices]
        return len(item.answer) == pick(lengths) and lengths.count(len(item.answer)) == 1

    assert _share(only(i, max) for i in bank.items) <= MAX_CUE
    assert _share(only(i, min) for i in bank.items) <= MAX_CUE


def test_options_are_of_one_kind_and_similar_length(bank):
    for item in bank.items:
        lengths = [len(c) for c in item.choices]
        assert max(lengths) <= 3 * min(lengths) + 10, (item.id, item.choices)
        assert 3 <= len(item.choices) <= 5


def test_texts_are_new(bank):
    """No item reuses a lesson text: the bundled articles and the teacher notebooks."""
    import json
    from pathlib import Path

    root = Path(kit.__file__).parent.parent
    lesson_texts = [p.read_text(encoding="utf-8") for p in (root / "kit/core/data/articles").glob("*.txt")]
    lesson_texts += ["".join(c.get("source", "")) for p in (root / "lessons/teacher").glob("0*.ipynb")
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
        for wrong in set(item.choices) - {item.answer}:
            assert not _stances(wrong) - {"neutral"}, (item.id, wrong)


def test_neutral_items_agree_with_the_kit(bank):
    """The most neutral sentence has no label the kit tags loaded; every other choice has one,
    and no word the explanation calls judging is one the kit calls neutral (e.g. "militant")."""
    for item in (i for i in bank.items if i.skill == "framing.neutral"):
        assert _stances(item.answer) <= {"neutral"}, item.id
        for wrong in set(item.choices) - {item.answer}:
            assert _stances(wrong) - {"neutral"}, (item.id, wrong)
        for quoted in re.findall(r'"([^"]+)"', item.explanation):
            if quoted.lower() not in item.answer.lower():
                assert "neutral" not in _stances(quoted), (item.id, quoted)


def test_number_items_agree_with_the_kit(bank):
    for item in bank.items:
        found = kit.find_numbers(kit.parse(item.text))
        if item.skill == "numbers.hedge":
            assert any(q.hedge in ("at least", "more than") for q in found), item.id
        if item.skill == "numbers.vague":
            assert any(q.hedge == "vague" for q in found), item.id


def test_verb_items_agree_with_the_kit(bank):
    from kit.attribution import cue_signals

    signals = cue_signals()
    for item in (i for i in bank.items if i.skill == "attribution.verb"):
        verb = re.search(r'verb "(\w+)"', item.question).group(1)
        lemma = kit.parse(item.text)[next(n for n, t in enumerate(kit.parse(item.text)) if t.text == verb)].lemma_
        assert signals.get(lemma) not in (None, "neutral"), (item.id, verb)
        assert not item.answer.lower().startswith("nothing"), item.id


def test_no_explanation_says_a_word_makes_a_claim_true(bank):
    for item in bank.items:
        assert not re.search(r"\b(proves?|makes? (it|the claim) true|confirm)", item.explanation, re.I), item.id


def test_choice_order_is_per_student_and_stable(bank):
    orders = {s: [quiz.choice_order(i, s) for i in bank.items] for s in ("ana", "ben", "cleo")}
    assert orders["ana"] == [quiz.choice_order(i, "ana") for i in bank.items]
    assert orders["ana"] != orders["ben"] or orders["ben"] != orders["cleo"]
    for item, order in zip(bank.items, orders["ben"]):
        assert sorted(order) == sorted(item.choices)
