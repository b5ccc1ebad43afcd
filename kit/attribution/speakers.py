"""Who speaks: the subject of a cue verb, the speaker phrase around it, whether the words
are the speaker's own, and which earlier speaker a pronoun stands for.

>>> from kit.core.nlp import parse
>>> doc = parse("Iranian Foreign Minister Abbas Araghchi said the talks failed.")
>>> subj = subject_of(doc[5])
>>> doc[slice(*speaker_range(doc, subj, doc[0:len(doc)], (6, 9)))].text
'Iranian Foreign Minister Abbas Araghchi'
"""

from __future__ import annotations

from kit.attribution.units import trim

PRONOUNS = {"he", "she", "it", "they"}
FIRST_SECOND_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                       "you", "your", "yours"}


def subtree_range(tok) -> tuple[int, int]:
    """The token range of ``tok`` and everything that hangs on it."""
    return tok.left_edge.i, tok.right_edge.i + 1


def _name_like(tok) -> bool:
    return tok.pos_ in {"PROPN", "ADJ"} or (tok.pos_ == "NOUN" and tok.dep_ in {"compound", "appos", "nmod"})


def speaker_range(doc, tok, unit, exclude: tuple[int, int] | None) -> tuple[int, int]:
    """The speaker phrase around head token ``tok``: its subtree (titles, appositives),
    widened over name words the parser hung elsewhere, without the content."""
    s, e = subtree_range(tok)
    s, e = max(s, unit.start), min(e, unit.end)
    if exclude and exclude[0] < e and s < exclude[1]:
        # keep only the part of the subtree on tok's side of the content
        if tok.i < exclude[0]:
            e = min(e, exclude[0])
        else:
            s = max(s, exclude[1])
    # widen left over adjacent title / name words ("Iranian Foreign Minister" + "Abbas Araghchi")
    while s - 1 >= unit.start and _name_like(doc[s - 1]) and doc[s - 1].dep_ in {"compound", "amod", "appos", "nmod", "nsubj"}:
        if exclude and exclude[0] <= s - 1 < exclude[1]:
            break
        s -= 1
    # widen right over adjacent proper nouns ("... news agency" + "SANA")
    # (the tagger may call a name in capitals something else: take named-entity words too)
    while e < unit.end and not (exclude and exclude[0] <= e < exclude[1]) and (
        doc[e].pos_ == "PROPN" or (doc[e].ent_type_ and doc[e].text[:1].isupper())
    ):
        e += 1
    return trim(doc, s, e)


def subject_of(verb):
    """The subject token of a cue verb, climbing from participles ('..., saying ...')
    and coordinated verbs to the verb that has one.

    >>> from kit.core.nlp import parse
    >>> doc = parse("The minister left, saying the talks had failed.")
    >>> subject_of(doc[4]).text
    'minister'
    """
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in {"nsubj"}]
        if subj:
            return subj[0]
        if tok.dep_ in {"advcl", "acl", "conj", "xcomp"} and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def is_direct_without_marks(doc, s: int, e: int) -> bool:
    """Content without quote marks reads as the speaker's own words: first or second person,
    an imperative at its start ("Thank God ..."), or an exclamation.

    >>> from kit.core.nlp import parse
    >>> doc = parse("I don't think the city will fall.")
    >>> is_direct_without_marks(doc, 0, len(doc)), is_direct_without_marks(doc, 4, 8)
    (True, False)
    """
    toks = [t for t in doc[s:e] if not t.is_space]
    if not toks:
        return False
    if any(t.lower_ in FIRST_SECOND_PERSON and t.pos_ == "PRON" for t in toks):
        return True
    first = toks[0]
    if first.tag_ in {"VB", "VBP"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in first.children):
        return True
    return any(t.text in {"!", "?"} for t in toks)


def is_pronoun(span) -> bool:
    """Is the speaker phrase a lone he / she / it / they?"""
    return len(span) == 1 and span[0].lower_ in PRONOUNS
