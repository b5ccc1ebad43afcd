"""The widgets of a lesson made from any article (the notebook ``python -m kit lesson`` writes).

Thin builders over :class:`kit.classroom.lesson.Lesson`: each question is a box with its
controls, a Check button and the feedback under it; a question answered before shows the saved
answer and its feedback again when the page is opened again.

>>> from kit.classroom.lesson import Lesson, answer_hash
>>> lesson = Lesson({"id": "demo", "salt": "s", "text": "Shops were looted.", "items": [
...     {"id": "q1", "lens": "framing", "kind": "passive", "prompt": "Who did it?",
...      "start_char": 0, "end_char": 17, "options": [["The sentence does not say", "nobody"], ["Police", "police"]],
...      "accept": [answer_hash("s", "q1", "nobody")]}]})
>>> box = lens_section(lesson, "framing", save=False)
>>> question = box.children[1]
>>> question.children[1].value = "nobody"; question.children[2].click()
>>> "Well done" in question.children[-1].value
True
"""

from __future__ import annotations

import html
import re

import ipywidgets as W

from kit.classroom.answers import saved, store_answer
from kit.classroom.feedback import Feedback
from kit.classroom.lesson import Lesson
from kit.core.render import message
from kit.core.widgets import safe_html

LENS_TITLES = {
    "framing": "Framing: who is named how?",
    "attribution": "Attribution: who says so?",
    "numbers": "Numbers: what do the numbers really claim?",
}

#: The four SIFT moves (Mike Caulfield's SIFT: Stop, Investigate the source, Find better
#: coverage, Trace claims to the original context), each answered with evidence.
SIFT = [
    ("stop", "Stop", "Before you react: what in the headline or first lines tries to make you feel "
                     "something (fear, anger, pride)? Quote the words and say what you felt."),
    ("investigate", "Investigate the source",
     "Who published this article? Search for the outlet (not on its own site): who runs it, "
     "and what do others say about it? Give a link and what it says."),
    ("find", "Find better coverage",
     "Find another outlet's report of the same events. Is it a copy of the same agency story, "
     "or independent reporting? Give a link and what it adds or says differently."),
    ("trace", "Trace to the original",
     "Pick one claim or figure of the article and trace it to where it first came from (a report, "
     "an agency, a statement). Give a link and what the original says."),
]
URL = re.compile(r"https?://[^\s/$.?#][^\s]*\.[^\s]+", re.I)
MIN_WORDS = 10


def _box(prompt: str, controls: list, read, check) -> W.VBox:
    button = W.Button(description="Check", button_style="primary", tooltip="Check your answer and save it")
    out = W.HTML()
    out.add_class("kit-feedback")

    def on_click(_=None):
        out.value = safe_html(lambda: check(*read()).as_html())

    button.on_click(on_click)
    box = W.VBox([W.HTML(f"<b>{html.escape(prompt)}</b>"), *controls, button, out],
                 layout=W.Layout(max_width="900px", margin="0 0 14px 0"))
    box.add_class("kit-exercise")
    box.on_check = on_click  # tests and the page restore call it
    return box


def _choices(item: dict, key: str = "options") -> list[tuple[str, str]]:
    return [(str(label), str(value)) for label, value in item.get(key, [])]


def _radio(options, description: str) -> W.RadioButtons:
    return W.RadioButtons(options=options, value=None, description=description,
                          style={"description_width": "initial"}, layout=W.Layout(width="auto"))


def question_box(lesson: Lesson, item: dict, *, save: bool = True) -> W.VBox:
    """One question of the lesson: its prompt, controls, Check button and feedback."""
    kind, qid = item.get("kind"), str(item["id"])
    number = f"Question {qid[1:]}" + (" (harder)" if item.get("difficulty") == "harder" else "")
    prompt = f"{number}. {item.get('prompt', '')}"

    def check(*answer):
        return lesson.check(qid, answer if len(answer) > 1 else answer[0], save=save)

    if kind == "source":
        who = _radio(_choices(item, "options_speaker"), "Who says so?")
        what = _radio(_choices(item, "options_type"), "What kind of source?")
        controls, read = [who, what], lambda: (who.value or "", what.value or "")
    elif kind == "interval":
        low = W.Text(description="Lowest number", placeholder="a number", style={"description_width": "initial"})
        high = W.Text(description="Highest number", placeholder="empty = no upper limit",
                      style={"description_width": "initial"})
        controls, read = [low, high], lambda: (low.value, high.value)
    else:
        pick = _radio(_choices(item), "Your answer")
        controls, read = [pick], lambda: (pick.value or "",)
    box = _box(prompt, controls, read, check)
    _restore(lesson.exercise_id(qid), controls, box)
    return box


def _restore(exercise_id: str, controls: list, box: W.VBox) -> None:
    """Put a saved answer back in the controls and show its feedback (nothing is saved again)."""
    answer = saved(exercise_id)
    values = answer if isinstance(answer, list) else [answer]
    if answer is ... or len(values) != len(controls):
        return
    try:
        for control, value in zip(controls, values):
            control.value = "" if value is None else value
    except Exception:  # an option that is no longer offered: leave the question blank
        return
    box.children[-1].value = message("Your saved answer is shown above. Press Check to see its feedback again.")


def lens_section(lesson: Lesson, lens: str, *, save: bool = True) -> W.VBox:
    """The title of a lens and every question of the lesson for it."""
    items = [it for it in lesson.data["items"] if it.get("lens") == lens]
    head = W.HTML("" if items else f"<p>{html.escape(LENS_TITLES.get(lens, lens))}: this article gave no "
                  "question for this lens. Ask your teacher for one.</p>")
    return W.VBox([head] + [question_box(lesson, it, save=save) for it in items])


def check_evidence(lesson: Lesson, step: str, text: str, *, needs_link: bool = True, save: bool = True) -> Feedback:
    """A SIFT answer: a link (for the last three moves) and what it says, in the student's words.

    >>> lesson = Lesson({"id": "demo", "items": []})
    >>> check_evidence(lesson, "find", "a link", save=False).passed
    False
    """
    ex = lesson.exercise_id(f"sift_{step}")
    text = (text or "").strip()
    words = URL.sub(" ", text).split()
    if not text:
        return Feedback(False, "You have not answered yet: write your answer, then press Check.", ex)
    if needs_link and not URL.search(text):
        fb = Feedback(False, "Give the link (starting with http) of the page you used, then say what it says.", ex)
    elif len(words) < MIN_WORDS:
        fb = Feedback(False, f"Say in your own words what you found (at least {MIN_WORDS} words): what does the "
                             "page say about the source or the claim?", ex)
    elif len(set(w.lower() for w in words)) < len(words) / 3:
        fb = Feedback(False, "Your answer repeats the same words. Say what you found in a sentence or two.", ex)
    else:
        fb = Feedback(True, "Saved. Your teacher reads this one: it has no single right answer.", ex)
    if save:
        store_answer(ex, text, fb)
    return fb


def sift_section(lesson: Lesson, *, save: bool = True) -> W.VBox:
    """The SIFT moves, each a text box answered with evidence (checked for a link and real content)."""
    boxes = [W.HTML("<h3>SIFT: check the article against the world</h3><p>Four moves fact-checkers make. "
                    "Each needs evidence: a link and what it says.</p>")]
    for step, title, ask in SIFT:
        area = W.Textarea(description="Your answer", placeholder="your answer" + ("" if step == "stop" else ": a link, then what it says"),
                          layout=W.Layout(width="100%", max_width="700px", height="80px"))
        area.description_allow_html = False
        box = _box(f"{title}. {ask}", [area], lambda area=area: (area.value,),
                   lambda text, step=step: check_evidence(lesson, step, text, needs_link=step != "stop", save=save))
        _restore(lesson.exercise_id(f"sift_{step}"), [area], box)
        boxes.append(box)
    return W.VBox(boxes)


def article_view(lesson: Lesson) -> W.VBox:
    """The header and the article with each question's words marked; the easy-read version below it."""
    parts = [W.HTML(safe_html(lambda: lesson.header_html() + lesson.article_html()))]
    easy = lesson.easy_read_html()
    if easy:
        acc = W.Accordion(children=[W.HTML(easy)])
        acc.set_title(0, "Easy-read version (simplified by your teacher)")
        parts.append(acc)
    return W.VBox(parts, layout=W.Layout(max_width="900px"))
