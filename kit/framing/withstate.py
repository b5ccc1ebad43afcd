"""A reduced passive with a state after it that the parser read as a past tense (issue 21):
"a woman found dead in her flat was ...", "a driver left injured on the verge had ...". The
tagger makes the participle the verb of a clause whose subject is the noun before it; but the
sentence's real verb follows the participle's phrase and has no subject of its own. The noun
was found (or left) by someone the text does not name.

>>> from kit import parse, find_passives
>>> [p.verb for p in find_passives(parse("A neighbour said a woman found dead in her flat was quiet."))]
['find']
"""

from __future__ import annotations

from kit.framing.reduced import _FINITE, _NOUNS, _PERSONAL, _participle
from kit.framing.tree import Tree

__all__ = ["participle_with_state"]

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def participle_with_state(tok, tree: Tree, words: dict):
    """The noun before a participle with a state word after it ("found dead", "left injured")
    when the verb after the participle's phrase has no subject of its own, else None."""
    doc = tok.doc
    if not _participle(tok, words) or tok.i == 0 or tree.has(tok, "aux", "auxpass"):
        return None
    if any(c.dep_ == "dobj" and not (c.i < tok.i and c.lower_ == "that") for c in tree.children(tok)):
        return None  # "police found him dead": active; a "that" before it is the parser's misread conjunction
    noun, state = doc[tok.i - 1], doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if noun.pos_ not in _NOUNS or noun.lower_ in _PERSONAL or noun.dep_ != "nsubj" or noun.head.i != tok.i:
        return None
    if state is None or state.dep_ != "oprd" or state.head.i != tok.i or state.pos_ != "ADJ":
        return None
    after = tok.right_edge.i + 1
    if after >= len(doc) or doc[after].tag_ not in _FINITE:
        return None
    verb = doc[after].head if doc[after].dep_ in ("aux", "auxpass") else doc[after]
    if verb.i < after or verb.pos_ not in ("VERB", "AUX") or tree.first(verb, *_SUBJECTS) is not None:
        return None
    return noun
