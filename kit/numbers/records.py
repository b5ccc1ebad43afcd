"""What the numbers lens finds, and how it writes numbers: :class:`Quantity`, :data:`KINDS`, :func:`fmt`.

The word lists and conventions (hedges, vague words, units) live in
``kit/numbers/data/en/numbers.toml``; :func:`load_rules` reads them once.

>>> fmt(2000), KINDS["year"]
('2,000', 'a year, not an amount')
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

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

#: Figures this big or bigger are skipped, not read: no news figure needs 100 digits, and
#: bigger ones ("1e309", a 400-digit string) overflow to "inf" or break int-to-text conversion.
LARGEST = 1e100
#: Longest token read as a figure, in characters (10^100 with thousands commas has 133).
LONGEST_TOKEN = 200
#: Most tokens one number in words or grouped digits may span ("four hundred and twelve
#: thousand..."): runs longer than this are cut, so text made only of numbers stays fast.
LONGEST_RUN = 64


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

        >>> from kit.core.nlp import parse
        >>> from kit.numbers import find_numbers
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
        show = self.show
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

    def show(self, x: float | int | None) -> str:
        """A limit of this figure as a newspaper writes it: thousands separators and the unit;
        years, dates and names without separators.

        >>> from kit.numbers import find_numbers
        >>> [q.show(q.low) for q in find_numbers("In 2015 it took more than a decade, 10kg, $1500 and $2.5m.", sources=False)]
        ['2015', 'a decade', '10 kg', '$1,500', '$2.5 million']
        """
        if x is None:
            return "-"
        if self.kind == "proportion":
            return _share(x)
        if self.kind in ("year", "date", "time", "identifier", "ordinal") and isinstance(x, int):
            return str(x)
        unit = self.unit
        if self.kind == "percent":
            return f"{fmt(x)}{'%' if unit in (None, '%') else ' ' + unit}"
        if not unit or self.kind not in ("measure", "duration", "money"):
            return _big(x) or fmt(x)
        if not unit[:1].isalpha():
            return f"{unit}{_big(x) or fmt(x)}"  # "$1,500", "$2.5 million"
        if x == 1 and self.value == 1 and not unit.lower().endswith("s"):
            return f"{'an' if unit[:1].lower() in 'aeiou' or unit.lower() == 'hour' else 'a'} {unit}"
        return f"{fmt(x)} {unit}"

    def describe(self) -> str:
        """One line for a student: the figure, its interval, what is counted, who says so."""
        parts = [f"\u201c{self.text}\u201d: {KINDS.get(self.kind, self.kind)}"]
        if self.is_amount:
            parts.append(self.interval())
        if self.counted and self.counted != self.unit:
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


def _big(x: float | int) -> str | None:
    """A round number of millions as a newspaper writes it; None for other numbers.

    >>> _big(2500000), _big(3000000000), _big(1234567), _big(4500)
    ('2.5 million', '3 billion', None, None)
    """
    if not drawable(x):
        return None
    for size, name in ((10 ** 12, "trillion"), (10 ** 9, "billion"), (10 ** 6, "million")):
        if size <= abs(x) < 1000 * size:
            v = x / size
            return f"{v:g} {name}" if round(v, 2) == v else None
    return None


def drawable(x) -> bool:
    """Is ``x`` a number the kit can show and compute with (finite, below :data:`LARGEST`)?

    >>> drawable(412), drawable(float("inf")), drawable(float("nan")), drawable(10 ** 400), drawable(True)
    (True, False, False, False, False)
    """
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return False
    return (isinstance(x, int) or math.isfinite(x)) and abs(x) < LARGEST


def fmt(x: float | int | None) -> str:
    """A number as a student would write it.

    >>> fmt(2000), fmt(0.5), fmt(1500000.0), fmt(None)
    ('2,000', '0.5', '1,500,000', '-')
    >>> fmt(float("inf")), fmt(10 ** 5000)
    ('(too big to write)', '(a 5001-digit number)')
    """
    if x is None:
        return "-"
    if isinstance(x, float) and not math.isfinite(x):
        return "(too big to write)" if x == x else "(not a number)"
    if isinstance(x, int) and abs(x) >= LARGEST:
        return f"(a {math.floor(math.log10(abs(x))) + 1}-digit number)"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.4g}" if abs(x) < 1000 else f"{x:,.2f}"


def _clean_int(x: float) -> float | int:
    """A whole float as an int (below 10^15), others rounded to 12 decimals.

    >>> _clean_int(412.0), _clean_int(0.1 + 0.2)
    (412, 0.3)
    """
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    if isinstance(x, float):
        return round(x, 12)
    return x


@functools.lru_cache(maxsize=64)
def _word_set(*keys) -> frozenset[str]:
    """Lower-case words of the ``words`` lists under ``keys`` of numbers.toml.

    >>> "january" in _word_set("months")
    True
    """
    rules = load_rules()
    out: set[str] = set()
    for key in keys:
        node = rules
        for part in key.split("."):
            node = node[part]
        out |= {w.lower() for w in node["words"]}
    return frozenset(out)


def _multiplier(word: str) -> float | None:
    """'million' -> 1000000 (from numbers.toml); None for other words.

    >>> _multiplier("Million"), _multiplier("people")
    (1000000, None)
    """
    v = load_rules()["multipliers"].get(word.lower())
    return v if isinstance(v, (int, float)) else None


def _fraction_den(word: str) -> int | None:
    """'thirds' -> 3; None for words that name no fraction.

    >>> _fraction_den("thirds"), _fraction_den("three")
    (3, None)
    """
    v = load_rules()["fractions"].get(word.lower())
    return v if isinstance(v, int) else None


@dataclass(frozen=True)
class _Draft:
    """A figure while :func:`~kit.numbers.find_numbers` reads it, before it becomes a :class:`Quantity`.

    Tokens ``doc[start:end]`` are its text (they grow over a hedge, a unit, a currency sign);
    ``doc[core:core_end]`` is the number itself, and ``core``'s sentence is the figure's.
    ``form`` says how the number is written: None (one number), "ratio" ("one in five"),
    "years" ("2022-23"), or a range ("range", "between", "from").

    >>> _Draft(start=0, end=1, core=0, core_end=1, value=4).kind
    'count'
    """

    start: int
    end: int
    core: int
    core_end: int
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    low_inclusive: bool | None = None
    high_inclusive: bool | None = None
    form: str | None = None
    hedge: str | None = None
    kind: str = "count"
    unit: str | None = None
    counted: str | None = None
    note: str = ""
