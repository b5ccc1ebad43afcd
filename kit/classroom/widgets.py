"""Classroom widgets: annotate-then-compare and the before/after quiz."""

from __future__ import annotations

import html
import re

import ipywidgets as W

from kit.classroom.quiz_widgets import make_quiz  # noqa: F401  (the quiz lives in quiz_widgets; kept here for old notebooks)
from kit.core.render import highlight, message
from kit.core.widgets import safe_html

# Classroom widgets used by every lens: annotate first, then compare with the kit;
# the before/after quiz. Logic lives in kit.classroom.annotate and kit.classroom.quiz.


def _annotator_intro(question: str, unit: str) -> str:
    """The instructions at the top of :func:`make_annotator`.

    >>> "Click one or more words" in _annotator_intro("Who is named how?", "token")
    True
    """
    return message(
        (question + " " if question else "")
        + ("Pick one or more sentences" if unit == "sentence" else "Click one or more words")
        + ", choose a tag and press Mark. When you are done, press Compare with the kit.",
        kind="info")


def _unit_picker(all_units, unit: str) -> W.Widget:
    """A list of sentences to pick from (``unit="sentence"``), else a toggle button per word.

    >>> from kit.classroom.annotate import units
    >>> _unit_picker(units("Rebels took the city.", unit="token"), "token").children[0].description
    'Rebels'
    """
    if unit == "sentence":
        return W.SelectMultiple(options=[(f"{u.index + 1}. {u.text}"[:160], u.index) for u in all_units],
                                rows=min(10, max(3, len(all_units))), description="Sentences",
                                layout=W.Layout(width="100%"))
    # the word buttons are for mouse and touch; the keyboard uses the word list (_keyboard_twin),
    # one Tab stop instead of one per word (issue 26)
    return W.Box([W.ToggleButton(description=u.text, value=False, tabbable=False,
                                 layout=W.Layout(width="auto", margin="1px"))
                  for u in all_units], layout=W.Layout(flex_flow="row wrap"))


def _keyboard_twin(picker: W.Box) -> W.SelectMultiple:
    """A word list kept in step with a word-button picker: one Tab stop, arrow keys inside
    (Shift + arrows or Ctrl + Space pick several). Picking in either one picks in both.

    >>> from kit.classroom.annotate import units
    >>> picker = _unit_picker(units("Rebels took the city.", unit="token"), "token")
    >>> twin = _keyboard_twin(picker)
    >>> twin.value = (1, 2)
    >>> [b.value for b in picker.children]
    [False, True, True, False]
    >>> picker.children[0].value = True
    >>> twin.value
    (0, 1, 2)
    """
    twin = W.SelectMultiple(options=[(f"{i + 1}. {b.description}", i) for i, b in enumerate(picker.children)],
                            rows=4, description="Words", layout=W.Layout(width="340px"))
    busy = [False]

    def sync(copy):
        if busy[0]:
            return
        busy[0] = True
        try:
            copy()
        finally:
            busy[0] = False

    def to_buttons(_=None):
        for i, b in enumerate(picker.children):
            b.value = i in twin.value

    def to_list(_=None):
        twin.value = tuple(i for i, b in enumerate(picker.children) if b.value)

    twin.observe(lambda _: sync(to_buttons), "value")
    for b in picker.children:
        b.observe(lambda _: sync(to_list), "value")
    return twin


def _annotator_row(tags: list[str], labels: dict | None = None) -> W.HBox:
    """The row under the picker: [tag dropdown (tags shown by their label), Mark, Unmark, Compare with the kit].

    >>> [c.description for c in _annotator_row(["loaded"], {"loaded": "Loaded word"}).children]
    ['Tag', 'Mark', 'Unmark', 'Compare with the kit']
    """
    return W.HBox([W.Dropdown(options=[((labels or {}).get(t, t), t) for t in tags], description="Tag"),
                   W.Button(description="Mark", button_style="primary", icon="pencil"),
                   W.Button(description="Unmark", icon="eraser"),
                   W.Button(description="Compare with the kit", button_style="info", icon="balance-scale",
                            layout=W.Layout(width="auto"))])


def _picked(picker: W.Widget, *, clear: bool = False) -> list[int]:
    """The indexes of the units picked in a :func:`_unit_picker`; ``clear=True`` also unpicks them.

    >>> from kit.classroom.annotate import units
    >>> picker = _unit_picker(units("Rebels took the city.", unit="token"), "token")
    >>> picker.children[1].value = True
    >>> _picked(picker, clear=True), _picked(picker)
    ([1], [])
    """
    if isinstance(picker, W.SelectMultiple):
        chosen = list(picker.value)
        if clear:
            picker.value = ()
        return chosen
    chosen = [i for i, b in enumerate(picker.children) if b.value]
    for b in picker.children if clear else ():
        b.value = False
    return chosen


def _save_marks(exercise: str, marks, feedback) -> None:
    """Save the student's marks (as dicts) with ``feedback`` under ``exercise``."""
    from kit.classroom.answers import save_answer

    save_answer(exercise, [m.as_dict() for m in marks], feedback)


def _compare_and_save(text: str, marks, kit_spans, *, units, exercise: str, kit_tag="tag",
                      labels: dict | None = None, colors: dict | None = None) -> str:
    """Compare the student's marks with the kit's, save the result, and return the comparison as HTML.

    >>> "Mark at least one place" in _compare_and_save("Gunmen fled.", [], [], units=[], exercise="x")
    True
    """
    from kit.classroom import annotate

    if not marks:
        return message("Mark at least one place yourself first: then compare.", kind="warning")
    agreement = annotate.compare(marks, kit_spans, units=units, tag=kit_tag)
    _save_marks(exercise, marks, annotate.annotation_feedback(marks, agreement, exercise=exercise))
    return annotate.comparison_html(text, marks, kit_spans, agreement, tag=kit_tag, labels=labels, colors=colors)


def _note_controls(exercise: str) -> tuple[W.Textarea, W.Button, W.HTML]:
    """The note box (with the saved note, if any), its Save button and its status line."""
    from kit.classroom.answers import saved

    old_note = saved(exercise + "_why", "")
    note = W.Textarea(value=old_note if isinstance(old_note, str) else "",
                      placeholder="Where is the kit wrong, or where were you wrong? Why?",
                      description="Your note", layout=W.Layout(width="100%", height="70px"))
    return note, W.Button(description="Save note", icon="save"), W.HTML()


def _save_note(exercise: str, words: str) -> str:
    """Save the student's note under ``exercise + "_why"``; the status line to show.

    >>> "Write a sentence or two" in _save_note("annotate", "   ")
    True
    """
    from kit.classroom.answers import save_answer
    from kit.classroom.feedback import Feedback

    words = words.strip()
    if not words:
        return message("Write a sentence or two first.", kind="warning")
    ok = save_answer(exercise + "_why", words, Feedback(True, "Note saved.", exercise + "_why"))
    return message("Saved." if ok else "Could not save here, but you can still discuss it.",
                   kind="success" if ok else "warning")


def make_annotator(text: str, tags, kit_spans, *, unit: str = "sentence", exercise: str = "annotate",
                   kit_tag="tag", labels: dict | None = None, colors: dict | None = None,
                   question: str = "") -> W.VBox:
    """Annotate first, then compare: the student marks sentences (or words) with a tag,
    then sees the kit's marks beside theirs, with agreement and differences.

    ``tags`` are the tags a student can choose (e.g. ``["delegitimizing", "neutral"]``);
    ``kit_spans`` the kit's results (anything with ``start_char``/``end_char``), whose tag
    is the attribute (or function) ``kit_tag``. Marks and the student's note are saved
    with :mod:`kit.classroom.answers` under ``exercise`` and ``exercise + "_why"``, so they come
    back after a restart.

    Children: 0 instructions, 1 picker (a list of sentences, or a button per word),
    2 a row [tag dropdown, Mark, Unmark, Compare with the kit], 3 your marks,
    4 the comparison, 5 a row [note box, Save note], 6 the note's status.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_annotator("Rebels took the city. Gunmen fled.", ["loaded", "neutral"], [])
    >>> w.children[1].value = (1,)
    >>> w.children[2].children[0].value = "loaded"
    >>> w.children[2].children[1].click()
    >>> "Gunmen fled." in w.children[3].value and "data-tag=\\"loaded\\"" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from kit.classroom import annotate
    from kit.classroom.answers import saved
    from kit.classroom.feedback import Feedback

    tags = [str(t) for t in tags]
    all_units = annotate.units(text, unit=unit)
    state = {"marks": annotate.marks_from_saved(saved(exercise, None), text, tags)}
    picker = _unit_picker(all_units, unit)
    row = _annotator_row(tags, labels)
    tag, mark, unmark, compare_btn = row.children
    mine, result = W.HTML(), W.HTML()
    note, save_note, note_status = _note_controls(exercise)

    def show_mine():
        if not state["marks"]:
            return message("No marks yet.", kind="info")
        return highlight(text, state["marks"], labels=labels, colors=colors, show_tags=True)

    def change_marks(change, tag_value: str = "", *, need_selection: bool = False):
        def build():
            spans = annotate.marks_from_units(_picked(picker), tag_value, all_units)
            if need_selection and not spans:
                return show_mine() + message("Select something first.", kind="warning")
            state["marks"] = change(state["marks"], spans)
            progress = Feedback(False, f"{len(state['marks'])} marks, not compared yet.", exercise)
            _save_marks(exercise, state["marks"], progress)
            _picked(picker, clear=True)
            return show_mine()
        mine.value = safe_html(build)

    def on_compare(_=None):
        result.value = safe_html(lambda: _compare_and_save(
            text, state["marks"], kit_spans, units=all_units, exercise=exercise, kit_tag=kit_tag,
            labels=labels, colors=colors))

    def on_save_note(_=None):
        note_status.value = safe_html(lambda: _save_note(exercise, note.value))

    mark.on_click(lambda _: change_marks(annotate.add_marks, tag.value, need_selection=True))
    unmark.on_click(lambda _: change_marks(annotate.remove_marks))
    compare_btn.on_click(on_compare)
    save_note.on_click(on_save_note)
    mine.value = safe_html(show_mine)
    intro = W.HTML(_annotator_intro(question, unit))
    if unit != "sentence":  # keyboard users pick words in a list (one Tab stop), not 50 buttons
        intro = W.VBox([intro, W.HTML("<i>With the keyboard:</i> pick words in this list (arrow keys; "
                                      "Shift + arrows for several), or click the words below."),
                        _keyboard_twin(picker)])
    return W.VBox([intro, picker, row,
                   mine, result, W.HBox([note, save_note], layout=W.Layout(width="100%")), note_status],
                  layout=W.Layout(max_width="900px"))


#: An open answer counts as "tried" (and the model answer can be shown) from this many words.
TRIED_WORDS = 8


def real_try(text: object) -> bool:
    """Is a written answer a real try: :data:`TRIED_WORDS` words or more, most of them real and different?
    ("a b c d e f g h" was enough to unlock a model answer, then copy it over the saved one.)

    >>> real_try("a b c d e f g h"), real_try("no no no no no no no no")
    (False, False)
    >>> real_try("The army is called regime forces by the monitor, not by the reporter.")
    True
    """
    if not isinstance(text, str):
        return False
    words = re.findall(r"[a-z']+", text.lower())
    long_words = {w for w in words if len(w) >= 3}
    return len(words) >= TRIED_WORDS and len(long_words) >= TRIED_WORDS // 2 and len(set(words)) * 3 >= len(words)


def _rubric_html(rubric: dict) -> str:
    rows = "".join(f"<li><b>{level}</b>: {html.escape(str(text))}</li>" for level, text in rubric.items())
    return f"<details><summary>How a written answer is scored (4 is best)</summary><ul>{rows}</ul></details>"


def make_model_answer(exercise: str, model: str, *, rubric: str = "open") -> W.VBox:
    """A model answer for an open question, shown only after the student has tried.

    The student writes (or copies) their answer into the box and presses Save; it is saved
    for the teacher's gradebook. Once a saved answer has a few sentences' worth of words
    (:data:`TRIED_WORDS`), a *Show a model answer* button appears. ``model`` is the teacher's
    solution, base64-encoded by ``tools/make_student.py`` so it is not read at a glance.
    ``rubric``: ``"open"`` or ``"transfer"`` (:data:`kit.classroom.transfer.OPEN_RUBRIC`, ``TRANSFER_RUBRIC``).

    Children: 0 intro and rubric, 1 Textarea, 2 Save, 3 status, 4 Show a model answer, 5 the model.

    >>> import base64, os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_model_answer("demo_open", base64.b64encode(b"A model.").decode())
    >>> w.children[4].layout.display
    'none'
    >>> w.children[1].value = "The label rebels names one side and the army is named by its own word."
    >>> w.children[2].click(); w.children[4].click()
    >>> w.children[4].layout.display is None and "A model." in w.children[5].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    import base64
    import binascii

    from kit.classroom.answers import save_answer, saved
    from kit.classroom.feedback import Feedback
    from kit.classroom.transfer import OPEN_RUBRIC, TRANSFER_RUBRIC

    def tried(text) -> bool:
        return real_try(text)

    before = saved(str(exercise), "")
    intro = W.HTML(message("Write your answer in the box (or copy it from the cell above) and press Save. "
                           "Then you can compare it with a model answer.", kind="info")
                   + _rubric_html(TRANSFER_RUBRIC if rubric == "transfer" else OPEN_RUBRIC))
    box = W.Textarea(value=before if isinstance(before, str) else "", placeholder="Your answer",
                     description="Your answer", layout=W.Layout(width="100%", height="7em"))
    save = W.Button(description="Save my answer", icon="save")
    status, shown = W.HTML(), W.HTML()
    show = W.Button(description="Show a model answer", icon="eye",
                    layout=W.Layout(display=None if tried(before) else "none"))

    def on_save(_=None):
        def build():
            text = box.value.strip()
            if not tried(text):
                return message(f"Write a little more first (at least {TRIED_WORDS} different words of your own), "
                               "then press Save.",
                               kind="warning")
            save_answer(str(exercise), text, Feedback(True, "Written answer saved.", str(exercise)))
            show.layout.display = None
            return message("Saved for your teacher. Now compare with a model answer.", kind="success")
        status.value = safe_html(build)

    def on_show(_=None):
        def build():
            try:
                text = base64.b64decode(str(model).encode("ascii"), validate=True).decode("utf-8")
            except (binascii.Error, ValueError):
                text = str(model)
            return ("<div class='kit-model'><b>A model answer</b> (one good answer among many: what does "
                    f"yours do that it does not?)<blockquote style='white-space:pre-wrap'>{html.escape(text)}"
                    "</blockquote></div>")
        if tried(saved(str(exercise), "")) or show.layout.display is None:
            shown.value = safe_html(build)

    save.on_click(on_save)
    show.on_click(on_show)
    return W.VBox([intro, box, save, status, show, shown], layout=W.Layout(max_width="900px"))
