"""Lens 1, framing: *who is named how?* Labels, passives that hide who did it, reframing.

Logic here; ``widgets`` (notebook 01), ``exercises`` (its checkers) and ``charts`` beside it;
word lists in ``data/en/``.
"""

from kit.framing.lens import (
    STANCES,
    STYLES,
    Label,
    Passive,
    Reframing,
    Swap,
    find_labels,
    find_passives,
    judge_who_did_it,
    label_counts,
    label_tooltip,
    load_lexicon,
    load_passive_words,
    reframe,
    style_name,
)

__all__ = ["STANCES", "STYLES", "Label", "Passive", "Reframing", "Swap", "find_labels", "find_passives",
           "judge_who_did_it", "label_counts", "label_tooltip", "load_lexicon", "load_passive_words",
           "reframe", "style_name"]
