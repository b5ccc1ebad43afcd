"""What every exercise checker returns: a :class:`Feedback`, and the helpers to build one.

A checker never raises at a student: it returns a :class:`Feedback`, which shows in the
notebook as a green tick or a hint. ``Feedback.passed`` is what tests look at. Each lens
keeps its checkers in its own ``exercises`` module; they share what is here.

>>> fb = choice("the army", "the army", {}, exercise="demo", success="Yes.", default_hint="Look again.")
>>> fb.passed, str(fb)
(True, 'Well done! Yes.')
>>> print(choice("AFP", "the army", {"afp": "AFP wrote the story."}, exercise="demo", success="", default_hint=""))
Not yet. AFP wrote the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The three questions every lens asks. Every notebook shows them, and hints point back to them.
QUESTIONS = {
    "framing": "Who is named how?",
    "attribution": "Who says so?",
    "numbers": "What do the numbers really claim?",
}

def not_answered(button: str = "Check", how: str = "choose or type your answer") -> str:
    """The "not answered yet" message, naming what the student can do and the button to press.

    It works in app mode (no code) and in a notebook (a code cell is run with its own button).

    >>> not_answered("Submit - final", "choose an answer")
    'You have not answered yet: choose an answer, then press Submit - final.'
    """
    return f"You have not answered yet: {how}, then press {button}."


#: What a checker says to a blank answer (``...``, an empty box, nothing chosen).
NOT_ANSWERED = not_answered()
_NOT_ANSWERED_START = NOT_ANSWERED.split(":")[0]


def not_answered_output(shown: str) -> bool:
    """Is a checker's printed output the "not answered yet" note (a notebook run with blank
    answers)? It is no try: the gradebook skips it. (Older kits printed it after a 💡.)

    >>> not_answered_output("💡 You have not answered yet: choose an answer, then press Check.")
    True
    >>> not_answered_output("✏️ " + NOT_ANSWERED), not_answered_output("💡 Not yet. Look again.")
    (True, False)
    """
    return _NOT_ANSWERED_START in shown[:40]


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
        return ("✅ " if self.passed else "💡 " if self.answered else "✏️ ") + self.message

    @property
    def answered(self) -> bool:
        """False for the "not answered yet" message: shown as a quiet note, not a warning (in
        app mode it sits above every exercise's answer box before the student starts).

        >>> Feedback(False, NOT_ANSWERED).answered, Feedback(False, "Not yet. Look again.").answered
        (False, True)
        """
        return not self.message.startswith(_NOT_ANSWERED_START)

    def as_html(self) -> str:
        """The message as HTML: a tick, a hint or a quiet "not answered yet" note."""
        from kit.core.render import message

        return message(self.message, kind="success" if self.passed else "warning" if self.answered else "todo",
                       live=True)

    def _repr_html_(self) -> str:
        """As a cell's output: in app mode (code hidden) a blank answer shows nothing, since the
        student answers in the widget below, which shows its own feedback.

        >>> import os; os.environ["SERVER_SOFTWARE"] = "voila/0.5"
        >>> Feedback(False, NOT_ANSWERED)._repr_html_(), "Look" in Feedback(False, "Look again.")._repr_html_()
        ('', True)
        >>> del os.environ["SERVER_SOFTWARE"]
        """
        from kit.core.appmode import in_app

        return "" if not self.answered and in_app() else self.as_html()


def passed(text: str, exercise: str = "") -> Feedback:
    """A success message."""
    return Feedback(True, "Well done! " + text, exercise)


def hint(text: str, exercise: str = "") -> Feedback:
    """A hint: what to look at again, never just "wrong"."""
    return Feedback(False, "Not yet. " + text, exercise)


def is_blank(answer: object) -> bool:
    """True when the student has not replaced the placeholder.

    A list or dict whose every item is still blank (``{"Rahman": ..., "SANA": ...}``)
    counts as not answered too.

    >>> is_blank(...), is_blank(""), is_blank("x"), is_blank({"a": ...}), is_blank([..., "b"])
    (True, True, False, True, False)
    """
    if answer is ... or answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, dict):
        return all(is_blank(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set, frozenset)):
        return all(is_blank(v) for v in answer)
    return False


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


#: Whole numbers longer than this many digits are not read (Python refuses to print them).
MAX_DIGITS = 4000
#: Longer text answers are saved but not checked (a checker on 10 MB of text took seconds).
MAX_ANSWER_CHARS = 200_000


def run_checker(check, exercise_id: str, answer, *args, **kwargs) -> Feedback:
    """``check(answer, ...)`` as Feedback for ``exercise_id``; a number too long to read, or a
    checker that fails, gives a message instead of an error. Lone surrogates in the message
    (an answer cut mid-emoji, echoed back) become "\ufffd" so the notebook can show it.

    >>> run_checker(lambda a: Feedback(True, "Well done!"), "q", 10**5000).message[:32]
    'That number is too long to read '
    """
    if isinstance(answer, int) and not isinstance(answer, bool) and answer.bit_length() > MAX_DIGITS * 3.33:
        return Feedback(False, "That number is too long to read (thousands of digits). "
                               "Type the answer the question asks for.", exercise_id)
    if isinstance(answer, str) and len(answer) > MAX_ANSWER_CHARS:
        return Feedback(False, f"This answer is {len(answer):,} characters long; the kit checks answers of at most "
                               f"{MAX_ANSWER_CHARS:,}. Keep only the part the question asks for.", exercise_id)
    import inspect

    try:
        inspect.signature(check).bind(answer, *args, **kwargs)
    except (TypeError, ValueError) as err:
        if isinstance(err, TypeError):  # called with the wrong number of answers: say so as Python does
            raise
    try:
        feedback = check(answer, *args, **kwargs)
        message = str(feedback.message)
    except Exception:  # a checker must never show a traceback to a class
        return Feedback(False, "The kit could not check this answer. Check what you typed and try again, "
                               "or ask your teacher.", exercise_id)
    if not message.isascii():
        message = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in message)
    return Feedback(feedback.passed, message, feedback.exercise or exercise_id)
