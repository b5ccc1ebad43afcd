"""The NUMBERS lens: every figure in a text as the interval it really claims.

"At least 61 civilians" is not the number 61: it is 61 *or more*. "Dozens" is a range.
A death toll given by one side of a war is a claim, so each figure carries the source
that the attribution lens finds for its sentence.

>>> from kit.core.nlp import parse
>>> doc = parse("Police said more than 2,000 people marched and at least 61 were arrested.")
>>> q = find_numbers(doc)[0]
>>> q.text, q.low, q.low_inclusive, q.high, q.hedge, q.counted
('more than 2,000 people', 2000, False, None, 'more than', 'people')

:func:`find_numbers` is a pipeline: find number cores (``cores``) -> join ranges
(``ranges``) -> classify kind and unit (``kinds``) -> attach hedges (``intervals``) ->
figures in other forms (``forms``, vague words) -> what is counted -> source.
The words and conventions live in ``kit/numbers/data/en/numbers.toml``, each with a note.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse
from kit.numbers.cores import cut_figures, number_cores
from kit.numbers.defined import with_defined_units
from kit.numbers.forms import compound_ordinals, decades, ordinals, range_tokens
from kit.numbers.intervals import (_Hedges, _matches, _vague_reserved, attach_hedge, idiom_tokens, unit_after_hedge,
                                   vague_figures)
from kit.numbers.kinds import _counted, _kind_and_unit
from kit.numbers.names import named_list
from kit.numbers.notations import special_figures
from kit.numbers.ranges import _join_limits, join_ranges
from kit.numbers.records import Quantity, _clean_int, _Draft


def _as_doc(doc):
    """A parsed Doc from ``doc`` (a Doc, or text which is parsed); a clear message otherwise."""
    if isinstance(doc, str):
        return parse(doc)
    from spacy.tokens import Doc

    if isinstance(doc, Doc):
        return doc
    raise InputError(
        f"The numbers lens needs a parsed text, not {type(doc).__name__}. "
        "Use kit.find_numbers(kit.parse(text)) with your text in quotes."
    )


_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _sentence_bounds(doc):
    """A look-up from a token's index to (start_char, end_char) of its sentence; the whole text
    without sentence boundaries. The sentences are read once (``doc[i].sent`` walks the whole
    sentence each time, slow in a long text without full stops).

    >>> from kit.core.nlp import parse
    >>> bounds = _sentence_bounds(parse("Two died. Nine more were hurt."))
    >>> bounds(0), bounds(4)
    ((0, 9), (10, 30))
    """
    try:
        sents = [(s.start, s.start_char, s.end_char) for s in doc.sents]
    except ValueError:  # no sentence boundaries (a blank pipeline)
        whole = (0, len(doc_text(doc)))
        return lambda i: whole
    starts = [s[0] for s in sents]
    return lambda i: sents[bisect.bisect_right(starts, i) - 1][1:]


def classify(doc, d: _Draft) -> _Draft:
    """Stage 3: the kind of a figure (count, money, year...) and its unit; ``end`` grows over the unit.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.cores import number_cores
    >>> from kit.numbers.ranges import join_ranges
    >>> d = parse("In 2015, 40 to 50 km and one in five.")
    >>> [(x.kind, x.unit) for x in (classify(d, c) for c in join_ranges(d, number_cores(d)))]
    [('year', None), ('measure', 'km'), ('proportion', None)]
    """
    if d.form == "ratio":
        return replace(d, kind="proportion", unit=None, value=_clean_int(d.value))
    if d.form in ("years", "days"):  # "2022-23", "May 2 to 5"
        return replace(d, kind="year" if d.form == "years" else "date", unit=None)
    if d.form and named_list(doc, d.start):  # "Phase 2 or 3", "Category 3, 4 or 5": names, not amounts
        return replace(d, kind="identifier", unit=None)
    if d.form:  # a range: its kind comes from its upper end ("40 to 50 km")
        kind, unit, end = _kind_and_unit(doc, d.end - 1, d.end, d.high)
        kind = "count" if kind in ("year", "date", "identifier", "ordinal") else kind
        if kind == "count" and d.unit:  # "$40 to $60": the sign before the first number
            kind, unit = d.kind, d.unit
        return replace(d, kind=kind, unit=unit, end=end)
    kind, unit, end = _kind_and_unit(doc, d.core, d.core_end, d.value)
    return replace(d, kind=kind, unit=unit, end=end)


def with_counted(doc, d: _Draft) -> _Draft:
    """Stage 6: what a figure counts: its unit ("km", "%"), the noun after it ("61 civilians"),
    nothing for a year, a date, a time, a name or a position.

    >>> from kit.core.nlp import parse
    >>> [(x.kind, x.counted) for x in _stages(parse("In 2015, 61 civilians walked 20 km."))]
    [('year', None), ('count', 'civilians'), ('measure', 'km')]
    """
    if d.kind in ("year", "date", "time", "identifier", "ordinal"):
        return replace(d, counted=None)
    counted = d.unit if d.kind in ("measure", "money", "duration", "percent") else _counted(doc, d.end, len(doc))
    return replace(d, counted=counted)


def _stages(doc) -> list[_Draft]:
    """Stages 1 to 6 of :func:`find_numbers`, the figures before they become Quantities.

    >>> from kit.core.nlp import parse
    >>> [(x.start, x.end, x.kind) for x in _stages(parse("At least 61 civilians and dozens of people."))]
    [(0, 3, 'count'), (5, 6, 'count')]
    """
    hedges, after = _Hedges.of(_matches(doc, "hedge")), _Hedges.of(_matches(doc, "hedge_after"))
    vague = _matches(doc, "vague")
    cut = cut_figures(doc)
    special = [d for d in special_figures(doc) if not any(i in cut for i in range(d.start, d.end))]
    places = compound_ordinals(doc)  # "twenty-seventh": a position, kept from the number cores
    reserved = _vague_reserved(doc, vague) | cut | idiom_tokens(doc) | {
        i for d in special + places for i in range(d.start, d.end)}
    cores = [c for c in number_cores(doc) if not any(i in reserved for i in range(c[0], c[1]))]
    drafts = [attach_hedge(doc, classify(doc, d), hedges, after) for d in join_ranges(doc, cores) + special] + places
    drafts.sort(key=lambda d: d.start)
    used = {i for d in drafts for i in range(d.start, d.end)} | cut
    drafts += ordinals(doc, used)
    drafts += decades(doc, used)
    drafts += range_tokens(doc, used)
    drafts += vague_figures(doc, vague, hedges, used)
    drafts += unit_after_hedge(doc, hedges, used)
    return [with_counted(doc, d) for d in bracket_conversions(doc, drafts)]


def bracket_conversions(doc, drafts: list[_Draft]) -> list[_Draft]:
    """A measure or a sum in brackets right after a hedged one is the same amount in other
    units, and shares its hedge: "as much as two feet (61 centimeters)" is at most 61 cm.

    >>> from kit.core.nlp import parse
    >>> [(x.low, x.high) for x in _stages(parse("Up to 3 feet (91 centimeters) of snow fell."))]
    [(None, 3), (None, 91)]
    """
    ordered = sorted(drafts, key=lambda d: d.start)
    for k in range(1, len(ordered)):
        a, b = ordered[k - 1], ordered[k]
        if not (a.hedge and a.form is None and b.hedge is None and b.form is None and a.kind == b.kind
                and a.kind in ("measure", "money") and a.value and b.value and b.start == a.end + 1
                and doc[a.end].text == "("):
            continue
        scale = b.value / a.value
        ordered[k] = replace(b, hedge=a.hedge, low=None if a.low is None else _tidy(a.low * scale),
                             high=None if a.high is None else _tidy(a.high * scale),
                             low_inclusive=a.low_inclusive, high_inclusive=a.high_inclusive)
    return ordered


def _tidy(x: float) -> float | int:
    """A whole number as an int ("61", not "61.0")."""
    return int(round(x)) if abs(x - round(x)) < 1e-9 else x


def _to_quantity(doc, d: _Draft, sentence_of) -> Quantity:
    """A finished figure; its text reaches over what it counts when that follows at once
    ("61 were civilians" no, "61 civilians" yes). Bidi controls are left out of the text, so
    it reads the same in a table as in the article."""
    span = doc[d.start : d.end]
    text, q_end = span.text, span.end_char
    if d.counted and d.kind in ("count", "proportion"):
        tail = doc_text(doc)[q_end : q_end + 60]
        pos = tail.find(d.counted)
        if 0 <= pos <= 22 and "," not in tail[:pos] and "." not in tail[:pos]:
            q_end = q_end + pos + len(d.counted)
            text = doc_text(doc)[span.start_char : q_end]
    sent_start, sent_end = sentence_of(d.core)
    return Quantity(text=_BIDI.sub("", text), start_char=span.start_char, end_char=q_end, value=d.value,
                    low=d.low, high=d.high, hedge=d.hedge, counted=d.counted, kind=d.kind, unit=d.unit,
                    low_inclusive=d.low_inclusive, high_inclusive=d.high_inclusive, sent_start=sent_start,
                    sent_end=sent_end, note=d.note)


def _attributions(doc) -> list:
    """The attribution lens' results for ``doc``, or [] when that lens is not available."""
    try:
        from kit.attribution import find_attributions
    except ImportError:
        return []
    try:
        return list(find_attributions(doc))
    except Exception:  # the numbers lens must still work if the attribution lens fails on odd text
        return []


class _Spans:
    """Character spans (attributions) looked up by position: the first one, in the order given,
    that covers or overlaps a stretch of text, without trying every span for every figure."""

    def __init__(self, spans: list):
        self.spans = spans
        order = sorted(range(len(spans)), key=lambda k: spans[k].start_char)
        self.order, self.starts = order, [spans[k].start_char for k in order]
        reach, self.reach = -1, []  # the furthest end among spans starting so far
        for k in order:
            reach = max(reach, spans[k].end_char)
            self.reach.append(reach)

    def _first(self, last: int, lo: int, inside) -> object | None:
        """The first span (in the given order) among sorted positions < ``last`` that reach past ``lo``
        and pass ``inside``."""
        best = None
        for pos in range(last - 1, -1, -1):
            if self.reach[pos] < lo:
                break
            k = self.order[pos]
            if inside(self.spans[k]) and (best is None or k < best):
                best = k
        return None if best is None else self.spans[best]

    def covering(self, start: int, end: int):
        """The first span with start_char <= ``start`` and ``end`` <= end_char, or None."""
        return self._first(bisect.bisect_right(self.starts, start), end, lambda a: a.end_char >= end)

    def overlapping(self, start: int, end: int):
        """The first span that shares a character with ``start``..``end``, or None."""
        return self._first(bisect.bisect_left(self.starts, end), start + 1, lambda a: a.end_char > start)


def with_sources(doc, quantities: list[Quantity], attributions: list | None = None) -> list[Quantity]:
    """Stage 7: ``source`` from the attribution lens: an attribution that covers the figure,
    else one that overlaps its sentence. Without the attribution lens, sources stay None.

    >>> from kit.core.nlp import parse
    >>> d = parse("The ministry said 40 people died.")
    >>> [q.source for q in with_sources(d, find_numbers(d, sources=False))]
    ['The ministry']
    """
    attributions = _attributions(doc) if attributions is None else attributions
    if not attributions:
        return quantities
    spans = _Spans(attributions)
    in_sentence: dict[tuple[int, int], object] = {}
    out = []
    for q in quantities:
        a = spans.covering(q.start_char, q.end_char) if q.is_amount else None
        if a is None and q.is_amount:
            key = (q.sent_start, q.sent_end)
            if key not in in_sentence:
                in_sentence[key] = spans.overlapping(*key)
            a = in_sentence[key]
        out.append(q if a is None else replace(q, source=str(a.speaker), source_type=getattr(a, "source_type", None)))
    return out


def find_numbers(doc, *, kinds: tuple[str, ...] | None = None, sources: bool = True) -> list[Quantity]:
    """Every figure in ``doc`` with its interval, hedge, what it counts and its source.

    ``kinds`` keeps only some kinds (e.g. ``AMOUNT_KINDS``); ``sources=False`` skips the
    attribution lens (faster). Ordinals ("fourth"), years ("2015"), dates and names
    ("Resolution 2254") are found too, with their ``kind``, so they are kept apart from counts.

    >>> from kit.core.nlp import parse
    >>> [(q.text, q.low, q.high, q.hedge) for q in find_numbers(parse("Dozens of people and nine civilians died."))]
    [('Dozens of people', 24, 99, 'vague'), ('nine civilians', 9, 9, None)]
    >>> [(q.text, q.kind, q.value) for q in find_numbers(parse("In 2015, the fourth resolution passed."))]
    [('2015', 'year', 2015), ('fourth', 'ordinal', 4)]
    """
    doc = _as_doc(doc)
    drafts = sorted(_stages(doc), key=lambda d: d.start)
    sentence_of = _sentence_bounds(doc)
    quantities = _join_limits(doc, [_to_quantity(doc, d, sentence_of) for d in drafts])
    quantities = with_defined_units(doc_text(doc), quantities)
    if kinds is not None:
        quantities = [q for q in quantities if q.kind in kinds]
    if sources:
        quantities = with_sources(doc, quantities)
    return quantities
