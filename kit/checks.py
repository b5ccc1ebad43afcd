"""Exercise checkers: they say what is right, and when it is not, give a hint that teaches.

A checker never raises at a student: it returns a :class:`Feedback`, which shows in the
notebook as a green tick or a hint. ``Feedback.passed`` is what tests look at.

>>> start_observatory("the Syrian Observatory for Human Rights").passed
True
>>> print(start_observatory("AFP"))
Not yet. AFP wrote the story...
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: The three questions every lens asks. Every notebook shows them, and hints point back to them.
QUESTIONS = {
    "framing": "Who is named how?",
    "attribution": "Who says so?",
    "numbers": "What do the numbers really claim?",
}

NOT_ANSWERED = "You have not answered yet: replace the ... with your answer, then run the cell again."


@dataclass(frozen=True)
class Feedback:
    """What a checker says: ``passed`` and a message (a hint when not passed)."""

    passed: bool
    message: str
    exercise: str = ""

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return ("✅ " if self.passed else "💡 ") + self.message

    def _repr_html_(self) -> str:
        from .render import message

        return message(self.message, kind="success" if self.passed else "warning")


def passed(text: str, exercise: str = "") -> Feedback:
    """A success message."""
    return Feedback(True, "Well done! " + text, exercise)


def hint(text: str, exercise: str = "") -> Feedback:
    """A hint: what to look at again, never just "wrong"."""
    return Feedback(False, "Not yet. " + text, exercise)


def is_blank(answer: object) -> bool:
    """True when the student has not replaced the placeholder.

    >>> is_blank(...), is_blank(""), is_blank("x")
    (True, True, False)
    """
    return answer is ... or answer is None or (isinstance(answer, str) and not answer.strip()) or (
        isinstance(answer, (list, tuple, set, dict)) and len(answer) == 0
    )


def norm(text: object) -> str:
    """Lower-case, single-spaced, without punctuation at the ends; for comparing answers.

    >>> norm("  The  Army. ")
    'the army'
    """
    return re.sub(r"\s+", " ", str(text)).strip().strip(".,;:!?\"'").lower()


def choice(answer: object, correct: str | set[str], hints: dict[str, str], *, exercise: str,
           success: str, default_hint: str) -> Feedback:
    """Check a one-word or multiple-choice answer, with a hint per known wrong answer.

    >>> choice("b", "a", {"b": "B is close."}, exercise="x", success="A it is.", default_hint="Reread.")
    💡 Not yet. B is close.
    """
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, exercise)
    ok = {correct} if isinstance(correct, str) else set(correct)
    given = norm(answer)
    if given in {norm(c) for c in ok}:
        return passed(success, exercise)
    for wrong, text in hints.items():
        if given == norm(wrong):
            return hint(text, exercise)
    return hint(default_hint, exercise)


# ---------------------------------------------------------------- 00_start
# Each notebook's checkers live in a section like this one, decorated with
# @exercise("<id>") from kit.progress so answers are saved beside the notebook.

from .progress import exercise  # noqa: E402  (progress imports Feedback from here)


@exercise("start_observatory")
def start_observatory(answer: object) -> Feedback:
    """00_start: which organisation does the article rely on for the death toll?"""
    ex = "start_observatory"
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, ex)
    given = norm(answer)
    if "observatory" in given:
        return passed(
            "The Syrian Observatory for Human Rights, a monitoring group based in Britain, "
            "gives the figures. Later you will ask: how could it know?",
            ex,
        )
    if given in {"afp", "agence france-presse", "agence france presse"}:
        return hint(
            "AFP wrote the story, but who does AFP say counted the dead? Find the sentence "
            "with \"more than 412 dead\" and read to its end. (Who says so?)",
            ex,
        )
    if "sana" in given or "news agency" in given:
        return hint(
            "SANA published the army's statement about strikes. The total death toll comes "
            "from someone else: read the end of the sentence with \"more than 412\".",
            ex,
        )
    return hint(
        "Look for the sentence with \"more than 412 dead\". Its last words say according to "
        "whom. (Who says so?)",
        ex,
    )


# ---------------------------------------------------------------- 01_framing


# ---------------------------------------------------------------- 02_attribution


# ---------------------------------------------------------------- 03_numbers


# ---------------------------------------------------------------- 04_compare and 05_your_article
