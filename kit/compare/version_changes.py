"""What changed inside one pair of aligned sentences (see :mod:`kit.compare.versions`).

Each check turns what the lenses found in both sentences into :class:`Change` records with
a note for students: labels (framing), speakers and quotation marks (attribution),
figures (numbers). Word changes that none of them explains make the pair ``reworded``.

>>> from kit.compare.versions import compare_versions
>>> [c.kind for c in compare_versions('Police said: "Rioters burned cars."', "Rioters burned cars.")]
['attribution_dropped', 'quote_marks_lost']
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from kit.compare.version_units import converted
from kit.compare.versions import _WORD, Change, _Side, _Unit, _norm, _words, overlaps

DATA_FILE = Path(__file__).parent / "data" / "en" / "versions.toml"
#: How far (characters) around a sentence the other version may hold the same figure or source.
NEAR = 400
#: Two labels (or figures) pair by place when the words changed around them are at most this many more.
SLACK = 2

_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_TAIL = re.compile(r"(?:\s[:\u2013\u2014-]|:)\s*([A-Za-z][\w'. ]{1,40})$")
_DECIMAL = re.compile(r"\d[\d,]*\.\d+(?=-[^\W\d_])")  # a decimal joined to its unit: "57.8-per cent"



@cache
def _words_data() -> dict:
    """Word lists from ``kit/compare/data/en/versions.toml``: bound words, same sources, pronouns.

    >>> "passed" in _words_data()["bound"] and _words_data()["same"]["tv"] == _words_data()["same"]["telev"]
    True
    """
    with DATA_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    same = {}
    for n, entry in enumerate(raw["same_source"]):
        for phrase in entry["words"]:
            for w in phrase.split():
                same[_stem(w)] = f"#{n}"
    return {"bound": frozenset(w for e in raw["bound_word"] for w in e["words"]), "same": same,
            "pronouns": frozenset(w for e in raw["pronoun"] for w in e["words"]),
            "not_source": frozenset(w for e in raw["not_a_source"] for w in e["words"]),
            "measure": frozenset(w for e in raw["measure_word"] for w in e["words"]),
            "agencies": frozenset(w for e in raw["news_agency"] for w in e["words"]),
            "label_words": frozenset(w for e in raw["label_word"] for w in e["words"]),
            "vague_count": frozenset(w for e in raw["vague_count_word"] for w in e["words"]),
            "title_words": frozenset(w for e in raw["title_word"] for w in e["words"]),
            "person_words": frozenset(w for e in raw["person_word"] for w in e["words"]),
            "same_label": {w: n for n, e in enumerate(raw["same_label"]) for w in e["words"]},
            "upper_after": frozenset(w for e in raw["upper_bound_after"] for w in e["words"]),
            "lower_after": frozenset(w for e in raw["lower_bound_after"] for w in e["words"]),
            "report_words": frozenset(w for e in raw["report_word"] for w in e["words"]),
            "number_words": frozenset(w for e in raw["number_word"] for w in e["words"]),
            "title_small": frozenset(w for e in raw["title_small_word"] for w in e["words"]),
            "currency_code": frozenset(w for e in raw["currency_code"] for w in e["words"]),
            "percent_word": frozenset(w for e in raw["percent_word"] for w in e["words"]),
            "rise_up": frozenset(w for e in raw["rise_up_verb"] for w in e["words"]),
            "backer": frozenset(w for e in raw["backer_word"] for w in e["words"]),
            "backer_by": frozenset(w for e in raw["backer_word"] for w in e["by"])}


def call(name: str) -> str:
    """How a note names a version: "version A" for a letter, else the name itself.

    >>> call("A"), call("the original")
    ('version A', 'the original')
    """
    return f"version {name}" if len(name) <= 2 else name


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_SORTED: dict = {}


def _in(items, u: _Unit, attr: str = "start_char") -> list:
    """The items (labels, figures, attributions) whose ``attr`` offset falls in sentence ``u``, in order."""
    return between(items, u.start, u.end, attr)


def between(items, start: int, end: int, attr: str = "start_char") -> list:
    """The items whose ``attr`` offset is in [start, end), in order: sorted once per list and
    searched by bisection (a long page has thousands of items and of sentences)."""
    cached = _SORTED.get((id(items), attr))
    if cached is None or cached[0] is not items:
        if len(_SORTED) > 32:
            _SORTED.clear()
        ordered = sorted(items, key=lambda x: getattr(x, attr))
        cached = _SORTED[(id(items), attr)] = (items, [getattr(x, attr) for x in ordered], ordered)
    _, keys, ordered = cached
    return ordered[bisect_left(keys, start):bisect_left(keys, end)]


def _text(side: _Side, start: int, end: int) -> str:
    return side.text[start:end]


def _change(kind: str, sa: _Side, sb: _Side, a_rng, b_rng, note: str) -> Change:
    a_rng = a_rng or (None, None)
    b_rng = b_rng or (None, None)
    a_text = _text(sa, *a_rng) if a_rng[0] is not None else None
    b_text = _text(sb, *b_rng) if b_rng[0] is not None else None
    return Change(kind, a_text, b_text, a_rng[0], a_rng[1], b_rng[0], b_rng[1], note)


# ---------------------------------------------------------------- whole sentences


def _carries(side: _Side, u: _Unit) -> str:
    speakers = [a.speaker for a in _in(side.attributions, u, "cue_start")]
    figures = [q.text for q in _in(side.numbers, u) if getattr(q, "is_amount", True)]
    parts = ([f"a source ({', '.join(dict.fromkeys(speakers))})"] if speakers else []) + (
        [f"figures ({', '.join(figures)})"] if figures else [])
    return f" It gives {' and '.join(parts)}." if parts else ""


def sentence_change(kind: str, sa: _Side, sb: _Side, ua: _Unit | None, ub: _Unit | None) -> Change:
    """A whole sentence cut, added or moved."""
    a_rng = (ua.start, ua.end) if ua is not None else None
    b_rng = (ub.start, ub.end) if ub is not None else None
    A, B = call(sa.name), call(sb.name)
    if kind == "cut":
        note = f"This sentence is in {A} but not in {B}.{_carries(sa, ua)}"
    elif kind == "added":
        note = f"This sentence is in {B} but not in {A}.{_carries(sb, ub)}"
    else:
        note = f"This sentence is in both versions, but in another place in {B}. What comes first changes what a reader remembers."
    return _change(kind, sa, sb, a_rng, b_rng, note)


# ---------------------------------------------------------------- labels and figures


def _term(label) -> str:
    return (getattr(label, "term", "") or label.text).lower()


def _stem(word: str) -> str:
    """Close enough to count as the same word: "Russia's"/"Russian", "neighbour"/"neighbor"."""
    return word.removesuffix("'s")[:5]


def _still_there(side: _Side, x, other: _Unit) -> bool:
    """True when every word of ``x`` (a label or figure) is still in the other sentence."""
    words, _ = _words(_text(side, x.start_char, x.end_char), 0)  # one or several: "riots" / "riot"
    return bool(words) and {_stem(w.removesuffix("s")) for w in words} <= {_stem(w.removesuffix("s")) for w in other.words}


def _differing(xs, ys, key) -> tuple[list, list]:
    """Items of ``xs`` and of ``ys`` whose key the other side has fewer times."""
    def take(items, extra: Counter) -> list:
        out = []
        for item in items:
            if extra[key(item)] > 0:
                extra[key(item)] -= 1
                out.append(item)
        return out

    left, right = Counter(map(key, xs)), Counter(map(key, ys))
    return take(xs, left - right), take(ys, right - left)


def _pairs(xs, ys, same) -> list[tuple]:
    """Pair items of two lists (first with ``same`` partner, in order); None for the unpaired."""
    out, rest = [], list(ys)
    for x in xs:
        y = next((y for y in rest if same(x, y)), None)
        if y is not None:
            rest.remove(y)
        out.append((x, y))
    return out + [(None, y) for y in rest]


def _paired_changes(kind: str, sa, sb, ua, ub, pairs, note) -> list[Change]:
    """One Change per pair; an unpaired side points at its whole sentence."""
    out = []
    for x, y in pairs:
        a_span = (x.start_char, x.end_char) if x is not None else (ua.start, ua.end)
        b_span = (y.start_char, y.end_char) if y is not None else (ub.start, ub.end)
        out.append(_change(kind, sa, sb, a_span, b_span, note(sa, sb, x, y)))
    return out


def _side_note(sa: _Side, sb: _Side, x, y, describe, both: str, says: str, lacks: str) -> str:
    """What one version says that the other says otherwise (``both``) or not at all (``lacks``)."""
    A, B = call(sa.name), call(sb.name)
    if x is not None and y is not None:
        return (f"{_cap(A)} says \u201c{x.text}\u201d ({describe(x)}); {B} says \u201c{y.text}\u201d "
                f"({describe(y)}). {both}")
    one, has, other = (x, A, B) if x is not None else (y, B, A)
    return f"{_cap(has)} {says} \u201c{one.text}\u201d ({describe(one)}); {other} {lacks}"


def _by_place(xs, ys, ua: _Unit, ub: _Unit) -> list[tuple]:
    """Pair items (labels, figures) that stand in the same changed stretch of the two sentences;
    the rest are returned unpaired, in order."""
    opcodes = SequenceMatcher(None, ua.words, ub.words, autojunk=False).get_opcodes()

    def stretch(u: _Unit, item, a_side: bool) -> int | None:
        size = len(_WORD.findall(item.text)) + SLACK
        for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
            lo, hi = (i1, i2) if a_side else (j1, j2)
            if any(u.spans[k][0] <= item.start_char < u.spans[k][1] for k in range(lo, hi)):
                return n if tag == "replace" and max(i2 - i1, j2 - j1) <= size else None
        return None

    out, rest = [], list(ys)
    for x in xs:
        n = stretch(ua, x, True)
        y = next((y for y in rest if n is not None and stretch(ub, y, False) == n), None)
        if y is not None:
            rest.remove(y)
            out.append((x, y))
        else:
            out.append((x, None))
    return out + [(None, y) for y in rest]


def _repair(pairs, same) -> list[tuple]:
    """Pair what :func:`_by_place` left alone when ``same`` says two items go together."""
    lone_a = [x for x, y in pairs if y is None]
    lone_b = [y for x, y in pairs if x is None]
    return [(x, y) for x, y in pairs if x is not None and y is not None] + _pairs(lone_a, lone_b, same)


def _figure_key(side: _Side, q) -> tuple:
    """What a figure claims: its interval and kind ("passed 150" = "more than 150", "18 and younger" = "18 and
    under")."""
    low, high = q.low, q.high
    if q.value is None and q.hedge == "vague":  # "hundreds of buildings" / "hundreds of homes"
        if q.kind == "proportion" and low is not None:  # "the majority of" / "most of": one share, read so
            return ("vague", low, high, q.kind)
        return ("vague", _WORD.findall(_norm(q.text))[0], q.kind)
    before = _WORD.findall(_norm(side.text[max(0, q.start_char - 20):q.start_char]))
    if q.hedge is None and low is not None and low == high and before and before[-1] in _words_data()["bound"]:
        high = None
    if q.value is not None and _norm(q.text).startswith("up to ") and before[-1:] \
            and before[-1] in _words_data()["rise_up"]:  # "ticked up to 5%": where it went, no ceiling
        low = high = q.value
    after = _WORD.findall(_norm(side.text[q.end_char:q.end_char + 16]))[:2]
    if q.hedge is None and low is not None and low == high and after[:1] in (["and"], ["or"]) and len(after) == 2:
        low, high = (None, high) if after[1] in _words_data()["upper_after"] else (low, high)
        low, high = (low, None) if after[1] in _words_data()["lower_after"] else (low, high)
    return (low, high, q.kind)


def _figure_note(sa: _Side, sb: _Side, qa, qb) -> str:
    return _side_note(sa, sb, qa, qb, lambda q: q.interval(),
                      "The figure is not the same: which is right? Check it against the source, or a map. "
                      "What do the numbers really claim?",
                      "gives the figure", "does not. What do the numbers really claim?")


def _nearby(side: _Side, q, key, u: _Unit) -> bool:
    """True when ``side`` has the same figure near sentence ``u`` (moved to a neighbouring sentence),
    or writes a number the lens could not read before the same word ("2-1/2 year" / "two and a half year")."""
    if any(_figure_key(side, x) == key for x in between(side.numbers, u.start - NEAR, u.end + NEAR)):
        return True
    counted = _norm(q.counted or q.unit or "")
    for k, w in enumerate(u.words):
        if counted and w == counted and any(any(ch.isdigit() for ch in v) for v in u.words[max(0, k - 2):k]):
            return True
    return False


def _claims(side: _Side, q) -> bool:
    """True for a figure worth comparing: an amount (not a date, year or ordinal), not "one laborer"
    or "one of hundreds" (one, in words), not a unit conversion in brackets ("10 km (6 miles)")."""
    if not q.is_amount or (q.value == 1 and q.text[:1].isalpha()):
        return False
    before = side.text[max(0, q.start_char - 3):q.start_char].strip()
    return not (before.endswith("(") and any(0 <= q.start_char - x.end_char <= 3 for x in
                                            between(side.numbers, q.start_char - 80, q.start_char)))


def _alone(side: _Side, q, other: _Side, u: _Unit) -> bool:
    """True for a figure one sentence has and its pair ``u`` has not, worth reporting: a precise amount
    that says what it counts ("40 people", "12%", or a vague count of it: "dozens of passengers"), not a time span ("in 20 years", like a date), not a
    measure of the event ("a magnitude 6.1 quake"), not the same figure written so the lens does not
    read it ("magnitude-7" / "7.0", "80-year-old" / "80"), not the same figure in a neighbouring sentence."""
    if q.kind == "duration" or not (q.counted or q.unit):
        return False
    if q.value is None:  # a vague count of what it counts ("dozens of passengers") is worth it too
        first = _WORD.findall(_norm(q.text))[:1]
        return (q.hedge == "vague" and bool(q.counted) and bool(first)
                and first[0] in _words_data()["vague_count"] and not _nearby(other, q, _figure_key(side, q), u))
    near = _WORD.findall(_norm(side.text[max(0, q.start_char - 12):q.end_char]))
    if any(w in _words_data()["measure"] for w in near):
        return False
    digits = {w for w in u.words if w[:1].isdigit()} | {p for w in u.words for p in w.split("-") if p[:1].isdigit()}
    digits |= set(_DECIMAL.findall(other.text[u.start:u.end]))  # "57.8-per cent": a decimal with its unit joined
    if any(_value(w) == q.value for w in digits):
        return False
    return not _nearby(other, q, _figure_key(side, q), u)


def _value(word: str) -> float | None:
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def _total(parts: list, others: list):
    """The figure of ``others`` that ``parts`` (two or more figures) add up to ("280 passengers and 15
    crew" / "all 295 people"): a total given in parts is the same figure. None when there is none."""
    if len(parts) < 2 or any(q.value is None for q in parts):
        return None
    return next((q for q in others if q.value == sum(q.value for q in parts)), None)


def _unit_unread(x, y) -> bool:
    """True for one value with a unit on one side and none read on the other ("150m" / "150-metre"):
    the same figure, its unit written so the lens does not read it."""
    if x is None or y is None or x.value is None or x.value != y.value:
        return False
    return any(p.unit and not (q.unit or q.counted) for p, q in ((x, y), (y, x)))


def _figure_changes(sa, sb, ua, ub) -> list[Change]:
    xs = [q for q in _in(sa.numbers, ua) if _claims(sa, q)]
    ys = [q for q in _in(sb.numbers, ub) if _claims(sb, q)]
    keys = {id(q): _figure_key(sa, q) for q in xs} | {id(q): _figure_key(sb, q) for q in ys}
    qa, qb = _differing(xs, ys, lambda q: keys[id(q)])
    if (whole := _total(qb, xs)) is not None:
        qa, qb = [q for q in qa if q is not whole], []
    if (whole := _total(qa, ys)) is not None:
        qa, qb = [], [q for q in qb if q is not whole]
    pairs = _repair(_by_place(qa, qb, ua, ub), lambda x, y: (x.counted or x.unit) == (y.counted or y.unit)
                    and x.kind == y.kind)
    pairs = [(x, y) for x, y in pairs if not _unit_unread(x, y) and not converted(x, y)]
    pairs = [(x, y) for x, y in pairs if x is not None and y is not None  # one side only: see _alone
             or (x is not None and _alone(sa, x, sb, ub)) or (y is not None and _alone(sb, y, sa, ua))]
    pairs = _repair(pairs, lambda x, y: x.kind == y.kind)  # "three bodies" / "four people": one toll, changed
    return _paired_changes("figure_changed", sa, sb, ua, ub, pairs, _figure_note)


# ---------------------------------------------------------------- the pair


def _describe_edit(sa: _Side, sb: _Side, a_rng, b_rng) -> str:
    x, y = _text(sa, *a_rng), _text(sb, *b_rng)
    if x and y:
        return f"\u201c{x}\u201d became \u201c{y}\u201d"
    return f"\u201c{x}\u201d left out" if x else f"\u201c{y}\u201d added"


def _quoted_labels(sa: _Side, sb: _Side, found: list[Change]) -> list[Change]:
    """``found`` less the label changes inside a quotation on both sides: the words inside the marks
    differ, a quotation changed (a misquotation), not a label the writer chose."""
    def inside(side: _Side, start, end) -> bool:
        return start is not None and any(qs <= start and end <= qe for qs, qe in side.quotes)
    return [c for c in found if not (c.kind == "label_changed" and inside(sa, c.a_start, c.a_end)
                                     and inside(sb, c.b_start, c.b_end))]


def pair_changes(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit, edits) -> tuple[list[Change], list, list]:
    """Changes inside one pair of sentences, and the word edits no specific change explains."""
    from kit.compare.version_labels import label_changes, role_changes
    from kit.compare.version_quotes import quote_changes
    from kit.compare.version_sources import attribution_changes

    found = label_changes(sa, sb, ua, ub) + _figure_changes(sa, sb, ua, ub)
    found += (role_changes(sa, sb, ua, ub, found) + attribution_changes(sa, sb, ua, ub)
              + quote_changes(sa, sb, ua, ub))
    found = _quoted_labels(sa, sb, found)
    found.sort(key=lambda c: (c.a_start, c.b_start))
    whole_a, whole_b = (ua.start, ua.end), (ub.start, ub.end)
    spans_a = [(c.a_start, c.a_end) for c in found if (c.a_start, c.a_end) != whole_a]
    spans_b = [(c.b_start, c.b_end) for c in found if (c.b_start, c.b_end) != whole_b]

    def explained(e) -> bool:
        (a0, a1), (b0, b1) = e
        return (a0 < a1 and any(overlaps(a0, a1, *s) for s in spans_a)) or (
            b0 < b1 and any(overlaps(b0, b1, *s) for s in spans_b))

    rest = [e for e in edits if not explained(e)]
    if rest:
        said = "; ".join(_describe_edit(sa, sb, *e) for e in rest[:3])
        more = f"; and {len(rest) - 3} more" if len(rest) > 3 else ""
        note = f"The same sentence, reworded: {said}{more}. Does the meaning change?"
        found.insert(0, _change("reworded", sa, sb, whole_a, whole_b, note))
    return found, [e[0] for e in rest if e[0][0] < e[0][1]], [e[1] for e in rest if e[1][0] < e[1][1]]
