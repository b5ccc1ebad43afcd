"""Lens 1, framing: *who is named how?* Labels, passives that hide who did it, reframing.

Logic in ``labels`` (the lexicon and its matcher, plain-words tooltips), ``passives`` (clauses
that hide the doer; ``verbs`` for verbs the parser reads in pieces, ``tree`` for children and brackets),
``reframing`` (rewriting in another side's words) and ``inflect`` (word forms); ``widgets``
(notebook 01), ``exercises`` (its checkers) and ``charts`` beside them; word lists in ``data/en/``.
"""

from kit.framing.labels import (STANCES, STYLES, Label, find_labels, label_counts, label_tooltip, load_lexicon,
                                usage_phrase)
from kit.framing.passives import Passive, find_passives, load_passive_words
from kit.framing.who_did_it import judge_who_did_it
from kit.framing.reframing import Reframing, Swap, reframe, style_name

__all__ = ["STANCES", "STYLES", "Label", "Passive", "Reframing", "Swap", "find_labels", "find_passives",
           "judge_who_did_it", "label_counts", "label_tooltip", "load_lexicon", "load_passive_words",
           "reframe", "style_name", "usage_phrase"]
