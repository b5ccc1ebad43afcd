"""The gradebook's view of assessment: quiz forms, transfer tasks, tries and item statistics.

:mod:`kit.teacher.gradebook` hands every saved entry to :func:`read_entry` first. A quiz entry
(``quiz_before``/``quiz_after``, saved with the form the student took) is scored from the
first final attempt with the repository's key; a transfer entry keeps its first (locked)
paragraph and how many versions the student wrote. :func:`form_statistics` gives each form's
item statistics (:func:`kit.item_statistics`) over the class, whichever occasion each student
took it on.

>>> from kit.teacher.gradebook import Student
>>> s = Student("ana")
>>> read_entry(s, "quiz_before", {"answer": {"a01": "regime"}, "form": "quiz_a", "attempts": [{"answers": {"a01": "regime"}}]})
True
>>> s.quizzes["quiz_before"].correct, s.forms["quiz_before"]
(1, 'quiz_a')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Transfer:
    """One student's transfer task on one occasion: the text, the first (scored) paragraph, versions written."""

    text_id: str
    first: str
    versions: int


def tries(entry: dict) -> int:
    """How many times an exercise was checked (1 for an entry saved before tries were counted).

    >>> tries({"answer": "x", "n_tries": 3}), tries({"answer": "x"})
    (3, 1)
    """
    n = entry.get("n_tries")
    if isinstance(n, int) and not isinstance(n, bool) and n > 0:
        return n
    kept = entry.get("tries")
    return len(kept) if isinstance(kept, list) and kept else 1


def tries_of(student, exercise: str) -> int | None:
    """A student's number of tries at an exercise, or None when they have not done it."""
    return student.tries.get(exercise) if exercise in student.exercises else None


def read_entry(student, ex_id: str, entry: dict) -> bool:
    """Put a quiz or transfer entry into ``student``; False for any other exercise (after noting its tries)."""
    from kit.classroom import transfer
    from kit.classroom.forms import FORMS, OCCASIONS
    from kit.classroom.quiz import first_attempt, load_bank, score

    if ex_id in OCCASIONS or ex_id in FORMS:
        form = entry.get("form") if entry.get("form") in FORMS else (ex_id if ex_id in FORMS else None)
        answers = first_attempt(entry)  # a draft (no Submit - final yet) is not reported
        if form and isinstance(answers, dict):
            student.quizzes[ex_id] = score(load_bank(form), answers)
            student.forms[ex_id] = form
        return True
    occasion = next((o for o, key in transfer.OCCASIONS.items() if key == ex_id), None)
    if occasion is None:
        student.tries[ex_id] = tries(entry)  # any other exercise: the gradebook reads the rest
        return False
    kept = transfer.versions(entry)
    if kept:
        student.transfers[occasion] = Transfer(str(entry.get("text_id", "")), kept[0]["text"], len(kept))
        when = "before" if occasion == OCCASIONS[0] else "after"
        student.texts.append((f"Transfer task, {when} the lessons (the first, scored version)", kept[0]["text"][:4000], ""))
    return True


def responses(book, form: str) -> dict:
    """student -> first final attempt on ``form`` (whichever occasion they took it on)."""

    out = {}
    for name, s in book.students.items():
        for occasion, f in s.forms.items():
            if f == form:
                out[name] = {r.item.id: r.given for r in s.quizzes[occasion].results if r.given is not None}
    return out


def form_statistics(book) -> list:
    """Item statistics (:class:`kit.classroom.item_stats.FormStats`) of each form some student took."""
    from kit.classroom.forms import FORMS
    from kit.classroom.item_stats import item_statistics

    taken = {form: responses(book, form) for form in FORMS}
    return [item_statistics(form, answers) for form, answers in taken.items() if answers]


def item_rows(form_stats: list) -> list[list]:
    """items.csv: one row per item of each form taken (:func:`form_statistics`), with the form's reliability."""
    rows = [["form", "item", "skill", "students", "difficulty (share right)", "discrimination", "form reliability (KR-20)"]]
    for stats in form_stats:
        for i in stats.items:
            rows.append([stats.bank, i.id, i.skill, i.students, f"{i.difficulty:.2f}",
                         "" if i.discrimination is None else f"{i.discrimination:.2f}",
                         "" if stats.reliability is None else f"{stats.reliability:.2f}"])
    return rows
