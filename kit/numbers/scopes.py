"""Where a figure counts: one place ("nine civilians in the village of Dara"), or None when no
place is said (it may be the whole toll). Two figures with a different scope are no contradiction.

>>> from kit.core.nlp import parse
>>> from kit.numbers.figures import find_numbers
>>> d = parse("At least 61 civilians died in total. Nine civilians died in the village of Dara.")
>>> [scope_of(d, q) for q in find_numbers(d, sources=False)]
[None, 'in the village of Dara']
"""

from __future__ import annotations

from kit.numbers.records import Quantity, load_rules

_PLACE_ENTITIES = ("GPE", "LOC", "FAC")


def _place_phrase(prep) -> str | None:
    """The text of a prepositional phrase ("in the rebel stronghold of Idlib") when it names a place."""
    rules = load_rules()["scope"]
    if prep.lower_ not in rules["preps"]:
        return None
    sub = list(prep.subtree)
    if len(sub) < 2 or len(sub) > 12:
        return None
    if any(t.ent_type_ in _PLACE_ENTITIES or t.lower_ in rules["places"] for t in sub[1:]):
        return prep.doc[sub[0].i : sub[-1].i + 1].text
    return None


def scope_of(doc, q: Quantity) -> str | None:
    """Where ``q`` counts: a place phrase hanging on the figure, on what it counts or on its verb
    (the nearest one wins), or None when no place is said.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.figures import find_numbers
    >>> d = parse("The strikes killed 12 people in Aleppo and nine civilians in Idlib.")
    >>> [scope_of(d, q) for q in find_numbers(d, sources=False)]
    ['in Aleppo', 'in Idlib']
    """
    span = doc.char_span(q.start_char, q.end_char, alignment_mode="expand")
    if span is None:
        return None
    tok = next((t for t in span if t.like_num or t.pos_ == "NUM"), span.root)
    heads = []
    for _ in range(3):  # the number -> what it counts -> its verb
        heads.append(tok)
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    found = []
    for h in heads:
        for child in h.children:
            phrase = _place_phrase(child) if child.dep_ == "prep" else None
            if phrase and (h.pos_ not in ("VERB", "AUX") or _nearest_figure_phrase(doc, child, span)):
                found.append((abs(child.i - span.end), phrase))
    return min(found)[1] if found else None


def _nearest_figure_phrase(doc, prep, span) -> bool:
    """Is the phrase on a verb about this figure: no other number stands between them?"""
    lo, hi = sorted((span.end, prep.i))
    return not any(t.like_num or t.pos_ == "NUM" for t in doc[lo:hi])
