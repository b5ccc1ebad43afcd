"""Saved answers: every checked exercise is stored in a small JSON file beside the notebook.

So an answer survives a restarted kernel and the next class period, and a teacher's
gradebook (``python -m kit gradebook``) can read it. Nothing leaves the computer.

The file is ``kit_answers.json`` in the notebook's folder (the kernel's working folder),
or the path in the ``KIT_ANSWERS`` environment variable. Writing never stops a lesson, and
a save that fails is never silent: the checker's message starts with "Not saved" and says
why in plain words (the disk is full, the folder is read-only, a folder has the file's name).

Saving never loses work:

* each save writes a new file under a unique temporary name in the same folder, then
  renames it over the old one (``os.replace``), so a crash leaves the old file or the new
  one, never half of one;
* two kernels (two notebooks open side by side) take turns: the read-change-write of a
  save happens under a lock (:mod:`filelock`, ``.kit_answers.json.lock`` beside the file).
  The lock is never skipped: a save that finds it taken says so and waits (up to
  ``LOCK_WAIT`` seconds), then reports "Not saved" rather than write over another save;
* the file gets the permissions the process's umask allows (group-readable where the school
  sets it so), a link named ``kit_answers.json`` is written through (it stays a link),
  temporary files left by a killed kernel are removed, and a pipe, a device or a folder
  of that name is refused at once with a message (never read, so never blocking);
* a file the kit cannot read (cut short, another encoding, not a JSON object) is never
  written over: it is moved aside to a dated copy such as
  ``kit_answers.2026-11-30T17-20-05.bak.json`` first, and the student is told its name.

Readers take any JSON: entries that are not ``{"answer": ..., ...}`` objects are ignored,
``NaN``/``Infinity`` and numbers too big to use read as ``None``.

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
import math
import os
import reprlib
import time
from dataclasses import dataclass
from pathlib import Path

from kit.classroom.feedback import Feedback, run_checker
from kit.core.files import (file_lock, plain_os_error, read_regular, refuse_special, remove_stale_temps,
                            write_atomic)

ANSWERS_FILE = "kit_answers.json"

#: Seconds a save waits for another kernel's save before saying that it is waiting.
LOCK_TIMEOUT = 5.0
#: Seconds a save waits in all for another kernel's save; then it is not saved (and says so).
LOCK_WAIT = 30.0

#: Tries kept per exercise (the first and the latest); ``n_tries`` counts them all.
MAX_TRIES = 200

#: Answers nested deeper than this are stored as text (no exercise needs more than 4 levels).
MAX_DEPTH = 20


def answers_path() -> Path:
    """Where answers are saved: ``$KIT_ANSWERS`` or ``kit_answers.json`` in the working folder."""
    return Path(os.environ.get("KIT_ANSWERS") or ANSWERS_FILE)


# ---------------------------------------------------------------- reading


class Unreadable(ValueError):
    """The answers file exists but is not a kit answers file; the message says why."""


def _finite(text: str):
    value = float(text)
    return value if math.isfinite(value) else None


def _small_int(text: str):
    return int(text) if len(text) <= 50 else None


def parse_answers(raw: bytes) -> dict:
    """The JSON object in ``raw`` (every entry, any shape), or :class:`Unreadable` saying why.

    >>> parse_answers(b'{"q": {"answer": NaN, "x": 1e999}}')
    {'q': {'answer': None, 'x': None}}
    >>> parse_answers(b'[1, 2]')
    Traceback (most recent call last):
    ...
    kit.classroom.answers.Unreadable: it holds a list, not the kit's answers
    """
    if not raw.strip():
        return {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("it is not UTF-8 text") from None
    try:
        data = json.loads(text, parse_constant=lambda _: None, parse_float=_finite, parse_int=_small_int)
    except RecursionError:
        raise Unreadable("it is nested too deeply") from None
    except ValueError as err:  # JSONDecodeError and friends
        raise Unreadable(f"it is damaged or cut short ({getattr(err, 'msg', err)})") from None
    if not isinstance(data, dict):
        raise Unreadable(f"it holds a {_kind(data)}, not the kit's answers")
    return data


def _kind(value) -> str:
    return {list: "list", str: "text", bool: "true/false value", type(None): "null"}.get(type(value), "number")


def usable(data: object) -> dict:
    """Only the entries every reader can use: ``exercise id -> {"answer": ..., ...}``.

    >>> usable({"q1": {"answer": "x"}, "q2": "not a dict", "q3": [1]})
    {'q1': {'answer': 'x'}}
    """
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}


def load_answers(path: Path | None = None) -> dict:
    """All saved answers, by exercise id ({} when there are none or the file is damaged).

    Never raises; entries not in the kit's format are left out.
    """
    try:
        path = Path(path or answers_path())
        return usable(parse_answers(read_regular(path)))
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}


# ---------------------------------------------------------------- writing


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 4, 2000, 2000
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 200


def _jsonable(answer):
    """``answer`` as something JSON can store exactly, else as text (never raises).

    >>> _jsonable({"b", "a"}), _jsonable(float("nan")), _jsonable(...)
    (['a', 'b'], 'nan', None)
    """
    if answer is ...:
        return None
    if isinstance(answer, (set, frozenset, tuple)):
        try:
            answer = sorted(map(str, answer)) if not isinstance(answer, tuple) else list(answer)
        except Exception:
            return _REPR.repr(answer)
    try:
        if _depth(answer) > MAX_DEPTH:
            return _REPR.repr(answer)
        json.dumps(answer, allow_nan=False)
        return answer
    except Exception:  # TypeError, ValueError (NaN), RecursionError, a broken __repr__ ...
        try:
            return _REPR.repr(answer)
        except Exception:
            return f"<a {type(answer).__name__} the kit could not save>"


def _depth(value, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


@dataclass(frozen=True)
class SaveResult:
    """What a save did: ``saved``, and ``backup`` when an unreadable file was moved aside."""

    saved: bool
    backup: Path | None = None
    notice: str = ""  # for the student: where the unreadable file went

    def __bool__(self) -> bool:
        return self.saved


def _backup_name(path: Path) -> Path:
    stamp = time.strftime("%Y-%m-%dT%H-%M-%S")
    stem, suffix = (path.stem, path.suffix) if path.suffix else (path.name, "")
    for n in range(1, 1000):
        cand = path.with_name(f"{stem}.{stamp}{'' if n == 1 else f'-{n}'}.bak{suffix}")
        if not cand.exists():
            return cand
    raise OSError("no free backup name")


def _dumps(data: dict) -> str:
    """``data`` as JSON text that can be written as UTF-8 (lone surrogates as ``\\udXXX`` escapes).

    >>> _dumps({"q": "cut \\ud83d"})
    '{\\n "q": "cut \\\\ud83d"\\n}'
    """
    try:
        text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    except RecursionError:  # deep entries from an old file: the C encoder goes deeper
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # text cut in the middle of an emoji: escape, never lose the answer
        text = json.dumps(data, indent=1, ensure_ascii=True, allow_nan=False)
    return text


def not_saved(why: str, path: Path) -> str:
    """The message a student reads when an answer could not be written.

    >>> not_saved("the disk is full", Path("kit_answers.json"))[:38]
    'Not saved: the disk is full. The kit c'
    """
    return (f"Not saved: {why}. The kit checked your answer but could not write it to {path.name}. "
            "Copy your answer somewhere safe, tell your teacher, and run the cell again later.")


def _lock(path: Path):
    """The cross-process lock for ``path`` (see :func:`kit.core.files.file_lock`): never skipped."""
    return file_lock(path, notice_after=LOCK_TIMEOUT, wait=LOCK_WAIT)


def with_tries(old: object, entry: dict) -> dict:
    """``entry`` with every earlier try of the exercise kept (``tries``, oldest first) and their count.

    >>> first = with_tries(None, {"answer": "a", "passed": False, "saved_at": "t1"})
    >>> second = with_tries(first, {"answer": "b", "passed": True, "saved_at": "t2"})
    >>> second["n_tries"], [t["answer"] for t in second["tries"]]
    (2, ['a', 'b'])
    """
    tries = old.get("tries") if isinstance(old, dict) else None
    if not isinstance(tries, list):  # an entry saved before tries were kept counts as one try
        tries = [{"answer": old.get("answer"), "passed": old.get("passed"), "time": old.get("saved_at")}] \
            if isinstance(old, dict) and "answer" in old else []
    count = old.get("n_tries") if isinstance(old, dict) and isinstance(old.get("n_tries"), int) else len(tries)
    tries = tries + [{"answer": entry.get("answer"), "passed": entry.get("passed"), "time": entry.get("saved_at")}]
    if len(tries) > MAX_TRIES:  # keep the first try and the latest ones
        tries = tries[:1] + tries[-(MAX_TRIES - 1):]
    return {**entry, "tries": tries, "n_tries": count + 1}


def _update(path: Path, exercise_id: str, entry: dict, *, keep_tries: bool = False) -> SaveResult:
    """Inside the lock: read, move an unreadable file aside, add the entry (with its earlier tries
    when ``keep_tries``), write."""
    remove_stale_temps(path)
    backup, notice = None, ""
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raw = b""
    try:
        data = parse_answers(raw)
    except Unreadable as why:
        backup = _backup_name(path)
        os.replace(path, backup)
        data = {}
        notice = (f"Your saved answers file {path.name} could not be read ({why}), so the kit kept it "
                  f"as {backup.name} in the same folder and started a new one. Show it to your teacher.")
    data[exercise_id] = with_tries(data.get(exercise_id), entry) if keep_tries else entry
    try:
        text = _dumps(data)
    except (RecursionError, ValueError):  # an old entry the kit cannot write back: keep it in a copy
        if backup is None:
            backup = _backup_name(path)
            os.replace(path, backup)
            notice = (f"Some old entries in {path.name} could not be kept, so the whole file was copied "
                      f"to {backup.name} first. Show it to your teacher.")
        text = _dumps({k: v for k, v in usable(data).items() if _depth(v) <= MAX_DEPTH})
    try:
        write_atomic(path, text)
    except (OSError, UnicodeError) as err:
        if backup is not None and not os.path.lexists(path):
            os.replace(backup, path)  # put the unreadable file back: nothing changed
        return SaveResult(False, None, not_saved(plain_os_error(err), path))
    return SaveResult(True, backup, notice)


def store_answer(exercise_id: str, answer, feedback: Feedback, path: Path | None = None) -> SaveResult:
    """Store one answer and its result, and say what happened (see :class:`SaveResult`). Never raises."""
    try:
        path = Path(path or answers_path())
        entry = {
            "answer": _jsonable(answer),
            "passed": bool(getattr(feedback, "passed", False)),
            "message": str(getattr(feedback, "message", "")),
            "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        if not path.parent.is_dir():  # the lock would create the folder: do not
            return SaveResult(False, None, not_saved(f"there is no folder {path.parent.name or '.'!r}", path))
        refuse_special(path)  # a pipe would block the read, a folder fail it: say so at once
        with _lock(path):
            return _update(path, str(exercise_id), entry, keep_tries=True)
    except Exception as err:  # read-only folder, a folder named like the file, a full disk...
        try:
            return SaveResult(False, None, not_saved(plain_os_error(err), Path(path)))
        except Exception:
            return SaveResult(False, None, "Not saved: the kit could not write your answer. Tell your teacher.")


def update_entry(exercise_id: str, change) -> dict:
    """Replace one saved entry with ``change(old entry or None)``, read and written under the lock
    (for entries that keep their own history: quiz attempts, transfer versions). Returns the new
    entry, or {} when nothing could be saved. Never raises; a note is printed when an unreadable
    file was moved aside.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> _ = update_entry("demo", lambda old: {"answer": 1, "n": 1 if old is None else old["n"] + 1})
    >>> update_entry("demo", lambda old: {"answer": 1, "n": old["n"] + 1})["n"]
    2
    >>> del os.environ["KIT_ANSWERS"]
    """
    try:
        path = answers_path()
        if not path.parent.is_dir():
            return {}
        refuse_special(path)  # a pipe would block the read, a folder fail it
        with _lock(path):
            entry = change(load_answers(path).get(exercise_id))
            result = _update(path, str(exercise_id), entry)
        if result.notice:
            print("⚠️ " + result.notice)
        return entry if result.saved else {}
    except Exception as err:  # a read-only folder, a full disk: the lesson goes on, and is told
        print("⚠️ " + not_saved(plain_os_error(err), answers_path()))
        return {}


def save_answer(exercise_id: str, answer, feedback: Feedback, path: Path | None = None) -> bool:
    """Store one answer and its result; True when written. Never raises.

    When the old file could not be read it is kept as a dated ``.bak.json`` copy and a note
    saying where is printed.
    """
    result = store_answer(exercise_id, answer, feedback, path)
    if result.notice:
        print("⚠️ " + result.notice)
    return result.saved


def exercise(exercise_id: str):
    """Decorate a checker ``f(answer, ...) -> Feedback`` so each call is saved.

    Blank answers (the ``...`` placeholder) are not saved, so opening a notebook again
    does not wipe an earlier answer.
    """

    def wrap(check):
        @functools.wraps(check)
        def run(answer, *args, **kwargs):
            from kit.classroom.feedback import is_blank

            feedback = run_checker(check, exercise_id, answer, *args, **kwargs)
            if not is_blank(answer):
                result = store_answer(exercise_id, answer, feedback)
                if not result.saved and result.notice:  # "Not saved" first, never a bare "Well done!"
                    feedback = Feedback(feedback.passed, f"⚠️ {result.notice}\n\n{feedback.message}", feedback.exercise)
                elif result.notice:
                    feedback = Feedback(feedback.passed, f"{feedback.message}\n\n⚠️ {result.notice}", feedback.exercise)
            return feedback

        run.exercise_id = exercise_id
        return run

    return wrap


def saved(exercise_id: str, default=...):
    """The last saved answer to an exercise, or ``default`` (``...``) when there is none.

    Notebooks use it to pre-fill an answer after a restart:
    ``answer = kit.saved("framing_q1")``. Never raises, whatever the file holds.
    """
    if not isinstance(exercise_id, str):
        return default
    entry = load_answers().get(exercise_id)
    return default if entry is None else entry.get("answer", default)
