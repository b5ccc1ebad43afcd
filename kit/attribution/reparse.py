"""Lines the parser joined to the line before: a headline with no full stop and the first
paragraph under it come out as one parsed sentence, and then the parser takes a word of the
headline for the subject of the paragraph's verb ("Harbour city: dozens detained\\n\\nHarbour
police said ..."). Such a unit is parsed again on its own, and its candidates are mapped
back to the Doc by character offsets. Only units that a dependency crosses into are parsed
again, so ordinary text costs nothing more.

>>> from kit.core.nlp import parse
>>> from kit.attribution.units import units
>>> doc = parse("Port city: workers held\\n\\nPort police said they held 12 workers.")
>>> [u.text for u in joined_units(doc, units(doc))]
['Port police said they held 12 workers.']
"""

from __future__ import annotations

from kit.core.nlp import load_model


def joined_units(doc, all_units) -> list:
    """The units (after the first) with a word whose head lies outside the unit."""
    out = []
    for n, u in enumerate(all_units):
        if n and any(not t.is_space and not (u.start <= t.head.i < u.end) for t in u):
            out.append(u)
    return out


def reparsed_candidates(doc, unit, make) -> list:
    """Candidates of ``unit`` parsed on its own: ``make(subdoc)`` gives candidates of the
    sub-Doc; their token ranges are mapped back to ``doc`` (None when a range does not align)."""
    sub = load_model()(unit.text, disable=["ner"])  # speakers are typed on the main Doc
    out = []
    for c in make(sub):
        ranges = [_map(doc, sub, unit, r) for r in (c.speaker, c.cue, c.content)]
        if None not in ranges:
            out.append(c._replace(unit=unit, speaker=ranges[0], cue=ranges[1], content=ranges[2]))
    return out


def _map(doc, sub, unit, rng: tuple[int, int]) -> tuple[int, int] | None:
    """A token range of ``sub`` as a token range of ``doc`` (the unit starts at unit.start_char)."""
    s, e = rng
    if s >= e:
        return None
    span = doc.char_span(unit.start_char + sub[s].idx, unit.start_char + sub[e - 1].idx + len(sub[e - 1].text),
                         alignment_mode="expand")
    return None if span is None else (span.start, span.end)
