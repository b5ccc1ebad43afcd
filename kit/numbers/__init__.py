"""Lens 3, numbers: *what do the numbers really claim?* Figures as intervals, and checks between them.

Logic here; ``widgets`` (notebook 03), ``exercises`` (its checkers) and ``charts`` beside it;
word lists and conventions in ``data/en/``.
"""

from kit.numbers.lens import (
    AMOUNT_KINDS,
    KINDS,
    Finding,
    Quantity,
    check_numbers,
    find_numbers,
    fmt,
    load_rules,
    parse_figure,
)

__all__ = ["AMOUNT_KINDS", "KINDS", "Finding", "Quantity", "check_numbers", "find_numbers", "fmt",
           "load_rules", "parse_figure"]
