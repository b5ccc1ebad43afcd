"""Can a test-wise student beat a quiz without reading it? Cue strategies, scored on a bank.

A *cue strategy* picks an option from its surface alone: the longest, the one in a fixed
place, the one that repeats the question's words, the odd one out. :func:`cue_scores` says
what each strategy scores alone on a bank (an expected share right: when a strategy cannot
choose between several options, it guesses among them, so a tie of two is worth half).
Chance is 1 / (number of options). A fair form keeps every strategy near chance; the test
``tests/test_quiz_banks.py`` fails any bank where one scores above :data:`MAX_CUE`.

>>> from kit.classroom.quiz import Item
>>> item = Item("x", "numbers", "numbers.range", "At least 3 died.", "What does it say?",
...             ("3 or more", "exactly 3", "about 3", "fewer than 3"), "3 or more", "")
>>> round(cue_scores([item])["longest"], 2), round(cue_scores([item])["position 1"], 2)
(0.0, 1.0)
"""

from __future__ import annotations

import re
from collections import Counter

#: A strategy that scores more than this share alone is a cue (chance with four options: 0.25).
MAX_CUE = 0.40
#: Openings a test-wise student learns are never right ("Nothing: ...", "Nobody: ...", "Exactly ...").
NEVER_RIGHT = ("nothing", "nobody", "exactly", "no one", "none")
WORD = re.compile(r"[a-z0-9']+")
#: Words that make an option absolute ("All 30 ...", "surely lying"): a test-wise student avoids them.
ABSOLUTE = re.compile(r"\b(all|no|never|surely|exactly|only|always|every|none|nobody)\b", re.I)
#: Words that make an option hedged ("at least 10 ..."): a test-wise student picks the careful one.
HEDGED = re.compile(r"\b(at least|at most|about|may|might|some|rough|likely|not say)\b", re.I)
SMALL = frozenset("a an and are as at be by for from in is it of on or that the this to was were what which who with".split())


def words(text: str) -> list[str]:
    """Lower-case words without the small ones ("the", "of").

    >>> words("The lowest it can be, of 35")
    ['lowest', 'can', '35']
    """
    return [w for w in WORD.findall(text.lower()) if w not in SMALL]


def _best(values: list[float]) -> list[int]:
    top = max(values)
    return [n for n, v in enumerate(values) if v == top]


def _length_rank(choices, rank: int) -> list[int]:
    """Options at ``rank`` when sorted longest first (ties share a place)."""
    lengths = sorted({len(c) for c in choices}, reverse=True)
    if rank >= len(lengths):
        return list(range(len(choices)))
    return [n for n, c in enumerate(choices) if len(c) == lengths[rank]]


def _shortest(choices) -> list[int]:
    return _best([-len(c) for c in choices])


def _stem_overlap(item) -> list[int]:
    stem = set(words(item.text + " " + item.question))
    return _best([len(set(words(c)) & stem) for c in item.choices])


def _first_word(choice: str) -> str:
    return (WORD.findall(choice.lower()) or [""])[0]


def _format(choice: str) -> tuple:
    """The look of an option: a figure first or a word, a colon or semicolon inside, a full stop at the end."""
    first = _first_word(choice)
    return (first[:1].isdigit(), bool(re.search(r"[:;]", choice)), choice.rstrip().endswith("."))


def _odd_one_out(choices, look) -> list[int]:
    """The one option whose ``look`` differs when all the others share one; else all (no cue)."""
    sigs = [look(c) for c in choices]
    counts = Counter(sigs)
    odd = [n for n, s in enumerate(sigs) if counts[s] == 1]
    if len(odd) == 1 and len(counts) == 2:
        return odd
    return list(range(len(choices)))


def _never_right_avoided(choices) -> list[int]:
    keep = [n for n, c in enumerate(choices) if not c.lower().startswith(NEVER_RIGHT)]
    return keep or list(range(len(choices)))


def _own_words(item) -> list[int]:
    """The option with the most words found nowhere else in the item (not in the stem, not in other options)."""
    counts = []
    for n, c in enumerate(item.choices):
        elsewhere = set(words(item.text + " " + item.question))
        for m, other in enumerate(item.choices):
            if m != n:
                elsewhere |= set(words(other))
        counts.append(len(set(words(c)) - elsewhere))
    return _best(counts)


def _keep(choices, test) -> list[int]:
    """The options that pass ``test``; all of them when none or all do (no cue)."""
    keep = [n for n, c in enumerate(choices) if test(c)]
    return keep if 0 < len(keep) < len(choices) else list(range(len(choices)))


def _likeness(item, sign: int) -> list[int]:
    """The option sharing the most (sign 1) or fewest (sign -1) words with the other options."""
    sets = [set(words(c)) for c in item.choices]
    return _best([sign * sum(len(s & t) for t in sets if t is not s) for s in sets])


def _copies_text(item) -> list[int]:
    return _keep(item.choices, lambda c: c.lower().rstrip(".") in item.text.lower())


def strategies(n_choices: int = 4) -> dict:
    """Every strategy by name: a function of an item giving the options it would pick among."""
    out = {
        "longest": lambda i: _length_rank(i.choices, 0),
        "second longest": lambda i: _length_rank(i.choices, 1),
        "shortest": lambda i: _shortest(i.choices),
        "most words shared with the question": _stem_overlap,
        "odd first word": lambda i: _odd_one_out(i.choices, _first_word),
        "odd format": lambda i: _odd_one_out(i.choices, _format),
        "avoid Nothing/Nobody/Exactly": lambda i: _never_right_avoided(i.choices),
        "a word only the option has": _own_words,
        "avoid absolute words (all, no, surely)": lambda i: _keep(i.choices, lambda c: not ABSOLUTE.search(c)),
        "the hedged option (at least, about)": lambda i: _keep(i.choices, lambda c: bool(HEDGED.search(c))),
        "most like the other options": lambda i: _likeness(i, 1),
        "least like the other options": lambda i: _likeness(i, -1),
        "copied word for word from the text": _copies_text,
    }
    for p in range(n_choices):
        out[f"position {p + 1}"] = (lambda p: lambda i: [p] if p < len(i.choices) else list(range(len(i.choices))))(p)
    return out


def cue_scores(items) -> dict[str, float]:
    """What each strategy scores alone on ``items``: the expected share right (0 to 1).

    >>> from kit.classroom.quiz import load_bank
    >>> scores = cue_scores(load_bank("quiz_a").items)
    >>> max(scores.values()) <= MAX_CUE
    True
    """
    items = list(items)
    out = {}
    for name, pick in strategies(max((len(i.choices) for i in items), default=4)).items():
        total = 0.0
        for item in items:
            picked = pick(item)
            key = item.choices.index(item.answer)
            total += (key in picked) / len(picked)
        out[name] = total / max(1, len(items))
    return out
