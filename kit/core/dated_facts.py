"""Facts that can change (designations, tolls, who holds office), each with the date it was checked.

The data is ``kit/core/data/dated_facts.toml``. Lessons, the background brief and the handouts
quote a fact word for word between two markers readers do not see::

    <!-- fact: un_hts -->On 27 February 2026 ... (checked 6 December 2026)<!-- /fact -->

:func:`marked` finds those passages, :func:`render_fact` gives the text a passage must have,
:func:`refresh` rewrites every passage from the data (``tools/dated_facts.py --write``),
:func:`unmark` drops the markers (the handouts command does, before it renders Markdown), and
:func:`stale` lists facts checked too long ago. ``tests/test_dated_facts.py`` uses all of them.

>>> text = "HTS <!-- fact: demo -->old words<!-- /fact --> today."
>>> [(m.fact_id, m.text) for m in marked(text)]
[('demo', 'old words')]
>>> unmark(text)
'HTS old words today.'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

__all__ = ["DatedFact", "Marked", "expires", "facts", "marked", "refresh", "render_fact", "stale", "unmark"]

#: One marked passage: ``<!-- fact: ID -->text<!-- /fact -->`` (the text may span lines).
MARKER = re.compile(r"<!--\s*fact:\s*([a-z0-9_]+)\s*-->(.*?)<!--\s*/fact\s*-->", re.S)
#: Months after which a checked fact counts as stale.
MAX_AGE_MONTHS = 12


@dataclass(frozen=True)
class DatedFact:
    """One entry of ``dated_facts.toml``: what the lessons say, when it was checked, against what."""

    id: str
    text: str
    checked: dt.date
    source: str
    note: str = ""


@dataclass(frozen=True)
class Marked:
    """One marked passage in a text: the fact's id and the words between the markers."""

    fact_id: str
    text: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def facts() -> dict[str, DatedFact]:
    """Every dated fact of ``kit/core/data/dated_facts.toml``, by id.

    >>> isinstance(facts()["un_hts"].checked, dt.date)
    True
    """
    raw = resources.files("kit.core").joinpath("data/dated_facts.toml").read_text(encoding="utf-8")
    entries = tomllib.loads(raw)["fact"]
    return {e["id"]: DatedFact(e["id"], e["text"], e["checked"], e["source"], e.get("note", ""))
            for e in entries}


def _long_date(day: dt.date) -> str:
    """``6 December 2026``: a date as the lessons write it.

    >>> _long_date(dt.date(2026, 3, 1))
    '1 March 2026'
    """
    return f"{day.day} {day:%B %Y}"


def render_fact(fact: DatedFact) -> str:
    """The words a marked passage must have: the fact, then when it was checked.

    >>> render_fact(DatedFact("x", "The list changed.", dt.date(2026, 12, 6), "a page"))
    'The list changed. (checked 6 December 2026)'
    """
    return f"{fact.text} (checked {_long_date(fact.checked)})"


def marked(text: str) -> list[Marked]:
    """The marked passages of a text, in order.

    >>> [m.fact_id for m in marked("a <!-- fact: one -->x<!-- /fact --> b <!--fact:two-->y<!--/fact-->")]
    ['one', 'two']
    """
    return [Marked(m.group(1), m.group(2), m.start(), m.end()) for m in MARKER.finditer(text)]


def unmark(text: str) -> str:
    """The text with every marker removed and the passages kept.

    >>> unmark("<!-- fact: a -->Kept.<!-- /fact -->")
    'Kept.'
    """
    return MARKER.sub(lambda m: m.group(2), text)


def refresh(text: str, table: dict[str, DatedFact] | None = None) -> str:
    """The text with every marked passage rewritten from the data (unknown ids raise KeyError).

    >>> f = {"a": DatedFact("a", "New.", dt.date(2026, 1, 2), "src")}
    >>> refresh("<!-- fact: a -->Old.<!-- /fact -->", f)
    '<!-- fact: a -->New. (checked 2 January 2026)<!-- /fact -->'
    """
    table = facts() if table is None else table
    return MARKER.sub(lambda m: f"<!-- fact: {m.group(1)} -->{render_fact(table[m.group(1)])}<!-- /fact -->", text)


def expires(checked: dt.date, *, months: int = MAX_AGE_MONTHS) -> dt.date:
    """The last day a fact checked on ``checked`` counts as fresh: the same day ``months`` later.

    >>> expires(dt.date(2025, 12, 6)), expires(dt.date(2024, 2, 29))
    (datetime.date(2026, 12, 6), datetime.date(2025, 2, 28))
    """
    month0 = checked.month - 1 + months
    year, month = checked.year + month0 // 12, month0 % 12 + 1
    day = checked.day
    while True:  # 31 March + 1 month -> 30 April; 29 February + 12 months -> 28 February
        try:
            return dt.date(year, month, day)
        except ValueError:
            day -= 1


def stale(today: dt.date, table: dict[str, DatedFact] | None = None, *,
          max_months: int = MAX_AGE_MONTHS) -> list[DatedFact]:
    """The facts checked more than ``max_months`` months before ``today``.

    >>> f = {"a": DatedFact("a", "t", dt.date(2025, 6, 1), "s"), "b": DatedFact("b", "t", dt.date(2025, 6, 2), "s")}
    >>> [x.id for x in stale(dt.date(2026, 6, 2), f)]
    ['a']
    """
    table = facts() if table is None else table
    return [f for f in table.values() if today > expires(f.checked, months=max_months)]
