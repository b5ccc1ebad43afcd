"""Classroom widgets: annotate-then-compare and the before/after quiz."""

from __future__ import annotations

import html

import ipywidgets as W

from kit.core.render import highlight, message
from kit.core.widgets import safe_html

# Classroom widgets used by every lens: annotate first, then compare with the kit;
# the before/after quiz. Logic lives in kit.classroom.annotate and kit.classroom.quiz.


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
    from kit.classroom.answers import save_answer, saved
    from kit.classroom.feedback import Feedback

    tags = [str(t) for t in tags]
    all_units = annotate.units(text, unit=unit)
    state = {"marks": annotate.marks_from_saved(saved(exercise, None), text, tags)}
    name = (labels or {}).get
    intro = W.HTML(message(
        (question + " " if question else "")
        + ("Pick one or more sentences" if unit == "sentence" else "Click one or more words")
        + ", choose a tag and press Mark. When you are done, press Compare with the kit.",
        kind="info"))
    if unit == "sentence":
        picker = W.SelectMultiple(options=[(f"{u.index + 1}. {u.text}"[:160], u.index) for u in all_units],
                                  rows=min(10, max(3, len(all_units))),
                                  layout=W.Layout(width="100%"))
    else:
        picker = W.Box([W.ToggleButton(description=u.text, value=False,
                                       layout=W.Layout(width="auto", margin="1px"))
                        for u in all_units],
                       layout=W.Layout(flex_flow="row wrap"))
    tag = W.Dropdown(options=[(name(t, t), t) for t in tags], description="Tag")
    mark = W.Button(description="Mark", button_style="primary", icon="pencil")
    unmark = W.Button(description="Unmark", icon="eraser")
    compare_btn = W.Button(description="Compare with the kit", button_style="info", icon="balance-scale")
    mine = W.HTML()
    result = W.HTML()
    old_note = saved(exercise + "_why", "")
    note = W.Textarea(value=old_note if isinstance(old_note, str) else "",
                      placeholder="Where is the kit wrong, or where were you wrong? Why?",
                      layout=W.Layout(width="100%", height="70px"))
    save_note = W.Button(description="Save note", icon="save")
    note_status = W.HTML()

    def selected() -> list[int]:
        if unit == "sentence":
            return list(picker.value)
        return [i for i, b in enumerate(picker.children) if b.value]

    def clear_selection():
        if unit == "sentence":
            picker.value = ()
        else:
            for b in picker.children:
                b.value = False

    def show_mine():
        if not state["marks"]:
            return message("No marks yet.", kind="info")
        return highlight(text, state["marks"], labels=labels, colors=colors, show_tags=True)

    def store(feedback: Feedback):
        save_answer(exercise, [m.as_dict() for m in state["marks"]], feedback)

    def on_mark(_=None):
        def build():
            new = annotate.marks_from_units(selected(), tag.value, all_units)
            if not new:
                return show_mine() + message("Select something first.", kind="warning")
            state["marks"] = annotate.add_marks(state["marks"], new)
            store(Feedback(False, f"{len(state['marks'])} marks, not compared yet.", exercise))
            clear_selection()
            return show_mine()
        mine.value = safe_html(build)

    def on_unmark(_=None):
        def build():
            spans = annotate.marks_from_units(selected(), "", all_units)
            state["marks"] = annotate.remove_marks(state["marks"], spans)
            store(Feedback(False, f"{len(state['marks'])} marks, not compared yet.", exercise))
            clear_selection()
            return show_mine()
        mine.value = safe_html(build)

    def on_compare(_=None):
        def build():
            if not state["marks"]:
                return message("Mark at least one place yourself first: then compare.", kind="warning")
            agreement = annotate.compare(state["marks"], kit_spans, units=all_units, tag=kit_tag)
            store(annotate.annotation_feedback(state["marks"], agreement, exercise=exercise))
            return annotate.comparison_html(text, state["marks"], kit_spans, agreement, tag=kit_tag,
                                            labels=labels, colors=colors)
        result.value = safe_html(build)

    def on_save_note(_=None):
        def build():
            words = note.value.strip()
            if not words:
                return message("Write a sentence or two first.", kind="warning")
            ok = save_answer(exercise + "_why", words, Feedback(True, "Note saved.", exercise + "_why"))
            return message("Saved." if ok else "Could not save here, but you can still discuss it.",
                           kind="success" if ok else "warning")
        note_status.value = safe_html(build)

    mark.on_click(on_mark)
    unmark.on_click(on_unmark)
    compare_btn.on_click(on_compare)
    save_note.on_click(on_save_note)
    mine.value = safe_html(show_mine)
    return W.VBox([intro, picker, W.HBox([tag, mark, unmark, compare_btn]), mine, result,
                   W.HBox([note, save_note], layout=W.Layout(width="100%")), note_status],
                  layout=W.Layout(max_width="900px"))


def make_quiz(bank="quiz_before") -> W.VBox:
    """The before/after quiz: one set of radio buttons per item, Submit shows the score
    and every explanation. Answers are saved and come back after a restart.

    Children: 0 title and the three questions, 1 a VBox of items (each a VBox
    [the sentence and question, RadioButtons]), 2 Submit, 3 the result.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> from kit.classroom.quiz import load_bank
    >>> w = make_quiz("quiz_after")
    >>> first = load_bank("quiz_after").items[0]
    >>> w.children[1].children[0].children[1].value = first.answer
    >>> w.children[2].click()
    >>> "1 of 12 right" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from kit.classroom.answers import saved
    from kit.classroom.feedback import QUESTIONS
    from kit.classroom.quiz import Bank, check_quiz, load_bank, score

    bank = bank if isinstance(bank, Bank) else load_bank(bank)
    before = saved(bank.id, {})
    before = before if isinstance(before, dict) else {}
    questions = "".join(f"<li><b>{html.escape(q)}</b> ({html.escape(lens)})</li>" for lens, q in QUESTIONS.items())
    head = W.HTML(f"<h3>{html.escape(bank.title)}</h3><p>Three questions to ask of any news story:</p>"
                  f"<ul>{questions}</ul>")
    rows = []
    radios = []
    for n, item in enumerate(bank.items, 1):
        prompt = W.HTML(f"<p style='margin:10px 0 2px 0'><b>{n}.</b> <i>{html.escape(item.text)}</i><br>"
                        f"{html.escape(item.question)}</p>")
        value = before.get(item.id) if before.get(item.id) in item.choices else None
        radio = W.RadioButtons(options=list(item.choices), value=value, layout=W.Layout(width="auto"))
        radios.append(radio)
        rows.append(W.VBox([prompt, radio]))
    submit = W.Button(description="Submit", button_style="primary", icon="check")
    result = W.HTML()

    def on_submit(_=None):
        def build():
            answers = {item.id: r.value for item, r in zip(bank.items, radios) if r.value is not None}
            fb = check_quiz(bank, answers)
            if not answers:
                return fb._repr_html_()
            scored = score(bank, answers)
            lines = []
            for n, r in enumerate(scored.results, 1):
                mark = "✅" if r.correct else ("⬜" if r.given is None else "❌")
                lines.append(f"<li>{mark} <b>{n}.</b> Answer: {html.escape(r.item.answer)}. "
                             f"{html.escape(r.item.explanation)}</li>")
            return fb._repr_html_() + f"<ol style='list-style:none;padding-left:0'>{''.join(lines)}</ol>"
        result.value = safe_html(build)

    submit.on_click(on_submit)
    return W.VBox([head, W.VBox(rows), submit, result], layout=W.Layout(max_width="900px"))
