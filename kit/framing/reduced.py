"""Passives without "be" that the parser hangs in the wrong place (issue 21).

:mod:`kit.framing.participles` finds a reduced passive where the parser reads it as one; real
news also has these, which it reads as something else:

* a participle after "with" whose noun the parser took for the object of "with": "with most
  roads flooded", "with 30 percent of the crop damaged", "with dozens of families given
  tents";
* a participle that ends the subject, right before the sentence's verb: "the money raised was
  returned", "two of the samples tested contain lead", "news printed that is false";
* a participle right after a noun that the parser hung on the main verb: "staff will help
  with sorting parcels sent from abroad";
* the second of two participles after a noun: "a plan drafted in May and adopted in June";
* a participle the tagger took for a noun or an adjective after "be": "the note may have
  been misread", "the risk was misjudged".

Each function takes a participle and returns the noun it was done to, else None. The word
lists (verbs that take no object, participles that only describe) are the ones in
``kit/framing/data/en/passives.toml``.

>>> from kit import parse, find_passives
>>> [p.verb for p in find_passives(parse("With most roads flooded, buses stopped."))]
['flood']
"""

from __future__ import annotations

import functools

from kit.core.nlp import load_model
from kit.framing.tree import Tree

_FINITE = ("VBZ", "VBP", "VBD", "MD")
_NOMINAL = ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON", "ADV", "PART")
_LITTLE = ("of", "than")  # "with more than 300 families ...", "with 40 percent of the roads ..."
_NOUNS = ("NOUN", "PROPN", "NUM", "PRON")
_PERSONAL = ("i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "who", "which", "that")
_OWN = ("aux", "auxpass", "nsubjpass", "expl")  # a "by" phrase is kept: the record names the doer


def _base(tok) -> str:
    from kit.framing.participles import _base as base

    return base(tok)


def _floor(tok, n: int) -> int:
    """The first token of ``tok``'s sentence, looked for at most ``n`` tokens back (the parser's
    sentence of a token is found by walking the whole sentence: quadratic on a run-on text)."""
    k = tok.i
    while k > 0 and k > tok.i - n and not tok.doc[k].is_sent_start:
        k -= 1
    return k


def _participle(tok, words: dict) -> bool:
    """A past participle (or a past tense the tagger gave one) of a verb that takes an object
    and does more than describe."""
    if tok.tag_ not in ("VBN", "VBD"):
        return False
    base = _base(tok)
    return base not in words["stative"] and base not in words.get("absolute_intransitives", ()) \
        and tok.lemma_ not in ("be", "have", "do", "get")


def with_absolute(tok, tree: Tree, words: dict):
    """The noun of "with" + noun + participle, however the parser hung it: "with many
    evacuated", "With 40 percent of the grid impacted, ...", "with 300 families offered beds".
    Only nouns, numbers and their little words stand between "with" and the participle.

    >>> w = {"stative": frozenset(), "absolute_intransitives": frozenset({"go"})}
    >>> from kit import parse
    >>> doc = parse("With half of the bridges damaged, trucks waited. With the mayor gone, nobody came.")
    >>> [with_absolute(t, Tree(doc), w) for t in doc if t.lower_ in ("damaged", "gone")]
    [half, None]
    """
    if not _participle(tok, words) or tree.has(tok, *_OWN) or tok.dep_ == "amod" and tok.head.i > tok.i:
        return None  # "with its stated aim": an adjective before its noun
    doc = tok.doc
    j = tok.i - 1
    floor = _floor(tok, 12)
    while j >= floor and doc[j].lower_ not in ("with", "without") and (doc[j].pos_ in _NOMINAL or doc[j].lower_ in _LITTLE):
        j -= 1
    if j < floor or doc[j].lower_ not in ("with", "without") or j == tok.i - 1:
        return None
    span = doc[j + 1 : tok.i]
    if not any(t.pos_ in _NOUNS for t in span) and not any(t.dep_ in ("pobj", "nsubj") for t in span):
        return None
    if any(t.lower_ in _PERSONAL for t in span):
        return None  # "with an intensity that we had": a clause of its own
    subj = tree.first(tok, "nsubj")
    if subj is not None and subj.i < j:
        return None  # "Those with children attended": the verb of "those"
    tops = [t for t in span if (t.pos_ in _NOUNS or t.dep_ in ("pobj", "nsubj")) and not (j < t.head.i < tok.i)]
    return tops[0] if tops else None


def before_the_verb(tok, tree: Tree, words: dict):
    """The noun right before a participle that ends the subject, where the sentence's verb
    follows at once with no subject of its own: "the money raised was returned", "two of the
    samples tested contain lead", "news printed that is false" (the parser's clausal subject).

    >>> w = {"stative": frozenset(), "bare_infinitive_verbs": frozenset({"help"})}
    >>> from kit import parse
    >>> doc = parse("Police said the cash recovered was fake.")
    >>> before_the_verb(doc[4], Tree(doc), w)
    cash
    """
    doc = tok.doc
    if not _participle(tok, words) or tok.i == 0 or tok.i + 1 >= len(doc) or tok.dep_ == "relcl" \
            or tree.has(tok, "dobj", "mark", *_OWN) or tok.left_edge.tag_ in ("WP", "WDT"):
        return None  # "the man police arrested was ...", "what the police found was ...": active
    noun = doc[tok.i - 1]
    if noun.pos_ not in _NOUNS or noun.lower_ in _PERSONAL or not noun.whitespace_:
        return None
    if not (tok.head.i == noun.i or any(c.dep_ == "nsubj" and c.i <= noun.i for c in tree.children(tok))):
        return None
    if tok.dep_ == "csubj":
        return noun  # "news printed that is false": the parser's clause as subject
    verb = doc[tok.i + 1]
    subj = tree.first(verb, "nsubj", "nsubjpass", "expl", "csubj")
    if verb.pos_ not in ("VERB", "AUX") or subj is not None and not subj.left_edge.i <= noun.i <= subj.right_edge.i:
        return None  # a subject of its own; "the aid provided is ...": the noun itself is the subject
    if verb.dep_ == "xcomp":  # "samples tested contain": the parser's bare infinitive, unless "helped clear"
        bare = verb.head.i == tok.i and verb.tag_ in ("VB", "VBP", "VBZ") and not tree.has(verb, "aux")
        return noun if bare and _base(tok) not in words.get("bare_infinitive_verbs", ()) else None
    return noun if verb.tag_ in _FINITE and verb.head.i != tok.i else None  # "bags taped closed": its own word


def hung_relative(tok, tree: Tree, words: dict):
    """The noun right before a participle that the parser hung on the main verb as a clause of
    its own: "help with sorting parcels sent from abroad" ("sent" a clause of "help"). Only
    with no comma, subject or helping verb, and a place, time or purpose after it.

    >>> w = {"stative": frozenset()}
    >>> from kit import parse
    >>> doc = parse("The extra officers will assist with checking and processing drivers taken into custody.")
    >>> hung_relative(doc[10], Tree(doc), w)
    drivers
    """
    if tok.dep_ not in ("advcl", "conj") or not _participle(tok, words) or tok.i == 0:
        return None  # a past tense with no subject is a participle too: "of the man captured on video"; as a
        # "conj" of the main verb with no "and" or comma before it, it cannot be a second verb of the sentence
    if tree.has(tok, "nsubj", "mark", "dobj", "agent", *_OWN):
        return None
    noun = tok.doc[tok.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or tok.left_edge.i != tok.i or noun.head.i == tok.i:
        return None
    after = [c for c in tree.children(tok) if c.i > tok.i]
    return noun if after and after[0].i == tok.i + 1 and after[0].dep_ in ("prep", "prt", "npadvmod") else None


def second_relative(tok, tree: Tree, words: dict):
    """The noun of the second of two participles after it: "a plan drafted in May and adopted
    in June", whether the parser joins "adopted" to "drafted" or hangs it elsewhere.

    >>> w = {"stative": frozenset()}
    >>> from kit import parse
    >>> doc = parse("They read a plan drafted in May and adopted in June.")
    >>> second_relative(doc[8], Tree(doc), w)
    plan
    """
    if not _participle(tok, words) or tree.has(tok, "nsubj", "dobj", *_OWN) or tok.i < 3:
        return None
    doc, k = tok.doc, tok.i - 1
    while k > 2 and doc[k].dep_ == "advmod" and doc[k].head.i == tok.i:
        k -= 1  # "captured on video and soon streamed around the world"
    if doc[k].lower_ not in ("and", "or"):
        return None
    if tok.dep_ == "conj" and tok.head.dep_ == "advcl":
        return hung_relative(tok.head, tree, words)  # the first participle hung on the main verb
    first = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "acl" else None
    if first is None:  # hung elsewhere: the clause before "and" is a participle's, ending right there
        first = next((t for t in doc[_floor(tok, 15) : k] if t.right_edge.i == k - 1 and (
            t.dep_ == "acl" or hung_relative(t, tree, words) is not None)), None)
        if first is None or not any(c.i > tok.i for c in tree.children(tok)):
            return None
        if first.dep_ != "acl":
            return hung_relative(first, tree, words)
    if first.tag_ != "VBN" or first.head.pos_ not in ("NOUN", "PROPN") or first.head.i > first.i:
        return None
    return first.head


@functools.lru_cache(maxsize=1)
def _word_index() -> dict:
    """The lemmatizer's lists of base words, by part of speech ("verb", "noun", "adj")."""
    table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {pos: frozenset(table[pos]) for pos in ("verb", "noun", "adj")}


def after_be(tok, tree: Tree):
    """The subject of a passive whose participle the tagger read as a noun or an adjective
    right after "be": "may have been misread", "was misjudged". Only words the lemmatizer
    knows as verbs and never as nouns or adjectives ("was tired", "was based" are states),
    unless the sentence shows the act: "it was decided that ..." (an empty "it" and a clause of
    what was found), or a participle set off from its "be" by commas ("were, once more, sent").

    >>> from kit import parse
    >>> doc = parse("The risk was misjudged. The man was tired.")
    >>> after_be(doc[3], Tree(doc)), after_be(doc[8], Tree(doc))
    (risk, None)
    """
    be = _be_before(tok)
    if tok.dep_ not in ("attr", "acomp") or be is None or tok.tag_ not in ("VBN", "NN", "JJ"):
        return None
    index, word = _word_index(), tok.lower_
    subject = tree.first(be, "nsubj", "nsubjpass")
    if tree.has(tok, "det", "amod", "poss", "compound"):
        return None
    if word in index["noun"] or word in index["adj"]:
        that = any(c.dep_ == "ccomp" and tree.has(c, "mark") for c in tree.children(tok))
        if not (that and subject is not None and subject.lower_ == "it") and not (be.i < tok.i - 1 and tok.tag_ == "VBN"):
            return None
    base = _base(tok) if word.endswith("ed") else word
    return subject if base in index["verb"] else None


def _be_before(tok):
    """``tok``'s own "be" right before it, or a "be" set off from it by commas and adverbs
    ("were, once more, isolated": the parser may hang that "be" elsewhere), else None."""
    doc, k = tok.doc, tok.i - 1
    while k > 0 and tok.i - k < 5 and (doc[k].text == "," or doc[k].pos_ == "ADV" or doc[k].tag_ == "JJR"):
        k -= 1
    be = doc[k]
    if be.lemma_ != "be" or k < 0:
        return None
    if k == tok.i - 1:
        return be if tok.head == be else None
    return be if doc[k + 1].text == "," and doc[tok.i - 1].text == "," else None


def bare_get(tok, tree: Tree) -> bool:
    """True for "get" + a participle as an instruction or an aim, with no modal: "get vaccinated
    before winter", "urged to get tested": the person told does it, nobody is hidden.

    >>> from kit import parse
    >>> doc = parse("Get tested today. He got hurt.")
    >>> bare_get(doc[1], Tree(doc)), bare_get(doc[6], Tree(doc))
    (True, False)
    """
    get = tree.first(tok, "auxpass")
    if get is None or get.lemma_ != "get" or get.tag_ != "VB":
        return False
    heads = [tok, tok.head] if tok.dep_ in ("conj", "xcomp") else [tok]
    return not any(c.tag_ == "MD" for h in heads for c in tree.children(h))


def noun_compound(tok) -> bool:
    """A bare participle spelled like its base word right after a noun, with nothing of its
    own after it: a compound noun ("a data set", "the tax cut"), not "rules set by law".

    >>> from kit import parse
    >>> doc = parse("They studied one data set.")
    >>> noun_compound(doc[4])
    True
    """
    if tok.i == 0 or tok.lower_ != tok.lemma_.lower() or not tok.lower_.isalpha():
        return False
    noun = tok.doc[tok.i - 1]
    if noun.tag_ not in ("NN", "NNS") or not (tok.head == noun or noun.head == tok):
        return False
    deps = ("prep", "agent", "prt", "npadvmod", "advmod", "oprd", "xcomp", "dobj", "ccomp", "dative")
    return not any(c.dep_ in deps for c in tok.children)


def states_with_be(tok, tree: Tree, words: dict) -> bool:
    """True when "be" + ``tok`` names a state, not an act: a participle of state or feeling
    ("were involved in", "are saddened"), "is set to" + a verb ("is going to"), or "un" + a
    participle that is no verb of its own ("was uncontrolled"; "were unloaded" is an act).

    >>> from kit import parse
    >>> w = {"states_with_be": frozenset({"involve"}), "going_to": frozenset({"set"})}
    >>> doc = parse("Two men were involved. The strike is set to start. The road was uncontrolled. Cars were unloaded.")
    >>> [t.text for t in doc if t.tag_ == "VBN" and states_with_be(t, Tree(doc), w)]
    ['involved', 'set', 'uncontrolled']
    """
    from kit.framing.verbs import _base_form

    word = tok.lower_
    base = _base_form(word) if tok.pos_ != "VERB" or not tok.lemma_.isalpha() else tok.lemma_.lower()
    after = tok.doc[tok.i + 1 : tok.i + 3]
    reported = base in words.get("report_participles", ()) and [t.lower_ for t in after[:1]] == ["to"] \
        and len(after) == 2 and after[1].tag_ == "VB"  # "are known to hide": a report, like "are believed to"
    if not reported and base in words.get("states_with_be", ()) \
            or f"{tok.doc[tok.i - 1].lower_} {base}" in words.get("states_after_degree", ()):
        return True  # "are saddened"; "prices were little changed": a market's state
    if any(c.dep_ == "auxpass" and _base_form(c.lower_) in words.get("state_copulas", ()) for c in tree.children(tok)):
        return True  # "remains hospitalized", "stayed closed": a state the parser gave a passive's helper
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if base in words.get("states_with_to", ()) and nxt is not None and nxt.lower_ == "to" and (
            tree.has(tok, "neg") or tok.doc[tok.i - 1].lower_ in ("not", "n't")):
        return True  # "are not limited to fraud": a scope
    if base in words.get("going_to", ()) and not tree.has(tok, "prt") and any(  # not "set up/aside to"; xcomp or advcl
            c.dep_ in ("xcomp", "advcl") and c.i > tok.i and tree.has(c, "aux") and tree.first(c, "aux").lower_ == "to"
            and all(t.pos_ == "ADV" for t in tok.doc[tok.i + 1 : tree.first(c, "aux").i])  # "set for maize to ..." acts
            for c in tree.children(tok)):
        return True
    verbs = _word_index()["verb"]
    return word.startswith("un") and _base_form(word) not in verbs and _base_form(word[2:]) in verbs


def among_inverted(tok) -> bool:
    """Does the participle ``tok`` end a fronted "Among ..." right before an inverted "be" ("Among
    the staff questioned was the manager", "Among those hurt were two children")? Then it reports
    what was done to the group, though no time or place follows it.

    >>> from kit import parse
    >>> doc = parse("Among the staff questioned was the manager. Among the staff was a cook.")
    >>> among_inverted(doc[3])
    True
    """
    doc, noun = tok.doc, tok.head
    end = tok.right_edge.i + 1
    if noun.dep_ != "pobj" or noun.head.lower_ != "among" or noun.head.i != tok.sent.start or end >= len(doc):
        return False
    return doc[end].lemma_ == "be" and noun.head.head.i == end
