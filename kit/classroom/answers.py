"""Saved answers: every checked exercise is stored in a small JSON file beside the notebook.

So an answer survives a restarted kernel and the next class period, and a teacher's
gradebook (``python -m kit gradebook``) can read it. Nothing leaves the computer.

The file is ``kit_answers.json`` in the notebook's folder (the kernel's working folder),
or the path in the ``KIT_ANSWERS`` environment variable. Writing never stops a lesson:
if the folder is read-only the answer is simply not saved.

>>> import os, tempfile
>>> os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
>>> @exercise("demo_q1")
... def demo(answer):
...     return Feedback(answer == 4, "ok" if answer == 4 else "try again")
>>> demo(4).passed
True
>>> load_answers()["demo_q1"]["passed"]
True
>>> del os.environ["KIT_ANSWERS"]
"""

from __future__ import annotations

import functools
import json
import os
import time
from pathlib import Path

from kit.classroom.feedback import Feedback

ANSWERS_FILE = "kit_answers.json"


def answers_path() -> Path:
    """Where answers are saved: ``$KIT_ANSWERS`` or ``kit_answers.json`` in the working folder."""
    return Path(os.environ.get("KIT_ANSWERS") or ANSWERS_FILE)


def load_answers(path: Path | None = None) -> dict:
    """All saved answers, by exercise id ({} when there are none or the file is damaged)."""
    path = path or answers_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _jsonable(answer):
    if answer is ...:
        return None
    try:
        json.dumps(answer)
        return answer
    except TypeError:
        if isinstance(answer, (set, frozenset, tuple)):
            return sorted(map(str, answer))
        return repr(answer)


def save_answer(exercise_id: str, answer, feedback: Feedback, path: Path | None = None) -> bool:
    """Store one answer and its result; True when written. Never raises."""
    path = path or answers_path()
    data = load_answers(path)
    data[exercise_id] = {
        "answer": _jsonable(answer),
        "passed": bool(feedback.passed),
        "message": feedback.message,
        "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    try:
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return True
    except OSError:
        return False


def exercise(exercise_id: str):
    """Decorate a checker ``f(answer, ...) -> Feedback`` so each call is saved.

    Blank answers (the ``...`` placeholder) are not saved, so opening a notebook again
    does not wipe an earlier answer.
    """

    def wrap(check):
        @functools.wraps(check)
        def run(answer, *args, **kwargs):
            from kit.classroom.feedback import is_blank

            feedback = check(answer, *args, **kwargs)
            if not feedback.exercise:
                feedback = Feedback(feedback.passed, feedback.message, exercise_id)
            if not is_blank(answer):
                save_answer(exercise_id, answer, feedback)
            return feedback

        run.exercise_id = exercise_id
        return run

    return wrap


def saved(exercise_id: str, default=...):
    """The last saved answer to an exercise, or ``default`` (``...``) when there is none.

    Notebooks use it to pre-fill an answer after a restart:
    ``answer = kit.saved("framing_q1")``.
    """
    entry = load_answers().get(exercise_id)
    return default if entry is None else entry.get("answer", default)
