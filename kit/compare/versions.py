"""Two versions of a story, sentence by sentence: what was cut, added, reworded, and what
the rewording did to labels, sources, quotation marks and figures.

A republished story often differs from the original in small ways that matter: a speaker
dropped ("he said" gone, so a quotation reads as a plain fact), quotation marks lost, a label
swapped ("jihadist" for "Islamist"), a figure changed. :func:`compare_versions` aligns the
sentences of the two versions (``difflib`` over sentence lists; reworded sentences are paired
by the words they share), then compares each pair word by word with the three lenses.

>>> [c.kind for c in compare_versions("Rebels took the town. Police said 40 were hurt.",
...                                   "Rebels took the town. 40 were hurt.")]
['attribution_dropped']
>>> compare_versions("Same words.", "Same words.")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse

#: Kinds of change, with a short name for legends and tables.
KINDS = {
    "cut": "sentence cut",
    "added": "sentence added",
    "moved": "sentence moved",
    "reworded": "reworded",
    "attribution_dropped": "speaker dropped",
    "speaker_changed": "speaker changed",
    "quote_marks_lost": "quotation marks lost",
    "label_changed": "label changed",
    "figure_changed": "figure changed",
}

#: Two sentences sharing at least this share of their words count as one sentence reworded.
PAIR_MIN = 0.5
#: A cut and an added sentence sharing this share of their words count as one sentence moved.
MOVED_MIN = 0.75
#: A sentence on one side only joins the pair before it (one sentence split in two) when this
#: share of its words (and at least two) are words of the other side that the pair does not share yet.
SPLIT_MIN = 0.6
#: Above this many sentence comparisons in one block, pair in reading order only (stay fast).
MAX_COMPARISONS = 40_000

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_QUOTE = re.compile(r"\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d|\u00ab([^\u00bb\n]+)\u00bb"
                    r"|(?<!\w)\u2018([^\u2019\n]+)\u2019(?!\w)")
_SPEAKER_SKIP = frozenset("the a an of his her its their he she it they who head chief for in on".split())


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
class _Unit:
    """A sentence: offsets into its text, and its words (lower case) with their offsets."""

    start: int
    end: int
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Side:
    text: str
    units: tuple[_Unit, ...]
    labels: tuple
    attributions: tuple
    numbers: tuple
    name: str


# ---------------------------------------------------------------- reading each version


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u02bc", "'").lower()


def _words(text: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    found = list(_WORD.finditer(_norm(text)))
    return tuple(m.group(0) for m in found), tuple((offset + m.start(), offset + m.end()) for m in found)


def _units(doc) -> tuple[_Unit, ...]:
    """Sentences of the Doc, each line of a sentence apart (a headline is a sentence too)."""
    text, out = doc_text(doc), []
    for sent in doc.sents:
        pos = sent.start_char
        for line in text[sent.start_char:sent.end_char].split("\n"):
            start = pos + len(line) - len(line.lstrip())
            end = pos + len(line.rstrip())
            pos += len(line) + 1
            words, spans = _words(text[start:end], start)
            if words:
                out.append(_Unit(start, end, words, spans))
    return tuple(out)


def _as_doc(version, name: str):
    if isinstance(version, str):
        return parse(version)
    if hasattr(version, "vocab") and hasattr(version, "sents"):
        return version
    raise InputError(f"Version {name} must be text (a str) or a parsed text, not {type(version).__name__}.")


def _side(version, name: str) -> _Side:
    from kit.attribution import find_attributions
    from kit.framing import find_labels
    from kit.numbers import find_numbers

    doc = _as_doc(version, name)
    text = doc_text(doc)
    if not text.strip():
        return _Side(text, (), (), (), (), name)
    return _Side(text, _units(doc), tuple(find_labels(doc)), tuple(find_attributions(doc)),
                 tuple(find_numbers(doc, sources=False)), name)


# ---------------------------------------------------------------- aligning sentences


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of words two sentences have in common (0 to 1, order ignored).

    >>> similarity(("rebels", "took", "aleppo"), ("rebels", "seized", "aleppo"))
    0.6666666666666666
    """
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def _pair_block(ua, ub, i0: int, j0: int) -> list[tuple[int | None, int | None]]:
    """Pair the sentences of a changed block in order, best total similarity first (small DP)."""
    n, m = len(ua), len(ub)
    if n * m > MAX_COMPARISONS:
        pairs = [(i0 + k, j0 + k) if similarity(ua[k].words, ub[k].words) >= PAIR_MIN else None
                 for k in range(min(n, m))]
        if any(p is None for p in pairs) or n != m:
            return [(i0 + i, None) for i in range(n)] + [(None, j0 + j) for j in range(m)]
        return pairs
    score = [[similarity(x.words, y.words) for y in ub] for x in ua]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = score[i][j] - PAIR_MIN + best[i + 1][j + 1] if score[i][j] >= PAIR_MIN else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out, i, j = [], 0, 0
    while i < n or j < m:
        if i < n and j < m and score[i][j] >= PAIR_MIN and best[i][j] == score[i][j] - PAIR_MIN + best[i + 1][j + 1]:
            out.append((i0 + i, j0 + j))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            out.append((i0 + i, None))
            i += 1
        else:
            out.append((None, j0 + j))
            j += 1
    return out


def _align(ua, ub) -> list[tuple[_Unit | None, _Unit | None, str]]:
    """Rows (sentence of A, sentence of B, status) in reading order, moved sentences paired."""
    matcher = SequenceMatcher(None, [" ".join(u.words) for u in ua], [" ".join(u.words) for u in ub],
                              autojunk=False)
    rows: list[tuple[int | None, int | None, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [(i1 + k, j1 + k, "same") for k in range(i2 - i1)]
        else:
            rows += [(i, j, "paired" if i is not None and j is not None else "cut" if j is None else "added")
                     for i, j in _pair_block(ua[i1:i2], ub[j1:j2], i1, j1)]
    cut = [r for r in rows if r[2] == "cut"]
    added = [r for r in rows if r[2] == "added"]
    if len(cut) * len(added) <= MAX_COMPARISONS:
        for row in cut:
            scored = [(similarity(ua[row[0]].words, ub[a[1]].words), a) for a in added]
            sim, match = max(scored, key=lambda s: s[0], default=(0.0, None))
            if match is not None and sim >= MOVED_MIN:
                rows[rows.index(row)] = (row[0], match[1], "moved")
                rows.remove(match)
                added.remove(match)
    units = [(ua[i] if i is not None else None, ub[j] if j is not None else None, st) for i, j, st in rows]
    return _merge_splits(units)


def _joined(u: _Unit, v: _Unit) -> _Unit:
    return _Unit(u.start, v.end, u.words + v.words, u.spans + v.spans)


def _merge_splits(rows: list) -> list:
    """One sentence split in two (or two joined into one): the pair takes in the next sentence
    that is on one side only, when that makes the two sides more alike."""
    r = 0
    while r < len(rows):
        a, b, status = rows[r]
        if status == "paired":
            for k in (r + 1, r + 2):
                if k >= len(rows) or rows[k][2] not in ("cut", "added"):
                    continue
                na, nb, nstatus = rows[k]
                part, this, other = (na, a, b) if nstatus == "cut" else (nb, b, a)
                left_over = Counter(other.words) - Counter(this.words)  # words the pair does not share yet
                shared = sum((Counter(part.words) & left_over).values())
                a2, b2 = (_joined(a, na), b) if nstatus == "cut" else (a, _joined(b, nb))
                if shared >= 2 and shared >= SPLIT_MIN * len(part.words) \
                        and similarity(a2.words, b2.words) > similarity(a.words, b.words):
                    rows[r] = (a2, b2, status)
                    del rows[k]
                    break
            else:
                r += 1
        else:
            r += 1
    return rows


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


def _quoted(text: str, u: _Unit) -> list[tuple[int, int]]:
    """Stretches of the sentence inside quotation marks (inner offsets, marks excluded)."""
    out = []
    for m in _QUOTE.finditer(text, u.start, u.end):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        out.append((m.start(g), m.end(g)))
    return out


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
    for ua, ub, status in _align(sa.units, sb.units):
        if status in ("cut", "added"):
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
