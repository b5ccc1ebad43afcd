"""Whom a spokesperson speaks for when the phrase names no body: the body the claim is
about (:func:`spokesperson_for`), for the attribution finder.

>>> from kit.core.nlp import parse
>>> doc = parse("The Brightwater Utility Company cut power, a spokesman said.")
>>> spokesperson_for(doc, doc[7:9], (0, 6))
('organisation', 'company')
"""

from __future__ import annotations

from kit.attribution.roles import role_heads
from kit.attribution.sources import typed_source

__all__ = ["spokesperson_for"]

_SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "spokespeople"}
_BODY_TYPES = {"organisation", "official", "military", "monitor", "expert", "state_media", "media"}


def spokesperson_for(doc, span, content: tuple[int, int]) -> tuple[str, str] | None:
    """(type, kind) of the body a spokesperson speaks for when the phrase names none ("according
    to spokesperson Lee Park", "a spokesman said"): the body the claim is about, its subject
    ("The city utility faces outages ..."); None when the phrase names a body or the claim's
    subject is none.

    >>> from kit.core.nlp import parse
    >>> doc = parse("The Brightwater Utility Company cut power, a spokesman said.")
    >>> spokesperson_for(doc, doc[7:9], (0, 6))
    ('organisation', 'company')
    """
    heads = [i for i in role_heads(span) if doc[i].lemma_.lower() in _SPOKES]
    person = _person_spoken_for(doc, span, heads)
    if person is not None:
        return person
    if not heads or any(t.ent_type_ in {"ORG", "GPE", "NORP"} or t.dep_ == "poss" for t in span) or any(
            c.dep_ in {"compound", "nmod"} and c.pos_ in {"NOUN", "PROPN"} and c.i < i and span.start <= c.i
            for i in heads for c in doc[i].children):
        return None  # "a government spokesman", "a CAR spokesman": the phrase says whose voice it is
    ts, te = content
    root = next((t for t in doc[ts:te] if not ts <= t.head.i < te or t.head.i == t.i), None)
    subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    if subj is None or subj.pos_ == "PRON":
        return None
    found = typed_source(doc[subj.left_edge.i : subj.i + 1])
    return (found[0], found[1]) if found[0] in _BODY_TYPES and found[2] else None


def _person_spoken_for(doc, span, heads: list[int]) -> tuple[str, str] | None:
    """(type, kind) of the person a spokesperson speaks "for" ("a spokesman for Ana Ruiz"):
    that person's own type, by the mention chain of the name (a candidate's spokesman is no
    state official); None when no person is named there."""
    for i in heads:
        for prep in (c for c in doc[i].children if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i < span.end and obj.pos_ == "PROPN" and _a_person(obj):
                found = typed_source(doc[obj.left_edge.i : obj.i + 1])
                return found[0], found[1]
    return None


def _a_person(tok) -> bool:
    """Is the name ``tok`` a person's, by its label here or at another mention of the word?"""
    from kit.attribution.index import doc_index

    doc = tok.doc
    return tok.ent_type_ == "PERSON" or any(doc[i].ent_type_ == "PERSON" for i in doc_index(doc).positions_of(doc, tok.lower_))
