"""Framing fingerprints: a short summary of how a text frames events, and what differs between two.

:func:`fingerprint` sums an :class:`~kit.compare.analysis.Analysis` up: labels by stance,
source types, which figures the text keeps. :func:`compare_fingerprints` lists what differs
between two versions of the same events, lens by lens.

>>> fp = fingerprint("Police said 40 people were arrested.")
>>> fp.figures, fp.words
({'40': '40 people'}, 6)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kit.compare.analysis import STANCES, as_analysis


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


def _figure_key(q) -> str:
    from kit.numbers import fmt

    if q.value is not None:
        return fmt(q.value)
    if getattr(q, "kind", "") == "proportion":  # "most", "half": the words say it best
        return q.text
    return f"{fmt(q.low)}\u2013{fmt(q.high)}"


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
    """
    na, nb = names
    out: list[Difference] = []
    for stance in dict.fromkeys([*a.labels, *b.labels]):
        x, y = a.labels.get(stance, 0), b.labels.get(stance, 0)
        if x != y:
            out.append(Difference("framing", f"{stance} labels", x, y,
                                  f"{stance} labels: {x} in {na}, {y} in {nb}."))
    for stance in dict.fromkeys([*a.label_words, *b.label_words]):
        wa, wb = set(a.label_words.get(stance, ())), set(b.label_words.get(stance, ()))
        for w in sorted(wa ^ wb):
            out.append(Difference(
                "framing", f"\u201c{w}\u201d ({stance})", "used" if w in wa else "not used",
                "used" if w in wb else "not used",
                f"Only {na if w in wa else nb} calls someone \u201c{w}\u201d ({stance}).",
            ))
    for st in dict.fromkeys([*a.sources, *b.sources]):
        x, y = a.sources.get(st, 0), b.sources.get(st, 0)
        if x != y:
            out.append(Difference("attribution", f"{st} sources", x, y,
                                  f"Claims from {st.replace('_', ' ')} sources: {x} in {na}, {y} in {nb}."))
    if a.unattributed != b.unattributed:
        out.append(Difference("attribution", "claims with no source", a.unattributed, b.unattributed,
                              f"Contested claims with no source: {a.unattributed} in {na}, "
                              f"{b.unattributed} in {nb}."))
    for key in dict.fromkeys([*a.figures, *b.figures]):
        if (key in a.figures) != (key in b.figures):
            keeper, words = (na, a.figures[key]) if key in a.figures else (nb, b.figures[key])
            out.append(Difference(
                "numbers", key, "kept" if key in a.figures else "dropped",
                "kept" if key in b.figures else "dropped",
                f"Only {keeper} gives the figure \u201c{words}\u201d.",
            ))
    return out
