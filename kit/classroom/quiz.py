"""Before/after check: two short question banks that measure the same skills.

The banks are data (``kit/classroom/data/quiz_before.json``, ``kit/classroom/data/quiz_after.json``): each
item has an id, a lens, a skill, a short news sentence, a question, choices, the answer
and an explanation. Both banks share one skills map, so a teacher can compare a class's
score per skill before and after the lessons. :func:`kit.classroom.widgets.make_quiz` shows a bank;
:func:`check_quiz` scores it and saves the answers (:mod:`kit.classroom.answers`).

Attempts are kept. The saved entry (``kit_answers.json``, under the bank's id) holds
``attempts``, oldest first, each ``{"answers", "score", "total", "time"}``; the first attempt
is the one the gradebook reports as "before" or "after", and a later attempt never replaces
it. Until a student presses *Submit - final* only a ``draft`` is saved and no score or key is
shown. The key (right answers and explanations) is shown after a final attempt, or to
everyone when the teacher releases it (see :func:`key_released`).

Each student sees the choices in an order of their own (:func:`choice_order`, fixed by
the student id: ``$KIT_STUDENT``, else ``$JUPYTERHUB_USER``, else the login name).

>>> bank = load_bank("quiz_before")
>>> len(bank.items) >= 15 and set(bank.lenses()) == {"framing", "attribution", "numbers"}
True
>>> first = bank.items[0]
>>> score(bank, {first.id: first.answer}).correct
1
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kit.classroom.feedback import QUESTIONS, Feedback, not_answered
from kit.core.errors import InputError

DATA = Path(__file__).parent / "data"
BANKS = ("quiz_before", "quiz_after")


@dataclass(frozen=True)
class Item:
    """One multiple-choice question about a short news sentence."""

    id: str
    lens: str
    skill: str
    text: str
    question: str
    choices: tuple[str, ...]
    answer: str
    explanation: str


@dataclass(frozen=True)
class Bank:
    """A question bank: items plus the skills map shared by the before and after banks."""

    id: str
    title: str
    note: str
    skills: dict = field(hash=False, compare=False)
    items: tuple[Item, ...] = ()

    def lenses(self) -> list[str]:
        """The lenses in the bank, in the order of :data:`kit.classroom.feedback.QUESTIONS`."""
        present = {i.lens for i in self.items}
        return [lens for lens in QUESTIONS if lens in present] + sorted(present - set(QUESTIONS))

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class ItemResult:
    item: Item
    given: str | None
    correct: bool


@dataclass(frozen=True)
class QuizResult:
    """A scored quiz: per-item results, the total and a per-lens summary."""

    bank: str
    results: tuple[ItemResult, ...]
    correct: int
    total: int
    answered: int
    by_lens: dict = field(hash=False, compare=False)

    def summary(self) -> str:
        """
        >>> score(load_bank("quiz_after"), {}).summary()
        '0 of 15 right. Framing: 0/4, Attribution: 0/6, Numbers: 0/5.'
        """
        lenses = ", ".join(f"{lens.capitalize()}: {c}/{t}" for lens, (c, t) in self.by_lens.items())
        return f"{self.correct} of {self.total} right. {lenses}."


def load_bank(name: str | Path) -> Bank:
    """A bank by name (``"quiz_before"``, ``"quiz_after"``) or from a JSON file."""
    path = Path(name) if str(name).endswith(".json") else DATA / f"{name}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        items = tuple(
            Item(str(i["id"]), str(i["lens"]), str(i["skill"]), str(i["text"]), str(i["question"]),
                 tuple(str(c) for c in i["choices"]), str(i["answer"]), str(i["explanation"]))
            for i in raw["items"]
        )
        return Bank(str(raw["id"]), str(raw.get("title", "")), str(raw.get("note", "")),
                    dict(raw.get("skills", {})), items)
    except OSError:
        raise InputError(f"There is no question bank called {name!r}. Try one of: {', '.join(BANKS)}.") from None
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(f"The question bank {path.name} is damaged ({err}).") from None


def problems(bank: Bank) -> list[str]:
    """Everything wrong with a bank (empty when it is fine); used by the tests and by teachers.

    >>> problems(load_bank("quiz_before"))
    []
    """
    out = []
    seen = set()
    for item in bank.items:
        if item.id in seen:
            out.append(f"{item.id}: duplicate id")
        seen.add(item.id)
        if item.answer not in item.choices:
            out.append(f"{item.id}: the answer is not one of the choices")
        if len(set(item.choices)) != len(item.choices) or len(item.choices) < 2:
            out.append(f"{item.id}: choices must be at least two and all different")
        if item.skill not in bank.skills:
            out.append(f"{item.id}: skill {item.skill!r} is not in the skills map")
        elif bank.skills[item.skill].get("lens") != item.lens:
            out.append(f"{item.id}: lens {item.lens!r} differs from its skill's lens")
        if item.lens not in QUESTIONS:
            out.append(f"{item.id}: unknown lens {item.lens!r}")
        if not item.explanation.strip():
            out.append(f"{item.id}: no explanation")
    return out


def score(bank: Bank, answers: dict) -> QuizResult:
    """Score ``answers`` (item id -> chosen text); unknown ids and unanswered items count as wrong.

    >>> b = load_bank("quiz_before")
    >>> r = score(b, {i.id: i.answer for i in b.items})
    >>> r.correct == r.total == len(b.items), r.by_lens["numbers"]
    (True, (5, 5))
    """
    answers = answers if isinstance(answers, dict) else {}
    results = []
    by_lens: dict[str, list[int]] = {lens: [0, 0] for lens in bank.lenses()}
    for item in bank.items:
        given = answers.get(item.id)
        given = given if isinstance(given, str) else None
        ok = given == item.answer
        results.append(ItemResult(item, given, ok))
        by_lens[item.lens][0] += ok
        by_lens[item.lens][1] += 1
    correct = sum(r.correct for r in results)
    answered = sum(r.given is not None for r in results)
    return QuizResult(bank.id, tuple(results), correct, len(results), answered,
                      {k: tuple(v) for k, v in by_lens.items()})


#: The four-level rubric of the transfer task (quiz_after; lessons/rubrics.md), highest first.
TRANSFER_RUBRIC = {
    4: "Uses all three questions on the new text, with a quotation for each, and says what to check next and where.",
    3: "Uses all three questions with evidence from the text; the next step is general.",
    2: "Uses one or two questions, or gives opinions without quoting the text.",
    1: "Summarises or judges the article without the three questions.",
}
#: The four-level rubric shown with every other open answer (reflections), highest first.
OPEN_RUBRIC = {
    4: "Answers the question with an example quoted from the text, names the lens it uses, and says what is still unknown.",
    3: "Answers the question with an example from the text.",
    2: "Answers in general terms, without an example from the text.",
    1: "Repeats the question or gives an opinion only.",
}


#: Environment variable a teacher sets to show the key before a final attempt: "all" (or "1")
#: or bank ids separated by commas ("quiz_before").
RELEASE_ENV = "KIT_QUIZ_KEY"
#: A file beside ``kit_answers.json`` that does the same: empty means every bank, else one bank id a line.
RELEASE_FILE = "kit_quiz_key_released"


def student_id() -> str:
    """Who is taking the quiz: ``$KIT_STUDENT``, ``$JUPYTERHUB_USER``, the login name, or ""."""
    import os

    for name in ("KIT_STUDENT", "JUPYTERHUB_USER", "USER", "USERNAME", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return ""


def choice_order(item: Item, student: str | None = None) -> tuple[str, ...]:
    """The item's choices in the order one student sees them (the same every time for that student).

    >>> item = load_bank("quiz_before").items[0]
    >>> choice_order(item, "ana") == choice_order(item, "ana") and sorted(choice_order(item, "ana")) == sorted(item.choices)
    True
    """
    import hashlib
    import random

    seed = hashlib.sha256(f"{student_id() if student is None else student}|{item.id}".encode()).hexdigest()
    order = list(item.choices)
    random.Random(seed).shuffle(order)
    return tuple(order)


def key_released(bank_id: str) -> bool:
    """Has the teacher released the key of ``bank_id``? ``$KIT_QUIZ_KEY`` or a ``kit_quiz_key_released`` file.

    >>> import os; os.environ[RELEASE_ENV] = "quiz_after"
    >>> key_released("quiz_after"), key_released("quiz_before")
    (True, False)
    >>> _ = os.environ.pop(RELEASE_ENV)
    """
    import os

    from kit.classroom.answers import answers_path

    wanted = os.environ.get(RELEASE_ENV, "").strip().lower()
    if wanted in ("1", "all", "yes", "true") or bank_id.lower() in {w.strip() for w in wanted.split(",")}:
        return True
    try:
        flag = answers_path().parent / RELEASE_FILE
        if flag.is_file():
            names = {line.strip().lower() for line in flag.read_text(encoding="utf-8")[:10_000].splitlines()} - {""}
            return not names or bool(names & {bank_id.lower(), "all"})
    except (OSError, ValueError):
        pass
    return False


def attempts(entry: object) -> list[dict]:
    """The final attempts in a saved quiz entry, oldest first (an old entry without them counts as one).

    >>> attempts({"answer": {"b01": "terrorists"}, "passed": False})[0]["answers"]
    {'b01': 'terrorists'}
    >>> attempts({"answer": {}, "final": False}), attempts("junk")
    ([], [])
    """
    if not isinstance(entry, dict):
        return []
    kept = entry.get("attempts")
    if isinstance(kept, list):
        return [a for a in kept if isinstance(a, dict) and isinstance(a.get("answers"), dict)]
    if entry.get("final") is False or "draft" in entry:
        return []
    answer = entry.get("answer")
    return [{"answers": answer, "score": None, "total": None, "time": entry.get("saved_at")}] if isinstance(answer, dict) else []


def first_attempt(entry: object) -> dict | None:
    """The answers that count (the first final attempt), or None when there is none."""
    kept = attempts(entry)
    return kept[0]["answers"] if kept else None


def _clean(bank: Bank, answers) -> dict:
    return {k: v for k, v in (answers if isinstance(answers, dict) else {}).items()
            if isinstance(k, str) and isinstance(v, str) and bank.item(k) and v in bank.item(k).choices}


def record(bank: Bank, answers: dict, feedback: Feedback, *, final: bool) -> dict:
    """Save a draft or a final attempt under the bank's id, keeping every earlier attempt. Never raises.

    Returns the entry as saved (or as it would have been, when the folder is read-only).
    """
    import time

    from kit.classroom import answers as store

    entry: dict = {}
    try:
        path = store.answers_path()
        if not path.parent.is_dir():
            return entry
        with store._lock(path):
            kept = attempts(store.load_answers(path).get(bank.id))
            if final:
                result = score(bank, answers)
                kept.append({"answers": answers, "score": result.correct, "total": result.total,
                             "time": time.strftime("%Y-%m-%dT%H:%M:%S")})
            entry = {"answer": kept[0]["answers"] if kept else answers, "passed": bool(feedback.passed),
                     "message": feedback.message, "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                     "final": bool(kept), "attempts": kept, "draft": answers}
            saved = store._update(path, bank.id, entry)
        if saved.notice:
            print("\u26a0\ufe0f " + saved.notice)
    except Exception:  # a read-only folder, a full disk: the lesson goes on
        pass
    return entry


def check_quiz(bank: Bank | str, answers: dict, *, final: bool = True) -> Feedback:
    """Score a quiz as a final attempt (``final=False``: save a draft, no score), and say how it went.

    Passed means "every question answered" (a before-quiz is not an exam). Every final
    attempt is kept; the first is the one reported.

    >>> check_quiz("quiz_before", {}).passed
    False
    """
    bank = bank if isinstance(bank, Bank) else load_bank(bank)
    answers = _clean(bank, answers)
    if not answers:
        return Feedback(False, not_answered("Submit - final", "choose an answer"), bank.id)
    result = score(bank, answers)
    missing = result.total - result.answered
    left = f"{missing} question{'s' * (missing != 1)} still without an answer."
    if not final:
        fb = Feedback(False, f"Saved: {result.answered} of {result.total} answered. {left if missing else ''} "
                             "Press Submit - final when you are sure: then you see your score and the answers.",
                      bank.id)
        record(bank, answers, fb, final=False)
        return fb
    if missing:
        fb = Feedback(False, f"{result.summary()} {left}", bank.id)
    else:
        fb = Feedback(True, f"All answered. {result.summary()} Read the explanations below.", bank.id)
    entry = record(bank, answers, fb, final=True)
    n = len(entry.get("attempts", [])) if entry else 0
    if n > 1:
        fb = Feedback(fb.passed, f"{fb.message} This was attempt {n}; your first attempt is the one "
                                 "that counts for the class.", bank.id)
    return fb
