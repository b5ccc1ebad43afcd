"""Cue words that are not speech here: a negated cue ("did not say how many"), a refusal
("declined to say"), naming ("formerly called Eastport", "called a meeting"), an appeal to act
("called on workers to return", "urged calm", "called for an inquiry", "demanded a vote": an appeal
is a claim only with a clause of its own, "demanded that the vote be held again"), a hearing that was told ("..., inquest told"), a passive joined to another verb ("has been declared
drought-hit": the subject it shares is spoken about) and a tool's purpose ("used the model to
predict"). The word lists are in ``verbs.toml`` ``[not_speech]``.

>>> from kit.core.nlp import parse
>>> doc = parse("The ministry did not say how many people were hurt.")
>>> not_speech(doc[4])
'negated'
>>> doc = parse("The ministry said two people were hurt.")
>>> not_speech(doc[2]) is None
True
"""

from __future__ import annotations

import functools

from kit.attribution.cues import verb_data
from kit.attribution.index import children

__all__ = ["not_speech"]


@functools.cache
def _lists() -> dict:
    data = verb_data().get("not_speech", {})
    return {key: frozenset(data.get(key, ())) for key in ("refusal_verbs", "naming_adverbs", "event_objects",
                                                        "instrument_verbs", "reaction_verbs", "gerund_acts", "description_verbs",
                                                        "listener_nouns", "appeal_verbs", "saying_subjects", "phrasal_verbs",
                                                        "found_states", "clause_only")} | {"negated": data.get("negated", True)}


def not_speech(verb) -> str | None:
    """Why the cue verb ``verb`` (a token) is no speech act here, or None when it is one.

    >>> from kit.core.nlp import parse
    >>> doc = parse("The town, formerly called Eastport, has grown.")
    >>> not_speech(doc[4])
    'naming'
    >>> doc = parse("The mayor called a meeting to discuss the floods.")
    >>> not_speech(doc[2])
    'an event called'
    >>> doc = parse("Scientists used the model to predict that rain would fall.")
    >>> not_speech(doc[5])
    'a purpose'
    >>> doc = parse("Firefighters responded to a blaze at the depot.")
    >>> not_speech(doc[1])
    'a reaction'
    >>> doc = parse("The council urged residents to save water.")
    >>> not_speech(doc[2])
    'an appeal'
    """
    lists = _lists()
    kids = children(verb)
    if lists["negated"] and any(k.dep_ == "neg" for k in kids):
        return "negated"
    head = verb.head
    infinitive = any(k.dep_ == "aux" and k.lower_ == "to" for k in kids)
    if infinitive and verb.dep_ in {"xcomp", "advcl"} and head is not verb:
        if head.lemma_.lower() in lists["refusal_verbs"] or any(
                k.dep_ == "neg" or k.dep_ == "advmod" and k.lower_ == "yet" for k in children(head)):
            return "negated"  # "declined to say", "did not want to say", "has yet to disclose"
        if head.lemma_.lower() in lists["instrument_verbs"] or verb.dep_ == "advcl":
            return "a purpose"
    if any(k.dep_ == "prt" and f"{verb.lemma_.lower()} {k.lower_}" in lists["phrasal_verbs"] for k in kids):
        return "another verb"  # "as long as they show up", "called off the strike"
    if verb.lemma_.lower() == "ask" and _asks_a_question(kids):
        return "a question"  # "asked whether any of the cases were local": a question claims nothing
    if verb.lemma_.lower() == "say" and _a_saying(verb, kids, lists):
        return "a saying"  # "Today, as they say, the weather was not summer"
    if verb.lemma_.lower() in lists["appeal_verbs"] and not _finite_clause(kids):
        return "an appeal"  # "urged calm", "demanded a vote", "urged them to leave": asks for an act, claims nothing
    if verb.lemma_.lower() == "call":
        return _naming(verb, kids, lists)
    if verb.lemma_.lower() == "tell" and _listener_told(kids, lists):
        return "a listener told"  # "..., inquest told": the court heard the claim (a dropped "was")
    if verb.lemma_.lower() in lists["gerund_acts"] and _gerund_only(kids):
        return "an act denied"  # "denied receiving any reports": no claim of fact in a clause
    if verb.lemma_.lower() in lists["reaction_verbs"] and _reacts_to(kids):
        return "a reaction"  # "police responded to a call": an act, not speech
    if verb.lemma_.lower() in lists["clause_only"] and not any(k.dep_ in {"ccomp", "parataxis"} for k in kids) \
            and not any(k.is_quote for k in kids):
        return "an act"  # "announced a plan", "declared a state of emergency": no claim of its own
    if verb.lemma_.lower() == "find" and _found_in_a_state(kids, lists):
        return "a state found"  # "a jury found her guilty", "found the man dead": no claim reported
    if verb.lemma_.lower() in lists["description_verbs"] and _as_adjective(verb, kids):
        return "a description"  # "described the roads as icy": a label for something, no claim of its own
    if any(k.dep_ == "auxpass" for k in kids) and verb.dep_ in {"conj", "xcomp", "advcl"}:
        return "passive"  # "has been declared drought-hit": its subject is spoken about, not speaking
    return None


def _asks_a_question(kids) -> bool:
    """A clause opened by "if", "whether" or a wh-word ("asked how many were hurt")."""
    return any(k.dep_ == "ccomp" and (k.left_edge.lower_ in {"if", "whether"} or k.left_edge.tag_ in {"WDT", "WP", "WRB"})
               for k in kids)


def _a_saying(verb, kids, lists) -> bool:
    """"as they say", "as you say": "as" and a generic subject, in the present tense."""
    return verb.tag_ in {"VBP", "VBZ"} and any(k.dep_ == "mark" and k.lower_ == "as" for k in kids) and any(
        k.dep_ == "nsubj" and k.lower_ in lists["saying_subjects"] for k in kids)


def _finite_clause(kids) -> bool:
    """A clause of the verb's own that is not an infinitive: "demanded that the vote be held
    again", '"Stay indoors," the mayor urged' (not "urged them to leave", "called for talks")."""
    return any(k.dep_ == "ccomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(k))
               for k in kids)


def _listener_told(kids, lists) -> bool:
    """"told" with no one told and a hearing as its subject: "..., jury told", "..., inquest told"
    (a headline's passive with "was" dropped); the subject is who listened, not who spoke."""
    subj = [k for k in kids if k.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subj) and subj[0].lower_ in lists["listener_nouns"] and not any(
        k.dep_ in {"dobj", "dative", "iobj"} for k in kids)


def _gerund_only(kids) -> bool:
    """A gerund is the verb's only complement ("denied taking part"), no clause, quote or object."""
    return any(k.dep_ in {"xcomp", "dobj"} and k.tag_ == "VBG" for k in kids) and not any(
        k.dep_ in {"ccomp", "parataxis", "oprd"} or k.dep_ == "dobj" and k.tag_ != "VBG" for k in kids)


def _reacts_to(kids) -> bool:
    """A "to" object and no clause or quote of its own: "responded to the report of a fight"."""
    return any(k.dep_ == "prep" and k.lower_ == "to" for k in kids) and not any(
        k.dep_ in {"ccomp", "xcomp", "advcl", "parataxis"} for k in kids)


def _naming(verb, kids, lists) -> str | None:
    """'called' naming something ("formerly called X", "is called X", "the so-called X") or
    calling an event ("called a meeting"), rather than calling something a name as a claim."""
    if any(k.dep_ == "advmod" and k.lower_ in lists["naming_adverbs"] for k in kids):
        return "naming"
    if verb.dep_ in {"acl", "amod", "relcl"} and not any(k.dep_ in {"nsubj", "ccomp"} for k in kids):
        return "naming"
    if any(k.dep_ in {"auxpass", "nsubjpass"} for k in kids):
        return "naming"
    if any(k.dep_ == "prep" and k.lower_ in {"on", "upon"} and k.i == verb.i + 1
           and not any(o.ent_type_ in {"DATE", "TIME"} for o in children(k)) for k in kids):
        return "an appeal"  # "called on teachers not to strike": asks for an act, claims nothing
    if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "for" and not _finite_clause(kids):
        return "an appeal"  # "called for an inquiry", "called for the talks to resume"
    objs = [k for k in kids if k.dep_ == "dobj"]
    if objs and objs[0].lemma_.lower() in lists["event_objects"] and not any(k.dep_ in {"oprd", "xcomp"} for k in kids):
        return "an event called"
    return None


def _found_in_a_state(kids, lists) -> bool:
    """A state word of ``found_states`` as the small clause's head, or right after the object
    ("found her [not] guilty", "found one of the men dead"): no clause with a verb of its own."""
    if any(k.dep_ in {"ccomp", "oprd", "xcomp", "acomp"} and k.lower_ in lists["found_states"] for k in kids):
        return True  # the parser's small clause: "found [her] GUILTY"
    for k in kids:
        if k.dep_ != "dobj" or k.right_edge.i + 1 >= len(k.doc):
            continue
        nxt = k.doc[k.right_edge.i + 1]
        if nxt.lower_ == "not" and nxt.i + 1 < len(k.doc):
            nxt = k.doc[nxt.i + 1]
        if nxt.lower_ in lists["found_states"]:
            return True
    return False


def _as_adjective(verb, kids) -> bool:
    """An object and "as" + a bare adjective, nothing quoted: "described the roads as icy"."""
    preps = [k for k in kids if k.dep_ == "prep" and k.lower_ == "as"]
    if not any(k.dep_ == "dobj" for k in kids) or not preps:
        return False
    words = list(preps[0].subtree)[1:]
    quoted = any(t.is_quote for t in verb.doc[verb.i:preps[0].right_edge.i + 1])
    return bool(words) and words[0].tag_ == "JJ" and not quoted and not any(t.pos_ == "NOUN" and t.head.i == preps[0].i
                                                                           for t in words)
