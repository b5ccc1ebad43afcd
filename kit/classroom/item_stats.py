"""Item statistics: which quiz questions work, and how consistent a form is.

For a class's answers to one form (``responses``: student -> item id -> chosen option):

* **difficulty** of an item: the share of students who got it right (0.9: easy, 0.2: hard;
  an unanswered item counts as wrong);
* **discrimination**: how well the item separates students who do well on the rest of the
  form from those who do not (the point-biserial correlation of the item's 0/1 score with the
  *rest score*, the total without this item). Below about 0.2 the item may be broken: a
  confusing text, two defensible answers, or a key that is wrong. ``None`` when every student
  got the item right (or wrong), or every rest score is the same: there is nothing to compare;
* **reliability** of the form (KR-20, from 0 to 1): how much the total score reflects the
  students rather than the luck of the items. ``None`` for fewer than two items or when every
  student has the same total.

Variances are population variances (divided by the number of students), as in KR-20.

>>> from kit.classroom.quiz import load_bank
>>> bank = load_bank("quiz_a")
>>> right = {i.id: i.answer for i in bank.items}
>>> stats = item_statistics(bank, {"ana": right, "ben": {}})
>>> stats.items[0].difficulty, stats.items[0].discrimination, stats.reliability
(0.5, 1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt


@dataclass(frozen=True)
class ItemStat:
    """One item: its id, skill, difficulty (share right), discrimination (or None) and students."""

    id: str
    skill: str
    difficulty: float
    discrimination: float | None
    students: int


@dataclass(frozen=True)
class FormStats:
    """A form's item statistics and its reliability (KR-20, or None)."""

    bank: str
    items: tuple[ItemStat, ...]
    reliability: float | None
    students: int

    def item(self, item_id: str) -> ItemStat | None:
        return next((i for i in self.items if i.id == item_id), None)


def _pvariance(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r (the point-biserial when ``xs`` is 0/1); None when either does not vary.

    >>> _correlation([1, 0, 1, 0], [3, 1, 2, 2])
    0.7071067811865475
    >>> _correlation([1, 1], [2, 3]) is None
    True
    """
    vx, vy = _pvariance(xs), _pvariance(ys)
    if not vx or not vy:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / len(xs)
    return cov / sqrt(vx * vy)


def score_matrix(bank, responses: dict) -> dict[str, list[int]]:
    """student -> [1 or 0 per item of ``bank``, in its order]; junk answers count as wrong.

    >>> from kit.classroom.quiz import load_bank
    >>> score_matrix(load_bank("quiz_a"), {"ana": {"a01": "regime"}})["ana"][:2]
    [1, 0]
    """
    responses = responses if isinstance(responses, dict) else {}
    out = {}
    for student, answers in responses.items():
        answers = answers if isinstance(answers, dict) else {}
        out[str(student)] = [int(answers.get(item.id) == item.answer) for item in bank.items]
    return out


def kr20(matrix: list[list[int]]) -> float | None:
    """KR-20 of a 0/1 score matrix (one row per student): k/(k-1) * (1 - sum(p*q) / variance of totals).

    >>> kr20([[1, 1], [0, 0]])
    1.0
    >>> kr20([[1, 0], [1, 0]]) is None
    True
    """
    if not matrix or len(matrix[0]) < 2:
        return None
    k, n = len(matrix[0]), len(matrix)
    totals = [sum(row) for row in matrix]
    variance = _pvariance(totals)
    if not variance:
        return None
    pq = sum((p := sum(row[j] for row in matrix) / n) * (1 - p) for j in range(k))
    return k / (k - 1) * (1 - pq / variance)


def item_statistics(bank, responses: dict) -> FormStats:
    """Difficulty and discrimination per item, and the form's KR-20 reliability (see the module).

    ``bank`` is a :class:`kit.classroom.quiz.Bank` or its name; ``responses`` maps each
    student to their answers (item id -> chosen option).
    """
    from kit.classroom.quiz import Bank, load_bank

    bank = bank if isinstance(bank, Bank) else load_bank(bank)
    matrix = list(score_matrix(bank, responses).values())
    n = len(matrix)
    stats = []
    for j, item in enumerate(bank.items):
        column = [row[j] for row in matrix]
        rest = [sum(row) - row[j] for row in matrix]
        r = _correlation(column, rest) if n > 1 else None
        stats.append(ItemStat(item.id, item.skill, sum(column) / n if n else 0.0,
                              None if r is None else round(r, 6), n))
    rel = kr20(matrix) if n > 1 else None
    return FormStats(bank.id, tuple(stats), None if rel is None else round(rel, 6), n)
