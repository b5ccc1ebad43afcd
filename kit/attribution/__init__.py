"""Lens 2, attribution: *who says so?* Speakers, cue verbs, source types, claims with no source.

The logic, in the order it runs: ``units`` (sentence-like units, quotes), ``cues`` (the word
lists in ``data/en/`` and their matchers), ``candidates`` (one per cue verb or "according to"),
``headlines`` ("X: claim", "claim - X says"), ``reparse`` (a line the parser joined to the
headline above it), ``speakers`` (speaker phrases, pronouns), ``chains`` (what a surname or an
acronym stands for), ``sources`` (source types: organisation first, role second), ``finder``
(:func:`find_attributions`), ``unsourced`` (:func:`find_unattributed`), ``summaries``
(shares, descriptions, the source map); ``records`` holds the result types and the words a
student reads for a kind of source (a question where the kit is not sure: ``type_words``). Beside it:
``widgets`` (notebook 02), ``exercises`` (its checkers) and ``charts``.
"""

from kit.attribution.cues import cue_signals
from kit.attribution.finder import find_attributions
from kit.attribution.records import (SOURCE_COLORS, SOURCE_LABELS, SOURCE_TYPES, UNSURE, Attribution, Claim, shown_type,
                                    type_words)
from kit.attribution.sources import source_type_of
from kit.attribution.summaries import describe, source_map, source_shares
from kit.attribution.unsourced import find_unattributed

__all__ = ["SOURCE_COLORS", "SOURCE_LABELS", "SOURCE_TYPES", "UNSURE", "Attribution", "Claim", "cue_signals", "describe",
           "find_attributions", "find_unattributed", "shown_type", "source_map", "source_shares", "source_type_of",
           "type_words"]
