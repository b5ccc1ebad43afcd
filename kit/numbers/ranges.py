"""Joining ranges: "between 20 and 30", "10-15", "two or three", "2022-23", "one in five",
"more than 10 and less than 40".

>>> from kit.core.nlp import parse
>>> from kit.numbers.cores import number_cores
>>> d = parse("Between 20 and 30 died, one in five of them children.")
>>> [(x.form, x.low, x.high, x.value) for x in join_ranges(d, number_cores(d))]
[('between', 20, 30, None), ('ratio', None, None, 0.2)]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kit.core.nlp import doc_text
from kit.numbers.kinds import _after_currency, _kind_and_unit
from kit.numbers.records import Quantity, _clean_int, _Draft, _multiplier, _word_set, load_rules

_SCORE = "score"  # "won 4-1": two numbers that are neither a range nor two figures


def _with_currency(doc, s: int) -> int:
    """Where a figure starting at token ``s`` starts with its currency sign ("$" of "$40")."""
    return s - 1 if _after_currency(doc, s) else s


def _year_range(first: str, second: str) -> tuple[int, int] | None:
    """(from, to) when two written figures are a span of years: "2022" "23", "2014" "2015".

    >>> _year_range("2022", "23"), _year_range("1998", "2001"), _year_range("2022", "2020"), _year_range("400", "500")
    ((2022, 2023), (1998, 2001), None, None)
    """
    years = load_rules()["years"]
    if not (re.fullmatch(r"\d{4}", first) and re.fullmatch(r"\d{2}|\d{4}", second)):
        return None
    a = int(first)
    b = int(second) if len(second) == 4 else a // 100 * 100 + int(second)
    if len(second) == 2 and b < a:
        b += 100  # "1999-00"
    if years["low"] <= a < b <= years["high"] and b - a <= 100:
        return a, b
    return None


def _is_ratio(doc, first: tuple, second: tuple) -> bool:
    """"one in five (children)", "two out of three", "nine in every ten": a share of a group.

    Only when the first number is smaller, the second is neither a year nor followed by a
    unit, and the parser hangs the joining word on the numbers, not on a verb ("killed 5 in
    10 attacks" is no share).
    """
    s, e, v = first
    s2, e2, v2 = second
    gap = [t.lower_ for t in doc[e:s2]]
    if gap not in load_rules()["ratio"]["joiners"] or not (0 < v < v2):
        return False
    kind, _unit, _end = _kind_and_unit(doc, s2, e2, v2)
    if kind != "count":
        return False
    return gap in load_rules()["ratio"].get("sure", ()) or doc[e].head.i in range(s, e2)


def _apart(doc, first: tuple, second: tuple, joiner: str | None) -> bool:
    """Do two numbers stay apart although a joining word stands between them? A dash with spaces
    between digits and a number in words is punctuation ("May 2 - five days later"); after a day
    of the month only another day makes a range; after a verb of change ("rose from 9.5% to
    20%") the two are a before and an after (:func:`_is_change`).

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.cores import number_cores
    >>> d = parse("On May 2 - five days later - prices rose from 9 to 12.")
    >>> c = number_cores(d)
    >>> _apart(d, c[0], c[1], "-"), _apart(d, c[2], c[3], "to")
    (True, True)
    """
    s, e, v = first
    s2, e2, _v2 = second
    dashes = ("-", "\u2013", "\u2014")
    digits = [doc[s].text[:1].isdigit(), doc[s2].text[:1].isdigit()]
    if joiner in dashes and digits[0] != digits[1] and (doc[e - 1].whitespace_ or doc[s2 - 1].whitespace_):
        return True
    if s > 0 and doc[s - 1].lower_ in _word_set("months") and e - s == 1 and not (
            joiner in dashes + ("to", "and", "through") and digits[1] and e2 - s2 == 1 and _v2 <= 31):
        return True
    before = _with_currency(doc, s)
    if joiner == "to" and before > 0 and doc[before - 1].lower_ == "by":
        return True  # "rose by 114,000 to 2.57 million": how much it changed, then where it got to
    return _is_change(doc, first, second, joiner)


def _is_change(doc, first: tuple, second: tuple, joiner: str | None) -> bool:
    """"rose from 9.5% to 20%": "from ... to" after a verb of change whose direction fits the two
    numbers ([change] in numbers.toml): a before and an after, two figures.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.cores import number_cores
    >>> d = parse("Rates fell from 9 to 7 but were reduced from 4 to 5.")
    >>> c = number_cores(d)
    >>> _is_change(d, c[0], c[1], "to"), _is_change(d, c[2], c[3], "to")
    (True, False)
    """
    s, v, v2 = first[0], first[2], second[2]
    s = _with_currency(doc, s)  # "fell from $40 to $25"
    while s > 1 and doc[s - 1].pos_ in ("DET", "ADJ", "VERB") and doc[s - 1].lower_ != "from" and (
            doc[s - 2].lower_ == "from" or doc[s - 2].pos_ == "DET"):
        s -= 1  # "cut from a proposed 1.25 to 0.95": a determiner or a word describing the figure
    if joiner != "to" or s == 0 or doc[s - 1].lower_ != "from":
        return False
    cfg = load_rules()["change"]
    return any(verb in cfg["other"] or verb in cfg["rise"] and v < v2 or verb in cfg["fall"] and v > v2
               for verb in _governing_verbs(doc[s - 1]))


def _governing_verbs(tok) -> list[str]:
    """Lemmas of the word "from" hangs on, and, when that is a participle describing a noun
    ("the salary needed for workers"), of the verb of that noun's clause ("hiking the salary
    needed for workers from A to B": the change is the hiking).

    >>> from kit.core.nlp import parse
    >>> d = parse("They are hiking the salary needed for staff from 10 to 12.")
    >>> _governing_verbs(d[8])
    ['need', 'hike']
    """
    head, out = tok.head, [tok.head.lemma_.lower()]
    while head.dep_ in ("acl", "relcl") and head.head.head is not head.head and len(out) < 3:
        head = head.head.head  # participle -> its noun -> the noun's verb
        out.append(head.lemma_.lower())
    return out


def _unit_on_both_ends(doc, gap, e2: int) -> bool:
    """The words between two numbers are a unit and a joining word, and the same unit follows
    the second number: "30 mg to 40 mg", "-18 °C to -34 °C" (the tokenizer splits "°C").

    >>> from kit.core.nlp import parse
    >>> d = parse("from 30 mg to 40 mg, from -18 °C to -34 °C, 3 dogs to 5 cats")
    >>> _unit_on_both_ends(d, d[2:4], 5), _unit_on_both_ends(d, d[9:12], 13), _unit_on_both_ends(d, d[17:19], 20)
    (True, True, False)
    """
    k = len(gap) - 1
    unit, after = [t.lower_ for t in gap[:-1]], [t.lower_ for t in doc[e2 : e2 + k]]
    return 1 <= k <= 3 and unit == after and not any(t.like_num for t in gap[:-1])


def _result_before(doc, start: int) -> bool:
    """Does a verb of voting or winning ("passed", "won"), or "a vote of", stand right before
    ``start``? ([range] result_words in numbers.toml)

    >>> from kit.core.nlp import parse
    >>> d = parse("It passed 52 to 48 by a vote of 7 to 2; prices went 9 to 7.")
    >>> _result_before(d, 2), _result_before(d, 9), _result_before(d, 15)
    (True, True, False)
    """
    if start == 0:
        return False
    prev, words = doc[start - 1], load_rules()["range"].get("result_words", ())
    if prev.lower_ == "of":
        return start > 1 and doc[start - 2].lemma_.lower() == "vote"
    return prev.lemma_.lower() in words and prev.pos_ in ("VERB", "AUX")


def _join_pair(doc, first: tuple, second: tuple) -> _Draft | str | None:
    """Two neighbouring number cores as one figure: a range, a span of years or a ratio;
    ``_SCORE`` for "4-1" (no figure at all); None when they stay two figures."""
    range_cfg = load_rules()["range"]
    s, e, v = first
    s2, e2, v2 = second
    gap = doc[e:s2]
    unit_gap = _unit_on_both_ends(doc, gap, e2)
    sign = s > 0 and len(gap) == 2 and _after_currency(doc, s) and doc[s - 1].text == gap[1].text  # "$40 to $60"
    joiner = gap[0].lower_ if sign else gap[-1].lower_ if len(gap) == 1 or unit_gap else None
    before = _with_currency(doc, s)
    opener = doc[before - 1].lower_ if before > 0 and doc[before - 1].lower_ in range_cfg["openers"] else None
    if opener == "from" and joiner in ("-", "\u2013", "\u2014"):
        opener = None  # "up from 3-4%": "from" belongs to the sentence, the dash makes the range
    start = before - 1 if opener else before
    years = _year_range(doc[s].text, doc[s2].text) if e - s == 1 and e2 - s2 == 1 and len(gap) == 1 else None
    if years and e2 < len(doc) and doc[e2].tag_ in ("NNS", "NNPS"):
        years = None  # "from 1500 to 2000 troops" counts troops
    if years and joiner in ("-", "\u2013", "\u2014", "to", "/"):  # "2022-23", "from 2019 to 2021"
        return _Draft(start=start, end=e2, core=start, core_end=e2, value=None, low=years[0], high=years[1],
                      form="years", kind="year")
    if _apart(doc, first, second, joiner):
        return None
    if s > 0 and doc[s - 1].lower_ in _word_set("months") and joiner in range_cfg["joiners"] + ["through"]:
        return _Draft(start=s, end=e2, core=s, core_end=e2, value=None, low=v, high=v2, form="days")  # "May 2 to 5"
    if e2 < len(doc) and doc[e2].lower_ in _word_set("months") and joiner in ("-", "\u2013", "to") \
            and all(isinstance(x, int) and 1 <= x <= 31 for x in (v, v2)) and e - s == 1 and e2 - s2 == 1:
        return _Draft(start=s, end=e2, core=s, core_end=e2, value=None, low=v, high=v2, form="days")  # "3-9 June"
    if opener is None and joiner in ("-", "\u2013", "\u2014") and len(gap) == 1 and v > v2 and before == s \
            and not (e2 < len(doc) and doc[e2].lower_ in ("percent", "%", "per")):  # "$310 — 9.5 percent —": two figures
        return _SCORE  # "won 4-1", "passed 52 - 48": a score or a result, not an amount
    if opener is None and joiner == "to" and len(gap) == 1 and v > v2 and _result_before(doc, before):
        return _SCORE  # "passed 52 to 48", "by a vote of 7 to 2"
    ok = joiner in range_cfg["joiners"] and (
        (opener == "between" and joiner in ("and", "-", "\u2013", "to"))  # "between 40 to 50" is loose, but a range
        or (opener == "from" and joiner == "to")
        or (opener is None and joiner in ("to", "-", "\u2013", "\u2014", "~") and (joiner == "to" or v < v2))
        or (opener is None and joiner == "or" and isinstance(v, int) and isinstance(v2, int) and v < v2 <= 100)
    ) and v != v2
    years_written = len(doc[s].text) == 4 and len(doc[s2].text) in (2, 4) and doc[s].is_digit and \
        doc[s].ent_type_ == "DATE"
    if ok and not years_written:
        scale = _multiplier(doc[e2 - 1].lower_) or 0
        if scale >= 1000 and not _multiplier(doc[e - 1].lower_) and v * scale <= v2:
            v = _clean_int(v * scale)  # "2 to 3 million": the million belongs to both
        lo, hi = (v, v2) if v <= v2 else (v2, v)
        money = {"kind": "money", "unit": doc[s - 1].text} if before < s else {}  # "$40 to $60", "$5-10 million"
        return _Draft(start=start, end=e2, core=start, core_end=e2, value=None, low=lo, high=hi, form=opener or "range",
                      **money)
    if _is_ratio(doc, first, second):
        return _Draft(start=s, end=e2, core=s, core_end=e2, value=v / v2, form="ratio")
    return None


def join_ranges(doc, cores: list[tuple]) -> list[_Draft]:
    """Stage 2 of find_numbers: neighbouring number cores joined into ranges, spans of years
    and ratios; the others stay single numbers; scores ("won 4-1") are dropped.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.cores import number_cores
    >>> d = parse("Two or three died in 2022-23; the team won 4 - 1.")
    >>> [(x.form, x.low, x.high) for x in join_ranges(d, number_cores(d))]
    [('range', 2, 3), ('years', 2022, 2023)]
    """
    out: list[_Draft] = []
    k = 0
    while k < len(cores):
        joined = _join_pair(doc, cores[k], cores[k + 1]) if k + 1 < len(cores) else None
        if joined is None:
            s, e, v = cores[k]
            out.append(_Draft(start=s, end=e, core=s, core_end=e, value=v))
            k += 1
            continue
        if joined is not _SCORE:
            out.append(joined)
        k += 2
    return out


def _join_limits(doc, quantities: list[Quantity]) -> list[Quantity]:
    """'more than 10 and less than 40' is one interval, not two.

    >>> from kit.numbers import find_numbers
    >>> [(q.low, q.high) for q in find_numbers("More than 10 and less than 40 people came.", sources=False)]
    [(10, 40)]
    """
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if prev is not None and prev.is_amount and q.is_amount and prev.high is None and prev.low is not None \
                and q.low is None and q.high is not None and prev.low <= q.high \
                and doc_text(doc)[prev.end_char : q.start_char].strip(" ,") in ("and", "but", ""):
            out[-1] = replace(prev, text=doc_text(doc)[prev.start_char : q.end_char], end_char=q.end_char, value=None,
                              high=q.high, high_inclusive=q.high_inclusive, hedge=f"{prev.hedge} + {q.hedge}",
                              counted=q.counted or prev.counted)
            continue
        out.append(q)
    return out
