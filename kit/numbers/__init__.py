"""Lens 3, numbers: *what do the numbers really claim?* Figures as intervals, and checks between them.

Logic in ``records`` (Quantity, KINDS, fmt), ``words`` (reading written numbers), ``cores``,
``ranges``, ``kinds``, ``intervals``, ``forms`` and ``figures`` (the find_numbers pipeline) and
``consistency`` (check_numbers) with ``scopes`` (where a figure counts); ``widgets`` (notebook 03), ``exercises`` (its checkers) and ``charts`` beside it;
word lists and conventions in ``data/en/``.
"""

from kit.numbers.consistency import Finding, check_numbers
from kit.numbers.figures import find_numbers
from kit.numbers.records import AMOUNT_KINDS, KINDS, Quantity, fmt, load_rules
from kit.numbers.words import parse_figure

__all__ = ["AMOUNT_KINDS", "KINDS", "Finding", "Quantity", "check_numbers", "find_numbers", "fmt",
           "load_rules", "parse_figure"]
