"""Before/after quiz: two parallel forms that measure the same skills, and their scoring.

The forms are data (``kit/classroom/data/quiz_a.json``, ``quiz_b.json``): each item has an id,
a lens, a skill, a short news text, a question, choices, the answer and an explanation. Both
forms share one skills map (seven skills, three items each), so a teacher can compare a class's
score per skill before and after the lessons. Which form a student takes first is the
teacher's choice (:mod:`kit.classroom.forms`); ``load_bank("quiz_before")`` is the form this
student takes before the lessons, ``load_bank("quiz_a")`` form A itself.
:func:`kit.classroom.quiz_widgets.make_quiz` shows a quiz; :func:`check_quiz` scores it and saves the
answers (:mod:`kit.classroom.answers`) under the occasion (``quiz_before``/``quiz_after``) with the form.

Attempts are kept. The saved entry holds ``attempts``, oldest first, each ``{"answers",
"score", "total", "time"}``; the first attempt is the one the gradebook reports, and a later
attempt never replaces it. Until a student presses *Submit - final* only a ``draft`` is saved.
After the before-quiz a student sees a score and what the lessons will teach, never the key;
the key of the after-quiz is shown after a final attempt in self-study. A class's student copy
shows no score and no key until the teacher releases the form (:mod:`kit.classroom.keys`).

Each student sees the choices in an order of their own (:func:`choice_order`, fixed by
the student id: ``$KIT_STUDENT``, else ``$JUPYTERHUB_USER``, else the login name).

>>> bank = load_bank("quiz_a")
>>> len(bank.items) >= 15 and set(bank.lenses()) == {"framing", "attribution", "numbers"}
True
>>> first = bank.items[0]
>>> score(bank, {first.id: first.answer}).correct
1
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit.classroom.feedback import QUESTIONS, Feedback, not_answered
from kit.classroom.forms import FORMS, OCCASIONS
from kit.core.errors import InputError

DATA = Path(__file__).parent / "data"
BANKS = FORMS


@dataclass(frozen=True)
class Item:
    """One multiple-choice question about a short news sentence.

    In a class's student copy ``answer`` and ``explanation`` are empty until the teacher
    releases the key (:mod:`kit.classroom.keys`): nothing in the item tells the right option.
    """

    id: str
    lens: str
    skill: str
    text: str
    question: str
    choices: tuple[str, ...]
    answer: str
    explanation: str

    def right(self, given: object) -> bool:
        """Is ``given`` the right option? Always False while the key is sealed (use :func:`keyed_bank`)."""
        return bool(self.answer) and isinstance(given, str) and given in self.choices and given == self.answer


@dataclass(frozen=True)
class Bank:
    """A form: items plus the skills map both forms share; ``occasion`` when loaded as one."""

    id: str
    title: str
    note: str
    skills: dict = field(hash=False, compare=False)
    items: tuple[Item, ...] = ()
    sealed: str = ""      # a student copy's encrypted key (kit.classroom.keys)
    occasion: str = ""    # "quiz_before" or "quiz_after" when loaded by occasion

    def lenses(self) -> list[str]:
        """The lenses in the bank, in the order of :data:`kit.classroom.feedback.QUESTIONS`."""
        present = {i.lens for i in self.items}
        return [lens for lens in QUESTIONS if lens in present] + sorted(present - set(QUESTIONS))

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def saved_as(self) -> str:
        """The id its answers are saved under: the occasion, else the form."""
        return self.occasion or self.id


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
        >>> score(load_bank("quiz_b"), {}).summary()
        '0 of 21 right. Framing: 0/6, Attribution: 0/9, Numbers: 0/6.'
        """
        lenses = ", ".join(f"{lens.capitalize()}: {c}/{t}" for lens, (c, t) in self.by_lens.items())
        return f"{self.correct} of {self.total} right. {lenses}."


def _item(raw: dict) -> Item:
    return Item(str(raw["id"]), str(raw["lens"]), str(raw["skill"]), str(raw["text"]), str(raw["question"]),
                tuple(str(c) for c in raw["choices"]), str(raw.get("answer", "")), str(raw.get("explanation", "")))


def load_bank(name: str | Path) -> Bank:
    """A form by name (``"quiz_a"``, ``"quiz_b"``), the form this student takes on an occasion
    (``"quiz_before"``, ``"quiz_after"``), or a bank from a JSON file.

    >>> load_bank("quiz_before").occasion, load_bank("quiz_a").items[0].answer != ""
    ('quiz_before', True)
    """
    from kit.classroom.forms import current_form

    occasion = str(name) if str(name) in OCCASIONS else ""
    name = current_form(occasion) if occasion else name
    path = Path(name) if str(name).endswith(".json") else DATA / f"{name}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        items = tuple(_item(i) for i in raw["items"])
        return Bank(str(raw["id"]), str(raw.get("title", "")), str(raw.get("note", "")),
                    dict(raw.get("skills", {})), items, str(raw.get("sealed", "")), occasion)
    except OSError:
        raise InputError(f"There is no question bank called {name!r}. "
                         f"Try one of: {', '.join(OCCASIONS + FORMS)}.") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(f"The question bank {path.name} is damaged ({err}).") from None


def with_key(bank: Bank, code: str) -> Bank | None:
    """A sealed bank with its answers and explanations, when ``code`` is its release code; else None.
    An unsealed bank comes back as it is."""
    from kit.classroom.keys import open_items

    if not bank.sealed:
        return bank
    keys = open_items(bank.sealed, code)
    if keys is None:
        return None
    items = tuple(replace(i, answer=str(keys.get(i.id, ["", ""])[0]), explanation=str(keys.get(i.id, ["", ""])[1]))
                  for i in bank.items)
    return replace(bank, items=items)


def keyed_bank(bank: Bank) -> Bank | None:
    """The bank with its key: as it is in the repository; in a class's student copy only once the
    teacher has released it (a release code the student was given opens it), else None.

    >>> keyed_bank(load_bank("quiz_after")).items[0].answer != ""
    True
    """
    from kit.classroom.keys import known_codes

    if not bank.sealed:
        return bank
    return next((opened for code in known_codes() if (opened := with_key(bank, code)) is not None), None)


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
        if item.answer not in item.choices and not bank.sealed:
            out.append(f"{item.id}: the answer is not one of the choices")
        if len(set(item.choices)) != len(item.choices) or len(item.choices) < 2:
            out.append(f"{item.id}: choices must be at least two and all different")
        if item.skill not in bank.skills:
            out.append(f"{item.id}: skill {item.skill!r} is not in the skills map")
        elif bank.skills[item.skill].get("lens") != item.lens:
            out.append(f"{item.id}: lens {item.lens!r} differs from its skill's lens")
        if item.lens not in QUESTIONS:
            out.append(f"{item.id}: unknown lens {item.lens!r}")
        if not item.explanation.strip() and not bank.sealed:
            out.append(f"{item.id}: no explanation")
    return out


def score(bank: Bank, answers: dict) -> QuizResult:
    """Score ``answers`` (item id -> chosen text); unknown ids and unanswered items count as wrong.

    >>> b = load_bank("quiz_a")
    >>> r = score(b, {i.id: i.answer for i in b.items})
    >>> r.correct == r.total == len(b.items), r.by_lens["numbers"]
    (True, (6, 6))
    """
    answers = answers if isinstance(answers, dict) else {}
    results = []
    by_lens: dict[str, list[int]] = {lens: [0, 0] for lens in bank.lenses()}
    for item in bank.items:
        given = answers.get(item.id)
        given = given if isinstance(given, str) else None
        ok = item.right(given)
        results.append(ItemResult(item, given, ok))
        by_lens[item.lens][0] += ok
        by_lens[item.lens][1] += 1
    correct = sum(r.correct for r in results)
    answered = sum(r.given is not None for r in results)
    return QuizResult(bank.id, tuple(results), correct, len(results), answered,
                      {k: tuple(v) for k, v in by_lens.items()})


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
    """Save a draft or a final attempt under the occasion (else the form), with the form, keeping
    every earlier attempt. Never raises.

    Returns the entry as saved (empty when the folder is read-only).
    """
    import time

    from kit.classroom.answers import update_entry

    def change(old):
        kept = attempts(old)
        if final:  # no score while the key is sealed: the gradebook scores from the teacher's key
            keyed = all(i.answer for i in bank.items)
            kept.append({"answers": answers, "score": score(bank, answers).correct if keyed else None,
                         "total": len(bank.items), "time": time.strftime("%Y-%m-%dT%H:%M:%S")})
        return {"answer": kept[0]["answers"] if kept else answers, "passed": bool(feedback.passed),
                "message": feedback.message, "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "final": bool(kept), "attempts": kept, "draft": answers, "form": bank.id}

    return update_entry(bank.saved_as, change)


def key_after_attempt(bank: Bank) -> bool:
    """Does a final attempt show the key? Not after the before-quiz (the lessons teach it), and
    not in a class's student copy (the teacher releases it); after the after-quiz in self-study.

    >>> key_after_attempt(load_bank("quiz_before")), key_after_attempt(load_bank("quiz_after"))
    (False, True)
    """
    return bank.occasion != OCCASIONS[0] and not bank.sealed


def after_submit(bank: Bank) -> str:
    """What a student sees after *Submit - final*, in words for the quiz's instructions."""
    if bank.occasion == OCCASIONS[0]:
        return "your score and what the lessons will teach (the answers come after the lessons)"
    if bank.sealed:
        return "that it is handed in (your teacher shares your score and releases the answers)"
    return "your score and the answers"


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
        return Feedback(False, not_answered("Submit - final", "choose an answer"), bank.saved_as)
    keyed = keyed_bank(bank)
    if keyed is None:
        return _handed_in(bank, answers, final=final)
    bank = keyed
    result = score(bank, answers)
    missing = result.total - result.answered
    left = f"{missing} question{'s' * (missing != 1)} still without an answer."
    if not final:
        fb = Feedback(False, f"Saved: {result.answered} of {result.total} answered. {left if missing else ''} "
                             f"Press Submit - final when you are sure: then you see {after_submit(bank)}.",
                      bank.saved_as)
        record(bank, answers, fb, final=False)
        return fb
    if missing:
        fb = Feedback(False, f"{result.summary()} {left}", bank.saved_as)
    else:
        fb = Feedback(True, f"All answered. {result.summary()}"
                            + (" Read the explanations below." if key_after_attempt(bank) else ""), bank.saved_as)
    entry = record(bank, answers, fb, final=True)
    kept = attempts(entry)
    if len(kept) > 1:
        fb = _later_attempt(bank, fb, kept)
    return fb


def _handed_in(bank: Bank, answers: dict, *, final: bool) -> Feedback:
    """A class's student copy before the teacher releases the key: the choices are saved, no score."""
    missing = len(bank.items) - len(answers)
    left = f" {missing} question{'s' * (missing != 1)} without an answer." if missing else ""
    if not final:
        fb = Feedback(False, f"Saved: {len(answers)} of {len(bank.items)} answered.{left} Press Submit - final "
                             f"when you are sure: then you see {after_submit(bank)}.", bank.saved_as)
        record(bank, answers, fb, final=False)
        return fb
    fb = Feedback(True, f"Submitted: your teacher will share your score.{left}", bank.saved_as)
    n = len(attempts(record(bank, answers, fb, final=True)))
    if n > 1:
        fb = Feedback(True, f"Submitted as attempt {n}. Your first attempt is the one that counts: your teacher "
                            "will share your score.", bank.saved_as)
    return fb


def _later_attempt(bank: Bank, fb: Feedback, kept: list[dict]) -> Feedback:
    """What a second or later final attempt says. Where the key stays hidden it shows the first
    attempt's score, not a new one: a new score per attempt would let a student change one answer
    at a time and read off which answers are right (and pass the form's key to classmates who take it
    later).

    >>> b = load_bank("quiz_before")
    >>> first = {"answers": {b.items[0].id: b.items[0].answer}}
    >>> print(_later_attempt(b, Feedback(True, "All answered. 21 of 21 right."), [first, first]).message)
    Saved as attempt 2. Your first attempt counts: 1 of 21 right...
    """
    n = len(kept)
    if key_after_attempt(bank):
        return Feedback(fb.passed, f"{fb.message} This was attempt {n}; your first attempt is the one "
                                   "that counts for the class.", bank.saved_as)
    first = score(bank, kept[0]["answers"]).summary()
    return Feedback(fb.passed, f"Saved as attempt {n}. Your first attempt counts: {first} A later attempt "
                               "shows no new score.", bank.saved_as)
