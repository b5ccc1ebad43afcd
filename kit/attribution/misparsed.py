"""Cues whose speaker or claim the parser misread, and how to read them back: a cue taken for
an adjective after an appositive ("A spokesman, Omar Haddad, confirmed <claim>"), a name hung
on the clause before, a claim read as the cue's object ("said Monday's vote reinforced trust").
"""

from __future__ import annotations

from kit.attribution.cues import verb_data
from kit.attribution.index import children
from kit.attribution.units import QUOTE_CHARS, trim


def after_appositive(doc, verb, unit):
    """(speaker, content) of "A spokesman, Omar Haddad, confirmed <claim>" when the parser
    read the cue as an adjective of the claim's first noun: the cue follows a comma that
    closes an appositive of a subject; the speaker runs from that subject to the comma."""
    if verb.dep_ != "amod" or verb.i - 2 < unit.start or doc[verb.i - 1].text != ",":
        return None
    tok = doc[verb.i - 2]
    for _ in range(4):
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            break
        if tok.dep_ not in {"appos", "compound", "flat"} or tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    if not any(c.dep_ == "appos" for c in children(tok)):
        return None
    speaker, content = trim(doc, max(tok.left_edge.i, unit.start), verb.i), trim(doc, verb.i + 1, unit.end)
    return (speaker, content) if speaker[0] < speaker[1] and content[0] < content[1] else None


def phrase_before(doc, verb, unit):
    """(speaker, content) of "The sport's ruling body the FIS said <claim>" when the parser read
    the cue (a past tense, not a participle) as an adjective of the claim's first noun: the
    speaker is the noun phrase that opens the sentence and ends in a name right before the cue;
    the claim, the rest of the sentence, holds a verb.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Skiing's governing body the FIS said results from the two races were void.")
    >>> phrase_before(doc, doc[6], doc[:]) is None  # parsed right: "said" is the root, not an adjective
    True
    """
    if verb.dep_ != "amod" or verb.tag_ != "VBD" or verb.i - 1 <= unit.start or doc[verb.i - 1].pos_ != "PROPN":
        return None
    if verb.i - unit.start > 30:
        return None  # a speaker's phrase is short: the work per cue stays small
    before = doc[unit.start : verb.i]
    if any(t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod" or t.text in {",", ";", ":"} or t.text in QUOTE_CHARS
           for t in before):
        return None
    if not any(t.pos_ in {"VERB", "AUX"} for t in doc[verb.i + 1 : unit.end]):
        return None
    speaker, content = trim(doc, unit.start, verb.i), trim(doc, verb.i + 1, unit.end)
    return (speaker, content) if speaker[0] < speaker[1] and content[0] < content[1] else None


def name_before(doc, verb, unit, content, quoted=()):
    """(speaker, content) of "Talking to reporters, Head of the Water Board Dr. Lena Fox said
    <claim>" when the parser hung the name on the clause before (as its object or apposition)
    and left the cue with no subject: a run of capitalised words right before the cue, from a
    comma (or the start of the sentence), ending in a name; or a name the parser joined with
    "and" to the object before ("The club appealed the ban and Ruiz told reporters ..."); or a
    name between a quote and a stray comma ('"...," Mayor Ana Ruiz, said.': the quote is the claim)."""
    last = verb.i - 1
    if last - 1 >= unit.start and doc[last].text == "," and doc[last - 1].pos_ == "PROPN":
        last -= 1  # a stray comma between the name and the cue
    if last < unit.start or doc[last].pos_ != "PROPN":
        return None
    i = last
    while i > unit.start and verb.i - i < 16 and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in ("of", "the", ".", "-")
                                                 or doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound"):
        i -= 1
    joined = doc[i - 1].lower_ in ("and", "but") and doc[last].dep_ == "conj"  # "appealed and Ruiz told"
    if content is None:  # only a quote that ends right before the name can be the claim
        content = next((q for q in quoted if q[1] == i and q[0] >= unit.start), None)
        if content is None:
            return None
    elif last != verb.i - 1:
        return None
    if not (i == unit.start or doc[i - 1].text == "," or doc[i - 1].text in QUOTE_CHARS or joined) \
            or not doc[i].text[:1].isupper():
        return None
    speaker = trim(doc, i, last + 1)
    return (speaker, content) if speaker[0] < speaker[1] else None


def clause_read_as_object(verb, kids) -> tuple[int, int] | None:
    """The object of a speech verb that is a clause the parser read as a noun phrase: a
    finite verb inside it, hung on a noun as an adjective right after a noun ("said the
    council's report <reinforced> its case": "reinforced" is the verb of the claim, not an
    adjective of "case"); and for verbs that never take a thing as their claim ("say":
    ``[clause_as_object]`` in verbs.toml), any finite verb in the phrase of a noun object
    ("said explanations from the pair as to why they left were weak").

    >>> from kit.core.nlp import parse
    >>> doc = parse("The mayor said Monday's vote reinforced trust and calm.")
    >>> doc[slice(*clause_read_as_object(doc[2], children(doc[2])))].text
    "Monday's vote reinforced trust and calm"
    >>> doc = parse("The coach said nothing about why the players left.")
    >>> clause_read_as_object(doc[2], children(doc[2])) is None
    True
    """
    doc = verb.doc
    table = verb_data().get("clause_as_object", {})
    never_things = verb.lemma_.lower() in table.get("verbs", ())
    for obj in (c for c in kids if c.dep_ == "dobj" and c.i > verb.i):
        start = obj.left_edge.i
        thing = never_things and obj.tag_ in {"NN", "NNS", "NNP", "NNPS"} \
            and obj.lemma_.lower() not in table.get("said_things", ())
        for t in doc[start + 1 : min(obj.right_edge.i, start + 40) + 1]:  # a phrase is contiguous; a few words do
            if (t.tag_ in {"VBD", "VBZ", "VBP"} and t.dep_ in {"amod", "compound", "nmod"}
                                or t.tag_ == "VBN" and t.dep_ == "amod" and t.i == t.head.i - 1
                                and doc[t.i - 1].tag_ in {"NN", "NNS", "NNP", "NNPS"}
                                or thing and t.i > obj.i and t.tag_ in {"VBD", "VBZ", "VBP", "MD"}
                                and t.dep_ not in {"relcl", "acl"}):
                return start, obj.right_edge.i + 1
        verb_after = _verb_read_as_a_second_act(verb, obj) if thing else None
        if verb_after is not None:
            return start, verb_after.right_edge.i + 1
    return None


def _verb_read_as_a_second_act(verb, obj):
    """'She said her office, with the county's help, issued an order': the parser made "office"
    the object of "said" and "issued" a second verb of "She" (or a clause of its own). "said" takes
    no thing as its claim, so a finite verb joined to it after the object, with no subject and no
    conjunction of its own ("said goodbye when she left") and no "and"
    between them ("said a prayer and left" is two acts), is the verb of the claim and the object
    its subject. The joined verb, or None."""
    kids = children(verb)
    for k in kids:
        if k.dep_ not in {"conj", "advcl"} or k.i < obj.i or k.tag_ not in {"VBD", "VBZ", "VBP"}:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for c in children(k)):
            continue
        if any(c.dep_ == "cc" and obj.i < c.i < k.i for c in kids) or any(c.dep_ == "cc" for c in children(k)):
            continue
        return k
    return None


def subject_read_as_object(verb, kids, clause: tuple[int, int]) -> tuple[int, int]:
    """The ``clause`` of a speech verb that never takes a thing as its claim ("say":
    ``[clause_as_object]`` in verbs.toml), widened to the noun the parser read as the verb's
    object when it stands between the verb and the clause: in "said her office, with the
    county's help, issued an order", "her office" is the subject of "issued", not what was said.

    >>> from kit.core.nlp import parse
    >>> doc = parse("She said her office, in consultation with the county board, issued an order.")
    >>> s, e = subject_read_as_object(doc[1], children(doc[1]), (5, 15))
    >>> doc[s:e].text
    'her office, in consultation with the county board, issued an order'
    """
    table = verb_data().get("clause_as_object", {})
    if verb.lemma_.lower() not in table.get("verbs", ()):
        return clause
    objs = [c for c in kids if c.dep_ == "dobj" and verb.i < c.i < clause[0]
            and c.lemma_.lower() not in table.get("said_things", ()) and c.tag_ in {"NN", "NNS", "NNP", "NNPS"}]
    if not objs or any(t.is_quote for t in verb.doc[verb.i + 1 : clause[0]]):
        return clause
    return objs[0].left_edge.i, clause[1]


def object_after_inverted_cue(doc, verb, unit, speaks):
    """(speaker, content) of "<claim>, acknowledge railway officials." when the parser read the
    speaker after an inverted cue as its object: the cue follows a comma, has no subject, its
    object ends the sentence and can speak (``speaks``: a name, a pronoun, a kind of source or
    a word for people), and the words before the comma hold a finite verb.

    >>> from kit.core.nlp import parse
    >>> from kit.attribution.secondcues import speaks
    >>> doc = parse("The queues have grown quickly, acknowledge railway officials.")
    >>> sp, ct = object_after_inverted_cue(doc, doc[6], doc[:], speaks)
    >>> doc[slice(*sp)].text, doc[slice(*ct)].text
    ('railway officials', 'The queues have grown quickly')
    """
    if verb.i - 1 <= unit.start or doc[verb.i - 1].text != "," or verb.tag_ == "VBG":
        return None
    objs = [c for c in children(verb) if c.dep_ == "dobj" and c.i > verb.i]
    if len(objs) != 1 or not speaks(objs[0]) or objs[0].left_edge.i != verb.i + 1:
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[objs[0].right_edge.i + 1 : unit.end]):
        return None
    if not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in doc[unit.start : verb.i - 1]):
        return None
    speaker, content = trim(doc, verb.i + 1, objs[0].right_edge.i + 1), trim(doc, unit.start, verb.i - 1)
    return (speaker, content) if speaker[0] < speaker[1] and content[0] < content[1] else None


def agent_of_passive(doc, verb, unit, content):
    """(speaker, content) of "it was revealed by prosecutors that <claim>": a passive cue whose
    subject is the placeholder "it" names its speaker in the "by" phrase; the claim is the
    cue's clause. Without "by" ("it was announced that ...") no one is named.

    >>> from kit.core.nlp import parse
    >>> doc = parse("It was confirmed by the police that two men had been arrested.")
    >>> sp, ct = agent_of_passive(doc, doc[2], doc[:], (7, 12))
    >>> doc[slice(*sp)].text, doc[slice(*ct)].text
    ('the police', 'two men had been arrested')
    """
    kids = children(verb)
    if content is None or not any(k.dep_ in {"nsubjpass", "expl"} and k.lower_ == "it" for k in kids):
        return None
    by = [k for k in kids if k.dep_ == "agent" and k.i > verb.i]
    pobj = [c for c in children(by[0]) if c.dep_ == "pobj"] if by else []
    if not pobj or not (pobj[0].right_edge.i < content[0] and unit.start <= pobj[0].left_edge.i):
        return None
    start = content[0] + 1 if doc[content[0]].lower_ == "that" and doc[content[0]].dep_ != "det" else content[0]
    return (pobj[0].left_edge.i, pobj[0].right_edge.i + 1), (start, content[1])
