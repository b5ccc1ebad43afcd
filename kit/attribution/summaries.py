"""Summaries of what the attribution finder found: each source type's share of the story,
a line a student can read per attribution, and the highlights of a source map.
"""

from __future__ import annotations

from kit.attribution.finder import find_attributions
from kit.attribution.records import SOURCE_LABELS, SOURCE_TYPES, Attribution
from kit.attribution.unsourced import find_unattributed
from kit.core.nlp import parse  # noqa: F401  (the doctests use it)

__all__ = ["describe", "source_map", "source_shares"]


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
    """
    who = a.speaker + (f" [= {a.resolved_from}]" if a.resolved_from else "")
    return (f"{who} ({SOURCE_LABELS.get(a.source_type, a.source_type)}) | cue: \"{a.cue}\" "
            f"({a.cue_signal}) | {a.kind.replace('_', ' ')}")


def source_map(doc, *, by: str = "source_type", attributions=None, claims=None) -> list:
    """Highlights for a source map: each attribution coloured by its source type (or
    ``by="cue_signal"``), with its speaker and cue in the hover text; unsourced claims
    tagged ``"unattributed"``. An attribution inside another one is named in the outer
    one's hover text (the renderer marks each stretch of text once).

    >>> hl = source_map(parse("Two people died. Police said the road was closed."))
    >>> [(h.tag, h.start_char) for h in hl]
    [('unattributed', 0), ('official', 17)]
    """
    from kit.core.render import Highlight

    atts = find_attributions(doc) if attributions is None else attributions
    claims = find_unattributed(doc, attributions=atts) if claims is None else claims
    out = []
    for a in atts:
        inner = [b for b in atts if b is not a and a.start_char <= b.start_char and b.end_char <= a.end_char]
        tip = describe(a) + "".join(f"\n  inside: {describe(b)}" for b in inner)
        start, end = a.start_char, a.end_char
        crossed = [b for b in atts if b is not a and b.start_char < start < b.end_char < end]
        if crossed and not any(b.start_char < a.content_end and a.content_start < b.end_char for b in crossed):
            # a second quote given to a speaker named in the first one: mark its own words
            start, end = a.content_start, a.content_end
        out.append(Highlight(start, end, getattr(a, by), tip))
    for c in claims:
        out.append(Highlight(c.start_char, c.end_char, "unattributed",
                             f"No source given ({c.reason}: {', '.join(c.cues)}). {c.question}"))
    return sorted(out, key=lambda h: (h.start_char, -h.end_char))
