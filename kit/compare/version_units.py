"""One figure in two systems of measure: "1,000 pounds" in one version and "450 kilograms" in the other
is the same load, converted by a copy for its readers, no figure changed (see :func:`converted`).

The units and their sizes are data (``kit/compare/data/en/units.toml``): a teacher can add one.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "en" / "units.toml"
#: Two converted figures are one figure when they differ by at most this share (a copy rounds: 453.6 -> 450).
ROUNDING = 0.07


@cache
def _units() -> dict[str, tuple[str, float]]:
    """Each unit word, with its dimension and its size in the dimension's base unit.

    >>> _units()["miles"][0], round(_units()["feet"][1], 4)
    ('length', 0.3048)
    """
    with DATA_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    return {w: (e["dimension"], float(e["factor"])) for e in raw["unit"] for w in e["words"]}


def _measure(q) -> tuple[str, float] | None:
    """A figure's dimension and size in the base unit, or None (no unit the table knows, or no value)."""
    unit = (q.unit or "").lower().strip()
    if q.value is None or unit not in _units():
        return None
    dimension, factor = _units()[unit]
    return dimension, float(q.value) * factor


def converted(x, y) -> bool:
    """True when two figures measure the same amount in two units of one dimension ("5 miles" / "8 km"),
    rounded as a copy rounds (within ROUNDING); never for one unit ("5 km" / "8 km" is a figure changed).

    >>> from types import SimpleNamespace as Q
    >>> converted(Q(value=1000, unit="pounds"), Q(value=450, unit="kilograms"))
    True
    >>> converted(Q(value=5, unit="miles"), Q(value=5, unit="km"))
    False
    >>> converted(Q(value=5, unit="km"), Q(value=8, unit="km"))
    False
    """
    if x is None or y is None or (x.unit or "").lower() == (y.unit or "").lower():
        return False
    mx, my = _measure(x), _measure(y)
    if mx is None or my is None or mx[0] != my[0] or min(mx[1], my[1]) <= 0:
        return False
    return abs(mx[1] - my[1]) <= ROUNDING * max(mx[1], my[1])
