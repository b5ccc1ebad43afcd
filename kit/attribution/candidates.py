"""Candidate attributions, before quotes and pronouns are sorted out: one per cue verb
("said", "claimed", "called for") and one per "according to" phrase.

A candidate is a :class:`Candidate`: token ranges for speaker, cue and content, the kind
("direct", "indirect", "according_to"), the cue's words and what the cue signals.

>>> from kit.core.nlp import parse
>>> from kit.attribution.units import quotes, units
>>> doc = parse("The claims were false, according to the army. Police said the road was closed.")
>>> us = units(doc)
>>> [(doc[slice(*c.speaker)].text, c.cue_text, doc[slice(*c.content)].text)
...  for c in verb_candidates(doc, us, quotes(doc)) + according_candidates(doc, us)]
[('Police', 'said', 'the road was closed'), ('the army', 'according to', 'The claims were false')]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from kit.attribution.cues import (according_entry, according_groups, clause_subject_cues, cue_groups, cue_not_subjects,
                                  cue_signals, cue_subjects, matches, object_cues, object_preps)
from kit.attribution.index import children
from kit.attribution.misparsed import (after_appositive, agent_of_passive, clause_read_as_object, name_before,
                                      object_after_inverted_cue, phrase_before, subject_read_as_object)
from kit.attribution.nonspeech import not_speech
from kit.attribution.placing import assemble, place_claim, quote_in_next_unit
from kit.attribution.secondcues import outer_cue, second_cues, speaks
from kit.attribution.sources import names_a_source
from kit.attribution.speakers import quoting_clause, speaker_range, subject_of, subtree_range
from kit.attribution.units import QUOTE_CHARS, past_title, trim, unit_index


class Candidate(NamedTuple):
    """One attribution in the making (token ranges into the Doc, end excluded)."""

    unit: object  # the Span of the sentence-like unit holding the cue
    speaker: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]
    kind: str
    cue_text: str
    signal: str


# ---------------------------------------------------------------- cue verbs


def verb_candidates(doc, all_units, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for cue verbs, in stages per cue: is it a cue here (:func:`_is_cue`), what
    is its claim (a clause or object, :func:`_verb_content`), who is its subject, where the
    claim lies when no clause carries it (:func:`kit.attribution.placing.place_claim`), and the final ranges
    (:func:`kit.attribution.placing.assemble`). ``quoted``: the ranges from :func:`kit.attribution.units.quotes`.

    Each stage reads the cue's own tokens and neighbours, or looks up a sorted list: the
    work grows with the length of the text, not with its square.
    """
    signals, objects, preps, only, never = cue_signals(), object_cues(), object_preps(), cue_subjects(), cue_not_subjects()
    with_subject = clause_subject_cues()
    found = matches(doc, "cues", cue_groups())
    two_word = {s for _, s, e in found if e - s == 2}  # starts of "called for", "pointed out"...
    out, nested = [], []
    cue_starts = {s for _, s, _ in found}
    for label, s, e in found:
        if not _is_cue(doc, s, e, quoted, two_word) or label in with_subject and not _clause_with_subject(doc[s]):
            continue
        verb, unit = doc[s], all_units[unit_index(all_units, s)]
        if e - s > 1:  # "call for": the content hangs on the particle / preposition
            content = _phrase_cue_content(doc[e - 1], objects.get(label))
            if content is None:
                continue
        else:
            content = _verb_content(verb, unit, objects.get(label), preps.get(label, ())) or quoting_clause(verb)
        passive = agent_of_passive(doc, verb, unit, content) if e - s == 1 else None
        if passive is not None:  # "it was revealed by prosecutors that ...": the speaker is the agent
            out.append(Candidate(unit, passive[0], (s, e), passive[1], "indirect", doc[s:e].text,
                                 signals.get(label, "neutral")))
            continue
        subj = subject_of(verb, unit)
        if subj is not None and _inside_quote(quoted, subj.i):
            subj = None  # '"I send ...," Mayor Ruiz, said': a subject inside the quote is not the cue's
        if subj is not None and content is not None and verb.i < subj.i and content[0] <= subj.i < content[1] \
                and doc[verb.i - 1].text in QUOTE_CHARS:
            content = None  # '"...," said Ruiz, who wrote ...': the quote before is the claim, not a clause holding Ruiz
        outer = outer_cue(verb, unit)
        if content is not None and outer is not None and outer.i in cue_starts and (
                subj is None or verb.tag_ == "VBG" and verb.dep_ == "advcl" and not speaks(subj)):
            # a second cue of the speaker whose claim holds it; a participle's speaker is the
            # one who said that claim, not the claim's subject ("X said A, pointing out B")
            nested.append(Candidate(unit, (-1, -1), (s, e), content, "indirect", doc[s:e].text,
                                    signals.get(label, "neutral")))
            continue
        if subj is None and e - s == 1:
            misread = (after_appositive(doc, verb, unit) or name_before(doc, verb, unit, content, quoted)
                       or phrase_before(doc, verb, unit) or object_after_inverted_cue(doc, verb, unit, speaks))
            if misread is not None:
                out.append(Candidate(unit, misread[0], (s, e), misread[1], "indirect", doc[s:e].text,
                                     signals.get(label, "neutral")))
            continue
        if subj is None:  # a cue with no subject names no speaker ("calls for calm grew")
            continue
        if label in only and subj.lemma_.lower() not in only[label] or subj.lemma_.lower() in never.get(label, ()):
            continue
        q = quote_in_next_unit(doc, verb, subj, unit, quoted) if content is None else None
        if q is not None:
            placed, span = (q, True, False), doc[unit.start : q[1]]  # 'he said:' and the quote below
        else:
            placed, span = place_claim(doc, verb, subj, unit, content, quoted), unit
        parts = None if placed is None else assemble(doc, span, subj, *placed)
        if parts is not None and not _within(parts[1], parts[0]):  # a claim is never the speaker's own title
            speaker, content, kind = parts
            out.append(Candidate(unit, speaker, (s, e), content, kind, doc[s:e].text, signals.get(label, "neutral")))
    return second_cues(doc, out, nested)


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Is token range ``inner`` inside ``outer``? ("X, the union said, Y": the claim around
    the speaker is fine; a claim inside the speaker's phrase is not.)"""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _is_cue(doc, s: int, e: int, quoted, two_word: set[int]) -> bool:
    """A verb, not inside a direct quote (there it is the speaker's wording), and not the
    first word of a two-word cue (``two_word``: "called" of "called for": the phrase handles it)."""
    if doc[s].pos_ not in {"VERB", "AUX"} and not _verb_read_as_noun(doc[s]):
        return False
    if _inside_quote(quoted, s):
        return False
    if e - s == 1 and s in two_word:
        return False
    return not_speech(doc[s]) is None  # "did not say", "formerly called", "used it to predict"


def _verb_read_as_noun(tok) -> bool:
    """A cue the parser took for a noun at the head of its sentence, with a subject and a
    clause of its own ("Capital Economics forecast that growth would slow")."""
    kids = children(tok)
    return (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and any(k.dep_ == "nsubj" for k in kids)
            and any(k.dep_ in {"ccomp", "acl", "relcl"} and any(m.dep_ == "mark" for m in children(k)) for k in kids))


def _clause_with_subject(verb) -> bool:
    """Does ``verb`` govern a clause with a subject of its own, after it ("expect profits to
    recover", "expect that rates will fall"), not only an infinitive ("expects to hire")?"""
    return any(k.dep_ == "ccomp" and k.i > verb.i and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in children(k))
               for k in children(verb))


def _inside_quote(quoted, i: int) -> bool:
    """Is token ``i`` inside one of the (sorted, disjoint) quotes, after its opening mark
    and before the token ahead of its closing mark?

    >>> _inside_quote([(2, 8), (10, 14)], 5), _inside_quote([(2, 8), (10, 14)], 8)
    (True, False)
    """
    k = bisect_left(quoted, i, key=lambda q: q[0]) - 1  # the last quote opening before i
    return k >= 0 and i < quoted[k][1] - 1


def _phrase_cue_content(prep, takes_object: str | None = "bare") -> tuple[int, int] | None:
    """The object of the particle / preposition of a phrase cue ("ruled out <a rate cut>"), or
    its clause ("pointed out <that exports fell>"). A cue that takes no object (no ``object``
    in ``verbs.toml``) needs the clause: "pointed out flaws in the plan" names what was pointed
    at, no claim of its own (bench/dev/README.md: speech acts without a content clause).

    >>> from kit.core.nlp import parse
    >>> doc = parse("A review pointed out flaws in the plan.")
    >>> _phrase_cue_content(doc[3], None) is None
    True
    """
    objs = [c for c in children(prep) if c.dep_ in {"pobj", "dobj"}]
    if not objs and prep.dep_ == "prt":  # "ruled out a rate cut": the object hangs on the verb
        objs = [c for c in children(prep.head) if c.dep_ in {"dobj", "ccomp"}]  # "pointed out that ..."
    if not takes_object:
        objs = [c for c in objs if c.dep_ == "ccomp"]
    if not objs:
        return None
    return min(o.left_edge.i for o in objs), max(o.right_edge.i for o in objs) + 1


def _verb_content(verb, unit, takes_object: str | None, preps=("of", "for", "as")) -> tuple[int, int] | None:
    """The claim a cue verb governs: its clause, or for object cues (``"bare"``, ``"claim"``
    or ``"amount"``, :func:`kit.attribution.cues.object_cues`) its object.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Rebels accused the army of shelling the camp.")
    >>> doc[slice(*_verb_content(doc[1], doc[:], "claim"))].text
    'the army of shelling the camp'
    >>> doc = parse("The mayor declared a curfew.")
    >>> _verb_content(doc[2], doc[:], "claim") is None
    True
    """
    kids = children(verb)
    comps = [c for c in kids if c.dep_ == "ccomp"]
    if comps:
        # the clause after the cue ("X said <clause>"); else the one before it
        # ("<clause>, X said"), unless that one is introduced by a subordinator
        after = [c for c in comps if verb.i < c.i < unit.end]  # (a clause in the next paragraph is not this cue's)
        before = [c for c in comps if c.i < verb.i and c.left_edge.i >= unit.start]
        if after:
            return subject_read_as_object(verb, kids, subtree_range(after[0]))
        if before:
            return subtree_range(before[-1])
        return None
    for obj in (c for c in kids if c.dep_ == "dobj" and c.i > verb.i and not takes_object):
        # "assured residents that the water was safe": the parser hangs the clause on the object
        # (for object cues the object holds the claim: "denied reports that ...")
        clause = [k for k in children(obj) if k.dep_ in {"acl", "relcl"} and k.left_edge.lower_ == "that"
                  and k.left_edge.dep_ == "mark"]
        if clause:
            return subtree_range(clause[0])
    if not takes_object:
        misread = clause_read_as_object(verb, kids)
        if misread is not None:
            return misread
    for prep in (c for c in kids if c.dep_ == "prep" and c.i > verb.i and c.lower_ in {"in", "on", "during"}):
        # "said in a situation report that ...": the parser hangs the clause on the report
        for pobj in (k for k in children(prep) if k.dep_ == "pobj"):
            clause = [k for k in pobj.subtree if k.dep_ in {"acl", "relcl", "ccomp"} and _that_clause(k)]
            if clause:
                s, e = subtree_range(clause[0])
                return s + 1, e  # without the "that"
    if takes_object:
        objs = [c for c in kids if c.dep_ in {"dobj", "oprd", "xcomp"}]
        if objs:
            # "accused the army of shelling the camp", "blamed rebels for the blast",
            # "described the vote as a sham": what follows belongs to the claim
            after = [c for c in kids if c.dep_ == "prep" and c.lower_ in preps and c.i > max(o.i for o in objs)]
            if takes_object == "claim" and not after and not _holds_claim(objs, preps):
                return None
            objs += after
            if takes_object == "amount" and not any(_is_figure(t) for o in objs for t in o.subtree):
                return None  # "estimated the effect by comparing ...": a method, no estimate
            return min(o.left_edge.i for o in objs), max(o.right_edge.i for o in objs) + 1
    return None


def _that_clause(verb) -> bool:
    """Does the clause of ``verb`` open with "that" as a conjunction ("a report that prices rose"),
    not as its relative pronoun ("a report that the agency published")? Also when the parser
    took "that" for a pronoun deeper down: the clause has a subject of its own and "that" is
    none of its verb's own words ("in a note ahead of the results that sales had continued to slip")."""
    first = verb.left_edge
    if first.lower_ != "that":
        return False
    if first.dep_ == "mark":
        return True
    own = children(verb)
    return first.head.i != verb.i and any(k.dep_ == "nsubj" and k.lower_ != "that" for k in own)


def _is_figure(tok) -> bool:
    """Is ``tok`` part of a figure ("$1.2 billion", "41 percent", "two-thirds")?"""
    return tok.like_num or tok.ent_type_ in {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _holds_claim(objs, preps) -> bool:
    """Does an object carry a claim: "X a Y" (two objects or a predicate), a clause inside it
    ("reports that troops fired"; not "a sale, which ..."), or one of ``preps`` hung on it?"""
    if len(objs) > 1 or any(o.dep_ in {"oprd", "xcomp"} for o in objs):
        return True
    return any((t.pos_ in {"VERB", "AUX"} and t.dep_ in {"acl", "relcl", "ccomp"} and t.left_edge.tag_ not in {"WDT", "WP"}
                and not _participle_phrase(t))
               or (t.dep_ == "prep" and t.lower_ in preps and t.head.i == o.i) for o in objs for t in o.subtree)


def _participle_phrase(verb) -> bool:
    """A participle with no subject, auxiliary or "that" of its own: "the toll provided by the
    army", "the figures released on Monday" describe the object, they hold no claim."""
    return verb.tag_ in {"VBN", "VBG"} and not any(
        k.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for k in children(verb))


# ---------------------------------------------------------------- according to


def according_candidates(doc, all_units) -> list[Candidate]:
    """Candidates for "according to X", "citing X": X is the speaker, the rest of the unit
    (before, after or around the phrase) the content."""
    signals = cue_signals()
    chunk_roots = None  # start -> root of each noun chunk, read once if needed
    out = []
    for label, s, e in matches(doc, "according", according_groups()):
        unit = all_units[unit_index(all_units, s)]
        if e < len(doc) and (doc[e].lower_ in according_entry(label).get("not_before", ())
                             or doc[s - 1 : s].text[:1].isdigit() if s else False):
            continue  # "50 per cent", "per capita", "5 per day": a rate, not a source
        heads = [c for c in children(doc[e - 1]) if c.dep_ in {"pobj", "dobj"}]
        if not heads and e < len(doc):
            if chunk_roots is None:
                chunk_roots = {}
                for nc in doc.noun_chunks:
                    chunk_roots.setdefault(nc.start, nc.root.i)
            nxt = doc[e]
            heads = [doc[chunk_roots[e]]] if e in chunk_roots else ([nxt] if nxt.pos_ in {"NOUN", "PROPN"} else [])
        if not heads:
            continue
        speaker = speaker_range(doc, heads[0], unit, None)
        speaker = (speaker[0], past_title(doc, min(speaker[1], unit.end), unit.end))  # "Sgt. Ana Ruiz"
        if speaker[0] >= speaker[1]:
            continue
        if not names_a_source(doc[speaker[0] : speaker[1]], according_entry(label).get("sources")):
            continue  # "citing stubborn inflation": a reason, not a source
        if heads[0].lemma_.lower() in according_entry(label).get("not_sources", ()):
            continue  # "according to the rules": what a rule book says, no one's claim
        after = any(not (t.is_punct or t.is_space) for t in doc[speaker[1] : unit.end])
        before = any(not (t.is_punct or t.is_space) for t in doc[unit.start : s])
        if not after and before:
            content = (unit.start, s)
        elif not before and after:
            content = (speaker[1], unit.end)
        elif before:
            content = (unit.start, unit.end)  # the phrase sits in the middle of the claim
        else:
            continue
        ts, te = trim(doc, *content)
        if ts >= te:
            continue
        out.append(Candidate(unit, speaker, (s, e), (ts, te), "according_to", doc[s:e].text,
                             signals.get(label, "neutral")))
    return out
