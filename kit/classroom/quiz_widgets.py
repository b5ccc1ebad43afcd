"""The before/after quiz as a widget: radio buttons, Submit - final, and what a student may see after.

After the before-quiz: a score per skill and what the lessons will teach, never the key.
After the after-quiz: the key with explanations in self-study; in a class's student copy only
once the teacher has released it with a code (:mod:`kit.classroom.keys`), typed into the
*Teacher's code* box or set for the kernels.
"""

from __future__ import annotations

import html

import ipywidgets as W

from kit.classroom.keys import CODES_ENTRY, known_codes  # noqa: F401 (known_codes: kept here for older callers)
from kit.core.render import message
from kit.core.widgets import safe_html


def _mark(correct: bool, blank: bool) -> str:
    """A key line's mark in words; the icon beside it is decoration (no emoji font needed).

    >>> _mark(True, False)
    '<span aria-hidden="true">✅</span> <i>right:</i> '
    """
    icon, word = ("✅", "right") if correct else ("⬜", "not answered") if blank else ("❌", "not right")
    return f'<span aria-hidden="true">{icon}</span> <i>{word}:</i> '


def key_html(bank, answers: dict | None) -> str:
    """The key: each item's right answer and explanation, marked against ``answers`` when given."""
    from kit.classroom.quiz import score

    scored = score(bank, answers or {})
    lines = []
    for n, r in enumerate(scored.results, 1):
        mark = "" if answers is None else _mark(r.correct, r.given is None)
        answer = r.item.answer.strip()
        stop = "" if answer.endswith((".", "!", "?")) else "."  # never "Sunday.."
        lines.append(f"<li>{mark}<b>{n}.</b> Answer: {html.escape(answer)}{stop} "
                     f"{html.escape(r.item.explanation)}</li>")
    return f"<ol style='list-style:none;padding-left:0'>{''.join(lines)}</ol>"


def learn_html(bank, answers: dict | None) -> str:
    """After the before-quiz: right answers per skill, and what the lessons will teach (no key).
    ``answers`` None: no counts (a class's copy before the teacher releases the key).

    >>> from kit.classroom.quiz import load_bank
    >>> page = learn_html(load_bank("quiz_a"), {})
    >>> "What we will learn" in page and "0 of 3" in page and "Answer:" not in page
    True
    """
    from kit.classroom.quiz import score

    per: dict[str, list[int]] = {}
    for r in score(bank, answers or {}).results:
        right, total = per.setdefault(r.item.skill, [0, 0])
        per[r.item.skill] = [right + r.correct, total + 1]
    rows = []
    for skill, (right, total) in per.items():
        info = bank.skills.get(skill, {})
        where = str(info.get("taught_in", ""))
        counts = "" if answers is None else f" ({right} of {total} right)"
        rows.append(f"<li><b>{html.escape(str(info.get('description', skill)))}</b>{counts}: "
                    f"{html.escape(str(info.get('learn', '')))}"
                    f"{' (notebook ' + html.escape(where) + ')' if where else ''}</li>")
    return ("<h4>What we will learn</h4><p>The answers come after the lessons, in the quiz at the end: "
            f"then you can see what changed.</p><ul>{''.join(rows)}</ul>")


def released(bank):
    """The bank with its key when the teacher has released it, else None.

    Self-study (the repository): ``$KIT_QUIZ_KEY`` set to ``all`` or the form or occasion. A
    class's student copy: a release code (typed by the student, or in ``$KIT_QUIZ_KEY``) that opens it.
    """
    import os

    from kit.classroom.keys import RELEASE_ENV
    from kit.classroom.quiz import with_key

    if not bank.sealed:
        wanted = {w.strip().lower() for w in os.environ.get(RELEASE_ENV, "").split(",")}
        return bank if wanted & {"all", "1", "yes", bank.id, bank.occasion} else None
    for code in known_codes():
        opened = with_key(bank, code)
        if opened is not None:
            return opened
    return None


def _keep_code(code: str) -> None:
    from kit.classroom.answers import load_answers, save_answer
    from kit.classroom.feedback import Feedback

    kept = load_answers().get(CODES_ENTRY, {}).get("answer", [])
    kept = [c for c in kept if isinstance(c, str)] if isinstance(kept, list) else []
    save_answer(CODES_ENTRY, kept + [code], Feedback(True, "Release code kept.", CODES_ENTRY))


def _head(bank) -> str:
    from kit.classroom.feedback import QUESTIONS
    from kit.classroom.quiz import after_submit

    questions = "".join(f"<li><b>{html.escape(q)}</b> ({html.escape(lens)})</li>" for lens, q in QUESTIONS.items())
    return (f"<h3>{html.escape(bank.title)}</h3><p>Three questions to ask of any news story:</p>"
            f"<ul>{questions}</ul><p>Your choices are saved as you go. When you are sure, press "
            f"<b>Submit - final</b>: then you see {html.escape(after_submit(bank))}. You may try again "
            "after that, but your first final attempt is the one that counts.</p>")


def after_attempt_html(bank, answers: dict) -> str:
    """What follows a final attempt: the key, what the lessons teach, or a note that the teacher releases it."""
    from kit.classroom.quiz import key_after_attempt

    if key_after_attempt(bank):
        return key_html(bank, answers)
    opened = released(bank)
    if opened is not None:
        from kit.classroom.quiz import score

        return (message(f"Your teacher has released the answers. These answers: {score(opened, answers).summary()}",
                        kind="info") + key_html(opened, answers))
    if bank.occasion == "quiz_before":  # per skill for the first attempt: a later one must not show which changes were right
        from kit.classroom.answers import load_answers
        from kit.classroom.quiz import first_attempt

        return learn_html(bank, None if bank.sealed else first_attempt(load_answers().get(bank.saved_as)) or answers)
    return message("Your teacher will release the answers and explanations after the class has finished.",
                   kind="info")


def _code_row(bank, result: W.HTML, state: dict) -> W.HBox:
    """A class's student copy: a box for the teacher's release code."""
    box = W.Text(placeholder="ABCD-EFGH-IJKL", description="Teacher's code", style={"description_width": "initial"})
    button = W.Button(description="Show the answers", icon="key", layout=W.Layout(width="auto"))

    def on_code(_=None):
        def build():
            from kit.classroom.keys import normal_code
            from kit.classroom.quiz import score, with_key

            opened = with_key(bank, normal_code(box.value))
            if opened is None:
                return message("That code does not open this quiz's answers. Ask your teacher for it.", kind="warning")
            _keep_code(normal_code(box.value))
            mine = f" These answers: {score(opened, state['last']).summary()}" if state["last"] else ""
            return message(f"Your teacher has released the answers.{mine}", kind="info") + key_html(opened, state["last"])
        result.value = safe_html(build)

    button.on_click(on_code)
    return W.HBox([box, button], layout=W.Layout(display=None if bank.sealed else "none"))


def make_quiz(bank="quiz_before") -> W.VBox:
    """The before/after quiz: one set of radio buttons per item (choices in the student's own
    order), answers saved as a draft as you go; *Submit - final* records an attempt and shows
    the score and what follows it (:func:`after_attempt_html`). Every attempt is kept.

    Children: 0 title and the three questions, 1 a VBox of items (each a VBox
    [the sentence and question, RadioButtons]), 2 Submit - final, 3 the result, 4 the teacher's
    code row (shown in a class's student copy only).

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_quiz("quiz_after")
    >>> from kit.classroom.quiz import load_bank
    >>> first = load_bank("quiz_after").items[0]
    >>> w.children[1].children[0].children[1].value = first.answer
    >>> w.children[2].click()
    >>> "still without an answer" in w.children[3].value and "Answer:" not in w.children[3].value
    True
    >>> w.children[2].click()
    >>> "1 of 21 right" in w.children[3].value and "Answer:" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from kit.classroom.answers import load_answers
    from kit.classroom.quiz import Bank, attempts, check_quiz, choice_order, load_bank

    bank = bank if isinstance(bank, Bank) else load_bank(bank)
    entry = load_answers().get(bank.saved_as, {})
    kept = attempts(entry)
    before = entry.get("draft", entry.get("answer")) if isinstance(entry, dict) else {}
    before = before if isinstance(before, dict) else {}
    rows, radios = [], []
    for n, item in enumerate(bank.items, 1):
        prompt = W.HTML(f"<p style='margin:10px 0 2px 0'><b>{n}.</b> <i>{html.escape(item.text)}</i><br>"
                        f"{html.escape(item.question)}</p>")
        value = before.get(item.id) if before.get(item.id) in item.choices else None
        radios.append(W.RadioButtons(options=list(choice_order(item)), value=value, layout=W.Layout(width="auto")))
        rows.append(W.VBox([prompt, radios[-1]]))
    submit = W.Button(description="Submit - final", button_style="primary", icon="check")
    result = W.HTML()
    state = {"confirm": False, "last": kept[-1]["answers"] if kept else None}

    def chosen() -> dict:
        return {item.id: r.value for item, r in zip(bank.items, radios) if r.value is not None}

    def on_submit(_=None):
        def build():
            answers = chosen()
            missing = len(bank.items) - len(answers)
            if answers and missing and not state["confirm"]:
                state["confirm"] = True
                return check_quiz(bank, answers, final=False).as_html() + message(
                    f"{missing} question{'s' * (missing != 1)} still without an answer. Answer them, or press "
                    "Submit - final again to hand in as it is.", kind="warning")
            fb = check_quiz(bank, answers)
            state["confirm"], state["last"] = False, answers
            return fb.as_html() + (after_attempt_html(bank, answers) if answers else "")
        result.value = safe_html(build)

    def on_change(_=None):
        state["confirm"] = False
        try:
            if chosen():
                check_quiz(bank, chosen(), final=False)
        except Exception:  # saving a draft never stops the quiz
            pass

    submit.on_click(on_submit)
    for r in radios:
        r.observe(on_change, names="value")
    if kept:
        result.value = safe_html(lambda: message(
            f"You have {len(kept)} final attempt{'s' * (len(kept) != 1)}; the first one counts.", kind="info")
            + after_attempt_html(bank, kept[-1]["answers"]))
    elif released(bank) is not None:
        result.value = safe_html(lambda: message("Your teacher has released the answers.", kind="info")
                                 + key_html(released(bank), None))
    return W.VBox([W.HTML(_head(bank)), W.VBox(rows), submit, result, _code_row(bank, result, state)],
                  layout=W.Layout(max_width="900px"))


def _rubric_table(rubric: dict) -> str:
    rows = "".join(f"<tr><td><b>{level}</b></td><td>{html.escape(text)}</td></tr>" for level, text in rubric.items())
    return f"<details><summary>How your paragraph is scored (4 is best)</summary><table>{rows}</table></details>"


def _model_html(text) -> str:
    points = "".join(f"<li>{html.escape(p)}</li>" for p in text.points)
    return ("<div class='kit-model'><b>A model answer</b> (one good answer among many: what does yours do that "
            f"it does not?)<blockquote style='white-space:pre-wrap'>{html.escape(text.model)}</blockquote>"
            f"<p>What a careful reader can point to:</p><ul>{points}</ul></div>")


def _locked_html(occasion: str, text, n_versions: int) -> str:
    note = message(f"Your first paragraph is locked: it is the one your teacher scores. You may write a better "
                   f"one and submit it too; every version is kept ({n_versions} so far).", kind="success")
    if occasion == "quiz_before":
        return note + message("A model answer comes after the lessons, with the quiz at the end.", kind="info")
    opened = text.opened(known_codes())
    if opened is None:
        return note + message("Your teacher will release a model answer after the class has finished.", kind="info")
    return note + _model_html(opened)


def make_transfer_task(occasion: str = "quiz_after") -> W.VBox:
    """The transfer task: a new text, the rubric, a box for one paragraph and Submit.

    The first submitted paragraph (with real content: :func:`kit.classroom.transfer.problems`)
    is locked and kept; only then is a model answer shown (after the lessons only). Later
    versions are kept too. Children: 0 the text and the task, 1 Textarea, 2 Submit, 3 status.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_transfer_task("quiz_after")
    >>> w.children[1].value = "a b c d e f g h"
    >>> w.children[2].click()
    >>> "Write more" in w.children[3].value and "model answer" not in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from kit.classroom import transfer
    from kit.classroom.answers import load_answers

    occasion = occasion if occasion in transfer.OCCASIONS else "quiz_after"
    text = transfer.text_for(occasion)
    kept = transfer.versions(load_answers().get(transfer.OCCASIONS[occasion]))
    intro = W.HTML(f"<h3>{html.escape(text.title)}</h3><blockquote>{html.escape(text.text)}</blockquote>"
                   "<p class='kit-note'>Written for this kit: the places, people and events are made up.</p>"
                   "<p><b>Write one paragraph about this text. For each of the three questions, quote a short piece "
                   "of the text and say what it does to a reader: <i>Who is named how? Who says so? What do the "
                   "numbers really claim?</i> End with one thing you would check next, and where.</b></p>"
                   + _rubric_table(transfer.TRANSFER_RUBRIC))
    box = W.Textarea(value=kept[-1]["text"] if kept else "", placeholder="Your paragraph", description="Paragraph",
                     layout=W.Layout(width="100%", height="10em"))
    button = W.Button(description="Submit my paragraph", button_style="primary", icon="check",
                      layout=W.Layout(width="auto"))
    status = W.HTML(_locked_html(occasion, text, len(kept)) if kept else "")

    def on_submit(_=None):
        def build():
            missing = transfer.problems(box.value, text.text)
            if missing:
                return message("Not submitted yet. " + " ".join(missing), kind="warning")
            entry = transfer.submit(occasion, box.value.strip(), text)
            if not entry:
                return message("Could not save here: copy your paragraph somewhere safe and tell your teacher.",
                               kind="warning")
            return _locked_html(occasion, text, len(entry["versions"]))
        status.value = safe_html(build)

    button.on_click(on_submit)
    return W.VBox([intro, box, button, status], layout=W.Layout(max_width="900px"))


def before_after_html() -> str:
    """This student's first final attempts before and after, skill by skill (three items each).

    >>> "no final attempt yet" in before_after_html()
    True
    """
    from kit.classroom.answers import load_answers
    from kit.classroom.quiz import first_attempt, keyed_bank, load_bank, score

    saved = load_answers()
    results, hidden = {}, []
    for occasion in ("quiz_before", "quiz_after"):
        first, keyed = first_attempt(saved.get(occasion)), keyed_bank(load_bank(occasion))
        hidden += [occasion] if keyed is None else []
        results[occasion] = score(keyed, first) if first and keyed else None
    if hidden and all(first_attempt(saved.get(o)) for o in results):
        return message("Both quizzes are handed in: your teacher will share your scores.", kind="info")
    if not all(results.values()):
        missing = [o.replace("quiz_", "the quiz ") for o in results if not first_attempt(saved.get(o))]
        return message(f"No comparison yet: no final attempt yet at {' and '.join(missing)}.", kind="info")
    skills = load_bank("quiz_after").skills
    per = {o: {} for o in results}
    for occasion, result in results.items():
        for r in result.results:
            right, total = per[occasion].get(r.item.skill, (0, 0))
            per[occasion][r.item.skill] = (right + r.correct, total + 1)
    rows = "".join(
        f"<tr><td>{html.escape(str(info.get('description', skill)))}</td>"
        f"<td>{'%d of %d' % per['quiz_before'].get(skill, (0, 0))}</td>"
        f"<td>{'%d of %d' % per['quiz_after'].get(skill, (0, 0))}</td></tr>" for skill, info in skills.items())
    totals = [f"{results[o].correct} of {results[o].total}" for o in results]
    return (f"<table><tr><th>skill</th><th>before</th><th>after</th></tr>{rows}"
            f"<tr><td><b>all</b></td><td><b>{totals[0]}</b></td><td><b>{totals[1]}</b></td></tr></table>")


def make_before_after() -> W.VBox:
    """A button that shows this student's before and after, skill by skill (read again on each press).

    Children: 0 the button, 1 the table.
    """
    button = W.Button(description="Show my before and after", icon="refresh", layout=W.Layout(width="auto"))
    shown = W.HTML(safe_html(before_after_html))

    def on_click(_=None):
        shown.value = safe_html(before_after_html)

    button.on_click(on_click)
    return W.VBox([button, shown])
