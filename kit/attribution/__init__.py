"""Lens 2, attribution: *who says so?* Speakers, cue verbs, source types, claims with no source.

Logic here; ``widgets`` (notebook 02), ``exercises`` (its checkers) and ``charts`` beside it;
word lists in ``data/en/``.
"""

from kit.attribution.lens import (
    SOURCE_COLORS,
    SOURCE_LABELS,
    SOURCE_TYPES,
    Attribution,
    Claim,
    cue_signals,
    describe,
    find_attributions,
    find_unattributed,
    source_map,
    source_shares,
    source_type_of,
)

__all__ = ["SOURCE_COLORS", "SOURCE_LABELS", "SOURCE_TYPES", "Attribution", "Claim", "cue_signals", "describe",
           "find_attributions", "find_unattributed", "source_map", "source_shares", "source_type_of"]
