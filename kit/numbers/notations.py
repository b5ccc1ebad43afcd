"""Figures in notations the number cores do not read: scientific notation ("3.1x10^8"), a
range whose first number hangs on a hyphen ("5- to 10-year"), and one unit with an article
("a litre of water" is one litre).

Each is found before the number cores, so that its pieces ("10", "8") are not read as
figures of their own (:func:`kit.numbers.figures._stages` keeps their tokens apart).

>>> from kit.core.nlp import parse
>>> d = parse("Each family gets a litre of water; a 5- to 10-year term; 3.1x10^8 cells.")
>>> [(d[x.start:x.end].text, x.value, x.low, x.high, x.form) for x in special_figures(d)]
[('a', 1, 1, 1, None), ('5- to 10', None, 5, 10, 'range'), ('3.1x10^8', 310000000, 310000000, 310000000, None)]
"""

from __future__ import annotations

import functools
import re

from kit.core.nlp import doc_text
from kit.numbers.records import _clean_int, _Draft, _word_set, drawable, load_rules
from kit.numbers.words import parse_figure

__all__ = ["special_figures", "hyphen_chain"]

_SCIENTIFIC = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?[x\u00d7*]\s?10\s?(?:\^|\*\*)\s?([-+]?\d{1,3})(?!\d)")


def special_figures(doc) -> list[_Draft]:
    """The figures of :func:`_scientific`, :func:`_hanging_ranges` and :func:`_unit_with_article`, in text order."""
    found = _scientific(doc) + _hanging_ranges(doc) + _unit_with_article(doc)
    found.sort(key=lambda d: d.start)
    out, last = [], -1
    for d in found:
        if d.start >= last:
            out.append(d)
            last = d.end
    return out


def _scientific(doc) -> list[_Draft]:
    """'3.1x10^8', '2 × 10^6': the number times ten to a power."""
    text = doc_text(doc)
    if "10" not in text:
        return []
    out = []
    for m in _SCIENTIFIC.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        exponent = int(m.group(2))
        if span is None or abs(exponent) > 30:
            continue
        value = float(m.group(1)) * 10.0 ** exponent
        if not drawable(value):
            continue
        value = _clean_int(round(value, 12))
        out.append(_Draft(start=span.start, end=span.end, core=span.start, core_end=span.end, value=value,
                          low=value, high=value, low_inclusive=True, high_inclusive=True))
    return out


_HANGING_TEXT = re.compile(r"(?<![\w.])\d+(?:\.\d+)? ?- +(?:to|or|and|\u2013|-) +\d+(?:\.\d+)?[-\u2013]\w", re.IGNORECASE)


def _hanging_ranges(doc) -> list[_Draft]:
    """'a 5- to 10-year sentence', '2- or 3-day': the first number shares the unit after the
    second; the range runs from the first to the second. Found in the text first (one search
    instead of a look at every token)."""
    out = []
    for m in _HANGING_TEXT.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        nums = [t for t in span if parse_figure(t.text.rstrip("-")) is not None]
        if len(nums) < 2:
            continue
        first, second = parse_figure(nums[0].text.rstrip("-")), parse_figure(nums[1].text)
        if second <= first:
            continue
        out.append(_Draft(start=nums[0].i, end=nums[1].i + 1, core=nums[0].i, core_end=nums[1].i + 1, value=None,
                          low=first, high=second, low_inclusive=True, high_inclusive=True, form="range"))
    return out


def _unit_with_article(doc) -> list[_Draft]:
    """'a litre of water', 'an acre of land': one of a measure unit, when no number before it
    makes it a rate ('$2 a litre' is a price per litre)."""
    units = _measure_units()
    out = []
    for m in _ARTICLE_UNIT.finditer(doc_text(doc)):
        if m.group(2).lower() not in units:
            continue
        span = doc.char_span(m.start(1), m.end(1))
        if span is None:
            continue
        i = span.start
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and (prev.like_num or prev.lower_ in ("per", "each", "every") or prev.pos_ == "SYM"):
            continue
        out.append(_Draft(start=i, end=i + 1, core=i, core_end=i + 1, value=1, low=1, high=1,
                          low_inclusive=True, high_inclusive=True))
    return out


_ARTICLE_UNIT = re.compile(r"\b(an?) ([A-Za-z]+) of\b", re.IGNORECASE)


@functools.cache
def _measure_units() -> frozenset:
    return frozenset(_word_set("units.measure") - set(load_rules()["units"]["measure"]["ambiguous"]))


def hyphen_chain(doc, i: int) -> int:
    """How many digit groups are joined by hyphens, with no space, around doc[i]: 3 in "9-1-1"
    and "555-012-3456" (a number to dial: a range or a score joins only two).

    >>> from kit.core.nlp import parse
    >>> d = parse("Call 9-1-1 about the 10-12 injured.")
    >>> hyphen_chain(d, 3), hyphen_chain(d, 8)
    (3, 2)
    """
    def joined(a: int) -> bool:  # doc[a] "-" doc[a + 2], glued
        return a + 2 < len(doc) and doc[a + 1].text == "-" and not doc[a].whitespace_ \
            and not doc[a + 1].whitespace_ and doc[a + 2].is_digit

    if not doc[i].is_digit:
        return 0
    lo, hi = i, i
    while lo >= 2 and joined(lo - 2):
        lo -= 2
    while joined(hi):
        hi += 2
    return (hi - lo) // 2 + 1
