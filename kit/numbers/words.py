"""Reading written numbers: one token ("1,234", "2.5bn", "½") or a run of words ("four hundred and twelve").

>>> parse_figure("2.5bn"), _read_words(["four", "hundred", "and", "twelve"])
(2500000000, 412)
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kit.numbers.records import LONGEST_TOKEN, _clean_int, _fraction_den, _multiplier, drawable, load_rules

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?(?:\.\d+)?$")  # also "1,38,619" (Indian grouping)
_SUFFIXED = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?|\.\d+)([a-zA-Z]+)$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
#: Invisible format characters (Unicode category Cf): bidi controls such as the right-to-left
#: override U+202E, zero-width spaces, soft hyphens. They can hide a figure from a reader
#: ("\u202e412" shows as 214) and from the kit, so they are removed before a token is read.
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def _plain(text: str) -> str:
    """``text`` without invisible format characters (bidi controls, zero-width spaces).

    >>> _plain("\\u202e412"), _plain("4\\u200b12")
    ('412', '412')
    """
    return _INVISIBLE.sub("", text) if not text.isascii() else text


@functools.lru_cache(maxsize=16384)  # pure, on a word: a text repeats its words
def parse_figure(text: str) -> float | int | None:
    """The value of one written figure token: digits, decimals, '10k', '2.5bn', '1/4', '½'.

    A token is one word as spaCy splits it; words like "nine" are read elsewhere.

    >>> parse_figure("1,234"), parse_figure("2.5bn"), parse_figure("1/4"), parse_figure("½"), parse_figure("abc")
    (1234, 2500000000, 0.25, 0.5, None)

    Figures too big to compute with are skipped (see :data:`~kit.numbers.records.LARGEST`):

    >>> parse_figure("1e309"), parse_figure("9" * 400), parse_figure("\\u202e412")
    (None, None, 412)
    """
    t = _plain(text).strip()
    if not t or len(t) > LONGEST_TOKEN:
        return None
    value = _read_figure(t)
    return value if value is None or drawable(value) else None


def season_of_years(text: str) -> bool:
    """Is one token two following years joined by a slash, a season or fiscal year ("2007/08",
    "2019/2020"), not the fraction it would read as? (:func:`parse_figure` reads it as its first year.)

    >>> season_of_years("2007/08"), season_of_years("1999/2000"), season_of_years("2007/09"), season_of_years("3/4")
    (True, True, False, False)
    """
    m = re.fullmatch(r"(\d{4})/(\d{2}|\d{4})", text)
    if not m:
        return False
    years, a = load_rules()["years"], int(m.group(1))
    b = int(m.group(2)) if len(m.group(2)) == 4 else (a + 1) // 100 * 100 + int(m.group(2))
    return years["low"] <= a < years["high"] and b == a + 1


def _read_figure(t: str) -> float | int | None:
    """The value of a stripped figure token, however big (see :func:`parse_figure`)."""
    if len(t) == 1 and unicodedata.category(t) == "No":
        try:
            return _clean_int(float(unicodedata.numeric(t)))
        except (TypeError, ValueError):
            return None
    if _DIGITS.match(t) and any(c.isdigit() for c in t):
        return _clean_int(float(t.replace(",", "")))
    if re.match(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$", t):
        return _clean_int(float(t))
    m = _FRACTION.match(t)
    if m and season_of_years(t):
        return int(m.group(1))  # "2007/08"
    if m and int(m.group(2)):
        return _clean_int(int(m.group(1)) / int(m.group(2)))
    m = _SUFFIXED.match(t)
    if m:
        mult = load_rules()["suffixes"].get(m.group(2).lower())
        if isinstance(mult, (int, float)):
            return _clean_int(float(m.group(1).replace(",", "")) * mult)
    return None


@functools.lru_cache(maxsize=16384)  # pure, on a word: a text repeats its words
def _number_word(word: str) -> float | int | None:
    """Value of one number word ('nine', 'twenty'), None otherwise. Uses text2num.

    >>> _number_word("twenty"), _number_word("hundreds"), _number_word("people")
    (20, None, None)
    """
    from text_to_num import text2num

    w = _plain(word).lower()
    if w in {"naught", "nought", "nil"}:
        return 0
    if not w.isalpha() or _multiplier(w) is not None or w.endswith("s"):
        return None  # "million", "hundreds": read elsewhere; "ones", "twos" are no figures
    try:
        return text2num(w, "en")
    except ValueError:
        return None


@functools.lru_cache(maxsize=16384)  # pure, on a word: a text repeats its words
def _ordinal_value(word: str) -> int | None:
    """'fourth' -> 4, '21st' -> 21, 'second' -> 2; None for other words.

    >>> _ordinal_value("fourth"), _ordinal_value("21st"), _ordinal_value("four"), _ordinal_value("9" * 5000 + "th")
    (4, 21, None, None)
    """
    word = _plain(word)
    if len(word) > LONGEST_TOKEN:
        return None
    m = _ORDINAL_DIGITS.match(word)
    if m:
        return int(m.group(1))
    if not word.isalpha():
        return None
    from text_to_num import alpha2digit

    out = alpha2digit(word.lower(), "en", threshold=0)
    m = _ORDINAL_DIGITS.match(out)
    return int(m.group(1)) if m else None


def _is_num_token(tok) -> bool:
    """A token that is a number by itself: digits, a number word, a multiplier word."""
    if parse_figure(tok.text) is not None:
        return True
    w = tok.lower_
    if w in ("score", "dozens"):
        return False  # only after another number ("three score", "3 dozens")
    return _number_word(w) is not None or _multiplier(w) is not None


# ---------------------------------------------------------------- runs of words


def _segments(words: list[str]) -> list[list[str]] | None:
    """Lower-case words split at "and"; whole-number segments kept together; None if a segment is empty.

    >>> _segments(["Two", "hundred", "and", "two", "thousand"]), _segments(["one", "and", "a", "half"])
    ([['two', 'hundred', 'two', 'thousand']], [['one'], ['a', 'half']])
    """
    ws = [w.lower()[:-1] if w.endswith(".") and w[:-1].isalpha() else w.lower()
          for w in words if w not in ("-", "\u2013")]
    if not ws:
        return None
    segments: list[list[str]] = [[]]
    for w in ws:
        if w == "and":
            segments.append([])
        else:
            segments[-1].append(w)
    if any(not s for s in segments):
        return None
    merged: list[list[str]] = []
    last_has_fraction = False
    for seg in segments:  # "two hundred and two thousand" is one whole number: keep it together
        has_fraction = any(_fraction_den(w) for w in seg)
        if merged and not has_fraction and not last_has_fraction:
            merged[-1].extend(seg)
        else:
            merged.append(seg)
            last_has_fraction = has_fraction
    return merged


def _integer(seg: list[str]) -> tuple[float | None, float]:
    """(value, last big multiplier) of a segment without fractions.

    >>> _integer(["four", "hundred", "twelve"]), _integer(["1.5", "million"])
    ((412.0, 1.0), (1500000.0, 1000000))
    >>> _integer(["3", "lakh", "crore"])[0]
    3000000000000.0
    """
    total, current, last_mult, seen = 0.0, 0.0, 1.0, False
    for w in seg:
        fig = parse_figure(w)
        num = fig if fig is not None else _number_word(w)
        if w in ("a", "an"):
            num = 1
        if num is not None:
            current += num
            seen = True
            continue
        mult = _multiplier(w)
        if mult is None and load_rules()["suffixes"].get(w) and w not in ("note",):
            mult = load_rules()["suffixes"][w]
        if mult is None:
            return None, 1.0
        if mult == 100 or mult in (12, 20):
            current = (current or 1) * mult
        elif current == 0 and total and mult > last_mult:  # "3 lakh crore": a lakh of crores, 10^12
            total *= mult
            last_mult = mult
        else:
            total += (current or 1) * mult
            current = 0.0
            last_mult = mult
        seen = True
    return (total + current if seen else None), last_mult


def _fraction(seg: list[str]) -> tuple[float | None, float]:
    """(value, scale) of a segment with a fraction word: 'two thirds', 'a half', 'half a dozen', 'a half million'.

    >>> _fraction(["two", "thirds"])[0], _fraction(["half", "a", "dozen"]), _fraction(["twenty", "seventh"])
    (0.6666666666666666, (6.0, 12.0), (None, 1.0))
    """
    for k, w in enumerate(seg):
        den = _fraction_den(w)
        if den is None:
            continue
        if k == 0:  # "half a dozen", "quarter million"
            num = 1.0
        else:
            num, _ = _integer(seg[:k]) if k else (None, 1.0)
        if num is None or (num != 1 and k and not w.endswith("s") and w != "half"):
            return None, 1.0  # "twenty-seventh" is an ordinal: a fraction above one takes a plural ("two thirds")
        frac = num / den
        rest = [x for x in seg[k + 1 :] if x not in ("a", "an", "of")]
        scale = 1.0
        for x in rest:
            mult = _multiplier(x)
            if mult is None:
                return None, 1.0
            scale *= mult
        return frac * scale, scale
    return None, 1.0


def _add_fraction(total: float | None, val: float, scale: float, last_mult: float) -> float:
    """``total`` with a fraction segment of value ``val`` added ("five and a half million").

    >>> _add_fraction(5.0, 500000.0, 1000000, 1.0), _add_fraction(1.0, 0.5, 1.0, 1.0)
    (5500000.0, 1.5)
    """
    if total is None:
        return val
    if scale > 1 and last_mult == 1:  # "five and a half million"
        return (total + val / scale) * scale
    if scale > 1:  # "one billion and a half million"
        return total + val
    return total + val * (last_mult if last_mult >= 1e6 else 1)  # "3 million and a half", "one and a half"


def _decimal_words(words: list[str]) -> float | None:
    """A decimal said in words, "three point five" -> 3.5; None without "point" or if not one.

    >>> _decimal_words(["three", "point", "five"]), _decimal_words(["1", "point", "two", "five"]), _decimal_words(["two"])
    (3.5, 1.25, None)
    >>> _decimal_words(["one", "point", "five", "million"])
    1500000
    """
    cfg = load_rules()["decimal_point"]
    words = [w for w in words if w != "-"] if any(w.lower() in cfg["words"] for w in words) else words  # "18-point-five"
    low = [w.lower() for w in words]
    cut = next((k for k, w in enumerate(low) if w in cfg["words"]), None)
    if cut is None or cut == 0 or cut == len(low) - 1:
        return None
    whole = _read_words(words[:cut])
    tail = low[cut + 1 :]
    scale = 1
    while tail and _multiplier(tail[-1]) is not None:  # "one point five million"
        scale *= _multiplier(tail.pop())
    zeros = ("zero", "oh", "nought")
    digits = [0 if w in zeros else _number_word(w) for w in tail]
    if whole is None or not tail or any(d is None or w not in cfg["digits"] for d, w in zip(digits, tail)):
        return None
    return _clean_int(float(f"{whole}.{''.join(str(d) for d in digits)}") * scale)


def _read_words(words: list[str]) -> float | None:
    """Value of a run of number words/figures: 'four hundred and twelve', '1.5 million',
    'two thirds', 'one and a half', 'five and a half million', 'half a dozen'.

    >>> _read_words(["four", "hundred", "and", "twelve"]), _read_words(["1.5", "million"])
    (412, 1500000)
    >>> _read_words(["one", "and", "a", "half"]), _read_words(["half", "a", "dozen"])
    (1.5, 6)
    """
    point = _decimal_words(words)
    if point is not None:
        return point
    segments = _segments(words)
    if segments is None:
        return None
    total = None
    last_mult = 1.0
    for seg in segments:
        has_frac = any(_fraction_den(w) is not None for w in seg) and not (
            len(seg) == 1 and _fraction_den(seg[0]) and total is None and seg[0] not in ("half",)
        )
        if has_frac:
            val, scale = _fraction(seg)
            if val is None:
                return None
            total = _add_fraction(total, val, scale, last_mult)
        else:
            val, mult = _integer(seg)
            if val is None:
                return None
            total = val if total is None else total + val
            last_mult = mult
    return _clean_int(total) if total is not None and drawable(total) else None
