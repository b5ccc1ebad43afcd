"""Before/after check: two short question banks that measure the same skills.

The banks are data (``kit/classroom/data/quiz_before.json``, ``kit/classroom/data/quiz_after.json``): each
item has an id, a lens, a skill, a short news sentence, a question, choices, the answer
and an explanation. Both banks share one skills map, so a teacher can compare a class's
score per skill before and after the lessons. :func:`kit.classroom.widgets.make_quiz` shows a bank;
:func:`check_quiz` scores it and saves the answers (:mod:`kit.classroom.answers`).

>>> bank = load_bank("quiz_before")
>>> len(bank.items) >= 12 and set(bank.lenses()) == {"framing", "attribution", "numbers"}
True
>>> first = bank.items[0]
>>> score(bank, {first.id: first.answer}).correct
1
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kit.classroom.feedback import NOT_ANSWERED, QUESTIONS, Feedback
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
        '0 of 12 right. Framing: 0/4, Attribution: 0/4, Numbers: 0/4.'
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
    (True, (4, 4))
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


def check_quiz(bank: Bank | str, answers: dict) -> Feedback:
    """Score a quiz, save the answers beside the notebook, and say how it went.

    Passed means "every question answered" (a before-quiz is not an exam).

    >>> check_quiz("quiz_before", {}).passed
    False
    """
    from kit.classroom.answers import save_answer

    bank = bank if isinstance(bank, Bank) else load_bank(bank)
    answers = {k: v for k, v in (answers or {}).items() if isinstance(v, str) and bank.item(k)}
    if not answers:
        return Feedback(False, NOT_ANSWERED.replace("replace the ... with your answer", "choose an answer")
                        .replace("run the cell again", "press Submit"), bank.id)
    result = score(bank, answers)
    missing = result.total - result.answered
    if missing:
        fb = Feedback(False, f"{result.summary()} {missing} question{'s' * (missing != 1)} "
                             "still without an answer.", bank.id)
    else:
        fb = Feedback(True, f"All answered. {result.summary()} Read the explanations below.", bank.id)
    save_answer(bank.id, answers, fb)
    return fb
