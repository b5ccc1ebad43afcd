"""Per-skill before and after: what the two quizzes say each student (and the class) learned.

Both forms share one skills map (``kit/classroom/data/quiz_*.json``: seven skills, three items
each in each form), so each skill has three items before and three after, whichever form a
student took first. For each student the gradebook shows, per skill, the right answers in the
first final attempt of each quiz, and the same for the class. The transfer task before and
after (scored with the rubric of ``lessons/rubrics.md``, levels 0 to 4) gets two columns the
teacher fills in ``gradebook.csv``; scores typed there are kept the next time the gradebook is
written. ``gradebook.csv`` also says which form each student took when, and how many tries
each exercise took.

>>> from kit.classroom.quiz import load_bank, score
>>> form = load_bank("quiz_a")
>>> result = score(form, {i.id: i.answer for i in form.items if i.lens == "numbers"})
>>> per_skill(result)["numbers.range"], per_skill(result)["framing.label"]
((3, 3), (0, 3))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.classroom.transfer import TRANSFER_RUBRIC

BEFORE, AFTER = "quiz_before", "quiz_after"
#: The gradebook.csv columns where the teacher types the transfer task's rubric level (0-4).
RUBRIC_COLUMNS = {BEFORE: "transfer before (rubric 0-4)", AFTER: "transfer after (rubric 0-4)"}
RUBRIC_COLUMN = RUBRIC_COLUMNS[AFTER]
#: The levels a teacher may type (lessons/rubrics.md).
RUBRIC_VALUES = {"0", "1", "2", "3", "4"}
#: The levels, as students see them beside the transfer task and in lessons/rubrics.md.
RUBRIC_LEVELS = TRANSFER_RUBRIC


def per_skill(result) -> dict[str, tuple[int, int]]:
    """``skill -> (right, items)`` for one scored quiz (:class:`kit.classroom.quiz.QuizResult`)."""
    out: dict[str, list[int]] = {}
    for r in getattr(result, "results", ()):
        right, total = out.setdefault(r.item.skill, [0, 0])
        out[r.item.skill] = [right + bool(r.correct), total + 1]
    return {k: (v[0], v[1]) for k, v in out.items()}


@dataclass(frozen=True)
class SkillRow:
    """One skill: its lens and description, each student's (before, after), and the class's."""

    skill: str
    lens: str
    description: str
    students: dict = field(hash=False, compare=False)   # name -> (before, after), each (right, total) or None
    before: tuple[int, int] = (0, 0)                     # the class: right answers, answers given
    after: tuple[int, int] = (0, 0)

    def change(self) -> float | None:
        """The class's share right after minus before (None when a quiz is missing)."""
        if not self.before[1] or not self.after[1]:
            return None
        return self.after[0] / self.after[1] - self.before[0] / self.before[1]


def _add(total: tuple[int, int], part) -> tuple[int, int]:
    return total if part is None else (total[0] + part[0], total[1] + part[1])


def summary(book, names: list[str] | None = None) -> list[SkillRow]:
    """Per skill, each student's before and after, and the class's (students without a quiz left out).

    >>> from kit.teacher.gradebook import Gradebook, Student
    >>> from kit.classroom.quiz import load_bank, score
    >>> b, a = load_bank(BEFORE), load_bank(AFTER)
    >>> book = Gradebook(Path("."))
    >>> book.students["ana"] = Student("ana", quizzes={BEFORE: score(b, {}), AFTER: score(a, {i.id: i.answer for i in a.items})})
    >>> row = summary(book)[0]
    >>> row.skill, row.students["ana"], row.before, row.after, row.change()
    ('framing.label', ((0, 3), (3, 3)), (0, 3), (3, 3), 1.0)
    """
    from kit.classroom.quiz import load_bank

    skills = load_bank("quiz_a").skills
    names = sorted(book.students) if names is None else names
    rows = []
    for skill, info in skills.items():
        students, before, after = {}, (0, 0), (0, 0)
        for n in names:
            quizzes = book.students[n].quizzes
            pair = tuple(per_skill(quizzes[q]).get(skill) if q in quizzes else None for q in (BEFORE, AFTER))
            if pair != (None, None):
                students[n] = pair
                before, after = _add(before, pair[0]), _add(after, pair[1])
        rows.append(SkillRow(skill, str(info.get("lens", "")), str(info.get("description", "")),
                             students, before, after))
    return rows


def cell(part) -> str:
    """``(right, total)`` as a CSV/HTML cell: "1/1", or "" when the quiz was not taken.

    >>> cell((2, 3)), cell(None)
    ('2/3', '')
    """
    return "" if not part else f"{part[0]}/{part[1]}"


def kept_rubric_scores(out: Path) -> dict[str, dict[str, str]]:
    """The rubric levels a teacher typed into an earlier ``gradebook.csv`` in ``out``: column -> student -> level.

    The file is read as Excel saves it (a byte-order mark, semicolons, Windows-1252: see
    :func:`kit.teacher.gradebook_io.read_table`); :func:`lost_scores` says what is not kept.
    """
    from kit.teacher.gradebook_io import typed_scores

    return typed_scores(Path(out), list(RUBRIC_COLUMNS.values()), RUBRIC_VALUES)[0]


def lost_scores(out: Path, students: list[str]) -> list[str]:
    """A note for each level typed into ``out/gradebook.csv`` that the new one will not carry over."""
    from kit.teacher.gradebook_io import typed_scores

    return typed_scores(Path(out), list(RUBRIC_COLUMNS.values()), RUBRIC_VALUES, students)[1]


def rubric_by_occasion(out: Path) -> dict[str, dict[str, str]]:
    """The kept transfer levels by occasion (``quiz_before``/``quiz_after``) -> student -> level."""
    kept = kept_rubric_scores(out)
    return {occasion: kept[column] for occasion, column in RUBRIC_COLUMNS.items()}


def add_columns(grades: list[list], book, names: list[str], out: Path) -> list[list]:
    """gradebook.csv rows with the forms taken, the two transfer rubric columns (kept from the last
    run), tries per exercise and per-skill before/after columns.

    ``grades`` is the header row then one row per student, in the order of ``names``.
    """
    from kit.core.glossary import plain_label
    from kit.teacher.assessment import tries_of
    from kit.teacher.gradebook_io import column_title

    rows = summary(book, names)
    kept = kept_rubric_scores(out)
    exercises = book.exercises()
    head = (grades[0] + [f"form of the {plain_label(BEFORE)}", f"form of the {plain_label(AFTER)}"]
            + list(RUBRIC_COLUMNS.values()) + [f"{column_title(e)}: tries" for e in exercises]
            + [f"{r.lens}: {r.description} ({when})" for r in rows for when in ("before", "after")])
    body = []
    for n, row in zip(names, grades[1:]):
        s = book.students[n]
        forms = [plain_label(s.forms[q]) if s.forms.get(q) else "" for q in (BEFORE, AFTER)]
        rubric = [kept[c].get(str(row[0]).lstrip("'"), "") for c in RUBRIC_COLUMNS.values()]
        tries = ["" if tries_of(s, e) is None else tries_of(s, e) for e in exercises]
        skill_cells = [cell(r.students.get(n, (None, None))[i]) for r in rows for i in (0, 1)]
        body.append(row + forms + rubric + tries + skill_cells)
    return [head] + body
