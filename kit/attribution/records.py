"""The records the attribution lens returns, and the source types it sorts speakers into.

>>> a = Attribution("Police", "said", "the road was closed", "indirect", "official",
...                 0, 31, 0, 6, 7, 11, 12, 31)
>>> SOURCE_LABELS[a.source_type], a.cue_signal, a.resolved_from, a.type_confidence
('official', 'neutral', None, 'sure')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SOURCE_COLORS", "SOURCE_LABELS", "SOURCE_TYPES", "UNSURE", "Attribution", "Claim", "shown_type", "type_words"]

#: The tag a source map gives a claim whose kind of source the kit is not sure of.
UNSURE = "unsure"

#: Every source type the kit knows, in the order charts and legends show them.
SOURCE_TYPES = (
    "official", "state_media", "military", "monitor", "expert", "foreign_government",
    "eyewitness", "unnamed", "media", "organisation", "other",
)

#: One colour per source type (Okabe-Ito based, lightened), used by the map and the chart.
SOURCE_COLORS = {
    "official": "#9fd3f0",
    "state_media": "#f9c784",
    "military": "#c7c7c7",
    "monitor": "#a8e0c8",
    "expert": "#d9b8e8",
    "foreign_government": "#a7c4f2",
    "eyewitness": "#f6ef9a",
    "unnamed": "#f7c6e0",
    "media": "#b9d7a8",
    "organisation": "#e8d5b5",
    "other": "#e0e0e0",
    "unattributed": "#f5a3a3",
    "unsure": "#ffffff",
}

#: Words a student sees for each type (legend, chart, hints).
SOURCE_LABELS = {
    "official": "official", "state_media": "state media", "military": "military",
    "monitor": "monitor group", "expert": "expert", "foreign_government": "foreign government",
    "eyewitness": "eyewitness", "unnamed": "unnamed", "media": "media",
    "organisation": "organisation", "other": "other", "unattributed": "NO SOURCE",
    "unsure": "who is it? check",
}


@dataclass(frozen=True)
class Attribution:
    """One claim and its source.

    ``start_char``/``end_char`` cover the whole attribution (speaker, cue and content);
    ``speaker_*``, ``cue_*`` and ``content_*`` give each part. When the speaker was a
    pronoun, ``speaker`` is the resolved name, ``resolved_from`` the pronoun, and
    ``speaker_start``/``speaker_end`` point at the pronoun in the text.
    """

    speaker: str
    cue: str
    content: str
    kind: str  # "direct" | "indirect" | "according_to"
    source_type: str
    start_char: int
    end_char: int
    speaker_start: int
    speaker_end: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    cue_signal: str = "neutral"
    resolved_from: str | None = None
    source_kind: str = ""  # the kind of organisation behind the type ("union", "international_body"), or ""
    type_confidence: str = "sure"  # "sure" | "unsure": how sure the kit is of source_type (students see a question)

    @property
    def type_sure(self) -> bool:
        """Is the kit sure of ``source_type``? When not, students see the type as a question."""
        return self.type_confidence == "sure"


@dataclass(frozen=True)
class Claim:
    """A sentence stating a contested fact with no attribution covering it."""

    text: str
    start_char: int
    end_char: int
    reason: str  # the first category, e.g. "casualties"
    categories: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()  # the words that made it contested, e.g. ("killed",)
    question: str = ""  # what a reader should ask


def type_words(source_type: str, type_confidence: str = "sure") -> str:
    """The kind of source in a student's words: the kind when the kit is sure of it, a
    question otherwise (the words come from the glossary, ``kit.core.glossary.plain_label``).

    >>> type_words("expert"), type_words("expert", "unsure"), type_words("other", "unsure")
    ('expert', 'an expert? check who this is', 'not clear: check who this is')
    >>> type_words("media", "unsure")  # a plural noun takes no "a"
    'news media? check who this is'
    """
    from kit.core.glossary import plain_label

    word = plain_label(source_type or "other")
    if type_confidence == "sure":
        return word
    if (source_type or "other") == "other":
        return "not clear: check who this is"
    if word.endswith("media"):
        return f"{word}? check who this is"
    article = "an" if word[:1].lower() in "aeiou" else "a"
    return f"{article} {word}? check who this is"


def shown_type(a: Attribution) -> str:
    """The tag a source map shows for ``a``: its source type when the kit is sure, else
    :data:`UNSURE` (the kit names no kind it is not sure of).

    >>> a = Attribution("Jo Marsh", "said", "x", "indirect", "other", 0, 1, 0, 1, 0, 1, 0, 1, type_confidence="unsure")
    >>> shown_type(a)
    'unsure'
    """
    return a.source_type if getattr(a, "type_confidence", "sure") == "sure" else UNSURE
