"""Figures written in other forms than a number core: ordinals ("fourth", "21st"), decades
("the 1990s") and ranges inside one token ("5k-20k", "2014–2015").

Each finder skips tokens already read (``used``) and adds the tokens it reads.

>>> from kit.core.nlp import parse
>>> d = parse("In the 1990s, the fourth wave brought 5k-20k people.")
>>> [(x.kind, x.low, x.high) for x in ordinals(d, set()) + decades(d, set()) + range_tokens(d, set())]
[('ordinal', 4, 4), ('year', 1990, 1999), ('count', 5000, 20000)]
"""

from __future__ import annotations

import re

from kit.numbers.kinds import _kind_and_unit, ordinal_after_article
from kit.numbers.ranges import _year_range
from kit.numbers.records import AMOUNT_KINDS, _Draft, _fraction_den, _word_set, load_rules
from kit.numbers.words import _ORDINAL_DIGITS, _number_word, _ordinal_value, parse_figure

_DECADE = re.compile(r"^(\d{4})s$")
_RANGE_TOKEN = re.compile(r"^(.+?)[-\u2013\u2014~](.+)$")


def _one_token(i: int, value, low, high, kind: str, **more) -> _Draft:
    """A figure that is the one token doc[i]."""
    return _Draft(start=i, end=i + 1, core=i, core_end=i + 1, value=value, low=low, high=high,
                  low_inclusive=True, high_inclusive=True, kind=kind, **more)


def _ordinal_of(doc, tok) -> int | None:
    """The position an ordinal token names ("fourth" -> 4), None when it is none here
    ("a second", "two thirds", a time unit)."""
    val = _ordinal_value(tok.text)
    if val is None or tok.lower_ in ("second", "seconds") and tok.ent_type_ != "ORDINAL" and tok.dep_ not in ("amod",):
        return None
    if _in_idiom(doc, tok.i):
        return None
    if tok.ent_type_ not in ("ORDINAL", "DATE", "") and not _ORDINAL_DIGITS.match(tok.text):
        return None
    if _fraction_den(tok.lower_) and tok.i > 0 and not ordinal_after_article(doc, tok.i) and (
            doc[tok.i - 1].lower_ in ("a", "an", "one") or _number_word(doc[tok.i - 1].lower_) is not None):
        return None
    return val


def _in_idiom(doc, i: int) -> bool:
    """An ordinal word in a set phrase ([ordinal_idioms] in numbers.toml): "At first", "first-degree".

    >>> from kit.core.nlp import parse
    >>> d = parse("At first, first-degree murder was the first charge.")
    >>> [_in_idiom(d, i) for i in (1, 3, 9)]
    [True, True, False]
    """
    idioms = load_rules()["ordinal_idioms"]
    nxt = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "-" else i + 1
    return (doc[i].lower_ == "first" and i > 0 and doc[i - 1].lower_ in idioms["before"]) or (nxt < len(doc) and doc[nxt].lower_ in idioms["after"])


def ordinals(doc, used: set[int]) -> list[_Draft]:
    """Ordinals: "fourth", "21st", "first"; a day when a month stands beside it ("3rd March").

    >>> from kit.core.nlp import parse
    >>> [(x.kind, x.value) for x in ordinals(parse("The first talks ended on 3rd March."), set())]
    [('ordinal', 1), ('date', 3)]
    """
    out = []
    months = _word_set("months")
    for tok in doc:
        if tok.i in used:
            continue
        val = _ordinal_of(doc, tok)
        if val is None:
            continue
        kind = "date" if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in months or \
            tok.i > 0 and doc[tok.i - 1].lower_ in months else "ordinal"
        out.append(_one_token(tok.i, val, val, val, kind))
        used.add(tok.i)
    return out


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def compound_ordinals(doc) -> list[_Draft]:
    """Ordinals in words with a tens word: "twenty-seventh", "thirty first" (27, 31); a day
    when a month stands beside it. Read before the number cores, so "twenty" is no count.

    >>> from kit.core.nlp import parse
    >>> [(x.kind, x.value) for x in compound_ordinals(parse("On May twenty-first she came forty-second."))]
    [('date', 21), ('ordinal', 42)]
    """
    out, months, n = [], _word_set("months"), len(doc)
    for tok in doc:
        tens = _TENS.get(tok.lower_)
        k = tok.i + 2 if tok.i + 2 < n and doc[tok.i + 1].text in ("-", "\u2013") else tok.i + 1
        unit = _ordinal_value(doc[k].text) if tens and k < n and doc[k].is_alpha else None
        if unit is None or not 1 <= unit <= 9 or out and out[-1].end > tok.i:
            continue
        beside = (tok.i > 0 and doc[tok.i - 1].lower_ in months) or (k + 1 < n and doc[k + 1].lower_ in months) or (
            k + 2 < n and doc[k + 1].lower_ == "of" and doc[k + 2].lower_ in months)
        out.append(_Draft(start=tok.i, end=k + 1, core=tok.i, core_end=k + 1, value=tens + unit, low=tens + unit,
                          high=tens + unit, low_inclusive=True, high_inclusive=True,
                          kind="date" if beside else "ordinal"))
    return out


def decades(doc, used: set[int]) -> list[_Draft]:
    """Decades written as "the 1990s": the years 1990 to 1999.

    >>> from kit.core.nlp import parse
    >>> [(x.low, x.high) for x in decades(parse("Since the 1980s."), set())]
    [(1980, 1989)]
    """
    out = []
    for tok in doc:
        m = _DECADE.match(tok.text)
        if m and tok.i not in used:
            y = int(m.group(1))
            out.append(_one_token(tok.i, y, y, y + 9, "year"))
            used.add(tok.i)
    return out


def range_tokens(doc, used: set[int]) -> list[_Draft]:
    """Single tokens holding a range: "5k-20k", "1000–5000", "20~100"; "2022-23" is a span of years.

    >>> from kit.core.nlp import parse
    >>> [(x.kind, x.low, x.high) for x in range_tokens(parse("In 2014–2015, 1000–5000 people fled; 4-1."), set())]
    [('year', 2014, 2015), ('count', 1000, 5000)]
    """
    out = []
    for tok in doc:
        if tok.i in used or tok.like_url:
            continue
        m = _RANGE_TOKEN.match(tok.text)
        if not m:
            continue
        a, b = parse_figure(m.group(1)), parse_figure(m.group(2))
        years = _year_range(m.group(1), m.group(2))
        if years:  # "2022-23", "2014–2015": a span of years, not an amount
            out.append(_one_token(tok.i, None, years[0], years[1], "year"))
            used.add(tok.i)
            continue
        if a is None or b is None or a == b or a > b and "." not in tok.text:
            continue  # "4-1" is a score or a result, not a range (ranges go up: "10-15")
        if tok.i > 0 and doc[tok.i - 1].lower_ in _word_set("months") and b <= 31:
            out.append(_one_token(tok.i, None, a, b, "date"))  # "May 2-5": days of the month
            used.add(tok.i)
            continue
        kind, unit, end = _kind_and_unit(doc, tok.i, tok.i + 1, b)
        kind = kind if kind in AMOUNT_KINDS else "count"
        out.append(_Draft(start=tok.i, end=end, core=tok.i, core_end=tok.i + 1, value=None, low=min(a, b),
                          high=max(a, b), low_inclusive=True, high_inclusive=True, hedge="range", kind=kind,
                          unit=unit))
        used.update(range(tok.i, end))
    return out
