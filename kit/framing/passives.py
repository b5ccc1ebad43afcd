"""Passives and other clauses that can hide who did something.

"vehicles were set on fire" (passive), "civilians killed in strikes" (participle), "bodies lay in a hospital"
(intransitive), "strikes killed 12 people" (event subject). Word lists: ``kit/framing/data/en/passives.toml``.

>>> from kit import parse
>>> [p.text for p in find_passives(parse("Shops were looted. Strikes killed 12 people."))]
['Shops were looted', 'Strikes killed 12 people']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import tomllib

from kit.attribution.units import DASHES
from kit.core.nlp import doc_text, parse
from kit.framing.labels import DATA, check_doc, key
from kit.framing.reduced import (after_be, bare_get, before_the_verb, hung_relative, noun_compound, second_relative,
                                  states_with_be, with_absolute)
from kit.framing.elliptic import elliptic_participle
from kit.framing.tree import Tree, balance
from kit.framing.participles import (absolute_participle, by_phrase, cause_participle, fronted_participle, headline_passive,
                                      participle_clause, past_dateline, reduced_relative, title_headline_passive)
from kit.framing.verbs import accustomed, agent, coordinated, hyphen_sentences, piece, quoted_participle, reparsed, shared_agent, verb_lemma

PASSIVES_FILE = DATA / "passives.toml"
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any alphabet


@dataclass(frozen=True)
class Passive:
    """A clause that can hide who did something.

    ``kind``: "passive" (vehicles were set on fire), "participle" (civilians killed in
    strikes), "intransitive" (bodies lay in a hospital) or "event_subject" (strikes killed
    twelve people). ``agent`` is who did it when the clause says so ("by ..."), else None.
    """

    text: str
    start_char: int
    end_char: int
    verb: str
    patient: str | None
    agent: str | None
    kind: str = "passive"

    cause: str | None = None  # for "event_subject": the event word ("strikes", "fighting")

    @property
    def hides_actor(self) -> bool:
        return self.agent is None

    @property
    def question(self) -> str:
        """The question a careful reader asks about this clause.

        >>> Passive("vehicles were set", 0, 17, "set", "vehicles", None).question
        '“vehicles were set”: by whom? Who did it?'
        """
        if self.agent is not None:
            return f"\u201c{self.text}\u201d: the doer is named ({self.agent})."
        if self.kind == "event_subject":
            return f"\u201c{self.text}\u201d: whose {self.cause or 'attack'}? Who did it?"
        if self.kind == "intransitive":
            return f"\u201c{self.text}\u201d: what happened here, and who caused it?"
        return f"\u201c{self.text}\u201d: by whom? Who did it?"


@functools.lru_cache(maxsize=2)
def load_passive_words(path: str | None = None) -> dict:
    """The word lists for :func:`find_passives`.

    >>> "kill" in load_passive_words()["harm_verbs"]
    True
    """
    with open(path or PASSIVES_FILE, "rb") as fh:
        data = tomllib.load(fh)
    return {
        "harm_verbs": frozenset(data["harm_verbs"]["terms"]),
        "intransitives": frozenset(data["hiding_intransitives"]["terms"]),
        "fall": frozenset(data["fall_places"]["terms"]),
        "fall_entities": frozenset(data["fall_places"]["entity_types"]),
        "event_nouns": frozenset(data["event_subjects"]["nouns"]),
        "event_verbs": frozenset(data["event_subjects"]["verbs"]),
        "hyphen_prefixes": frozenset(data.get("hyphen_prefixes", {}).get("terms", ())),
        "headline_verbs": frozenset(data.get("headline_verbs", {}).get("terms", ())),
        "stative": frozenset(data.get("describing_participles", {}).get("terms", ())),
        "manner": frozenset(data.get("manner_by", {}).get("nouns", ())),
        "absolute_intransitives": frozenset(data.get("absolute_intransitives", {}).get("terms", ())),
        "bare_infinitive_verbs": frozenset(data.get("bare_infinitive_verbs", {}).get("terms", ())),
        "carry_verbs": frozenset(data.get("carry_verbs", {}).get("terms", ())),
        "intransitive_participles": frozenset(data.get("intransitive_participles", {}).get("terms", ())),
        "states_with_be": frozenset(data.get("states_with_be", {}).get("terms", ())),
        "going_to": frozenset(data.get("going_to", {}).get("terms", ())),
        "states_with_to": frozenset(data.get("states_with_to", {}).get("terms", ())),
        "states_after_degree": frozenset(data.get("states_after_degree", {}).get("terms", ())),
        "naming_with_as": frozenset(data.get("naming_with_as", {}).get("terms", ())),
        "report_participles": frozenset(data.get("report_participles", {}).get("terms", ())),
        "fronted_participles": frozenset(data.get("fronted_participles", {}).get("terms", ())),
        "state_copulas": frozenset(data.get("state_copulas", {}).get("terms", ())),
    }


def _phrase(tokens) -> tuple[int, int]:
    toks = list(tokens)
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _np_range(head, tree: Tree) -> tuple[int, int]:
    """First and last token of the noun phrase ``head`` heads, without relative clauses,
    participles, appositions or prepositional phrases after it ("her daughter-in-law, who ..."
    -> "her daughter-in-law"). Conjoined nouns after it are read the same way."""
    memo_key = ("np", head.i)
    if memo_key in tree.memo:
        return tree.memo[memo_key]
    doc = head.doc
    lo = hi = head.i
    stack = [head]
    while stack:  # a stack, not recursion: "a, b, c, ..." chains its conjuncts
        h = stack.pop()
        for child in tree.children(h):
            if child.dep_ in ("relcl", "acl", "advcl"):
                continue
            if child.dep_ == "appos" and doc[child.left_edge.i - 1].is_punct:
                continue
            if child.i > h.i and child.dep_ == "prep" and child.lower_ != "of" and doc[child.i - 1].whitespace_:
                continue
            if child.dep_ == "punct" and (child.whitespace_ or doc[child.i - 1].whitespace_ or child.text in ".!?;:") \
                    and not _wraps(child, h):
                continue
            if child.i > h.i and child.dep_ == "conj":
                lo, hi = min(lo, child.i), max(hi, child.i)
                stack.append(child)
            else:
                lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i)
    stop = min(len(doc) - 1, hi + 8)  # a few pieces: a long run of hyphens stays linear
    while hi < stop and not doc[hi].whitespace_ and "-" in (doc[hi].text, doc[hi + 1].text):
        hi += 1  # a word joined by hyphens is one word: "daughter-in-law"
    dash = next((k for k in range(head.i - 1, lo - 1, -1) if doc[k].text in DASHES and doc[k].whitespace_), None)
    lo = dash + 1 if dash is not None else lo  # "OSLO, Norway - Two activists": a dateline stays out
    text = doc_text(doc)
    start, end = balance(text, doc[lo].idx, doc[hi].idx + len(doc[hi]), cut=True)
    if start < end:  # brackets in pairs, no stray punctuation: "[Reuters] Protesters" -> "Protesters"
        inside = [t.i for t in doc[max(lo - 1, 0) : hi + 2] if t.idx >= start and t.idx + len(t) <= end]
        lo, hi = (inside[0], inside[-1]) if inside else (lo, hi)
    tree.memo[memo_key] = (lo, hi) if start < end else (head.i, head.i - 1)
    return tree.memo[memo_key]


def _wraps(mark, head) -> bool:
    """A quotation mark right around a word ("by “terrorists” and ...") belongs to it."""
    return mark.text in "\"“”‘’'" and (
        (mark.i == head.i - 1 and not mark.whitespace_) or (mark.i == head.i + 1 and not head.whitespace_))


def _np_text(token, tree: Tree) -> str:
    """The text of the noun phrase a token heads (see :func:`_np_range`)."""
    lo, hi = _np_range(token, tree)
    return token.doc[lo : hi + 1].text or None  # nothing but punctuation: no patient


def _own_passive_subject(verb, tree: Tree):
    """(subject, False) when ``verb`` names its own passive subject; (None, True) when it shares
    the subject of the verb it is conjoined to; (None, False) when there is none."""
    child = tree.first(verb, "nsubjpass", "csubjpass")
    if child is not None:
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head, False
        return child, False
    if verb.dep_ == "xcomp":  # "Aleppo appears to be lost"
        child = tree.first(verb.head, "nsubj", "nsubjpass")
        if child is not None:
            return child, False
    aux = tree.first(verb, "auxpass")
    if aux is not None and aux.i > 0:
        # "... set on fire and shops were looted": the parser may hang "shops" elsewhere; a
        # clause with its own "were" has its own subject, the noun right before it
        before = verb.doc[aux.i - 1]
        if before.pos_ in ("NOUN", "PROPN", "PRON") and before.dep_ not in ("pobj", "dobj", "compound", "poss"):
            return before, False
    own = tree.first(verb, "nsubj")
    if own is not None and verb.dep_ == "conj" and not tree.has(verb, "aux"):  # "... and three others wounded"
        return own, False
    if aux is not None and verb.dep_ == "conj" and tree.has(verb.head, "nsubj"):
        return tree.first(verb.head, "nsubj"), False  # "Garcia pleaded guilty and was sentenced": his subject
    # "houses were looted and burned", "were beaten, detained and released"
    return None, verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX")


def _own_subject(verb, tree: Tree):
    child = tree.first(verb, "nsubj")
    if child is not None:
        return child, False
    return None, verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")


def _shared(verb, tree: Tree, own, kind: str):
    """``own(verb)``, else the same for the verb it is conjoined to, up the chain: walked
    without recursion and remembered, so a long chain of "and ... and ..." stays linear."""
    chain, found = [], None
    while True:
        if (kind, verb.i) in tree.memo:
            found = tree.memo[(kind, verb.i)]
            break
        chain.append(verb.i)
        found, go_up = own(verb, tree)
        if found is not None or not go_up or verb.head.i == verb.i:
            break
        verb = verb.head
    for i in chain:
        tree.memo[(kind, i)] = found
    return found


def _passive_subject(verb, tree: Tree):
    return _shared(verb, tree, _own_passive_subject, "passive subject")


def _subject(verb, tree: Tree):
    return _shared(verb, tree, _own_subject, "subject")


def _left(token, tree: Tree) -> list:
    """The first token of the phrase ``token`` heads and the token: enough for :func:`_phrase`.
    (Its noun phrase's first token, so a bracket or a dateline before it stays out.)"""
    lo, hi = _np_range(token, tree)
    return [token.doc[lo] if lo <= hi and lo <= token.i else token.left_edge, token]


def _right_end(token) -> int:
    """Where ``token``'s subtree ends in the text."""
    return token.right_edge.idx + len(token.right_edge)


def _record(tree: Tree, tokens, verb, patient, agent_pp, agent_np, kind) -> Passive:
    toks = [t for t in tokens if t is not None]
    start, end = _phrase(toks)
    if kind in ("passive", "participle"):
        # finish the verb's phrase: "set on fire", "beaten to death", "taken into custody"
        for child in (c for c in tree.children(verb) if c.i > verb.i):
            short_prep = (child.dep_ == "prep" and child.i == verb.i + 1
                          and child.right_edge.i - child.left_edge.i < 3)
            if child.dep_ == "prt" or short_prep:
                end = max(end, _right_end(child))
            else:
                break
    if agent_pp is not None:
        end = max(end, _right_end(agent_pp))
    start, end = balance(doc_text(tree.doc), start, end, cut=False)
    return Passive(
        text=doc_text(tree.doc)[start:end],
        start_char=start,
        end_char=end,
        verb=verb_lemma(verb),
        patient=_np_text(patient, tree) if patient is not None else None,
        agent=_np_text(agent_np, tree) if agent_np is not None else None,
        kind=kind,
    )


# ---------------------------------------------------------------- finding


def find_passives(doc, *, kinds: tuple[str, ...] | None = None) -> list[Passive]:
    """Clauses that can hide who did something, from spaCy's dependency labels.

    ``kinds`` keeps only some of "passive", "participle", "intransitive", "event_subject".
    Linear in the length of the text: each token's children are read once.

    >>> doc = parse("Vehicles were set on fire. Two men were arrested by police.")
    >>> [(p.verb, p.patient, p.agent) for p in find_passives(doc)]
    [('set', 'Vehicles', None), ('arrest', 'Two men', 'police')]
    """
    check_doc(doc)
    words = load_passive_words()
    out = _scan(doc, words, kinds)
    for sent in hyphen_sentences(doc, words["hyphen_prefixes"]):
        lo, hi = sent.start_char, sent.end_char
        again = _scan(reparsed(sent, words["hyphen_prefixes"]), words, kinds)
        out = [p for p in out if not lo <= p.start_char < hi]
        out += [replace(p, start_char=p.start_char + lo, end_char=p.end_char + lo) for p in again]
    out.sort(key=lambda p: p.start_char)
    return out


def _scan(doc, words: dict, kinds) -> list[Passive]:
    """Every clause of :func:`find_passives` in one parsed text, in the parser's reading."""
    event_nouns = words["event_nouns"] | _compound_nouns(words)
    tree = Tree(doc)
    out: list[Passive] = []
    for tok in doc:
        if not _LETTER.search(tok.text) or piece(tok):
            continue  # punctuation, or "re" of "re-elected" split by the tokenizer: never a verb
        if tok.lemma_ == "be" or accustomed(tok, tree):
            continue  # "It's been 30 years": the tagger may call "'s" a passive's helper
        if tok.tag_ == "VBN" and tree.has(tok, "auxpass", "nsubjpass", "csubjpass") or coordinated(tok, tree, words) \
                or quoted_participle(tok, tree):
            rec = None if states_with_be(tok, tree, words) or bare_get(tok, tree) else _passive(tok, tree, words["manner"])
        else:
            rec = _participle(tok, tree, words)
            if rec is None and tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod"):
                rec = _active(tok, tree, words, event_nouns)
        if rec is not None and (kinds is None or rec.kind in kinds):
            out.append(rec)
    return out


def _participle(tok, tree: Tree, words: dict) -> Passive | None:
    """The record for a passive without "be" ("civilians killed in strikes", "Aid worker killed
    in attack"; see :mod:`kit.framing.participles`), or None."""
    if _no_deed(tok, words):
        return None
    if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and (tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                                                          or tok.head.tag_ == "JJS"):  # "the highest recorded"
        pp, np_ = agent(tok, tree, words["manner"])
        if (np_ is not None and tok.tag_ == "VBN") or reduced_relative(tok, tree, words):
            return _record(tree, _left(tok.head, tree) + [tok], tok, tok.head, pp, np_, "participle")
    subj = (headline_passive(tok, tree, words) or title_headline_passive(tok, tree, words)
            or fronted_participle(tok, tree, words) or participle_clause(tok, tree, words)
            or absolute_participle(tok, tree, words) or with_absolute(tok, tree, words)
            or before_the_verb(tok, tree, words) or hung_relative(tok, tree, words) or second_relative(tok, tree, words)
            or after_be(tok, tree) or cause_participle(tok, tree, words) or elliptic_participle(tok, tree, words))
    if subj is None:
        return None
    pp, np_ = by_phrase(tok, tree, words["manner"])
    lead = [tok.left_edge] if subj.i > tok.i else []  # "When released, detainees": from "When"
    kind = "passive" if tok.dep_ in ("attr", "acomp") else "participle"  # "was misjudged": with its "be"
    return _record(tree, lead + _left(subj, tree) + [tok], tok, subj, pp, np_, kind)


def _no_deed(tok, words: dict) -> bool:
    """A participle that hides no doer: a verb mostly used without an object ("one drowned in
    the river", ``intransitive_participles``), "the three injured" (a noun), a name or a class
    with "as" ("areas classified as in famine", ``naming_with_as``), a feeling with "about" ("rushed to the scene worried
    about her son", ``states_with_be``), or a noun compound naming a kind of call after "a"
    ("responded to a shots fired call": "a" cannot go with the plural "shots")."""
    base = tok.lemma_.lower()
    if base in words["intransitive_participles"] or noun_compound(tok):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if base in words.get("naming_with_as", ()) and nxt is not None and nxt.lower_ == "as":
        return True  # "two suspects identified as A.B.": a name, not a deed
    if base in words["states_with_be"] and nxt is not None and nxt.lower_ == "about":
        return True
    head = tok.head
    if tok.dep_ == "acl" and head.i == tok.i - 1 and head.tag_ == "CD" and head.i > 0 and \
            tok.doc[head.i - 1].lower_ == "the" and not any(True for _ in tok.children):
        return True  # "the three injured were treated": the injured, a noun
    return (tok.dep_ in ("acl", "amod", "compound") and head.i == tok.i - 1 and head.tag_ == "NNS"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children))


def _passive(tok, tree: Tree, manner: frozenset) -> Passive:
    """The record for a passive verb ("were set on fire", "were looted and burned by ...")."""
    patient = _passive_subject(tok, tree)
    patient = past_dateline(patient) if patient is not None else None
    pp, np_ = agent(tok, tree, manner)
    if np_ is None:  # "houses were looted and burned by the militia": the agent is shared
        np_ = shared_agent(tok, tree, manner)
    first = _left(patient, tree) if patient is not None and patient.i < tok.i else []
    auxpass = [c for c in tree.children(tok) if c.dep_ == "auxpass"]
    return _record(tree, first + auxpass + [tok], tok, patient, pp, np_, "passive")


def _active(tok, tree: Tree, words: dict, event_nouns: frozenset) -> Passive | None:
    """The record for an active verb that hides the doer: "bodies lay ...", "Aleppo fell",
    "strikes killed 12 people"; None for any other verb."""
    lemma = tok.lemma_.lower()
    subj = _subject(tok, tree)
    if subj is None:
        return None
    kids = tree.children(tok)
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in kids):
        return None
    if lemma in words["intransitives"] and not any(c.dep_ == "dobj" for c in kids):
        return _record(tree, [*_left(subj, tree), tok], tok, subj, None, None, "intransitive")
    if lemma in words["fall"] and subj.ent_type_ in words["fall_entities"]:
        return _record(tree, [*_left(subj, tree), tok], tok, subj, None, None, "intransitive")
    if lemma in words["event_verbs"] and key(subj) in event_nouns:
        obj = next((c for c in kids if c.dep_ in ("dobj", "attr")), None)
        tail = [tok.doc[i] for i in _np_range(obj, tree)] if obj is not None else []
        oprd = [c for c in kids if c.dep_ in ("oprd", "prt")]
        return Passive(*_span_text(tree.doc, [*_left(subj, tree), tok, *tail, *oprd]),
                       verb=lemma, patient=_np_text(obj, tree) if obj is not None else None,
                       agent=None, kind="event_subject", cause=subj.text.lower())
    return None


def _compound_nouns(words) -> frozenset:
    return frozenset(n.split()[-1] for n in words["event_nouns"] if " " in n)


def _span_text(doc, toks):
    start, end = balance(doc_text(doc), *_phrase(toks), cut=False)
    return doc_text(doc)[start:end], start, end
