"""What every exercises module shares: the ``@checker`` decorator.

``@checker("id")`` is ``@exercise("id")`` (each call saved) with the first step every checker
takes: a blank answer (``...``, an empty box) is told :data:`NOT_ANSWERED` before the body runs.
"""

from __future__ import annotations

import functools

from kit.classroom.answers import exercise
from kit.classroom.feedback import NOT_ANSWERED, Feedback, is_blank


def checker(exercise_id: str):
    """Decorate ``f(answer, ...) -> Feedback``: blank answers get ``NOT_ANSWERED``, every call is saved."""

    def wrap(check):
        @functools.wraps(check)
        def answered(answer, *args, **kwargs):
            if is_blank(answer):
                return Feedback(False, NOT_ANSWERED, exercise_id)
            return check(answer, *args, **kwargs)

        return exercise(exercise_id)(answered)

    return wrap
