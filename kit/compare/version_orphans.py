"""Figures that differ between sentences the alignment did not pair (see :mod:`kit.compare.versions`).

A copy may rewrite a sentence so far that it is a cut and an added sentence, or move a figure into
the next sentence: "21 children and 4 adults" in a cut sentence, "21 children and five adults" in an
added one. Each figure is then alone on its side; two lone figures near each other that count the
same thing and differ are one figure changed.

>>> from kit.compare.versions import compare_versions
>>> a = "Firemen worked all night at the mill. They found 12 workers and 3 guards alive in the ruins."
>>> b = "Firemen worked all night at the mill. Alive in the ruins, after a long night, were 12 workers and 4 guards."
>>> [(c.kind, c.a_text, c.b_text) for c in compare_versions(a, b) if c.kind == "figure_changed"]
[('figure_changed', '3 guards', '4 guards')]
"""

from __future__ import annotations

from kit.compare.version_changes import NEAR, _change, _claims, _figure_note, _in, _stem, between
from kit.compare.versions import Change, _Side

#: Two lone figures whose values differ by at most this share are one figure given otherwise (53% / 52.6%).
CLOSE = 0.1


def _what(q) -> str:
    """What a figure counts, compared ("adults", "%"), by its last word's first letters."""
    words = (q.counted or q.unit or "").lower().split()
    return f"{q.kind}:{_stem(words[-1]) if words else ''}"


def _lone(side: _Side, rows, changes, a_side: bool) -> list[tuple]:
    """(figure, position in the other version) for the figures of cut (added) sentences and the figures
    reported as given by one side only."""
    out, other_at = [], 0
    wholes = {(u.start, u.end) for row in rows if (u := row[1] if a_side else row[0]) is not None}
    for ua, ub, status in rows:
        mine, other = (ua, ub) if a_side else (ub, ua)
        if other is not None:
            other_at = other.start
        if mine is not None and other is None:
            out += [(q, other_at) for q in _in(side.numbers, mine) if _claims(side, q)]
    for c in changes:
        if c.kind == "figure_changed" and (c.b_text if a_side else c.a_text) is not None:
            start = c.a_start if a_side else c.b_start
            rest = [q for q in between(side.numbers, start, start + 1) if q.end_char == (c.a_end if a_side else c.b_end)]
            whole_other = _whole(c, a_side, wholes)
            if rest and whole_other is not None:
                out.append((rest[0], whole_other))
    return out


def _whole(c: Change, a_side: bool, wholes: set) -> int | None:
    """The start of the other sentence when a figure change points at it whole (a figure on one side only)."""
    start, end = (c.b_start, c.b_end) if a_side else (c.a_start, c.a_end)
    return start if (start, end) in wholes else None


def _alike(x, y, sa: _Side, sb: _Side) -> bool:
    if x.value is None or y.value is None or x.value == y.value or _what(x) != _what(y):
        return False
    if abs(x.value - y.value) <= CLOSE * max(abs(x.value), abs(y.value)):
        return True
    near_a = {q.value for q in between(sa.numbers, x.start_char - 80, x.start_char + 80) if q is not x}
    near_b = {q.value for q in between(sb.numbers, y.start_char - 80, y.start_char + 80) if q is not y}
    return bool(near_a & near_b - {None})  # "21 children and 4 adults" / "21 children and five adults"


def orphan_figures(sa: _Side, sb: _Side, rows, changes: list[Change]) -> list[Change]:
    """``changes`` with a figure_changed for each two lone figures near each other that count the same
    thing and differ; one-sided figure changes of those figures are dropped."""
    lone_a, lone_b = _lone(sa, rows, changes, True), _lone(sb, rows, changes, False)
    same = {(q.value, _what(q)) for q, _ in lone_a} & {(q.value, _what(q)) for q, _ in lone_b}
    lone_a = [(x, at) for x, at in lone_a if (x.value, _what(x)) not in same]  # the same figure, elsewhere
    lone_b = [(y, at) for y, at in lone_b if (y.value, _what(y)) not in same]
    found, used, ys = [], set(), [y for y, _ in lone_b]
    for x, at in lone_a:
        near = [y for y in between(ys, at - NEAR, at + NEAR + 1) if id(y) not in used and _alike(x, y, sa, sb)]
        if near:  # the closest value first (52% / 52.6% before 52% / 44%), then the closest place
            y = min(near, key=lambda q: (abs(q.value - x.value) / max(abs(q.value), abs(x.value)), abs(q.start_char - at)))
            used.add(id(y))
            found.append(_change("figure_changed", sa, sb, (x.start_char, x.end_char), (y.start_char, y.end_char),
                                 _figure_note(sa, sb, x, y)))
    if not found:
        return changes
    a_spans, b_spans = {(c.a_start, c.a_end) for c in found}, {(c.b_start, c.b_end) for c in found}
    out = [c for c in changes if not (c.kind == "figure_changed" and ((c.a_start, c.a_end) in a_spans
                                                                       or (c.b_start, c.b_end) in b_spans))]
    for f in found:  # in reading order of version A
        at = next((n for n, c in enumerate(out) if c.a_start is not None and c.a_start > f.a_start), len(out))
        out.insert(at, f)
    return out
