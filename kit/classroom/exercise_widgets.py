"""Exercises answered with widgets: choose, tick or type, then press Check.

Each builder is thin: it reads its controls, calls an existing checker (``kit.<room>.exercises``)
on a button click and shows the :class:`~kit.classroom.feedback.Feedback` below the button.
The checker saves the answer as it does when called from code, so in app mode (Voila, code
hidden) a student answers every exercise without editing code.

>>> from kit.classroom.start import start_observatory
>>> box = text_exercise(start_observatory, prompt="Who counted the dead?")
>>> box.children[1].value = "SOHR"
>>> box.children[2].click()
>>> "Well done" in box.children[-1].value
True
"""

from __future__ import annotations

import html
from typing import Callable, Sequence

import ipywidgets as W

from kit.core.widgets import safe_html

#: What a blank choice reads as (the checker says "not answered yet").
BLANK = ""
CHECK = "Check"

#: Long choices (a claim, a step of a chain) are shown whole, not cut at the default 300px.
def _wide() -> W.Layout:
    return W.Layout(width="auto", max_width="900px")


def _options(options: Sequence) -> list[tuple[str, object]]:
    """``(label, value)`` pairs from plain strings or pairs.

    >>> _options(["a", ("B label", "b")])
    [('a', 'a'), ('B label', 'b')]
    """
    return [tuple(o) if isinstance(o, (tuple, list)) else (str(o), o) for o in options]


def _value(text: str) -> object:
    """A typed answer: the text, or ``...`` (not answered) when blank.

    >>> _value("  "), _value("61")
    (Ellipsis, '61')
    """
    return text if text.strip() else ...


def _shown(answer: object) -> str:
    """A saved answer as the text a box shows (a list as its items, comma-separated).

    >>> _shown("61"), _shown(["a", "b"]), _shown(61)
    ('61', 'a, b', '61')
    """
    if isinstance(answer, list):
        return ", ".join(str(a) for a in answer)
    return str(answer)


def feedback_html(checker: Callable, *args) -> str:
    """The checker's Feedback for ``args`` as HTML (a friendly message if anything fails)."""
    return safe_html(lambda: checker(*args).as_html())


def saved_entry(checker: Callable) -> dict | None:
    """The saved answer to ``checker``'s exercise (``{"answer", "passed", "message", ...}``), or None.

    >>> saved_entry(lambda answer: None) is None
    True
    """
    from kit.classroom.answers import load_answers

    exercise_id = getattr(checker, "exercise_id", None)
    entry = load_answers().get(exercise_id) if isinstance(exercise_id, str) else None
    return entry if entry and entry.get("answer") is not None else None


def saved_feedback_html(entry: dict) -> str:
    """The feedback a saved answer got, with a line saying it is the saved one.

    >>> "Your saved answer" in saved_feedback_html({"answer": "x", "passed": True, "message": "Well done! Yes."})
    True
    """
    from kit.classroom.feedback import Feedback

    fb = Feedback(entry.get("passed") is True, str(entry.get("message") or ""))
    note = "<p class='kit-saved' style='margin:2px 0;color:#444'>Your saved answer is shown above. Change it and press Check to try again.</p>"
    return (fb.as_html() if fb.message else "") + note


def _reveal(checker: Callable, answer: tuple) -> str:
    """Self-study mode: "Show the answer" under the feedback of a submitted attempt (see
    :mod:`kit.classroom.self_study`); "" in a class's copy or for a blank answer."""
    from kit.classroom.self_study import reveal_html

    try:
        return reveal_html(checker, answer)
    except Exception:  # an answer key that cannot be read must not hide the feedback
        return ""


def _exercise_box(checker: Callable, controls: list, read: Callable[[], tuple], *, prompt: str,
                  button: str = CHECK, fill: Callable[[object], None] | None = None,
                  enter: W.Text | None = None) -> W.VBox:
    """Prompt, controls, a Check button and the feedback under it (the last child).

    A saved answer (``kit_answers.json``) is put back in the controls with ``fill`` and its
    feedback shown, so a reopened page shows what the student did. Pressing Enter in ``enter``
    (a one-line box) checks the answer too.
    """
    check = W.Button(description=button, button_style="primary", tooltip="Check your answer and save it")
    out = W.HTML()
    out.add_class("kit-feedback")  # an ARIA live region (see _LIVE): screen readers read the feedback

    last: list = []  # the answer checked last: leaving the box (Enter, or a click on Check) must not count twice

    def on_click(_=None):
        answer = read()
        if last and last[0] == answer:
            return
        last[:] = [answer]
        out.value = feedback_html(checker, *answer) + _reveal(checker, answer)

    check.on_click(on_click)
    entry = saved_entry(checker)
    if entry is not None:
        try:
            if fill is not None:
                fill(entry["answer"])
        except Exception:  # an answer saved by an older kit: show its feedback only
            pass
        out.value = safe_html(lambda: saved_feedback_html(entry)) + _reveal(checker, (entry["answer"],))
    if enter is not None:  # its value changes on Enter (continuous_update=False)
        enter.observe(lambda change: on_click() if str(change["new"]).strip() else None, "value")
    head = W.HTML(f"<b>{html.escape(prompt)}</b>") if prompt else W.HTML()
    box = W.VBox([head, *controls, check, out], layout=W.Layout(max_width="900px"))
    box.add_class("kit-exercise")
    return box


def choice_exercise(checker: Callable, options: Sequence, *, prompt: str = "",
                    description: str = "Answer", evidence: str = "") -> W.VBox:
    """One answer out of ``options`` (strings or ``(label, value)`` pairs), as radio buttons.

    Children: the prompt, the radio buttons, (with ``evidence``: a text box for it, and the
    checker gets ``(choice, evidence)``), the Check button, the feedback.
    Nothing is chosen at first, so pressing Check says "not answered yet".
    """
    radio = W.RadioButtons(options=_options(options), value=None, description=description,
                           layout=W.Layout(width="auto"), style={"description_width": "initial"})
    controls: list = [radio]
    if evidence:
        why = W.Text(description=evidence, placeholder="a link (URL) or the name of a second source",
                     style={"description_width": "initial"}, layout=W.Layout(width="100%", max_width="700px"))
        controls.append(why)

    def read():
        chosen = ... if radio.value is None else radio.value
        if not evidence:
            return (chosen,)
        return ((chosen, why.value.strip()) if chosen is not ... or why.value.strip() else ...,)

    def fill(answer):
        if evidence and isinstance(answer, list) and len(answer) == 2:
            answer, why.value = answer[0], str(answer[1] or "")
        values = [v for _, v in radio.options]
        if answer in values:
            radio.value = answer

    return _exercise_box(checker, controls, read, prompt=prompt, fill=fill)


def text_exercise(checker: Callable, *, prompt: str = "", placeholder: str = "Type your answer",
                  description: str = "Answer", convert: Callable[[str], object] | None = None) -> W.VBox:
    """A typed answer (one line). ``convert`` turns the text into what the checker takes.

    Children: the prompt, the text box, the Check button, the feedback.
    """
    box = W.Text(placeholder=placeholder, description=description, continuous_update=False,
                 layout=W.Layout(width="100%", max_width="700px"))
    convert = convert or (lambda text: text)
    return _exercise_box(checker, [box], lambda: (
        ... if _value(box.value) is ... else convert(box.value.strip()),), prompt=prompt,
        fill=lambda answer: setattr(box, "value", _shown(answer)), enter=box)


def fields_exercise(checker: Callable, labels: Sequence[str], *, prompt: str = "",
                    placeholder: str = "") -> W.VBox:
    """Several typed answers, passed to the checker in order (``checker(first, second)``).

    Children: the prompt, one text box per label, the Check button, the feedback.
    """
    boxes = [W.Text(description=label, placeholder=placeholder, style={"description_width": "initial"})
             for label in labels]
    def fill(answer):  # only the first answer is saved (the checker's first argument)
        boxes[0].value = _shown(answer)

    return _exercise_box(checker, boxes, lambda: tuple(_value(b.value.strip()) for b in boxes),
                         prompt=prompt, fill=fill)


def multi_exercise(checker: Callable, options: Sequence, *, prompt: str = "",
                   as_type: type = set) -> W.VBox:
    """Any number of ``options`` ticked; the checker gets them as a set (or ``as_type``).

    Children: the prompt, a box of checkboxes, the Check button, the feedback.
    """
    pairs = _options(options)
    ticks = [W.Checkbox(value=False, description=label, indent=False, layout=_wide()) for label, _ in pairs]
    group = W.VBox(ticks)

    def read():
        chosen = [value for (_, value), tick in zip(pairs, ticks) if tick.value]
        return (as_type(chosen) if chosen else ...,)

    def fill(answer):
        given = {str(a) for a in answer} if isinstance(answer, list) else {str(answer)}
        for (_, value), tick in zip(pairs, ticks):
            tick.value = str(value) in given

    return _exercise_box(checker, [group], read, prompt=prompt, fill=fill)


def pairs_exercise(checker: Callable, keys: Sequence, options: Sequence, *, prompt: str = "",
                   as_list: bool = False) -> W.VBox:
    """One choice per key (a dropdown each); the checker gets ``{key: choice}``, or the list of
    choices in key order with ``as_list`` (for putting steps in order).

    Children: the prompt, a box of dropdowns, the Check button, the feedback.
    """
    pairs = [("(choose)", BLANK)] + _options(options)
    drops = [W.Dropdown(options=pairs, value=BLANK, description=str(key), layout=_wide(),
                        style={"description_width": "initial"}) for key in keys]
    group = W.VBox(drops)

    def read():
        values = [d.value if d.value != BLANK else ... for d in drops]
        return (values if as_list else dict(zip(keys, values)),)

    def fill(answer):
        chosen = answer if isinstance(answer, list) else [answer.get(str(k)) for k in keys]
        for drop, value in zip(drops, chosen):
            if value in [v for _, v in drop.options]:
                drop.value = value

    return _exercise_box(checker, [group], read, prompt=prompt, fill=fill)


def article_switch(easy_read: bool, *, original: str, easy: str) -> W.HTML:
    """Which article the notebook reads, and how to switch to the other one.

    In app mode (Voila) a link reloads the page with ``?easy-read=1`` (or without it); the
    notebook's setup cell reads that from ``QUERY_STRING``, and the course's links pass it on.
    In JupyterLab the student changes ``EASY_READ`` in the setup cell and runs the notebook again.

    >>> import os; os.environ["SERVER_SOFTWARE"] = "voila/0.5"
    >>> "easy-read=1" in article_switch(False, original="a", easy="b").value
    True
    >>> del os.environ["SERVER_SOFTWARE"]
    >>> "EASY_READ = True" in article_switch(False, original="a", easy="b").value
    True
    """
    from kit.core.appmode import in_app

    now, other = (easy, original) if easy_read else (original, easy)
    label = "the original article" if easy_read else "the easy-read version (shorter sentences, same facts)"
    if in_app():
        href = "?" if easy_read else "?easy-read=1"
        how = f'<a href="{href}">Switch to {label}</a> (the page reloads).'
    else:
        how = (f"To switch to {label}, set <code>EASY_READ = {not easy_read}</code> in the first cell "
               "and run all cells again.")
    return W.HTML(f"<p>Reading: <b>{html.escape(now)}</b>. {how}</p>")
