"""Verbs the parser reads in pieces: passives that share one "be", and hyphenated verbs.

"was arrested and charged", "were beaten, detained and released", "two were killed and three
others wounded" (verbs that share the first verb's "be"); "was re-elected" (the tokenizer splits
it into "re", "-", "elected"). Used by :func:`kit.framing.passives.find_passives`.

>>> doc = parse("He was held, questioned and re-arrested.")
>>> [t.text for t in doc if coordinated(t, Tree(doc), {"harm_verbs": frozenset()})]
['questioned', 're', '-', 'arrested']
>>> again = reparsed(doc[:], frozenset({"re"}))  # "re-arrested" one word, as find_passives reads it
>>> [t.text for t in again if coordinated(t, Tree(again), {"harm_verbs": frozenset()})]
['questioned', 're-arrested']
"""

from __future__ import annotations

import functools
import re

from kit.core.nlp import load_model, parse
from kit.framing.tree import Tree


def verb_lemma(tok) -> str:
    """The base form of a verb, hyphenated ones too ("re-elected" -> "re-elect", where spaCy's
    lemmatizer gives "re-electe").

    >>> doc = reparsed(next(parse("He was re-elected.").sents), frozenset({"re"}))
    >>> verb_lemma(doc[1]), verb_lemma(doc[2])
    ('be', 're-elect')
    """
    text = tok.text
    if tok.pos_ in ("PROPN", "NOUN", "ADJ"):  # a title-case headline's "Accused", read as a name
        return _base_form(text.lower())
    if "-" not in text.strip("-"):
        return _silent_e(text.lower(), tok.lemma_.lower())
    first, _, last = text.lower().rpartition("-")
    return f"{first}-{_base_form(last)}"


def _silent_e(form: str, lemma: str) -> str:
    """The lemmatizer's "fin" for "fined" and "spar" for "spared": a one-syllable base ending in
    one vowel and one consonant doubles it before "-ed" ("planned"), so "fined" is "fine".

    >>> _silent_e("fined", "fin"), _silent_e("spared", "spar"), _silent_e("opened", "open"), _silent_e("killed", "kill")
    ('fine', 'spare', 'open', 'kill')
    """
    if form.endswith("ed") and lemma == form[:-2] and re.fullmatch(r"[^aeiouy]*[aeiou][^aeiouwxy]", lemma):
        return lemma + "e"
    return lemma


@functools.lru_cache(maxsize=1024)
@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset:
    """The lemmatizer's list of base verbs."""
    return frozenset(load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


def _base_form(word: str) -> str:
    """The base form of a lower-case verb form, read as a past participle."""
    from spacy.tokens import Doc

    nlp = load_model()
    tok = Doc(nlp.vocab, words=[word], pos=["VERB"], tags=["VBN"])[0]
    try:
        return nlp.get_pipe("lemmatizer").rule_lemmatize(tok)[0].lower()
    except Exception:  # pragma: no cover - a model without a rule lemmatizer
        return word


def _joins(doc, i: int, prefixes: frozenset) -> bool:
    """True when token ``i`` is a prefix written with a hyphen onto a word: "re" in "re-elected"."""
    t = doc[i]
    return (i + 2 < len(doc) and t.lower_ in prefixes and not t.whitespace_ and doc[i + 1].text == "-"
            and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha
            and (doc[i + 2].tag_.startswith("VB") or doc[i + 2].lower_.endswith(("ed", "en"))))


def hyphen_sentences(doc, prefixes: frozenset) -> list:
    """The sentences with a hyphenated verb that the tokenizer split ("re-elected" as "re - elected",
    which the parser then reads as an adjective "re")."""
    seen: dict[int, object] = {}
    for i in range(len(doc) - 2):
        if _joins(doc, i, prefixes):
            sent = doc[i].sent
            seen.setdefault(sent.start, sent)
    return list(seen.values())


def reparsed(sent, prefixes: frozenset):
    """``sent`` parsed again as a text of its own, each hyphenated word one token (same characters).

    >>> s = next(parse("The senator was re-elected and sworn in.").sents)
    >>> [t.text for t in reparsed(s, frozenset({"re"}))][:4]
    ['The', 'senator', 'was', 're-elected']
    """
    from spacy.tokens import Doc

    words, spaces, i = [], [], sent.start
    doc = sent.doc
    while i < sent.end:
        if i + 2 < sent.end and _joins(doc, i, prefixes):
            words.append(doc[i : i + 3].text)
            i += 2
        else:
            words.append(doc[i].text)
        spaces.append(bool(doc[i].whitespace_) and i + 1 < sent.end)
        i += 1
    nlp = load_model()
    return nlp(Doc(nlp.vocab, words=words, spaces=spaces))


def agent(verb, tree: Tree, manner: frozenset = frozenset()):
    """The "by" phrase of a passive verb and the noun in it, or (None, None).

    A bare noun in ``manner`` says how, not who: "sent by mistake", "delivered by road".

    >>> doc = parse("Letters were sent by mistake. Aid was sent by the army.")
    >>> [agent(doc[i], Tree(doc), frozenset({"mistake"}))[1] for i in (2, 8)]
    [None, army]
    """
    child = tree.first(verb, "agent")
    if child is None:
        return None, None
    noun = tree.first(child, "pobj")
    if noun is None and (gerund := tree.first(child, "pcomp")) is not None:
        noun = tree.first(gerund, "nsubj")  # "by the army's growing pressure": a doer the parser made a subject
    if noun is not None and of_manner(noun, tree, manner):
        return None, None
    return child, noun


def of_manner(noun, tree: Tree, manner: frozenset) -> bool:
    """The noun of a "by" phrase says how, not who: a bare noun in ``manner`` ("by mistake",
    "by road"); with a determiner or a modifier ("by the road crew") it can be a doer. A date
    or a time says when: "will be decided by Friday", "is due to be paid by 2030"."""
    if noun.ent_type_ in ("DATE", "TIME"):
        return True
    return noun.lower_ in manner and not tree.has(noun, "det", "poss", "amod", "compound", "nummod")


def _is_passive_head(tok, tree: Tree) -> bool:
    """True when ``tok`` is a passive verb with its own "be", or a list member of one."""
    for _ in range(3):  # "were beaten, detained and later released": up the list, a few steps
        if tok.tag_ == "VBN" and tree.has(tok, "auxpass"):
            return True
        if tok.dep_ not in ("conj", "advcl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _object(tok, tree: Tree) -> bool:
    """``tok`` has an object that is not the start of an aside in dashes: in "23 were hurt
    and hospitalised — two of them badly —" the parser may take "two" for an object."""
    doc = tok.doc
    return any(c.dep_ == "dobj" and not (c.left_edge.i > tok.i + 1 and doc[c.left_edge.i - 1].text in ("—", "–", "--"))
               for c in tree.children(tok))


def quoted_participle(tok, tree: Tree) -> bool:
    """A participle in quotation marks after "being"/"been", which the tagger may call an
    adjective: 'to keep staff from being “overwhelmed”' is a passive all the same."""
    doc = tok.doc
    if not (tok.tag_ == "JJ" and tok.lower_.endswith(("ed", "en")) and 0 < tok.i < len(doc) - 1
            and doc[tok.i - 1].text in "\"“‘'" and doc[tok.i + 1].text in "\"”’'"):
        return False
    if tok.dep_ == "acomp" and tok.head.lower_ in ("being", "been"):
        return True
    return any(c.dep_ == "auxpass" and c.lower_ in ("being", "been") for c in tree.children(tok))


def coordinated(tok, tree: Tree, words: dict) -> bool:
    """A verb that shares the "be" of a passive before it, and so is passive too.

    "was arrested and charged with fraud", "were beaten, detained and later released",
    "two were killed and three others wounded" (a run-on list: the parser may call the second
    verb a past tense; it counts only for harm verbs, with its own subject and no object),
    "was pulled out and brought to a clinic" (a verb that needs an object, with none),
    "15 dead and 20 others wounded", "were missing and feared dead".

    >>> doc = parse("Two were killed and three others wounded. He was held, questioned and released.")
    >>> [t.text for t in doc if coordinated(t, Tree(doc), {'harm_verbs': frozenset({'kill', 'wound'})})]
    ['wounded', 'questioned', 'released']
    """
    if tok.dep_ not in ("conj", "advcl") or tree.has(tok, "aux", "auxpass", "nsubjpass", "ccomp") or _object(tok, tree):
        return False
    own = tree.first(tok, "nsubj")
    if own is not None and not (tok.dep_ == "conj" and _is_count(own, tree)):
        return False  # "... and the army attacked", "... and protesters dispersed": active
    lemma = tok.lemma_.lower()
    harm = lemma in words["harm_verbs"]
    takes_object = harm or lemma in words.get("headline_verbs", ()) or lemma in words.get("carry_verbs", ())
    if tok.tag_ == "JJ" and tok.dep_ == "conj" and own is None and tok.lower_.endswith("ed") and tree.has(tok.head, "auxpass") \
            and tok.head.tag_ == "VBN" and _base_form(tok.lower_) in _verbs():
        return True  # "is banned or severely limited": a participle the tagger called an adjective, sharing the "is"
    if tok.tag_ != "VBN" and not (tok.tag_ == "VBD" and (harm and own is not None or takes_object and own is None)):
        return False  # "... and brought to a clinic": a verb that needs an object, tagged as a past tense
    if tok.dep_ == "advcl":  # only a list member right after a comma: "held, questioned"
        before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        if before is None or before.text != "," or tok.left_edge.i != tok.i or own is not None or tree.has(tok, "mark"):
            return False
    if own is not None and harm:
        return True  # "9 dead and 30 others wounded": a count hurt, whatever came before
    if tok.tag_ == "VBN" and tree.has(tok, "oprd") and _shares_be(tok.head, tree):
        return True  # "were missing and feared dead": the "were" of "missing"
    return _is_passive_head(tok.head, tree)


def _shares_be(tok, tree: Tree) -> bool:
    """``tok`` has a "be" of its own that a verb joined to it by "and" can share."""
    return any(c.dep_ in ("aux", "auxpass", "cop") and c.lemma_ == "be" for c in tree.children(tok))


def _is_count(tok, tree: Tree) -> bool:
    """A subject that counts people, as in a casualty list: "20", "three others", "dozens more".

    >>> doc = parse("Three others and dozens more, not the army.")
    >>> [t.text for t in doc if _is_count(t, Tree(doc))]
    ['Three', 'others', 'dozens']
    """
    return (tok.tag_ == "CD" or tree.has(tok, "nummod") or tok.lower_ in ("others", "dozens", "hundreds", "thousands", "scores"))


def shared_agent(tok, tree: Tree, manner: frozenset = frozenset()):
    """The doer of the verb that follows ``tok`` straight after "and" ("looted and burned by the
    militia"); None when something stands between them ("arrested on Monday and charged by ...")."""
    for conj in tree.children(tok):
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and not tree.has(conj, "nsubj", "nsubjpass"):
            between = tok.doc[tok.i + 1 : conj.i]
            if all(t.dep_ in ("cc", "punct") for t in between):
                return agent(conj, tree, manner)[1]
    return None


def accustomed(tok, tree: Tree) -> bool:
    """"used to" + a noun means "accustomed to" ("get used to higher prices"), not a passive;
    "was used to attack" (+ a verb) is one.

    >>> doc = parse("We got used to the noise. It was used to attack.")
    >>> [accustomed(t, Tree(doc)) for t in doc if t.lower_ == "used"]
    [True, False]
    """
    return tok.lower_ == "used" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tree.children(tok))


def piece(tok) -> bool:
    """True for the first piece of a word the tokenizer split at a hyphen ("re" of "re-elected").

    >>> [piece(t) for t in parse("re-elected")]
    [True, False, False]
    """
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_
