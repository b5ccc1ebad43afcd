"""Exercises answered with widgets (kit.classroom.exercise_widgets), driven as a student does:
set the controls, press Check, read the feedback. Each case also checks that the widget says
exactly what the checker says for the same answer, and that the answer is saved.

Every exercise checker called in a teacher notebook has a widget cell beside it
(test_every_notebook_exercise_has_a_widget), so app mode (Voila, code hidden) needs no code.
"""

from __future__ import annotations

import re
from html import unescape

import nbformat
import pytest

from conftest import ROOT
from kit.attribution import exercises as attribution
from kit.classroom import exercise_widgets as ew
from kit.classroom.answers import load_answers
from kit.classroom.feedback import NOT_ANSWERED
from kit.classroom.start import start_observatory
from kit.compare import exercises as compare
from kit.compare import trace_exercises as trace
from kit.framing import exercises as framing
from kit.numbers import exercises as numbers

TEACHER = ROOT / "lessons" / "teacher"


@pytest.fixture(autouse=True)
def answers_file(tmp_path, monkeypatch):
    path = tmp_path / "kit_answers.json"
    monkeypatch.setenv("KIT_ANSWERS", str(path))
    return path


def parts(box):
    """(controls, button, feedback) of an exercise box."""
    *_, button, out = box.children
    return box.children[1:-2], button, out


def check(box) -> str:
    _, button, out = parts(box)
    button.click()
    return out.value


def choose(box, value):
    (radio, *_), _, _ = parts(box)
    radio.value = value


def type_in(box, *texts):
    controls, _, _ = parts(box)
    for control, text in zip(controls, texts):
        control.value = text


def tick(box, *labels):
    (group,), _, _ = parts(box)
    for t in group.children:
        t.value = t.description in labels


def pick(box, values: dict):
    (group,), _, _ = parts(box)
    for d in group.children:
        if d.description in values:
            d.value = values[d.description]


def assert_feedback(html: str, checker, *args, passed: bool, hint: str = ""):
    # the widget shows what the checker says (in self-study mode, then a "Show the answer" disclosure)
    assert html.startswith(ew.feedback_html(checker, *args)), "the widget shows what the checker says"
    assert ("Well done!" in html) is passed, html
    if hint:
        assert hint in unescape(html)


# ---------------------------------------------------------------- each kind of builder


def test_blank_says_not_answered_without_code(answers_file):
    box = ew.text_exercise(start_observatory, prompt="Who?")
    html = check(box)
    assert "press Check" in html and "run the cell" not in html and "replace the" not in html
    assert NOT_ANSWERED in html.replace("&#x27;", "'")
    for blank in (ew.choice_exercise(numbers.numbers_trick, ["truncated axis"]),
                  ew.multi_exercise(attribution.attribution_second_source, ["A", "B"]),
                  ew.pairs_exercise(compare.compare_which, "ABC", ["wire"]),
                  ew.fields_exercise(numbers.numbers_interval, ["Lowest", "Highest"])):
        assert "You have not answered yet" in check(blank)


def test_not_answered_is_a_quiet_note_and_a_wrong_answer_a_hint(answers_file):
    # above every answer box in app mode before the student starts: a grey note, not a yellow warning
    assert "kit-msg-todo" in start_observatory(...)._repr_html_()
    wrong = start_observatory("the moon")
    assert not wrong.passed and "kit-msg-warning" in wrong._repr_html_()


def test_text_exercise_right_wrong_and_saved(answers_file):
    box = ew.text_exercise(start_observatory, prompt="Who?")
    type_in(box, "AFP")
    assert_feedback(check(box), start_observatory, "AFP", passed=False, hint="AFP wrote the story")
    type_in(box, "  the Syrian Observatory for Human Rights ")
    assert_feedback(check(box), start_observatory, "the Syrian Observatory for Human Rights", passed=True)
    assert load_answers(answers_file)["start_observatory"]["passed"] is True


CASES = [
    # 01_framing
    (lambda: ew.choice_exercise(framing.framing_loaded_label,
                                ["government forces", "rebel offensive", "regime forces", "civil war"]),
     choose, ("rebel offensive",), framing.framing_loaded_label, ("rebel offensive",), False, "neutral way"),
    (lambda: ew.choice_exercise(framing.framing_loaded_label, ["government forces", "regime forces"]),
     choose, ("regime forces",), framing.framing_loaded_label, ("regime forces",), True, ""),
    (lambda: ew.multi_exercise(framing.framing_same_side,
                               ["regime forces", "rebel alliance", "government forces", "the army"], as_type=list),
     tick, ("regime forces", "government forces"), framing.framing_same_side,
     (["regime forces", "government forces"],), False, "The army strengthened"),
    (lambda: ew.multi_exercise(framing.framing_same_side,
                               ["regime forces", "rebel alliance", "government forces", "the army"], as_type=list),
     tick, ("regime forces", "government forces", "the army"), framing.framing_same_side,
     (["regime forces", "government forces", "the army"],), True, ""),
    (lambda: ew.text_exercise(framing.framing_neutral_rewrite), type_in, ("Freedom fighters took the town.",),
     framing.framing_neutral_rewrite, ("Freedom fighters took the town.",), False, "still takes a side"),
    (lambda: ew.text_exercise(framing.framing_hidden_actor), type_in, ("vehicles were set on fire",),
     framing.framing_hidden_actor, ("vehicles were set on fire",), True, ""),
    # 02_attribution
    (lambda: ew.pairs_exercise(attribution.attribution_classify, list(attribution.ATTRIBUTION_SOURCES),
                               ["official", "monitor", "state_media", "military", "eyewitness", "expert"]),
     pick, ({"Rami Abdel Rahman": "official"},), attribution.attribution_classify,
     ({k: ("official" if k == "Rami Abdel Rahman" else ...) for k in attribution.ATTRIBUTION_SOURCES},),
     False, "Read his whole title"),
    (lambda: ew.pairs_exercise(attribution.attribution_classify, list(attribution.ATTRIBUTION_SOURCES),
                               ["official", "monitor", "state_media", "military", "eyewitness", "expert"]),
     pick, ({k: v[0] for k, v in attribution.ATTRIBUTION_SOURCES.items()},), attribution.attribution_classify,
     ({k: v[0] for k, v in attribution.ATTRIBUTION_SOURCES.items()},), True, ""),
    (lambda: ew.choice_exercise(attribution.attribution_doubt_verb, ["said", "confirmed", "claimed"]),
     choose, ("said",), attribution.attribution_doubt_verb, ("said",), False, "is neutral"),
    (lambda: ew.choice_exercise(attribution.attribution_doubt_monitor, ["said", "confirmed", "claimed"]),
     choose, ("said",), attribution.attribution_doubt_monitor, ("said",), False, "whether the monitor"),
    (lambda: ew.choice_exercise(attribution.attribution_doubt_verb, ["said", "confirmed", "claimed"]),
     choose, ("claimed",), attribution.attribution_doubt_verb, ("claimed",), True, ""),
    (lambda: ew.pairs_exercise(attribution.attribution_chain, ["Step 1", "Step 2", "Step 3", "Step 4"],
                               list("ABCD"), as_list=True),
     pick, ({"Step 1": "C", "Step 2": "B", "Step 3": "A", "Step 4": "D"},), attribution.attribution_chain,
     (["C", "B", "A", "D"],), False, "Step 1 is not right"),
    (lambda: ew.pairs_exercise(attribution.attribution_chain, ["Step 1", "Step 2", "Step 3", "Step 4"],
                               list("ABCD"), as_list=True),
     pick, ({"Step 1": "B", "Step 2": "C", "Step 3": "A", "Step 4": "D"},), attribution.attribution_chain,
     (["B", "C", "A", "D"],), True, ""),
    (lambda: ew.multi_exercise(attribution.attribution_second_source,
                               [(f"{k}: claim", k) for k in "ABCDE"]),
     tick, ("A: claim", "B: claim"), attribution.attribution_second_source, ({"A", "B"},), False, "Look again at D"),
    (lambda: ew.multi_exercise(attribution.attribution_second_source,
                               [(f"{k}: claim", k) for k in "ABCDE"]),
     tick, ("A: claim", "B: claim", "D: claim"), attribution.attribution_second_source, ({"A", "B", "D"},), True, ""),
    # 03_numbers
    (lambda: ew.fields_exercise(numbers.numbers_interval, ["Lowest", "Highest"]), type_in, ("61", "61"),
     numbers.numbers_interval, ("61", "61"), False, "does not say exactly 61"),
    (lambda: ew.fields_exercise(numbers.numbers_interval, ["Lowest", "Highest"]), type_in, ("61", "none"),
     numbers.numbers_interval, ("61", "none"), True, ""),
    (lambda: ew.fields_exercise(numbers.numbers_dozens, ["Smallest", "Largest"]), type_in, ("12", "20"),
     numbers.numbers_dozens, ("12", "20"), False, "One dozen is 12"),
    (lambda: ew.fields_exercise(numbers.numbers_dozens, ["Smallest", "Largest"]), type_in, ("24", "99"),
     numbers.numbers_dozens, ("24", "99"), True, ""),
    (lambda: ew.text_exercise(numbers.numbers_source), type_in, ("AFP",), numbers.numbers_source, ("AFP",),
     False, "whose statement"),
    (lambda: ew.text_exercise(numbers.numbers_others), type_in, ("473",), numbers.numbers_others, ("473",),
     False, "not extra"),
    (lambda: ew.text_exercise(numbers.numbers_others), type_in, ("351",), numbers.numbers_others, ("351",), True, ""),
    (lambda: ew.choice_exercise(numbers.numbers_trick, ["truncated axis", "cherry-picked window", "area vs length"]),
     choose, ("area vs length",), numbers.numbers_trick, ("area vs length",), False, "no circles"),
    (lambda: ew.fields_exercise(numbers.numbers_saydnaya, ["Lowest", "Highest"]), type_in, ("13000", "13000"),
     numbers.numbers_saydnaya, ("13000", "13000"), False, "top of Amnesty's range"),
    (lambda: ew.choice_exercise(numbers.numbers_saydnaya_claim, ["up to 13,000", "more than 13,000"]),
     choose, ("up to 13,000",), numbers.numbers_saydnaya_claim, ("up to 13,000",), False, "stops at 13,000"),
    (lambda: ew.choice_exercise(numbers.numbers_tolls, [("a", "a"), ("b", "b"), ("c", "c"), ("d", "d")]),
     choose, ("b",), numbers.numbers_tolls, ("b",), False, "other way round"),
    (lambda: ew.fields_exercise(numbers.numbers_listing, ["2 December 2024", "1 March 2026"]), type_in,
     ("yes", "no"), numbers.numbers_listing, ("yes", "no"), True, ""),
    # 04_compare, 05_your_article
    (lambda: ew.pairs_exercise(compare.compare_which, ["A", "B", "C"], ["state media", "opposition", "wire"]),
     pick, ({"A": "wire", "B": "opposition", "C": "state media"},), compare.compare_which,
     ({"A": "wire", "B": "opposition", "C": "state media"},), False, "revolutionaries"),
    (lambda: ew.pairs_exercise(compare.compare_which, ["A", "B", "C"], ["state media", "opposition", "wire"]),
     pick, ({"A": "opposition", "B": "wire", "C": "state media"},), compare.compare_which,
     ({"A": "opposition", "B": "wire", "C": "state media"},), True, ""),
    (lambda: ew.text_exercise(compare.compare_left_out), type_in, ("412",), compare.compare_left_out, ("412",),
     False, "so does version A"),
    (lambda: ew.text_exercise(compare.article_repair), type_in, ("I don't think the government will recover",),
     compare.article_repair, ("I don't think the government will recover",), True, ""),
    (lambda: ew.choice_exercise(compare.article_lateral, [("a", "a"), ("b", "b"), ("c", "c")], evidence="Evidence"),
     lambda box, letter, why: (choose(box, letter), setattr(parts(box)[0][1], "value", why)), ("b", ""),
     compare.article_lateral, (("b", ""),), False, "Right choice"),
    (lambda: ew.choice_exercise(compare.article_lateral, [("a", "a"), ("b", "b"), ("c", "c")], evidence="Evidence"),
     lambda box, letter, why: (choose(box, letter), setattr(parts(box)[0][1], "value", why)),
     ("b", "https://www.fpri.org"), compare.article_lateral, (("b", "https://www.fpri.org"),), True, ""),
    # 06_trace
    (lambda: ew.text_exercise(trace.trace_speaker), type_in, ("he",), trace.trace_speaker, ("he",), False,
     "give his name"),
    (lambda: ew.multi_exercise(trace.trace_what_changed, ["the date", "the speaker (he said)", "the quotation marks"],
                               as_type=list),
     tick, ("the speaker (he said)",), trace.trace_what_changed, (["the speaker (he said)"],), False, "One of two"),
    (lambda: ew.choice_exercise(trace.trace_observer, [("a) UN", "a"), ("b) SOHR", "b"), ("c) journalist", "c")]),
     choose, ("a",), trace.trace_observer, ("a",), False, "no UN observer"),
    (lambda: ew.text_exercise(trace.trace_quote), type_in, ("the Russian military",), trace.trace_quote,
     ("the Russian military",), True, ""),
    (lambda: ew.text_exercise(trace.trace_distance), type_in, ("230",), trace.trace_distance, ("230",), False,
     "the story's figure"),
    (lambda: ew.text_exercise(trace.trace_stop), type_in, ("regime forces",), trace.trace_stop, ("regime forces",),
     False, "label to check later"),
    (lambda: ew.choice_exercise(trace.trace_coverage, ["The Japan Times", "Express & Star"]), choose,
     ("The Japan Times",), trace.trace_coverage, ("The Japan Times",), False, "carries AFP's text"),
    (lambda: ew.choice_exercise(trace.trace_yesterday, [("a", "a"), ("b", "b"), ("c", "c")]), choose, ("a",),
     trace.trace_yesterday, ("a",), False, "Monday 2 December"),
    (lambda: ew.choice_exercise(trace.trace_monitor, [("a", "a"), ("b", "b"), ("c", "c")], evidence="Evidence"),
     lambda box, letter, why: (choose(box, letter), setattr(parts(box)[0][1], "value", why)), ("b", ""),
     trace.trace_monitor, (("b", ""),), False, "Right choice"),
    (lambda: ew.choice_exercise(trace.trace_monitor, [("a", "a"), ("b", "b"), ("c", "c")], evidence="Evidence"),
     lambda box, letter, why: (choose(box, letter), setattr(parts(box)[0][1], "value", why)),
     ("b", "Reuters, 8 Dec 2011"), trace.trace_monitor, (("b", "Reuters, 8 Dec 2011"),), True, ""),
]


@pytest.mark.parametrize("build, act, values, checker, args, passed, hint", CASES,
                         ids=[f"{c[3].__name__}-{'right' if c[5] else 'hint'}-{i}" for i, c in enumerate(CASES)])
def test_widget_feedback(answers_file, build, act, values, checker, args, passed, hint):
    box = build()
    act(box, *values)
    assert_feedback(check(box), checker, *args, passed=passed, hint=hint)
    assert checker.exercise_id in load_answers(answers_file), "the checker saved the answer"


def test_feedback_html_never_raises():
    def broken(_):
        raise RuntimeError("boom")

    assert "Something went wrong inside the kit" in ew.feedback_html(broken, "x")


def test_user_text_is_escaped():
    box = ew.text_exercise(start_observatory, prompt="<script>x</script>")
    assert "<script>" not in box.children[0].value
    type_in(box, "<img src=x onerror=alert(1)>")
    assert "<img src=x" not in check(box)


# ---------------------------------------------------------------- every exercise in the notebooks

CALL = re.compile(r"\b(?:exercises|start)\.([a-z_]+)\(")


def _notebook_exercises(path):
    nb = nbformat.read(path, as_version=4)
    coded, widgets = set(), set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "### BEGIN SOLUTION" in cell.source:
            coded |= set(CALL.findall(cell.source))
        if "_exercise(" in cell.source:
            widgets |= set(re.findall(r"_exercise\((?:exercises|start)\.([a-z_]+)", cell.source))
    return coded, widgets


@pytest.mark.parametrize("path", sorted(TEACHER.glob("0*.ipynb")), ids=lambda p: p.stem)
def test_every_notebook_exercise_has_a_widget(path):
    coded, widgets = _notebook_exercises(path)
    assert coded, f"{path.name}: no exercise found"
    assert coded <= widgets, f"{path.name}: exercises without a widget: {sorted(coded - widgets)}"


def test_no_message_asks_to_run_a_cell_again():
    """What a student sees never asks for code editing that app mode cannot do."""
    assert "run the cell" not in NOT_ANSWERED and "replace the" not in NOT_ANSWERED
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert "run the cell again" not in text and "run this cell again" not in text, path.name
