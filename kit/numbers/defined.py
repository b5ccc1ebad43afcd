"""Units an article defines itself: "265 million tonnes (MT)" then "252 MT".

A news text often writes a unit with a multiplier in full once, with its abbreviation in
brackets, and uses the abbreviation after that. The later figures mean what the definition
says: "252.02 MT" is 252,020,000 tonnes, not 252.02 of something.

>>> from kit.core.nlp import parse
>>> d = parse("Output reached 40 million tonnes (MT) last year and 42 MT this year.")
>>> defined_units(d.text)
{'MT': (1000000, 'tonnes')}
"""

from __future__ import annotations

import re
from dataclasses import replace

from kit.numbers.records import Quantity, _multiplier, _word_set

_DEFINITION = re.compile(r"\b([A-Za-z]+)\s+([A-Za-z]+)\s*\(([A-Z][A-Za-z]{0,4})\)")


def defined_units(text: str) -> dict[str, tuple[float, str]]:
    """Abbreviations the text defines as a multiplier and a unit: {"MT": (1000000, "tonnes")}.
    Only a multiplier word of at least a thousand followed by a measure or money unit counts."""
    units = _word_set("units.measure", "units.money")
    out: dict[str, tuple[float, str]] = {}
    for m in _DEFINITION.finditer(text):
        factor = _multiplier(m.group(1))
        if factor and factor >= 1000 and m.group(2).lower() in units:
            out.setdefault(m.group(3), (factor, m.group(2)))
    return out


def _scaled(q: Quantity, factor: float, unit: str) -> Quantity:
    """``q`` with its limits multiplied by ``factor`` and the defined unit as its measure."""
    def times(x):
        return None if x is None else x * factor
    kind = "money" if unit.lower() in _word_set("units.money") else "measure"
    return replace(q, value=times(q.value), low=times(q.low), high=times(q.high), kind=kind, unit=unit)


def with_defined_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Figures written with an abbreviation the text defines ("252 MT") scaled by its definition.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.figures import find_numbers
    >>> d = parse("Exports hit 3 billion dollars (BD) in May and 2.5 BD in June.")
    >>> [(q.text, q.low) for q in find_numbers(d, sources=False) if q.kind == "money"][-1]
    ('2.5 BD', 2500000000.0)
    """
    units = defined_units(text)
    if not units:
        return quantities
    out = []
    for q in quantities:
        if q.is_amount and q.kind in ("count", "measure", "money") and (q.low is not None or q.high is not None):
            abbr = re.search(r"\s([A-Z][A-Za-z]{0,4})\s*$", q.text) or re.match(r"\s*([A-Z][A-Za-z]{0,4})\b", text[q.end_char:])
            if abbr and abbr.group(1) in units and not _already_scaled(q, abbr.group(1)):
                q = _scaled(q, *units[abbr.group(1)])
        out.append(q)
    return out


def _already_scaled(q: Quantity, abbr: str) -> bool:
    """The definition itself ("40 million tonnes (MT)") has its multiplier in its own text."""
    return any(_multiplier(w) for w in q.text.split() if w.isalpha() and w != abbr)
