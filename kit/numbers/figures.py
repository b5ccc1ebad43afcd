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

from dataclasses import replace

from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse
from kit.numbers.cores import number_cores
from kit.numbers.forms import decades, ordinals, range_tokens
from kit.numbers.intervals import _matches, _vague_reserved, attach_hedge, unit_after_hedge, vague_figures
from kit.numbers.kinds import _counted, _kind_and_unit
from kit.numbers.ranges import _join_limits, join_ranges
from kit.numbers.records import AMOUNT_KINDS, Quantity, _clean_int, _Draft


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


def _sentence_bounds(doc, i: int) -> tuple[int, int]:
    """(start_char, end_char) of the sentence of doc[i]; the whole text without sentence boundaries."""
    try:
        sent = doc[i].sent
        return sent.start_char, sent.end_char
    except ValueError:  # no sentence boundaries (a blank pipeline)
        return 0, len(doc.text)


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
    if d.form == "years":
        return replace(d, kind="year", unit=None)
    if d.form:  # a range: its kind comes from its upper end ("40 to 50 km")
        kind, unit, end = _kind_and_unit(doc, d.end - 1, d.end, d.high)
        kind = "count" if kind in ("year", "date", "identifier", "ordinal") else kind
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
    hedges, after, vague = _matches(doc, "hedge"), _matches(doc, "hedge_after"), _matches(doc, "vague")
    reserved = _vague_reserved(doc, vague)
    cores = [c for c in number_cores(doc) if not any(i in reserved for i in range(c[0], c[1]))]
    drafts = [attach_hedge(doc, classify(doc, d), hedges, after) for d in join_ranges(doc, cores)]
    used = {i for d in drafts for i in range(d.start, d.end)}
    drafts += ordinals(doc, used)
    drafts += decades(doc, used)
    drafts += range_tokens(doc, used)
    drafts += vague_figures(doc, vague, hedges, used)
    drafts += unit_after_hedge(doc, hedges, used)
    return [with_counted(doc, d) for d in drafts]


def _to_quantity(doc, d: _Draft) -> Quantity:
    """A finished figure; its text reaches over what it counts when that follows at once
    ("61 were civilians" no, "61 civilians" yes)."""
    span = doc[d.start : d.end]
    text, q_end = span.text, span.end_char
    if d.counted and d.kind in ("count", "proportion"):
        tail = doc_text(doc)[q_end : q_end + 60]
        pos = tail.find(d.counted)
        if 0 <= pos <= 22 and "," not in tail[:pos] and "." not in tail[:pos]:
            q_end = q_end + pos + len(d.counted)
            text = doc_text(doc)[span.start_char : q_end]
    sent_start, sent_end = _sentence_bounds(doc, d.core)
    return Quantity(text=text, start_char=span.start_char, end_char=q_end, value=d.value, low=d.low, high=d.high,
                    hedge=d.hedge, counted=d.counted, kind=d.kind, unit=d.unit, low_inclusive=d.low_inclusive,
                    high_inclusive=d.high_inclusive, sent_start=sent_start, sent_end=sent_end, note=d.note)


def _attributions(doc) -> list:
    """The attribution lens' results for ``doc``, or [] when that lens is not available."""
    try:
        from kit.attribution.lens import find_attributions
    except ImportError:
        return []
    try:
        return list(find_attributions(doc))
    except Exception:  # the numbers lens must still work if the attribution lens fails on odd text
        return []


def with_sources(doc, quantities: list[Quantity]) -> list[Quantity]:
    """Stage 7: ``source`` from the attribution lens: an attribution that covers the figure,
    else one that overlaps its sentence. Without the attribution lens, sources stay None.

    >>> from kit.core.nlp import parse
    >>> d = parse("The ministry said 40 people died.")
    >>> [q.source for q in with_sources(d, find_numbers(d, sources=False))]
    ['The ministry']
    """
    attributions = _attributions(doc)
    if not attributions:
        return quantities
    out = []
    for q in quantities:
        best = None
        for a in attributions:
            covers = a.start_char <= q.start_char and q.end_char <= a.end_char
            overlaps = a.start_char < q.sent_end and q.sent_start < a.end_char
            if covers or overlaps:
                rank = 0 if covers else 1
                if best is None or rank < best[0]:
                    best = (rank, a)
        if best is not None and q.is_amount:
            a = best[1]
            out.append(replace(q, source=str(a.speaker), source_type=getattr(a, "source_type", None)))
        else:
            out.append(q)
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
    quantities = _join_limits(doc, [_to_quantity(doc, d) for d in drafts])
    if kinds is not None:
        quantities = [q for q in quantities if q.kind in kinds]
    if sources:
        quantities = with_sources(doc, quantities)
    return quantities
