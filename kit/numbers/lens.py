"""The NUMBERS lens: every figure in a text as the interval it really claims.

"At least 61 civilians" is not the number 61: it is 61 *or more*. "Dozens" is a range.
A death toll given by one side of a war is a claim, so each figure carries the source
that the attribution lens finds for its sentence.

>>> doc = parse("Police said more than 2,000 people marched and at least 61 were arrested.")
>>> q = find_numbers(doc)[0]
>>> q.text, q.low, q.low_inclusive, q.high, q.hedge, q.counted
('more than 2,000 people', 2000, False, None, 'more than', 'people')

The words (hedges, vague quantifiers like "dozens", units) and the conventions that turn
them into intervals live in ``kit/numbers/data/en/numbers.toml``, each with a note saying why.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from kit.core.errors import InputError
from kit.core.nlp import doc_text, load_model, parse

DATA_FILE = Path(__file__).parent / "data" / "en" / "numbers.toml"

#: What kind of figure a quantity is. Only some kinds are amounts of something.
KINDS = {
    "count": "a count of people or things",
    "measure": "a measurement (distance, weight, area...)",
    "money": "an amount of money",
    "percent": "a percentage",
    "proportion": "a share of a group (most, half, two thirds...)",
    "duration": "a length of time",
    "ordinal": "a position in an order (first, fourth...), not an amount",
    "year": "a year, not an amount",
    "date": "a day of the month, not an amount",
    "time": "a clock time, not an amount",
    "identifier": "a name or number of a thing (Resolution 2254), not an amount",
}
#: Kinds that claim an amount (the others name a position, a date or a thing).
AMOUNT_KINDS = ("count", "measure", "money", "percent", "proportion", "duration")


@functools.lru_cache(maxsize=1)
def load_rules() -> dict:
    """The numbers lens' word lists and conventions (``kit/numbers/data/en/numbers.toml``).

    >>> [v for v in load_rules()["vague"] if "dozens" in v["phrases"]][0]["low"]
    24
    """
    with DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class Quantity:
    """One figure in the text and what it claims.

    ``value`` is the number as written (None for a range or a vague word);
    ``low``/``high`` the interval a careful reader allows (None = no limit written);
    ``hedge`` the words that widen it ("at least", "about", "vague", "between"...);
    ``counted`` what is counted or the unit ("civilians", "km"); ``kind`` one of
    :data:`KINDS`; ``source``/``source_type`` who gives the figure, when an attribution
    covers its sentence.
    """

    text: str
    start_char: int
    end_char: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    hedge: str | None = None
    counted: str | None = None
    kind: str = "count"
    unit: str | None = None
    low_inclusive: bool | None = None
    high_inclusive: bool | None = None
    source: str | None = None
    source_type: str | None = None
    sent_start: int = 0
    sent_end: int = 0
    note: str = field(default="", compare=False)

    @property
    def is_amount(self) -> bool:
        """True for counts, measures, money, percentages, shares and durations."""
        return self.kind in AMOUNT_KINDS

    @property
    def exact(self) -> bool:
        """True when the interval is one number (nothing hedges it)."""
        return self.low is not None and self.low == self.high

    def interval(self) -> str:
        """The interval in words a student can read.

        >>> find_numbers(parse("More than 412 died."))[0].interval()
        'more than 412 (no upper limit given)'
        >>> find_numbers(parse("Dozens of people fled."))[0].interval()
        'from 24 to 99'
        >>> find_numbers(parse("One in four schools closed."))[0].interval()  # shares as percentages
        'exactly 25% (1/4)'
        >>> find_numbers(parse("Turnout was about 40%."))[0].interval()
        'from 36% to 44%'
        """
        lo, hi = self.low, self.high
        show = _share if self.kind == "proportion" else fmt
        if self.kind == "percent":
            unit = "%" if self.unit in (None, "%") else f" {self.unit}"
            show = lambda x: f"{fmt(x)}{unit}"  # noqa: E731  "exactly 45%"
        if lo is None and hi is None:
            return "no limits given"
        if lo is not None and lo == hi:
            return f"exactly {show(lo)}"
        if hi is None:
            return f"{'at least' if self.low_inclusive else 'more than'} {show(lo)} (no upper limit given)"
        if lo is None:
            return f"{'at most' if self.high_inclusive else 'less than'} {show(hi)}"
        left = "from" if self.low_inclusive is not False else "more than"
        right = "to" if self.high_inclusive is not False else "up to but not"
        return f"{left} {show(lo)} {right} {show(hi)}"

    def describe(self) -> str:
        """One line for a student: the figure, its interval, what is counted, who says so."""
        parts = [f"\u201c{self.text}\u201d: {KINDS.get(self.kind, self.kind)}"]
        if self.is_amount:
            parts.append(self.interval())
        if self.counted:
            parts.append(f"of {self.counted}")
        parts.append(f"source: {self.source}" if self.source else "source: none named in the sentence")
        return "; ".join(parts)


def _share(x: float | int | None) -> str:
    """A share as a percentage, with the fraction when it is a simple one.

    >>> _share(0.25), _share(2 / 3), _share(0.5), _share(1), _share(0.137)
    ('25% (1/4)', '67% (2/3)', '50% (1/2)', '100%', '14%')
    """
    if x is None:
        return "-"
    from fractions import Fraction

    pct = f"{x * 100:.3g}%" if x * 100 < 1 else f"{round(x * 100):d}%"
    frac = Fraction(x).limit_denominator(12)
    if 0 < x < 1 and abs(float(frac) - x) < 1e-9:
        return f"{pct} ({frac.numerator}/{frac.denominator})"
    return pct


def fmt(x: float | int | None) -> str:
    """A number as a student would write it.

    >>> fmt(2000), fmt(0.5), fmt(1500000.0), fmt(None)
    ('2,000', '0.5', '1,500,000', '-')
    """
    if x is None:
        return "-"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.4g}" if abs(x) < 1000 else f"{x:,.2f}"


# ---------------------------------------------------------------- reading single tokens

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)([a-zA-Z]+)$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_DECADE = re.compile(r"^(\d{4})s$")
_RANGE_TOKEN = re.compile(r"^(.+?)[-\u2013\u2014~](.+)$")


def _clean_int(x: float) -> float | int:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    if isinstance(x, float):
        return round(x, 12)
    return x


def parse_figure(text: str) -> float | int | None:
    """The value of one written figure token: digits, decimals, '10k', '2.5bn', '1/4', '½'.

    A token is one word as spaCy splits it; words like "nine" are read elsewhere.

    >>> parse_figure("1,234"), parse_figure("2.5bn"), parse_figure("1/4"), parse_figure("½"), parse_figure("abc")
    (1234, 2500000000, 0.25, 0.5, None)
    """
    t = text.strip()
    if not t:
        return None
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
    if m and int(m.group(2)):
        return _clean_int(int(m.group(1)) / int(m.group(2)))
    m = _SUFFIXED.match(t)
    if m:
        mult = load_rules()["suffixes"].get(m.group(2).lower())
        if isinstance(mult, (int, float)):
            return _clean_int(float(m.group(1).replace(",", "")) * mult)
    return None


def _number_word(word: str) -> float | int | None:
    """Value of one number word ('nine', 'twenty'), None otherwise. Uses text2num."""
    from text_to_num import text2num

    w = word.lower()
    if w in {"naught", "nought", "nil"}:
        return 0
    if not w.isalpha() or _multiplier(w) is not None or w.endswith("s"):
        return None  # "million", "hundreds": read elsewhere; "ones", "twos" are no figures
    try:
        return text2num(w, "en")
    except ValueError:
        return None


def _ordinal_value(word: str) -> int | None:
    """'fourth' -> 4, '21st' -> 21, 'second' -> 2; None for other words."""
    m = _ORDINAL_DIGITS.match(word)
    if m:
        return int(m.group(1))
    if not word.isalpha():
        return None
    from text_to_num import alpha2digit

    out = alpha2digit(word.lower(), "en", threshold=0)
    m = _ORDINAL_DIGITS.match(out)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- phrase matchers


@functools.lru_cache(maxsize=4)
def _matchers(vocab_id: int):
    """PhraseMatchers (on lower-case tokens) for hedges before/after numbers and vague words."""
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    rules = load_rules()
    out = {}
    for key in ("hedge", "hedge_after", "vague"):
        m = PhraseMatcher(nlp.vocab, attr="LOWER")
        for i, entry in enumerate(rules[key]):
            m.add(f"{key}:{i}", [nlp.make_doc(p) for p in entry["phrases"]])
        out[key] = m
    return out


def _matches(doc, key):
    """(start, end, entry) for every match of ``key``, longest first where they overlap."""
    rules = load_rules()
    found = []
    for match_id, start, end in _matchers(id(load_model().vocab))[key](doc):
        label = doc.vocab.strings[match_id]
        found.append((start, end, rules[key][int(label.split(":")[1])]))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    return found


# ---------------------------------------------------------------- finding number cores


def _word_set(*keys) -> set[str]:
    rules = load_rules()
    out: set[str] = set()
    for key in keys:
        node = rules
        for part in key.split("."):
            node = node[part]
        out |= {w.lower() for w in node["words"]}
    return out


def _multiplier(word: str) -> float | None:
    v = load_rules()["multipliers"].get(word.lower())
    return v if isinstance(v, (int, float)) else None


def _fraction_den(word: str) -> int | None:
    v = load_rules()["fractions"].get(word.lower())
    return v if isinstance(v, int) else None


def _is_num_token(tok) -> bool:
    """A token that is a number by itself: digits, a number word, a multiplier word."""
    if parse_figure(tok.text) is not None:
        return True
    w = tok.lower_
    if w in ("score", "dozens"):
        return False  # only after another number ("three score", "3 dozens")
    return _number_word(w) is not None or _multiplier(w) is not None


def _read_words(words: list[str]) -> float | None:
    """Value of a run of number words/figures: 'four hundred and twelve', '1.5 million',
    'two thirds', 'one and a half', 'five and a half million', 'half a dozen'.

    >>> _read_words(["four", "hundred", "and", "twelve"]), _read_words(["1.5", "million"])
    (412, 1500000)
    >>> _read_words(["one", "and", "a", "half"]), _read_words(["half", "a", "dozen"])
    (1.5, 6)
    """
    ws = [w.lower()[:-1] if w.endswith(".") and w[:-1].isalpha() else w.lower()
          for w in words if w not in ("-", "\u2013")]
    if not ws:
        return None
    # segments split at "and"; a segment ending in a fraction word is a fraction
    segments: list[list[str]] = [[]]
    for w in ws:
        if w == "and":
            segments.append([])
        else:
            segments[-1].append(w)
    if any(not s for s in segments):
        return None

    def integer(seg: list[str]) -> tuple[float | None, float]:
        """(value, last big multiplier) of a segment without fractions."""
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
            else:
                total += (current or 1) * mult
                current = 0.0
                last_mult = mult
            seen = True
        return (total + current if seen else None), last_mult

    def fraction(seg: list[str]) -> tuple[float | None, float]:
        """A segment with a fraction word: 'two thirds', 'a half', 'half a dozen', 'a half million'."""
        for k, w in enumerate(seg):
            den = _fraction_den(w)
            if den is None:
                continue
            if k == 0:  # "half a dozen", "quarter million"
                num = 1.0
            else:
                num, _ = integer(seg[:k]) if k else (None, 1.0)
            if num is None:
                return None, 1.0
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

    merged: list[list[str]] = []
    for seg in segments:  # "two hundred and two thousand" is one whole number: keep it together
        if merged and not any(_fraction_den(w) for w in seg) and not any(_fraction_den(w) for w in merged[-1]):
            merged[-1] = merged[-1] + seg
        else:
            merged.append(seg)
    segments = merged
    total = None
    last_mult = 1.0
    for seg in segments:
        has_frac = any(_fraction_den(w) is not None for w in seg) and not (
            len(seg) == 1 and _fraction_den(seg[0]) and total is None and seg[0] not in ("half",)
        )
        if has_frac:
            val, scale = fraction(seg)
            if val is None:
                return None
            if total is None:
                total = val
            elif scale > 1 and last_mult == 1:  # "five and a half million"
                total = (total + val / scale) * scale
            elif scale > 1:  # "one billion and a half million"
                total += val
            else:  # "3 million and a half", "one and a half"
                total += val * (last_mult if last_mult >= 1e6 else 1)
        else:
            val, mult = integer(seg)
            if val is None:
                return None
            total = val if total is None else total + val
            last_mult = mult
    return _clean_int(total) if total is not None else None


_PRONOUN_ONE_BEFORE = ("no", "the", "that", "this", "which", "each", "every", "any", "another", "whichever")
_GROUP_SPACES = ("\u00a0", "\u202f", "\u2009")
_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d+)?")  # a group of thousands; the last may have decimals
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?")
_MONEY_SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-zA-Z]+)\.?$")


def _after_currency(doc, i: int) -> bool:
    """Is doc[i] right after a currency sign ("$", "€", "US$")? Then "10m" is ten million."""
    return i > 0 and not doc[i - 1].is_alpha and (
        doc[i - 1].text in _word_set("units.money") or doc[i - 1].text[-1:] in ("$", "€", "£", "¥"))


def _cores(doc) -> list[tuple[int, int, float]]:
    """Runs of tokens that spell one number: (start, end, value). Not ordinals, not ranges."""
    out = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        starts = _is_num_token(tok)
        # "a hundred", "a dozen", "half a million", "a half", "a third" (fraction or multiplier next)
        if not starts and tok.lower_ in ("a", "an", "half") and i + 1 < n:
            nxt = doc[i + 1].lower_
            if _multiplier(nxt) and nxt not in ("dozens", "score"):
                starts = True
            elif tok.lower_ == "half" and nxt in ("a", "an") and i + 2 < n and _multiplier(doc[i + 2].lower_):
                starts = True
            elif tok.lower_ != "half" and nxt in ("half", "third", "quarter", "fifth", "tenth") and not (
                i + 2 < n and doc[i + 2].lower_ in load_rules()["units"]["duration"]["words"]
            ):
                starts = True  # "a half", "a third of the city" (not "a quarter century")
            elif tok.lower_ == "half" and (nxt == "of" or doc[i + 1].pos_ in ("NOUN", "DET")):
                starts = True  # "half of the town", "half the people"
        if not starts and _fraction_den(tok.lower_) and i + 1 < n and (_multiplier(doc[i + 1].lower_) or 0) >= 1000:
            starts = True  # "quarter million"
        if not starts and _after_currency(doc, i) and (m := _MONEY_SUFFIXED.match(tok.text)):
            mult = load_rules()["suffixes"].get(m.group(2).lower())
            if isinstance(mult, (int, float)):  # "€3.5M." kept as one token at the end of a sentence
                out.append((i, i + 1, _clean_int(float(m.group(1).replace(",", "")) * mult)))
                i += 1
                continue
        if starts and tok.lower_ == "one" and i > 0 and doc[i - 1].lower_ in _PRONOUN_ONE_BEFORE and (
                i + 1 >= n or doc[i + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
            starts = False  # "no one was hurt", "the one you saw": a pronoun, not a count
        if not starts:
            i += 1
            continue
        j = i + 1
        while j < n:
            t = doc[j]
            w = t.lower_
            prev = doc[j - 1]
            if doc[j - 1].whitespace_ == "" and w in ("-", "\u2013") and j + 1 < n and _number_word(prev.lower_) is not None \
                    and (_number_word(doc[j + 1].lower_) is not None or _fraction_den(doc[j + 1].lower_)):
                j += 2  # "twenty-one", "two-thirds"
                continue
            if w == "and" and j + 1 < n and (parse_figure(doc[j + 1].text) is not None and _multiplier(prev.lower_) or (
                (_number_word(doc[j + 1].lower_) is not None and _number_word(prev.lower_) is not None and
                 _multiplier(prev.lower_) is not None or _multiplier(prev.lower_) is not None and _number_word(doc[j + 1].lower_) is not None)
                or doc[j + 1].lower_ in ("a", "an") and j + 2 < n and _fraction_den(doc[j + 2].lower_)
                or _number_word(doc[j + 1].lower_) is not None and j + 2 < n and _fraction_den(doc[j + 2].lower_)
            )):
                j += 1  # "four hundred and twelve", "one and a half", "forty two and a third"
                continue
            if prev.is_alpha and (_multiplier(prev.lower_) or 0) >= 100 and prev.lower_ not in ("dozen", "dozens") and (
                    _number_word(w) is not None or t.is_digit and t.pos_ == "NUM"):
                j += 1  # "two hundred three", "4 thousand 3 hundred"
                continue
            if prev.is_digit and len(prev.text) <= 3 and prev.whitespace_ and _THREE_DIGITS.fullmatch(t.text) and \
                    j - i == 1 and (j + 1 >= n or not doc[j + 1].is_digit or len(doc[j + 1].text) == 3):
                j += 1  # "10 000", "1 234 567": thousands grouped with spaces
                continue
            if prev.is_digit and len(prev.text) == 3 and prev.whitespace_ and _THREE_DIGITS.fullmatch(t.text) and \
                    all(doc[k].is_digit for k in range(i, j)):
                j += 1
                continue
            if t.is_space and t.text in _GROUP_SPACES and prev.is_digit and j + 1 < n and _THREE_DIGITS.fullmatch(doc[j + 1].text) \
                    and all(doc[k].is_digit or doc[k].is_space for k in range(i, j)):
                j += 2  # "40\u202f000": thousands grouped with a (narrow) no-break space
                continue
            suffix = w[:-1] if w.endswith(".") and w[:-1].isalpha() else w
            if suffix in load_rules()["suffixes"] and prev.whitespace_ == "" and parse_figure(prev.text) is not None and (
                    suffix not in ("m", "t", "b") or _after_currency(doc, i)):
                j += 1  # "10M" split by the tokenizer into "10" "M"; "$10m" (not "10m", ten metres)
                continue
            if _fraction_den(prev.lower_) and w == "of" and j + 2 < n and doc[j + 1].lower_ in ("a", "an") and \
                    (_multiplier(doc[j + 2].lower_) or 0) >= 1000:
                j += 3  # "a quarter of a million"
                continue
            if prev.lower_ == "and" and (_number_word(w) is not None or parse_figure(t.text) is not None):
                j += 1  # the number after a joining "and"
                continue
            if w in ("a", "an") and prev.lower_ in ("half",) and j + 1 < n and _multiplier(doc[j + 1].lower_):
                j += 1
                continue
            if w in ("a", "an") and prev.lower_ == "and" and j + 1 < n and _fraction_den(doc[j + 1].lower_):
                j += 1
                continue
            if _multiplier(w) is not None and (w != "score" or _number_word(prev.lower_) is not None):
                j += 1
                continue
            if _fraction_den(w) is not None and (parse_figure(prev.text) is None or prev.lower_ in ("a", "an")) and (
                _number_word(prev.lower_) is not None or prev.lower_ in ("a", "an", "half")
            ):
                j += 1
                continue
            if w in ("half", "halves") and prev.lower_ in ("a", "an"):
                j += 1
                continue
            if _number_word(w) is not None and _number_word(prev.lower_) is not None and prev.whitespace_ and \
                    parse_figure(prev.text) is None and parse_figure(t.text) is None and \
                    (_number_word(prev.lower_) or 0) % 10 == 0 and (_number_word(prev.lower_) or 0) >= 20 and \
                    (_number_word(w) or 0) < 10:
                j += 1  # "forty two"
                continue
            if parse_figure(t.text) is not None and parse_figure(prev.text) is not None and "/" in t.text and \
                    "/" not in prev.text and prev.whitespace_:
                j += 1  # "2 1/2"
                continue
            break
        words = [doc[k].text for k in range(i, j) if not doc[k].is_space]
        grouped = doc[i:j].text
        if j - i > 1 and _GROUPED.fullmatch(grouped):
            value = parse_figure(re.sub(r"\s", "", grouped))  # "10 000" is ten thousand
        elif len(words) == 2 and "/" in words[1]:
            value = parse_figure(words[0]) + parse_figure(words[1])
        else:
            value = _read_words(words)
        # a lone "a" or "half" that did not build a number
        if value is None and j - i > 1:
            j = i + 1
            value = _read_words([doc[i].text])
        if value is not None:
            if i > 0 and doc[i - 1].lower_ in ("minus", "negative"):
                i, value = i - 1, -value
            out.append((i, j, _clean_int(value)))
        i = j
    return out


# ---------------------------------------------------------------- what kind, what is counted


def _kind_and_unit(doc, start: int, end: int, value) -> tuple[str, str | None, int]:
    """(kind, unit, end) for the figure doc[start:end]; ``end`` grows over a unit word."""
    rules = load_rules()
    n = len(doc)
    first, last = doc[start], doc[end - 1]
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < n else None
    nxt_low = nxt.lower_ if nxt is not None else ""
    if prev is not None and _after_currency(doc, start):
        return "money", prev.text, end
    if nxt is not None and nxt_low.endswith(".") and nxt_low[:-1].isalpha():
        nxt_low = nxt_low[:-1]  # "10m." at the end of a sentence
    if nxt_low in ("%", "percent", "pc"):
        return "percent", "%", end + 1
    if nxt is not None and nxt_low in ("per", "percentage") and end + 1 < n and doc[end + 1].lower_ in ("cent", "points"):
        return "percent", "%" if nxt_low == "per" else "percentage points", end + 2
    if nxt_low in _word_set("time_of_day") or (":" in first.text and first.text.replace(":", "").isdigit()):
        return "time", None, end
    ident = _word_set("identifiers")
    if prev is not None and prev.lower_ in ident and (prev.text[:1].isupper() or not prev.is_alpha) and end - start == 1 \
            and any(c.isdigit() for c in first.text):  # "Resolution 2254", "No. 5"; not "No one"
        return "identifier", None, end
    months = _word_set("months")
    is_int = isinstance(value, int)
    if is_int and 1 <= value <= 31 and end - start == 1 and first.is_digit and (
        (nxt is not None and nxt_low in months) or (prev is not None and prev.lower_ in months)
    ):
        return "date", None, end
    years = rules["years"]
    if is_int and end - start == 1 and first.is_digit and len(first.text) == 4 and years["low"] <= value <= years["high"]:
        counted_noun = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.ent_type_ != "DATE"
        if not counted_noun and (first.ent_type_ == "DATE" or (prev is not None and prev.lower_ in years["before"])
                                 or (nxt is not None and nxt.is_punct) or nxt is None or nxt.pos_ in ("PROPN", "ADP")):
            return "year", None, end
    if nxt_low in _word_set("units.duration"):
        return "duration", nxt.text, end + 1
    if nxt_low in ("-", "\u2013") and not last.whitespace_ and not nxt.whitespace_ and end + 1 < n and \
            doc[end + 1].lower_ in _word_set("units.duration"):
        return "duration", doc[end + 1].text, end + 2  # "a 10-year-old boy", "a two-week ceasefire"
    if nxt_low in _word_set("units.money"):
        return "money", nxt.text, end + 1
    ambiguous = nxt_low in rules["units"]["measure"]["ambiguous"] and (
        any(c.dep_ in ("pobj", "pcomp") for c in nxt.children) or nxt.i + 1 < n and doc[nxt.i + 1].pos_ in ("PROPN", "DET", "NUM"))
    if nxt_low in _word_set("units.measure") and not (nxt_low == "m" and nxt.text == "M") and not ambiguous:
        unit_end = end + 1
        if nxt_low in ("square", "sq", "cubic") and unit_end < n and doc[unit_end].is_alpha:
            unit_end += 1
        return "measure", doc[end:unit_end].text, unit_end
    if isinstance(value, float) and 0 < value < 1 and any(_fraction_den(t.lower_) for t in doc[start:end]) or (
        first.lower_ == "half" and end - start == 1
    ):
        return "proportion", None, end
    return "count", None, end


def _counted(doc, start: int, end: int) -> str | None:
    """What a count counts: the noun after it ('61 civilians'), after 'of' ('dozens of
    people', 'most of them combatants'), or a noun-like adjective ('412 dead')."""
    adjectives = set(load_rules()["counted"]["adjectives"])
    k = start
    n = min(end, len(doc))
    steps = 0
    while k < n and steps < 5:
        t = doc[k]
        if t.lower_ in adjectives and (k + 1 >= n or doc[k + 1].pos_ not in ("NOUN", "PROPN")):
            return t.text
        if t.is_alpha and t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _word_set("units.duration") | {"%"}:
            # the head noun of the phrase, with its compound words ("police officers")
            head = t
            # (a plural noun ends the phrase: "households lack water" misread as one compound)
            while head.dep_ == "compound" and head.tag_ not in ("NNS", "NNPS") and head.head.i > head.i and \
                    head.head.i < n and head.head.i - k < 4:
                head = head.head
            first = min([c.i for c in head.lefts if c.dep_ == "compound" and c.i >= k] + [head.i])
            return doc[first : head.i + 1].text
        if t.lower_ in ("of", "them", "those", "these", "the", "their", "its", "his", "her", "our") or \
                t.pos_ == "ADJ" or t.dep_ in ("amod", "compound", "det") or t.pos_ == "ADV" and t.lower_ not in ("ago",):
            k += 1
            steps += 1
            continue
        return None
    return None


# ---------------------------------------------------------------- hedges -> intervals


def _interval(rule: str | None, value) -> tuple:
    """(low, high, low_inclusive, high_inclusive) for a written number under a hedge rule.

    >>> _interval("more_than", 412)
    (412, None, False, None)
    >>> _interval("about", 230)
    (207, 253, True, True)
    """
    if rule is None:
        return value, value, True, True
    spread = load_rules()["approximate"]["spread"]
    if rule == "at_least":
        return value, None, True, None
    if rule == "more_than":
        return value, None, False, None
    if rule in ("at_most", "up_to"):
        return None, value, None, True
    if rule == "less_than":
        return None, value, None, False
    if rule == "about":
        return _clean_int(round(value * (1 - spread), 6)), _clean_int(round(value * (1 + spread), 6)), True, True
    if rule == "nearly":
        return _clean_int(round(value * (1 - spread), 6)), value, True, False
    raise ValueError(f"unknown hedge rule {rule!r} in numbers.toml")


def _hedge_before(doc, start: int, hedges) -> tuple[int, str | None, str | None]:
    """(new start, hedge text, rule) when a hedge phrase ends right before ``start``."""
    best = None
    for s, e, entry in hedges:
        if e == start and (best is None or s < best[0]):
            best = (s, doc[s:e].text.lower(), entry["rule"])
    if best is None:
        return start, None, None
    s, text, rule = best
    if text in ("over", "under", "above", "below") and s > 0 and _is_num_token(doc[s - 1]):
        return start, None, None
    if text in ("some", "over", "under", "above", "below", "beyond", "estimated") and doc[start].lower_ in ("a", "an"):
        return start, None, None
    return best


def _hedge_after(doc, end: int, hedges) -> tuple[int, str | None, str | None]:
    for s, e, entry in hedges:
        if s == end:
            return e, doc[s:e].text.lower(), entry["rule"]
    return end, None, None


def _sentence_bounds(doc, i: int) -> tuple[int, int]:
    try:
        sent = doc[i].sent
        return sent.start_char, sent.end_char
    except ValueError:  # no sentence boundaries (a blank pipeline)
        return 0, len(doc.text)


# ---------------------------------------------------------------- find_numbers


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
    return doc[e].head.i in range(s, e2)


def find_numbers(doc, *, kinds: tuple[str, ...] | None = None, sources: bool = True) -> list[Quantity]:
    """Every figure in ``doc`` with its interval, hedge, what it counts and its source.

    ``kinds`` keeps only some kinds (e.g. ``AMOUNT_KINDS``); ``sources=False`` skips the
    attribution lens (faster). Ordinals ("fourth"), years ("2015"), dates and names
    ("Resolution 2254") are found too, with their ``kind``, so they are kept apart from counts.

    >>> [(q.text, q.low, q.high, q.hedge) for q in find_numbers(parse("Dozens of people and nine civilians died."))]
    [('Dozens of people', 24, 99, 'vague'), ('nine civilians', 9, 9, None)]
    >>> [(q.text, q.kind, q.value) for q in find_numbers(parse("In 2015, the fourth resolution passed."))]
    [('2015', 'year', 2015), ('fourth', 'ordinal', 4)]
    """
    doc = _as_doc(doc)
    rules = load_rules()
    hedges = _matches(doc, "hedge")
    after = _matches(doc, "hedge_after")
    vague = _matches(doc, "vague")
    range_cfg = rules["range"]
    # vague phrases ("tens of thousands", "several hundred") win over the number words inside them,
    # unless a number comes right before ("three dozens" is 36)
    reserved: set[int] = set()
    for vs, ve, _entry in vague:
        if ve - vs > 1 or not (vs > 0 and _is_num_token(doc[vs - 1])):
            if not any(i in reserved for i in range(vs, ve)):
                reserved.update(range(vs, ve))
    cores = [c for c in _cores(doc) if not any(i in reserved for i in range(c[0], c[1]))]
    used: set[int] = set()
    found: list[tuple] = []  # (start_tok, end_tok, fields)

    # ranges: "between 20 and 30", "from 10 to 15", "10-15", "two or three", "44 mg to 50 mg"
    k = 0
    merged: list[tuple] = []  # (start, end, value, low, high, hedge, opener_start)
    while k < len(cores):
        s, e, v = cores[k]
        if k + 1 < len(cores):
            s2, e2, v2 = cores[k + 1]
            gap = doc[e:s2]
            unit_gap = len(gap) == 2 and gap[0].lower_ == doc[e2].lower_ if e2 < len(doc) else False
            joiner = gap[-1].lower_ if len(gap) in (1, 2) and (len(gap) == 1 or unit_gap) else None
            opener = doc[s - 1].lower_ if s > 0 and doc[s - 1].lower_ in range_cfg["openers"] else None
            years = _year_range(doc[s].text, doc[s2].text) if e - s == 1 and e2 - s2 == 1 and len(gap) == 1 else None
            if years and e2 < len(doc) and doc[e2].tag_ in ("NNS", "NNPS"):
                years = None  # "from 1500 to 2000 troops" counts troops
            if years and joiner in ("-", "\u2013", "\u2014", "to", "/"):
                start = s - 1 if opener else s
                merged.append((start, e2, None, years[0], years[1], "years"))  # "2022-23", "from 2019 to 2021"
                k += 2
                continue
            if opener is None and joiner in ("-", "\u2013", "\u2014") and len(gap) == 1 and v > v2:
                k += 2  # "won 4-1", "passed 52 - 48": a score or a result, not an amount
                continue
            ok = joiner in range_cfg["joiners"] and (
                (opener == "between" and joiner in ("and", "-", "\u2013"))
                or (opener == "from" and joiner == "to")
                or (opener is None and joiner in ("to", "-", "\u2013", "\u2014", "~") and (joiner == "to" or v < v2))
                or (opener is None and joiner == "or" and isinstance(v, int) and isinstance(v2, int) and v < v2 <= 100)
            ) and v != v2
            if ok and not (len(doc[s].text) == 4 and len(doc[s2].text) in (2, 4) and doc[s].is_digit and doc[s].ent_type_ == "DATE"):
                scale = _multiplier(doc[e2 - 1].lower_) or 0
                if scale >= 1000 and not _multiplier(doc[e - 1].lower_) and v * scale <= v2:
                    v = _clean_int(v * scale)  # "2 to 3 million": the million belongs to both
                lo, hi = (v, v2) if v <= v2 else (v2, v)
                start = s - 1 if opener else s
                merged.append((start, e2, None, lo, hi, opener or "range"))
                k += 2
                continue
            if _is_ratio(doc, cores[k], cores[k + 1]):
                merged.append((s, e2, v / v2, None, None, "ratio"))
                k += 2
                continue
        merged.append((s, e, v, None, None, None))
        k += 1

    for s, e, v, lo, hi, rng in merged:
        end = e
        if rng == "ratio":  # "one in five children": a share, 0.2
            start, hedge, rule = _hedge_before(doc, s, hedges)
            kind, unit = "proportion", None
            value = _clean_int(v)
            low, high, li, hi_inc = _interval(rule, value)
        elif rng == "years":
            start, kind, unit, hedge, value = s, "year", None, None, None
            low, high, li, hi_inc = lo, hi, True, True
        elif rng:
            kind, unit, end = _kind_and_unit(doc, e - 1, e, hi)
            if kind in ("year", "date", "identifier", "ordinal"):
                kind = "count"
            start = s
            hedge, low, high, li, hi_inc = rng, lo, hi, True, True
            value = None
        else:
            start, hedge, rule = _hedge_before(doc, s, hedges)
            kind, unit, end = _kind_and_unit(doc, s, e, v)
            if kind not in AMOUNT_KINDS and hedge is None:
                pass
            elif kind not in AMOUNT_KINDS:
                kind = "count" if kind in ("year", "identifier") and hedge else kind
            if rule in (None, "about", "nearly"):
                end2, h2, rule2 = _hedge_after(doc, end, after)
                if h2:  # "about 500 or more": the limit written after says more than "about"
                    if rule is not None:
                        start = s
                    end, hedge, rule = end2, h2, rule2
            if kind == "money" and start == s and s > 0 and doc[s - 1].text == unit:
                start = s - 1  # "$15"
                start, hedge, rule = _hedge_before(doc, start, hedges) if hedge is None else (start, hedge, rule)
            low, high, li, hi_inc = _interval(rule, v) if kind in AMOUNT_KINDS else (v, v, True, True)
            value = v
            if kind not in AMOUNT_KINDS:
                start, hedge = s, None
        counted = unit if kind in ("measure", "money", "duration", "percent") else _counted(doc, end, len(doc))
        if kind == "count" and counted is None and end < len(doc):
            counted = None
        if kind in ("year", "date", "time", "identifier"):
            counted = None
        sent = _sentence_bounds(doc, s)
        text_end = end
        found.append((start, text_end, dict(value=value, low=low, high=high, hedge=hedge, counted=counted, kind=kind,
                                            unit=unit, low_inclusive=li, high_inclusive=hi_inc,
                                            sent_start=sent[0], sent_end=sent[1])))
        used.update(range(start, text_end))

    # ordinals: "fourth", "21st", "first"
    for tok in doc:
        if tok.i in used:
            continue
        val = _ordinal_value(tok.text)
        if val is None or tok.lower_ in ("second", "seconds") and tok.ent_type_ != "ORDINAL" and tok.dep_ not in ("amod",):
            continue
        if tok.ent_type_ not in ("ORDINAL", "DATE", "") and not _ORDINAL_DIGITS.match(tok.text):
            continue
        if _fraction_den(tok.lower_) and tok.i > 0 and (doc[tok.i - 1].lower_ in ("a", "an", "one") or
                                                         _number_word(doc[tok.i - 1].lower_) is not None):
            continue
        kind = "date" if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _word_set("months") or \
            tok.i > 0 and doc[tok.i - 1].lower_ in _word_set("months") else "ordinal"
        sent = _sentence_bounds(doc, tok.i)
        found.append((tok.i, tok.i + 1, dict(value=val, low=val, high=val, hedge=None, counted=None, kind=kind,
                                             unit=None, low_inclusive=True, high_inclusive=True,
                                             sent_start=sent[0], sent_end=sent[1])))
        used.add(tok.i)

    # decades written as "the 1990s"
    for tok in doc:
        m = _DECADE.match(tok.text)
        if m and tok.i not in used:
            sent = _sentence_bounds(doc, tok.i)
            y = int(m.group(1))
            found.append((tok.i, tok.i + 1, dict(value=y, low=y, high=y + 9, hedge=None, counted=None, kind="year",
                                                 unit=None, low_inclusive=True, high_inclusive=True,
                                                 sent_start=sent[0], sent_end=sent[1])))
            used.add(tok.i)

    # single tokens holding a range: "5k-20k", "1000–5000", "20~100"
    for tok in doc:
        if tok.i in used or tok.like_url:
            continue
        m = _RANGE_TOKEN.match(tok.text)
        if not m:
            continue
        a, b = parse_figure(m.group(1)), parse_figure(m.group(2))
        years = _year_range(m.group(1), m.group(2))
        if years:  # "2022-23", "2014–2015": a span of years, not an amount
            sent = _sentence_bounds(doc, tok.i)
            found.append((tok.i, tok.i + 1, dict(value=None, low=years[0], high=years[1], hedge=None, counted=None,
                                                 kind="year", unit=None, low_inclusive=True, high_inclusive=True,
                                                 sent_start=sent[0], sent_end=sent[1])))
            used.add(tok.i)
            continue
        if a is None or b is None or a == b or a > b and "." not in tok.text:
            continue  # "4-1" is a score or a result, not a range (ranges go up: "10-15")
        kind, unit, end = _kind_and_unit(doc, tok.i, tok.i + 1, b)
        kind = kind if kind in AMOUNT_KINDS else "count"
        counted = unit if unit else _counted(doc, end, len(doc))
        sent = _sentence_bounds(doc, tok.i)
        lo, hi = min(a, b), max(a, b)
        found.append((tok.i, end, dict(value=None, low=lo, high=hi, hedge="range", counted=counted, kind=kind,
                                       unit=unit, low_inclusive=True, high_inclusive=True,
                                       sent_start=sent[0], sent_end=sent[1])))
        used.update(range(tok.i, end))

    # vague quantifiers: "dozens of people", "hundreds", "most of them"
    for s, e, entry in vague:
        if any(i in used for i in range(s, e)):
            continue
        words = [t.lower_ for t in doc[s:e]]
        if words[-1] == "of":
            e_text = e - 1
        else:
            e_text = e
        kind = entry.get("kind", "count")
        if words[0] == "most":
            # "most of them", "most civilians"; not "the most important", "most likely"
            after_tok = doc[s + 1] if s + 1 < len(doc) else None
            if s > 0 and doc[s - 1].lower_ in ("the", "at") or after_tok is None or not (
                after_tok.lower_ == "of" or after_tok.tag_ in ("NNS", "NNPS")
            ):
                continue
        # a number right before: "three dozens" is read as a number, not as vague
        if s > 0 and (s - 1) in used:
            continue
        start, hedge, rule = _hedge_before(doc, s, hedges)
        low, high = entry["low"], entry.get("high")
        li, hi_inc = entry.get("low_inclusive", True), entry.get("high_inclusive", True)
        if rule in ("more_than", "at_least"):
            high, hi_inc = None, None
        elif rule in ("less_than", "at_most", "up_to"):
            low, li = None, None
        counted = _counted(doc, e_text, len(doc))
        sent = _sentence_bounds(doc, s)
        found.append((start, e_text, dict(value=None, low=low, high=high,
                                          hedge=f"{hedge} + vague" if hedge else "vague", counted=counted, kind=kind,
                                          unit=None, low_inclusive=li, high_inclusive=hi_inc,
                                          sent_start=sent[0], sent_end=sent[1],
                                          note=entry.get("note", ""))))
        used.update(range(s, e))

    # "a year", "an hour" after a hedge: "more than a decade ago", "nearly a mile"
    unit_words = _word_set("units.duration", "units.measure")
    for s, e, entry in hedges:
        if e + 1 < len(doc) and e not in used and doc[e].lower_ in ("a", "an") and doc[e + 1].lower_ in unit_words:
            rule = entry["rule"]
            low, high, li, hi_inc = _interval(rule, 1)
            kind = "duration" if doc[e + 1].lower_ in _word_set("units.duration") else "measure"
            sent = _sentence_bounds(doc, s)
            found.append((s, e + 2, dict(value=1, low=low, high=high, hedge=doc[s:e].text.lower(),
                                         counted=doc[e + 1].text, kind=kind, unit=doc[e + 1].text,
                                         low_inclusive=li, high_inclusive=hi_inc,
                                         sent_start=sent[0], sent_end=sent[1])))
            used.update(range(s, e + 2))

    quantities = []
    for start, end, f in sorted(found, key=lambda x: x[0]):
        span = doc[start:end]
        text = span.text
        counted = f["counted"]
        # the quantity's text reaches over what it counts when that follows at once
        q_end = span.end_char
        if counted and f["kind"] in ("count", "proportion"):
            tail = doc_text(doc)[q_end : q_end + 60]
            pos = tail.find(counted)
            if 0 <= pos <= 22 and "," not in tail[:pos] and "." not in tail[:pos]:
                q_end = q_end + pos + len(counted)
                text = doc_text(doc)[span.start_char : q_end]
        quantities.append(Quantity(text=text, start_char=span.start_char, end_char=q_end, **f))
    quantities = _join_limits(doc, quantities)
    if kinds is not None:
        quantities = [q for q in quantities if q.kind in kinds]
    if sources:
        quantities = _with_sources(doc, quantities)
    return quantities


def _join_limits(doc, quantities: list[Quantity]) -> list[Quantity]:
    """'more than 10 and less than 40' is one interval, not two."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if prev is not None and prev.is_amount and q.is_amount and prev.high is None and prev.low is not None \
                and q.low is None and q.high is not None and prev.low <= q.high \
                and doc_text(doc)[prev.end_char : q.start_char].strip(" ,") in ("and", "but", ""):
            from dataclasses import replace

            out[-1] = replace(prev, text=doc_text(doc)[prev.start_char : q.end_char], end_char=q.end_char, value=None,
                              high=q.high, high_inclusive=q.high_inclusive, hedge=f"{prev.hedge} + {q.hedge}",
                              counted=q.counted or prev.counted)
            continue
        out.append(q)
    return out


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


def _with_sources(doc, quantities: list[Quantity]) -> list[Quantity]:
    """Fill ``source`` from the attribution lens: an attribution that covers the figure,
    else one that overlaps its sentence. Without the attribution lens, sources stay None."""
    attributions = _attributions(doc)
    if not attributions:
        return quantities
    from dataclasses import replace

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


# ---------------------------------------------------------------- check_numbers


@dataclass(frozen=True)
class Finding:
    """Something a careful reader checks about the figures, written for a student.

    ``kind``: "part_whole" (parts of a total, and what is left for the rest),
    "inconsistent" (figures that cannot all be true), "share" (a word like *most*
    checked against the other figures), "repeated" (the same thing counted twice),
    "no_source" (a figure nobody is named for).
    """

    message: str
    quantities: tuple[Quantity, ...]
    kind: str
    ok: bool | None = None  # True: consistent, False: cannot all be true, None: a question to ask

    @property
    def start_char(self) -> int:
        return min(q.start_char for q in self.quantities)

    @property
    def end_char(self) -> int:
        return max(q.end_char for q in self.quantities)


def _key(counted: str | None) -> str | None:
    """'Civilians' and 'civilian' count the same thing."""
    if not counted:
        return None
    w = counted.lower().split()[-1]
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _event(doc, q: Quantity) -> str | None:
    """What happened to what ``q`` counts ("deaths", "wounded", "displaced", "detained"), from
    its counted word or the verb it hangs on ("40 people were killed"); None when unknown.

    >>> d = parse("At least 40 people were killed. Officials later put the toll at 28 dead.")
    >>> [_event(d, q) for q in find_numbers(d, sources=False)]
    ['deaths', 'deaths']
    """
    events = {k: v for k, v in load_rules()["events"].items() if isinstance(v, dict)}
    word = (q.counted or "").lower().split()[-1:] or [""]
    for name, ev in events.items():
        if word[0] in ev["words"]:
            return name
    span = doc.char_span(q.start_char, q.end_char, alignment_mode="expand")
    if span is None:
        return None
    tok = next((t for t in span if t.like_num or t.pos_ == "NUM"), span.root)
    for _ in range(4):  # climb: "40" -> "people" -> "killed"
        if tok.pos_ in ("VERB", "AUX"):
            lemma = tok.lemma_.lower()
            return next((name for name, ev in events.items() if lemma in ev["verbs"]), None)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _event_label(name: str) -> str:
    """How the checks name an event ("deaths", "people displaced"), from numbers.toml."""
    return load_rules()["events"][name].get("label", name)


@functools.lru_cache(maxsize=1)
def _general_words() -> frozenset:
    return frozenset(_key(w) for w in load_rules()["events"]["general"])


def _same_count(a: Quantity, b: Quantity, ea: str | None, eb: str | None) -> str | None:
    """What two figures both count (for the "repeated" check), or None when they count
    different things: the same counted word, or the same event counted with general words
    on both sides ("people" killed, "dead"); "40 people" and "300 fighters" killed are not compared."""
    if ea and eb and ea != eb:
        return None  # "40 people killed" and "12 million people fled"
    ka, kb = _key(a.counted), _key(b.counted)
    general = _general_words()
    if ka and ka == kb and not (ka in general and bool(ea) != bool(eb)):
        # "61 civilians" ... "70 civilians"; a general word ("people") only with the same
        # event on both sides, or none known on either
        return _event_label(ea) if ea else a.counted
    if ea and ea == eb and ka in general and kb in general:
        return _event_label(ea)  # "40 people were killed" ... "28 dead": deaths
    return None


def _who(q: Quantity) -> str:
    return f" (source: {q.source})" if q.source else " (no source named)"


def _marked_as_part(doc, whole: Quantity, part: Quantity, markers: list[str]) -> bool:
    """True when words between a whole and a later figure say the figure is part of it
    ("412 dead, including 61 civilians", "most of them combatants")."""
    if part.kind == "proportion" and " of them" in f" {part.text.lower()}":
        return True
    between = " " + " ".join(t.lower_ for t in doc.char_span(whole.end_char, part.start_char, alignment_mode="expand") or []) + " "
    return any(f" {m} " in between for m in markers)


def check_numbers(doc, *, quantities: list[Quantity] | None = None) -> list[Finding]:
    """Relations between the figures of ``doc`` that a careful reader checks.

    >>> fs = check_numbers(parse("The clashes left 412 dead, most of them fighters, including at least 61 civilians."))
    >>> [f.kind for f in fs][:2]
    ['part_whole', 'share']
    >>> "at most 351" in fs[0].message
    True
    """
    doc = _as_doc(doc)
    qs = quantities if quantities is not None else find_numbers(doc)
    rules = load_rules()["parts"]
    wholes = {_key(w) for w in rules["wholes"]}
    parts = {_key(w) for w in rules["parts"]}
    markers = [m.lower() for m in rules["markers"]]
    findings: list[Finding] = []

    by_sentence: dict[tuple[int, int], list[Quantity]] = {}
    for q in qs:
        if q.is_amount:
            by_sentence.setdefault((q.sent_start, q.sent_end), []).append(q)

    for sent_qs in by_sentence.values():
        for wi, whole in enumerate(sent_qs):
            if whole.kind != "count" or _key(whole.counted) not in wholes:
                continue
            ref = whole.high if whole.high is not None else whole.value if whole.value is not None else whole.low
            if ref is None:
                continue
            later = [q for q in sent_qs[wi + 1 :] if _key(q.counted) in parts and _key(q.counted) != _key(whole.counted)
                     and _marked_as_part(doc, whole, q, markers)]
            counts = [q for q in later if q.kind == "count" and q.low is not None]
            shares = [q for q in later if q.kind == "proportion"]
            if not counts and not shares:
                continue
            taken = sum(q.low for q in counts)
            open_whole = whole.high is None
            total_words = (f"the total is more than {fmt(ref)}, so it could be bigger; if it were {fmt(ref)},"
                           if open_whole else f"the total is {'' if whole.exact else 'at most '}{fmt(ref)}, so")
            if counts:
                names = " and ".join(f"\u201c{q.text}\u201d" for q in counts)
                if not open_whole and taken > ref:
                    findings.append(Finding(
                        f"The parts do not fit in the whole: {names} add up to at least {fmt(taken)}, but "
                        f"\u201c{whole.text}\u201d allows at most {fmt(ref)}. At least one figure is wrong, or "
                        "they count different things.", (whole, *counts), "inconsistent", False))
                    continue
                others = ref - taken
                findings.append(Finding(
                    f"\u201c{whole.text}\u201d{_who(whole)} includes {names}. The part is a lower limit, and "
                    f"{total_words} that leaves at most {fmt(others)} {whole.counted} who are not "
                    f"{' or '.join(q.counted for q in counts)}.", (whole, *counts), "part_whole", True))
            for share in shares:
                need = share.low * ref if share.low is not None else 0
                room = ref - taken
                fits = room > need if share.low_inclusive is False else room >= need
                word = share.text.split()[0].lower()
                if counts:
                    tail = (f"The other figures leave room for up to {fmt(room)}, so \u201c{word}\u201d fits."
                            if fits else
                            f"But the other figures leave room for only {fmt(room)}, so \u201c{word}\u201d cannot be right "
                            "(or the figures count different things).")
                else:
                    tail = "No other figure in the sentence contradicts it."
                findings.append(Finding(
                    f"\u201c{share.text}\u201d is a share of \u201c{whole.text}\u201d: "
                    f"more than {fmt(need)} of {fmt(ref)}. {tail}",
                    (whole, share, *counts), "share" if fits else "inconsistent", fits))

    # the same thing counted twice, in different sentences ("40 people were killed" ... "28 dead")
    # Each figure is compared with the nearest earlier one that counts the same thing, so a
    # long text gives a chain of checks, not every pair.
    counts = [q for q in qs if q.kind == "count" and _key(q.counted)]
    events = [_event(doc, q) for q in counts]
    for j, b in enumerate(counts):
        for i in range(j - 1, -1, -1):
            a = counts[i]
            what = _same_count(a, b, events[i], events[j]) if a.sent_start != b.sent_start else None
            if what is not None:
                break
        else:
            continue
        lo = max(x for x in (a.low, b.low, float("-inf")) if x is not None)
        his = [x for x in (a.high, b.high) if x is not None]
        hi = min(his) if his else float("inf")
        overlap = lo <= hi
        both = (f"both allow {fmt(lo)}." if his and lo == hi else
                f"both allow {fmt(lo)} to {fmt(hi)}." if his else f"both allow {fmt(lo)} or more.")
        findings.append(Finding(
            f"Two figures count {what}: \u201c{a.text}\u201d{_who(a)} and \u201c{b.text}\u201d{_who(b)}. "
            "Are they about the same event? "
            + (f"If so, they can both be true: {both}" if overlap else
               "If so, they cannot both be right: their ranges do not meet."),
            (a, b), "repeated", overlap))

    # figures with no source
    attributions = _attributions(doc)
    for q in qs:
        if q.kind not in ("count", "percent", "money", "proportion") or q.source is not None:
            continue
        before = [a for a in attributions if a.end_char <= q.sent_start and a.end_char >= q.sent_start - 400]
        hint_text = (f" The sentence before cites {before[-1].speaker}: the figure may be theirs, but this sentence "
                     "does not say so." if before else "")
        findings.append(Finding(
            f"Nobody is named as the source of \u201c{q.text}\u201d. Who counted, and how could they know?{hint_text}",
            (q,), "no_source", None))
    return findings
