"""Checkers hold against a test-wise student, and still accept a right answer said another way.

Each gaming answer below was tried on the checkers by a reader who wrote none of them: ticking
every box, naming every candidate, pasting the whole line, a range that takes in the wrong
figure, one small word, an answer that contradicts the text. Each passed before the fix; each
right answer beside it must still pass (judgement calls are commented).
"""

from __future__ import annotations

import pytest

from kit.attribution import exercises as attribution
from kit.compare import exercises as compare
from kit.compare import trace_exercises as trace
from kit.framing import exercises as framing
from kit.numbers import exercises as numbers

GAMED = [
    # 06: ticking all four boxes, or a wrong box with the two right ones
    (trace.trace_what_changed, ["the date", "the speaker (he said)", "the name of the city", "the quotation marks"]),
    (trace.trace_what_changed, ["the date", "the speaker (he said)", "the quotation marks"]),
    # 06: every outlet named at once; words that only start like an outlet ("start", "apart")
    (trace.trace_coverage, "The Japan Times, CNA, Khaleej Times, Express & Star"),
    (trace.trace_coverage, "start"),
    (trace.trace_coverage, "all of them apart from one"),
    # 06: a list of guesses, and a right name said to be wrong
    (trace.trace_speaker, "AFP or the government or Rami Abdel Rahman"),
    (trace.trace_speaker, "not the observatory, it was AFP"),
    (trace.trace_quote, "the Syrian army or Russia"),
    # 06: the whole first line pasted, not the words that push a feeling
    (trace.trace_stop, "BIG LOSS: Aleppo escapes the control of Syrian regime forces for the first time"),
    # 06: a range that takes in the story's wrong 230 km
    (trace.trace_distance, "120-230"),
    (trace.trace_distance, "between 100 and 300 km"),
    # 01: one small word of a sentence with a hidden doer
    (framing.framing_hidden_actor, "were"),
    # 01: the facts changed (they did take the town)
    (framing.framing_neutral_rewrite, "Fighters did not take the town."),
    # 05: "I don't think" dropped: the sentence now says the opposite of what Lund meant
    (compare.article_repair, "the government will recover"),
    # 03: two sources named, one of them wrong
    (numbers.numbers_source, "SANA or the observatory"),
]

RIGHT = [
    (trace.trace_what_changed, ["the speaker (he said)", "the quotation marks"]),
    (trace.trace_coverage, "Express & Star"),
    (trace.trace_coverage, "the AP report"),
    (trace.trace_speaker, "the Syrian Observatory for Human Rights"),  # "Syrian" is no wrong guess
    (trace.trace_speaker, "AFP quoting Rami Abdel Rahman"),            # judgement call: true, and names him
    (trace.trace_quote, "the Russian military"),
    (trace.trace_stop, "BIG LOSS"),
    (trace.trace_distance, "about 125 km"),
    (trace.trace_distance, "between 120 and 130 km"),                  # a careful range inside the accepted one
    (framing.framing_hidden_actor, "vehicles were set on fire"),
    (framing.framing_hidden_actor, "bodies lay"),
    (framing.framing_neutral_rewrite, "Fighters took the town."),
    (framing.framing_neutral_rewrite, "Armed groups captured the town on Sunday."),  # rejected before: "groups"
    (compare.article_repair, "I do not think the government will recover"),
    (numbers.numbers_source, "a military statement published by SANA"),
    (attribution.attribution_chain, "BCAD"),                            # rejected before: letters written together
]


@pytest.mark.parametrize("check, answer", GAMED, ids=lambda v: getattr(v, "__name__", str(v)[:30]))
def test_a_gaming_answer_gets_a_hint(check, answer, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "answers.json"))
    feedback = check(answer)
    assert not feedback.passed, (check.__name__, answer)
    assert feedback.message.startswith("Not yet.")


@pytest.mark.parametrize("check, answer", RIGHT, ids=lambda v: getattr(v, "__name__", str(v)[:30]))
def test_a_right_answer_still_passes(check, answer, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "answers.json"))
    assert check(answer).passed, (check.__name__, answer)


def test_a_wrong_clause_is_not_answered_by_its_hint(tmp_path, monkeypatch):
    """The hint for a part of a sentence with a hidden doer used to quote the clause to copy:
    any word of that sentence then handed over the answer."""
    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "answers.json"))
    feedback = framing.framing_hidden_actor("were")
    assert "bodies lay" not in feedback.message and "set on fire" not in feedback.message


def test_a_later_quiz_attempt_is_no_oracle_for_the_key(tmp_path, monkeypatch):
    """Where the key stays hidden (the before-quiz), a second "Submit - final" used to show a new
    score and new per-skill counts: changing one answer at a time then showed which were right, and
    in a class split between the forms a student could pass the key to those who take it after."""
    from kit.classroom import quiz
    from kit.classroom.quiz_widgets import after_attempt_html

    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "answers.json"))
    bank = quiz.load_bank("quiz_before")
    first = {i.id: next(c for c in i.choices if c != i.answer) for i in bank.items}   # all wrong
    quiz.check_quiz(bank, first)
    probe = dict(first, **{bank.items[0].id: bank.items[0].answer})                   # one changed, to the key
    later = quiz.check_quiz(bank, probe)
    assert f"0 of {len(bank.items)} right" in later.message
    assert f"1 of {len(bank.items)} right" not in later.message
    page = after_attempt_html(bank, probe)
    assert "(1 of 3 right)" not in page and "(0 of 3 right)" in page


def test_junk_words_do_not_unlock_a_model_answer(tmp_path, monkeypatch):
    """Eight one-letter words used to unlock the model answer (then it could be copied over the saved one)."""
    import base64

    from kit.classroom.widgets import make_model_answer

    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "answers.json"))
    w = make_model_answer("gaming_open", base64.b64encode(b"A model paragraph.").decode())
    w.children[1].value = "a b c d e f g h"
    w.children[2].click()
    w.children[4].click()
    assert "A model paragraph" not in w.children[5].value
    w.children[1].value = "The monitor calls the army regime forces, and the copy dropped his name and the marks."
    w.children[2].click()
    w.children[4].click()
    assert "A model paragraph" in w.children[5].value
