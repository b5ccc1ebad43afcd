"""Summaries of what the attribution finder found: each source type's share of the story,
a line a student can read per attribution, and the highlights of a source map.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from itertools import groupby

from kit.attribution.finder import find_attributions
from kit.attribution.records import SOURCE_TYPES, Attribution, shown_type, type_words
from kit.attribution.unsourced import find_unattributed
from kit.core.nlp import parse  # noqa: F401  (the doctests use it)

__all__ = ["describe", "source_map", "source_shares"]

#: How many attributions inside another one its hover text names.
MAX_INSIDE = 5


def source_shares(attributions: list[Attribution], *, by: str = "chars") -> dict[str, float]:
    """How much of the story each source type supplies: share of attributed content
    (``by="chars"``, the default) or of attributions (``by="count"``), summing to 1.

    >>> a = Attribution("X", "said", "abcd", "indirect", "monitor", 0, 9, 0, 1, 2, 6, 5, 9)
    >>> b = Attribution("Y", "said", "ab", "indirect", "expert", 10, 15, 10, 11, 12, 16, 13, 15)
    >>> source_shares([a, b])
    {'monitor': 0.6666666666666666, 'expert': 0.3333333333333333}
    """
    totals: dict[str, float] = {}
    for a in attributions:
        w = (a.content_end - a.content_start) if by == "chars" else 1
        totals[a.source_type] = totals.get(a.source_type, 0) + w
    whole = sum(totals.values())
    if not whole:
        return {}
    ordered = sorted(totals, key=lambda t: SOURCE_TYPES.index(t) if t in SOURCE_TYPES else len(SOURCE_TYPES))
    return {t: totals[t] / whole for t in ordered}


def describe(a: Attribution) -> str:
    """One line a student can read: who, with which verb, what kind of source.

    >>> a = find_attributions(parse("The army claimed the bridge was safe."))[0]
    >>> describe(a)
    'The army (military) | cue: "claimed" (distancing) | indirect'
    >>> describe(find_attributions(parse("Jo Marsh said the bridge was safe."))[0])
    'Jo Marsh (not clear: check who this is) | cue: "said" (neutral) | indirect'
    """
    who = a.speaker + (f" [= {a.resolved_from}]" if a.resolved_from else "")
    return (f"{who} ({type_words(a.source_type, a.type_confidence)}) | cue: \"{a.cue}\" "
            f"({a.cue_signal}) | {a.kind.replace('_', ' ')}")


def source_map(doc, *, by: str = "source_type", attributions=None, claims=None) -> list:
    """Highlights for a source map: each attribution coloured by its source type (or
    ``by="cue_signal"``), with its speaker and cue in the hover text; a type the kit is not
    sure of is tagged ``"unsure"`` (its hover text asks the question); unsourced claims
    tagged ``"unattributed"``. An attribution inside another one is named in the outer
    one's hover text (the renderer marks each stretch of text once).

    >>> hl = source_map(parse("Two people died. Police said the road was closed."))
    >>> [(h.tag, h.start_char) for h in hl]
    [('unattributed', 0), ('official', 17)]
    """
    from kit.core.render import Highlight

    atts = find_attributions(doc) if attributions is None else attributions
    claims = find_unattributed(doc, attributions=atts) if claims is None else claims
    inner = _inner(atts)
    own_words = _own_words_only(atts)
    out = []
    for n, a in enumerate(atts):
        inside = inner[n]
        tip = describe(a) + "".join(f"\n  inside: {describe(b)}" for b in inside[:MAX_INSIDE])
        if len(inside) > MAX_INSIDE:
            tip += "\n  ... and more inside"
        start, end = (a.content_start, a.content_end) if n in own_words else (a.start_char, a.end_char)
        tag = shown_type(a) if by == "source_type" else getattr(a, by)  # no kind the kit is not sure of
        out.append(Highlight(start, end, tag, tip))
    for c in claims:
        out.append(Highlight(c.start_char, c.end_char, "unattributed",
                             f"No source given ({c.reason}: {', '.join(c.cues)}). {c.question}"))
    return sorted(out, key=lambda h: (h.start_char, -h.end_char))


def _inner(atts: list[Attribution]) -> list[list[Attribution]]:
    """For each attribution, up to MAX_INSIDE + 1 others that lie inside it, in list order.

    Sorted by start, the attributions that can lie inside one are those starting within it;
    the search stops once enough are found, so a long chain of nested attributions ("X said
    Y said Z said ...") costs its length, not its square.

    >>> a = Attribution("X", "said", "Y said so", "indirect", "other", 0, 16, 0, 1, 2, 6, 7, 16)
    >>> b = Attribution("Y", "said", "so", "indirect", "other", 7, 16, 7, 8, 9, 13, 14, 16)
    >>> [[x.speaker for x in found] for found in _inner([a, b])]
    [['Y'], []]
    """
    order = sorted(range(len(atts)), key=lambda n: atts[n].start_char)
    starts = [atts[n].start_char for n in order]
    out = []
    for n, a in enumerate(atts):
        found = []
        for m in order[bisect_left(starts, a.start_char) : bisect_right(starts, a.end_char)]:
            b = atts[m]
            if m != n and b is not a and b.end_char <= a.end_char:
                found.append((m, b))
                if len(found) > MAX_INSIDE:
                    break
        out.append([b for _, b in sorted(found, key=lambda mb: mb[0])])
    return out


def _own_words_only(atts: list[Attribution]) -> set[int]:
    """The attributions (places in ``atts``) to be marked by their content alone: those that
    another attribution runs into (it starts before and ends inside) without touching their
    content: a second quote given to a speaker named in the first one.

    A sweep by start: the attributions that started earlier are kept sorted by end, so the
    ones ending inside an attribution are one slice of that list.
    """
    order = sorted(range(len(atts)), key=lambda n: atts[n].start_char)
    ends: list[tuple[int, int]] = []  # (end, place) of the attributions that started earlier
    out = set()
    for _, group in groupby(order, key=lambda n: atts[n].start_char):
        group = list(group)
        for n in group:
            a = atts[n]
            lo = bisect_right(ends, (a.start_char, len(atts)))
            hi = bisect_left(ends, (a.end_char, -1))
            if hi <= lo:
                continue  # nothing runs into it
            if a.start_char < a.content_end:  # then an earlier start is before the content's end
                touches = ends[hi - 1][0] > a.content_start
            else:
                touches = any(atts[m].start_char < a.content_end and a.content_start < end for end, m in ends[lo:hi])
            if not touches:
                out.add(n)
        for n in group:
            insort(ends, (atts[n].end_char, n))
    return out
