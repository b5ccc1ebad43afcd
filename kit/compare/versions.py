"""Two versions of a story, sentence by sentence: what was cut, added, reworded, and what
the rewording did to labels, sources, quotation marks and figures.

A republished story often differs from the original in small ways that matter: a speaker
dropped ("he said" gone, so a quotation reads as a plain fact), quotation marks lost, a label
swapped ("jihadist" for "Islamist"), a figure changed. :func:`compare_versions` aligns the
sentences of the two versions (:mod:`kit.compare.version_align`: shared sentences anchor the
rest, reworded sentences are paired by the words they share), then compares each pair word by
word with the three lenses.

>>> [c.kind for c in compare_versions("Rebels took the town. Police said 40 were hurt.",
...                                   "Rebels took the town. 40 were hurt.")]
['attribution_dropped']
>>> compare_versions("Same words.", "Same words.")
[]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from kit.compare.version_align import (_WORD, _Unit, _norm, _words, align, similarity, units_of,  # noqa: F401
                                      unwrap)
from kit.compare.version_stray import stray_line  # noqa: F401
from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse

_align = align  # the name kit.compare.trace.matching_part imports

#: Kinds of change, with a short name for legends and tables.
KINDS = {
    "cut": "sentence cut",
    "added": "sentence added",
    "moved": "sentence moved",
    "reworded": "reworded",
    "attribution_dropped": "speaker dropped",
    "speaker_changed": "speaker changed",
    "quote_marks_lost": "quotation marks lost",
    "quote_changed": "quotation changed",
    "label_changed": "label changed",
    "figure_changed": "figure changed",
}

_SPEAKER_SKIP = frozenset("the a an of his her its their he she it they who head chief for in on mr mrs ms dr".split())


@dataclass(frozen=True)
class Change:
    """One difference between version A and version B.

    ``kind`` is one of :data:`KINDS`; ``a_text``/``b_text`` the words on each side, with
    character offsets into each version (``None`` on the side where a sentence is absent);
    ``note`` says in plain words what changed and what to ask about it.
    """

    kind: str
    a_text: str | None
    b_text: str | None
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    note: str


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view: a sentence of A, of B, or a pair (offsets; None if absent).

    ``status``: "same", "paired" (reworded), "moved", "cut" or "added"; ``a_edits``/``b_edits``
    are the word spans changed in a pair that no more specific change explains.
    """

    status: str
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    a_edits: tuple[tuple[int, int], ...] = ()
    b_edits: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Alignment:
    """Both texts, the rows of the side-by-side view, and the changes (see :func:`align_versions`)."""

    a_text: str
    b_text: str
    rows: tuple[Row, ...]
    changes: tuple[Change, ...]
    names: tuple[str, str] = ("A", "B")


@dataclass(frozen=True)
class _Side:
    text: str
    units: tuple[_Unit, ...]
    labels: tuple
    attributions: tuple
    numbers: tuple
    name: str
    quotes: tuple = ()


# ---------------------------------------------------------------- reading each version


def _units(doc) -> tuple[_Unit, ...]:
    """Sentences of the Doc, each line apart (a headline is a sentence too), then joined back where a
    line only continues its sentence (hard-wrapped copies), see :func:`~kit.compare.version_align.units_of`."""
    text, pieces = doc_text(doc), []
    for sent in doc.sents:
        pos = sent.start_char
        for line in text[sent.start_char:sent.end_char].split("\n"):
            start, end = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
            pos += len(line) + 1
            if start < end:
                pieces.append((start, end))
    return units_of(text, pieces)


def _as_doc(version, name: str):
    if isinstance(version, str):
        return parse(unwrap(version))
    if hasattr(version, "vocab") and hasattr(version, "sents"):
        return version
    raise InputError(f"Version {name} must be text (a str) or a parsed text, not {type(version).__name__}.")


def _side(version, name: str) -> _Side:
    from kit.attribution import find_attributions
    from kit.compare.version_currency import read_codes
    from kit.compare.version_quotes import quote_spans
    from kit.framing import find_labels
    from kit.numbers import find_numbers

    doc = _as_doc(version, name)
    text = doc_text(doc)
    if not text.strip():
        return _Side(text, (), (), (), (), name)
    units = _units(doc)
    numbers = read_codes(text, units, tuple(find_numbers(doc, sources=False)))
    return _Side(text, units, tuple(find_labels(doc)), tuple(find_attributions(doc)), numbers, name,
                 quote_spans(text))


# ---------------------------------------------------------------- comparing one pair of sentences


def _edits(ua: _Unit, ub: _Unit) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Changed stretches of words: ((A start, A end), (B start, B end)) in characters; empty = a point."""
    out = []
    matcher = SequenceMatcher(None, ua.words, ub.words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append((_chars(ua, i1, i2), _chars(ub, j1, j2)))
    return out


def _chars(u: _Unit, i: int, j: int) -> tuple[int, int]:
    if i < j:
        return u.spans[i][0], u.spans[j - 1][1]
    at = u.spans[i][0] if i < len(u.spans) else u.end
    return at, at


def overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    """True when two character ranges overlap (a point touches a range that contains it).

    >>> overlaps(0, 5, 4, 9), overlaps(0, 5, 5, 9), overlaps(3, 3, 0, 5)
    (True, False, True)
    """
    if s1 == e1:
        return s2 <= s1 < e2 or s1 == s2 == e2
    if s2 == e2:
        return s1 <= s2 < e1
    return s1 < e2 and s2 < e1


def align_versions(a, b, *, names: tuple[str, str] = ("A", "B")) -> Alignment:
    """The two versions aligned: rows for a side-by-side view, and every :class:`Change`.

    ``a``/``b``: text or a spaCy ``Doc``. ``names`` are used in the notes ("the original").

    >>> al = align_versions("Rebels took Aleppo. Talks failed.", "Talks failed.")
    >>> [r.status for r in al.rows], [c.kind for c in al.changes]
    (['cut', 'same'], ['cut'])
    """
    from kit.compare.version_changes import pair_changes, sentence_change

    if not (isinstance(names, (tuple, list)) and len(names) == 2):
        raise InputError("names must be two names, one for each version, e.g. (\"original\", \"copy\").")
    names = (str(names[0]), str(names[1]))
    sa, sb = _side(a, names[0]), _side(b, names[1])
    if not sa.text.strip() and not sb.text.strip():
        raise InputError("Both versions are empty. Paste two versions of the same story, one in each.")
    rows, changes = [], []
    aligned = align(sa.units, sb.units, (sa.quotes, sb.quotes))
    for ua, ub, status in aligned:
        if status in ("cut", "added"):
            side, u = (sa, ua) if status == "cut" else (sb, ub)
            if not stray_line(side.text, u):  # a caption or subheading left in a copied page
                changes.append(sentence_change(status, sa, sb, ua, ub))
            rows.append(Row(status, *_offsets(ua), *_offsets(ub)))
            continue
        if status == "same" and sa.text[ua.start:ua.end] == sb.text[ub.start:ub.end]:
            rows.append(Row("same", ua.start, ua.end, ub.start, ub.end))
            continue
        found, a_edits, b_edits = pair_changes(sa, sb, ua, ub, _edits(ua, ub))
        if status == "moved":
            found.insert(0, sentence_change("moved", sa, sb, ua, ub))
        changes += found
        rows.append(Row(status, ua.start, ua.end, ub.start, ub.end, tuple(a_edits), tuple(b_edits)))
    from kit.compare.version_orphans import orphan_figures
    from kit.compare.version_titles import retitled

    changes = retitled(sa, sb, orphan_figures(sa, sb, aligned, changes))
    return Alignment(sa.text, sb.text, tuple(rows), tuple(changes), names)


def _offsets(u: _Unit | None) -> tuple[int | None, int | None]:
    return (u.start, u.end) if u is not None else (None, None)


def compare_versions(a, b, *, names: tuple[str, str] = ("A", "B")) -> list[Change]:
    """What changed from version ``a`` to version ``b`` of a story, in reading order.

    ``a``/``b``: text (any English text) or a spaCy ``Doc``. Returns :class:`Change` records
    (see :data:`KINDS`); identical texts give ``[]``. Both versions empty raises
    :class:`kit.InputError`; one empty gives every sentence of the other as cut or added.

    >>> [(c.kind, c.a_text, c.b_text) for c in compare_versions(
    ...     "Jihadist groups took the town.", "Islamist groups took the town.")]
    [('label_changed', 'Jihadist', 'Islamist')]
    >>> [(c.kind, c.b_text) for c in compare_versions("The city is 230 km away.", "The city is 120 km away.")]
    [('figure_changed', '120 km')]
    """
    return list(align_versions(a, b, names=names).changes)


def count_kinds(changes) -> dict[str, int]:
    """How many changes of each kind, in the order of :data:`KINDS`.

    >>> count_kinds(compare_versions("A cat sat. It slept.", "A cat sat."))
    {'cut': 1}
    """
    counts = Counter(c.kind for c in changes)
    return {k: counts[k] for k in KINDS if counts[k]}
