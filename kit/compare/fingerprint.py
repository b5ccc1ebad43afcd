"""Framing fingerprints: a short summary of how a text frames events, and what differs between two.

:func:`fingerprint` sums an :class:`~kit.compare.analysis.Analysis` up: labels by stance,
source types, which figures the text keeps. :func:`compare_fingerprints` lists what differs
between two versions of the same events, lens by lens.

A figure is its number AND what it counts: "dozens of towns" and "dozens of terrorists" are two
figures, never one kept in both versions.

>>> fp = fingerprint("Police said 40 people were arrested.")
>>> fp.figures, fp.words
({'40 people': '40 people'}, 6)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kit.compare.analysis import STANCES, as_analysis
from kit.core.glossary import plain_label


def _paint(stance: str) -> str:
    """A stance as the end of "Labels that ...".

    >>> _paint("delegitimizing"), _paint("neutral")
    ('paint them as illegitimate', 'are neutral')
    """
    label = plain_label(stance)
    return "paint" + label[len("paints"):] if label.startswith("paints ") else f"are {label}"


@dataclass(frozen=True)
class Fingerprint:
    """A short summary of how a text frames events.

    ``labels``: stance -> number of actor labels; ``label_words``: stance -> the label
    words used (lower case); ``sources``: source type -> number of attributions;
    ``figures``: each amount the text gives (its value, as a key) -> the words it uses;
    ``unattributed``: sentences stating contested facts with no source; ``words``: length.
    """

    id: str
    title: str
    labels: dict
    label_words: dict
    sources: dict
    figures: dict
    unattributed: int
    words: int
    missing: tuple = ()

    def summary(self) -> str:
        """The fingerprint in plain words, one line per lens (what a notebook prints).

        >>> print(Fingerprint("x", "", {"neutral": 2, "delegitimizing": 0}, {}, {"state_media": 1}, {"40": "40 people"}, 1, 20).summary())
        labels: 2 that are neutral, 0 that paint them as illegitimate
        sources: 1 state media
        figures: 40 people
        claims with no source: 1
        """
        def counts(d: dict) -> str:
            return ", ".join(f"{n} {plain_label(k)}" for k, n in d.items()) or "none"

        labels = ", ".join(f"{n} that {_paint(k)}" for k, n in self.labels.items()) or "none"
        figures = "; ".join(str(v) for v in self.figures.values()) or "none"
        return (f"labels: {labels}\nsources: {counts(self.sources)}\nfigures: {figures}\n"
                f"claims with no source: {self.unattributed}")


#: Units written in more than one way, one spelling each (so "130 km" and "130 kilometres" match).
_UNITS = {"kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
          "metres": "m", "meters": "m", "miles": "mi", "percent": "%", "per cent": "%"}


def _counted(q) -> str:
    """What a figure counts, lower case ("civilians", "towns", "km"); "" when the text does not say.

    >>> from kit.numbers import find_numbers
    >>> from kit.core.nlp import parse
    >>> [_counted(q) for q in find_numbers(parse("Dozens of towns fell, 130 kilometres away."))]
    ['towns', 'km']
    """
    word = (getattr(q, "unit", None) if getattr(q, "kind", "") != "count" else None) \
        or getattr(q, "counted", None) or ""
    word = " ".join(str(word).lower().split())
    return _UNITS.get(word, word)


def _figure_key(q) -> str:
    """The figure as a key: its number and what it counts ("24\u201399 towns", "61 civilians")."""
    from kit.numbers import fmt

    if getattr(q, "kind", "") == "proportion":  # "most", "half": the words say it best
        return " ".join(q.text.lower().split())
    number = fmt(q.value) if q.value is not None else f"{fmt(q.low)}\u2013{fmt(q.high)}"
    counted = _counted(q)
    return f"{number} {counted}" if counted else number


def figure_number(key: str) -> str:
    """The number part of a figure key.

    >>> figure_number("24\u201399 towns"), figure_number("412")
    ('24\u201399', '412')
    """
    return key.split(" ", 1)[0]


def fingerprint(x) -> Fingerprint:
    """The framing fingerprint of an article, text, Doc or :class:`Analysis`.

    >>> from kit.core.text import load_article
    >>> fp = fingerprint(load_article("aleppo-2024-12-02-wire"))
    >>> fp.id, fp.words > 200
    ('aleppo-2024-12-02-wire', True)
    """
    an = as_analysis(x)
    labels = Counter(getattr(lab, "stance", "neutral") for lab in an.labels)
    words: dict[str, set] = {}
    for lab in an.labels:
        words.setdefault(getattr(lab, "stance", "neutral"), set()).add(lab.text.lower())
    sources = Counter(getattr(a, "source_type", None) or "other" for a in an.attributions)
    figures: dict[str, str] = {}
    for q in an.quantities:
        if getattr(q, "is_amount", True) and (q.value is not None or q.low is not None):
            figures.setdefault(_figure_key(q), q.text)
    n_words = sum(1 for t in an.doc if not (t.is_punct or t.is_space)) if an.doc is not None else len(an.text.split())
    return Fingerprint(
        id=an.id, title=an.title,
        labels={s: labels.get(s, 0) for s in (*STANCES, *sorted(set(labels) - set(STANCES)))},
        label_words={s: tuple(sorted(w)) for s, w in sorted(words.items())},
        sources=dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))),
        figures=figures,
        unattributed=len(an.unattributed),
        words=n_words,
        missing=tuple(sorted(an.missing)),
    )


@dataclass(frozen=True)
class Difference:
    """One way two fingerprints differ: the lens, the item, the value in A and in B, a note."""

    lens: str
    item: str
    a: object
    b: object
    note: str


def compare_fingerprints(a: Fingerprint, b: Fingerprint, *, names: tuple[str, str] = ("A", "B")
                         ) -> list[Difference]:
    """What differs between two fingerprints, lens by lens (framing, attribution, numbers).

    ``names`` are the names of the two versions used in the notes ("Only A calls...").

    >>> fa = fingerprint("Police said 40 people were arrested.")
    >>> fb = fingerprint("Police said 40 people were arrested, and 3 were hurt.")
    >>> [(d.item, d.a, d.b) for d in compare_fingerprints(fa, fb) if d.lens == "numbers"]
    [('3', 'dropped', 'kept')]
    >>> fc = fingerprint("Police said 40 protesters were arrested.")
    >>> [d.item for d in compare_fingerprints(fa, fc) if d.lens == "numbers"]
    ['40 people', '40 protesters']
    """
    na, nb = names
    out: list[Difference] = []
    for stance in dict.fromkeys([*a.labels, *b.labels]):
        x, y = a.labels.get(stance, 0), b.labels.get(stance, 0)
        if x != y:
            out.append(Difference("framing", f"{stance} labels", x, y,
                                  f"Labels that {_paint(stance)}: {x} in {na}, {y} in {nb}."))
    for stance in dict.fromkeys([*a.label_words, *b.label_words]):
        wa, wb = set(a.label_words.get(stance, ())), set(b.label_words.get(stance, ()))
        for w in sorted(wa ^ wb):
            out.append(Difference(
                "framing", f"\u201c{w}\u201d ({stance})", "used" if w in wa else "not used",
                "used" if w in wb else "not used",
                f"Only {na if w in wa else nb} uses the word \u201c{w}\u201d ({plain_label(stance)}).",
            ))
    for st in dict.fromkeys([*a.sources, *b.sources]):
        x, y = a.sources.get(st, 0), b.sources.get(st, 0)
        if x != y:
            out.append(Difference("attribution", f"{st} sources", x, y,
                                  f"Claims from sources of the kind \u201c{plain_label(st)}\u201d: {x} in {na}, "
                                  f"{y} in {nb}."))
    if a.unattributed != b.unattributed:
        out.append(Difference("attribution", "claims with no source", a.unattributed, b.unattributed,
                              f"Contested claims with no source: {a.unattributed} in {na}, "
                              f"{b.unattributed} in {nb}."))
    out += _figure_differences(a, b, na, nb)
    return out


def _figure_differences(a: Fingerprint, b: Fingerprint, na: str, nb: str) -> list[Difference]:
    """Figures only one version gives. A figure matches only the same number counting the same
    thing; the same number counting something else is named in the note, as a question.

    >>> fa, fb = fingerprint("Rebels took dozens of towns."), fingerprint("Jets killed dozens of terrorists.")
    >>> [d.note for d in _figure_differences(fa, fb, "A", "B")][0]
    'Only A gives the figure “dozens of towns”. (B has the same number for something else: “dozens of terrorists”. Do they count the same thing?)'
    """
    out = []
    for key in dict.fromkeys([*a.figures, *b.figures]):
        if (key in a.figures) == (key in b.figures):
            continue
        mine, other, keeper, rival = (a, b, na, nb) if key in a.figures else (b, a, nb, na)
        same_number = [w for k, w in other.figures.items()
                       if k not in mine.figures and figure_number(k) == figure_number(key)]
        note = f"Only {keeper} gives the figure \u201c{mine.figures[key]}\u201d."
        if same_number:
            note += (f" ({rival} has the same number for something else: \u201c{same_number[0]}\u201d. "
                     "Do they count the same thing?)")
        out.append(Difference("numbers", key, "kept" if key in a.figures else "dropped",
                              "kept" if key in b.figures else "dropped", note))
    return out
