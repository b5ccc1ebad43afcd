"""One speaker, one type: every mention of a person keeps the type the kit is surest of.

A story may name a source first by name alone ("Mark Hollis said ...") and give the role
later ("General Hollis added ..."), or the other way round. The mentions of one person (the
same surname) then share the type of the first mention the kit is sure of.

>>> from kit.attribution.records import Attribution
>>> a = Attribution("Mark Hollis", "said", "x", "indirect", "other", 0, 1, 0, 1, 0, 1, 0, 1, type_confidence="unsure")
>>> b = Attribution("General Hollis", "added", "y", "indirect", "military", 2, 3, 2, 3, 2, 3, 2, 3)
>>> [(x.speaker, x.source_type, x.type_confidence) for x in one_type_per_speaker([a, b])]
[('Mark Hollis', 'military', 'sure'), ('General Hollis', 'military', 'sure')]
"""

from __future__ import annotations

import re
from dataclasses import replace

__all__ = ["one_type_per_speaker", "person_key"]

_NAME_END = re.compile(r"([A-Z][\w'\-]+)\W*$")


def person_key(speaker: str) -> str | None:
    """The surname a speaker phrase ends its name with ("General Mark Hollis, chairman of ..."
    gives "hollis"); None when the name part does not end in a capitalised word.

    >>> person_key("Dana Cole, a physician at the city hospital"), person_key("the agency")
    ('cole', None)
    """
    name = speaker.split(",")[0].strip()
    m = _NAME_END.search(name)
    if m is None or len(name.split()) > 6:
        return None
    return m.group(1).lower()


def one_type_per_speaker(atts: list) -> list:
    """Give every mention of one person (one surname) the type of the first mention the kit
    is sure of, when its own type is unsure; the rest stay as they are."""
    best: dict[str, object] = {}
    for a in atts:
        key = person_key(a.speaker)
        if key and a.type_sure and a.source_type != "other" and key not in best:
            best[key] = a
    if not best:
        return atts
    out = []
    for a in atts:
        b = best.get(person_key(a.speaker) or "")
        if b is not None and not a.type_sure and (a.source_type, a.source_kind) != (b.source_type, b.source_kind):
            a = replace(a, source_type=b.source_type, source_kind=b.source_kind, type_confidence="sure")
        out.append(a)
    return out
