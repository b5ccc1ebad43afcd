"""Where the attribution lens used to live, kept so that old imports keep working.

The lens is now split into modules named for what they hold (see ``kit/attribution/__init__.py``);
import its public names from ``kit.attribution``:

>>> from kit.attribution import find_attributions, lens
>>> lens.find_attributions is find_attributions
True
"""

from kit.attribution import (
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
