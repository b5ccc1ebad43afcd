"""A speaker's second cue that the parser hung on the claim of the first: "X told reporters
there was no contact and acknowledged they may have died", "X said crews were sent, revealing
that ...", "The agency said exports fell, pointing out that ...". The second cue has no subject
of its own (or, for a participle, only the subject of the claim it follows, which cannot speak):
it gets the speaker of the first cue, and the first cue's claim ends before it.

>>> from kit.core.nlp import parse
>>> doc = parse("The agency said exports fell, pointing out that prices rose.")
>>> outer_cue(doc[6], doc[:]).text
'said'
"""

from __future__ import annotations

from kit.attribution.cues import verb_data
from kit.attribution.sources import source_of
from kit.attribution.speakers import is_direct_without_marks
from kit.attribution.units import trim

__all__ = ["outer_cue", "second_cues", "speaks"]


def outer_cue(verb, unit):
    """The cue whose claim holds ``verb`` when the parser hung a speaker's second cue on that
    claim ("X told reporters there was no contact and acknowledged they may have died", "X said
    crews were deployed, revealing that ..."): the verb ``verb`` hangs on (by "and" or a
    participle) is the clause of another verb. That verb, or None."""
    tok = verb
    while tok.dep_ in {"conj", "advcl"} and tok.head.i != tok.i and unit.start <= tok.head.i:
        tok = tok.head
        if tok.dep_ == "ccomp" and tok.head.i < tok.i:
            return tok.head
    return None


def speaks(tok) -> bool:
    """Can the subject ``tok`` of a reported claim be the one who speaks in a participle after
    it: a name, a pronoun, a kind of source or a word for people (``verbs.toml`` ``[second_cue]``)?"""
    if tok.pos_ == "PRON" or tok.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return True
    if tok.lemma_.lower() in verb_data().get("second_cue", {}).get("people", ()):
        return True
    return source_of(tok.doc[tok.i : tok.i + 1])[0] != "other"


def second_cues(doc, out: list, nested: list) -> list:
    """Give each second cue in ``nested`` (candidates, :func:`outer_cue`) the speaker of the cue in ``out`` whose
    claim held it; that claim then ends before the second cue ("and acknowledged ...")."""
    by_cue = {c.cue[0]: n for n, c in enumerate(out)}
    for c in nested:
        n = by_cue.get(outer_cue(doc[c.cue[0]], c.unit).i)
        if n is None or not out[n].content[0] < c.cue[0] < out[n].content[1]:
            continue
        outer = out[n]
        end = c.cue[0]
        while end > outer.content[0] and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
            end -= 1
        out[n] = outer._replace(content=trim(doc, outer.content[0], end))
        ts, te = trim(doc, *c.content)
        kind = "direct" if is_direct_without_marks(doc, ts, te) else "indirect"
        out.append(c._replace(speaker=outer.speaker, content=(ts, te), kind=kind))
    return out
