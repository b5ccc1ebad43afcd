"""Two parallel forms, counterbalanced: which form a student takes before the lessons, and which after.

The quiz has two forms, ``quiz_a`` and ``quiz_b`` (``kit/classroom/data/``), with the same
skills at the same difficulty. A class can take form A first and form B after, or the other
way round, or half and half (``split``): then a better score after the lessons cannot come
from one form being easier. The teacher chooses, in this order:

1. ``$KIT_FIRST_FORM`` (``A``, ``B`` or ``split``) for the students' kernels;
2. ``first_form`` in the class settings of a student copy (``python -m kit student-copy --first``);
3. otherwise form A first.

With ``split`` each student's form comes from their name (``$KIT_STUDENT``, ``$JUPYTERHUB_USER``
or the login name), so about half a class starts with each. Once a student has a saved
before-quiz, the after-quiz is always the other form. The form is saved with every attempt
(``"form"`` in ``kit_answers.json``), so the gradebook knows which form each student took when.

>>> form_for("quiz_before", "ana", first="A"), form_for("quiz_after", "ana", first="A")
('quiz_a', 'quiz_b')
>>> form_for("quiz_before", "ana", first="B")
'quiz_b'
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

FORMS = ("quiz_a", "quiz_b")
OCCASIONS = ("quiz_before", "quiz_after")
FIRST_ENV = "KIT_FIRST_FORM"
#: The class settings a student copy carries (absent in the repository: self-study mode).
CLASS_FILE = Path(__file__).parent / "data" / "class.json"


def class_settings() -> dict:
    """The student copy's class settings (``{"class": ..., "first_form": ..., "mode": "class"}``), or {}."""
    try:
        data = json.loads(CLASS_FILE.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def class_mode() -> bool:
    """True in a student copy made for a class (keys sealed until the teacher releases them)."""
    return class_settings().get("mode") == "class"


def first_setting() -> str:
    """The teacher's choice: ``"A"``, ``"B"`` or ``"split"`` (default ``"A"``)."""
    for value in (os.environ.get(FIRST_ENV, ""), str(class_settings().get("first_form", ""))):
        value = value.strip().lower()
        if value in ("a", "b"):
            return value.upper()
        if value == "split":
            return "split"
    return "A"


def _first_for(student: str, first: str) -> str:
    if first == "split":
        return FORMS[hashlib.sha256(student.strip().lower().encode()).digest()[0] % 2]
    return FORMS[first == "B"]


def form_for(occasion: str, student: str | None = None, *, first: str | None = None, saved_before: str | None = None) -> str:
    """The form (``quiz_a``/``quiz_b``) a student takes on ``occasion`` (``quiz_before``/``quiz_after``).

    ``saved_before``: the form of the student's saved before-quiz, if any (the after-quiz is the other).

    >>> form_for("quiz_after", "ana", first="A", saved_before="quiz_b")
    'quiz_a'
    >>> {form_for("quiz_before", s, first="split") for s in ("ana", "ben", "cy", "dee", "eli")} == set(FORMS)
    True
    """
    from kit.classroom.quiz import student_id

    student = student_id() if student is None else student
    before = saved_before if saved_before in FORMS else _first_for(student, first or first_setting())
    if occasion == OCCASIONS[0]:
        return before
    return FORMS[1 - FORMS.index(before)]


def saved_form(occasion: str) -> str | None:
    """The form saved with this student's entry for ``occasion``, if any."""
    from kit.classroom.answers import load_answers

    entry = load_answers().get(occasion)
    form = entry.get("form") if isinstance(entry, dict) else None
    return form if form in FORMS else None


def current_form(occasion: str) -> str:
    """The form this student takes (or took) on ``occasion``, from the saved answers and the teacher's choice."""
    done = saved_form(occasion)
    if done:
        return done
    return form_for(occasion, saved_before=saved_form(OCCASIONS[0]) if occasion == OCCASIONS[1] else None)
