"""Passives and other clauses that can hide who did something.

"vehicles were set on fire" (passive), "civilians killed in strikes" (participle), "bodies lay
in a hospital" (intransitive), "strikes killed 12 people" (event subject). The word lists live
in ``kit/framing/data/en/passives.toml``.

>>> from kit import parse
>>> [p.text for p in find_passives(parse("Shops were looted. Strikes killed 12 people."))]
['Shops were looted', 'Strikes killed 12 people']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tomllib

from kit.core.nlp import doc_text, parse
from kit.framing.labels import DATA, check_doc, key

PASSIVES_FILE = DATA / "passives.toml"


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
    }


# ---------------------------------------------------------------- passives


def _phrase(tokens) -> tuple[int, int]:
    toks = list(tokens)
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _np_tokens(head) -> list:
    """The tokens of the noun phrase ``head`` heads, without relative clauses, participles,
    appositions or prepositional phrases after it ("her daughter-in-law, who ..." -> "her daughter-in-law")."""
    doc = head.doc
    out = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl"):
            continue
        if child.dep_ == "appos" and doc[child.left_edge.i - 1].is_punct:
            continue
        if child.i > head.i and child.dep_ == "prep" and child.lower_ != "of" and doc[child.i - 1].whitespace_:
            continue
        if child.dep_ == "punct" and (child.whitespace_ or doc[child.i - 1].whitespace_):
            continue
        out.extend(child.subtree if child.i < head.i or child.dep_ != "conj" else _np_tokens(child))
    out.sort(key=lambda t: t.i)
    return list(doc[out[0].i : out[-1].i + 1])


def _np_text(token) -> str:
    """The text of the noun phrase a token heads (see :func:`_np_tokens`)."""
    toks = _np_tokens(token)
    return token.doc[toks[0].i : toks[-1].i + 1].text


def _agent(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return child, objs[0]
            return child, None
    return None, None


def _passive_subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "csubjpass"):
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("xcomp",):  # "Aleppo appears to be lost"
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    own_aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if own_aux and own_aux[0].i > 0:
        # "... set on fire and shops were looted": the parser may hang "shops" elsewhere; a
        # clause with its own "were" has its own subject, the noun right before it
        before = verb.doc[own_aux[0].i - 1]
        if before.pos_ in ("NOUN", "PROPN", "PRON") and before.dep_ not in ("pobj", "dobj", "compound", "poss"):
            return before
    if verb.dep_ == "conj":  # "houses were looted and burned"
        return _passive_subject(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    return None


def _subject(verb):
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _record(doc, tokens, verb, patient, agent_pp, agent_np, kind) -> Passive:
    toks = [t for t in tokens if t is not None]
    start, end = _phrase(toks)
    if kind in ("passive", "participle"):
        # finish the verb's phrase: "set on fire", "beaten to death", "taken into custody"
        for child in verb.rights:
            short_prep = child.dep_ == "prep" and child.i == verb.i + 1 and len(list(child.subtree)) <= 3
            if child.dep_ == "prt" or short_prep:
                end = max(end, max(t.idx + len(t) for t in child.subtree))
            else:
                break
    if agent_pp is not None:
        end = max(end, max(t.idx + len(t) for t in agent_pp.subtree))
    return Passive(
        text=doc_text(doc)[start:end],
        start_char=start,
        end_char=end,
        verb=verb.lemma_.lower(),
        patient=_np_text(patient) if patient is not None else None,
        agent=_np_text(agent_np) if agent_np is not None else None,
        kind=kind,
    )


def find_passives(doc, *, kinds: tuple[str, ...] | None = None) -> list[Passive]:
    """Clauses that can hide who did something, from spaCy's dependency labels.

    ``kinds`` keeps only some of "passive", "participle", "intransitive", "event_subject".

    >>> doc = parse("Vehicles were set on fire. Two men were arrested by police.")
    >>> [(p.verb, p.patient, p.agent) for p in find_passives(doc)]
    [('set', 'Vehicles', None), ('arrest', 'Two men', 'police')]
    """
    check_doc(doc)
    words = load_passive_words()
    out: list[Passive] = []
    seen: set[int] = set()
    for tok in doc:
        if tok.i in seen:
            continue
        rec = None
        auxpass = [c for c in tok.children if c.dep_ == "auxpass"]
        if tok.tag_ == "VBN" and (auxpass or any(c.dep_ in ("nsubjpass", "csubjpass") for c in tok.children)
                                  or (tok.dep_ == "conj" and tok.head.tag_ == "VBN"
                                      and any(c.dep_ == "auxpass" for c in tok.head.children))):
            patient = _passive_subject(tok)
            pp, np_ = _agent(tok)
            if np_ is None:  # "houses were looted and burned by the militia": the agent is shared
                for conj in tok.children:
                    if conj.dep_ == "conj" and conj.tag_ == "VBN" and _agent(conj)[1] is not None:
                        np_ = _agent(conj)[1]
            first = _left(patient) if patient is not None and patient.i < tok.i else []
            rec = _record(doc, first + auxpass + [tok], tok, patient, pp, np_, "passive")
        elif tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            pp, np_ = _agent(tok)
            if np_ is not None or tok.lemma_.lower() in words["harm_verbs"]:
                head = tok.head
                left = [t for t in head.subtree if t.i <= head.i]
                rec = _record(doc, left + [tok], tok, head, pp, np_, "participle")
        elif tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod"):
            lemma = tok.lemma_.lower()
            subj = _subject(tok)
            if subj is None:
                continue
            has_by = any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)
            if has_by:
                continue
            if lemma in words["intransitives"] and not any(c.dep_ == "dobj" for c in tok.children):
                rec = _record(doc, [*_left(subj), tok], tok, subj, None, None, "intransitive")
            elif lemma in words["fall"] and subj.ent_type_ in words["fall_entities"]:
                rec = _record(doc, [*_left(subj), tok], tok, subj, None, None, "intransitive")
            elif lemma in words["event_verbs"] and key(subj) in words["event_nouns"] | _compound_nouns(words):
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "attr")), None)
                tail = _np_tokens(obj) if obj is not None else []
                oprd = [c for c in tok.children if c.dep_ in ("oprd", "prt")]
                rec = Passive(*_span_text(doc, [*_left(subj), tok, *tail, *oprd]),
                              verb=lemma, patient=_np_text(obj) if obj is not None else None,
                              agent=None, kind="event_subject", cause=subj.text.lower())
        if rec is not None:
            seen.add(tok.i)
            if kinds is None or rec.kind in kinds:
                out.append(rec)
    out.sort(key=lambda p: p.start_char)
    return out


def _compound_nouns(words) -> frozenset:
    return frozenset(n.split()[-1] for n in words["event_nouns"] if " " in n)


def _left(token):
    return [t for t in token.subtree if t.i <= token.i]


def _span_text(doc, toks):
    start, end = _phrase(toks)
    return doc_text(doc)[start:end], start, end


#: What a student may answer when the text does not say who did it.
NOT_SAID = ("not say", "doesn't say", "does not say", "not said", "can't tell", "cannot tell", "can not tell",
            "don't know", "do not know", "unknown", "not named", "no one knows", "nobody knows", "hidden",
            "not told", "not clear", "unclear", "not mentioned", "no idea")


def judge_who_did_it(passive: Passive, guess: str) -> tuple[bool, str]:
    """Check a student's answer to "who did it?" for one clause: (right?, what to say).

    When the clause names no doer, the right answer is that the text does not say.

    >>> p = find_passives(parse("Cars were burned."))[0]
    >>> judge_who_did_it(p, "the police")[0], judge_who_did_it(p, "It does not say")[0]
    (False, True)
    """
    given = re.sub(r"\s+", " ", str(guess or "")).strip().lower()
    if not given:
        return False, "Type who you think did it, or that the text does not say."
    if passive.agent is None:
        if any(phrase in given for phrase in NOT_SAID):
            return True, ("Right: the text does not say who did it. Ask where you could find out: "
                          "another sentence, another source, a photo caption?")
        return False, (f'The clause "{passive.text}" does not name anyone. Where does "{guess}" come '
                       "from? If from elsewhere in the story, check whether the story really says so.")
    agent_words = {w for w in re.findall(r"\w+", passive.agent.lower()) if w not in {"the", "a", "an", "of"}}
    if agent_words & set(re.findall(r"\w+", given)):
        return True, f'Right: "{passive.agent}" did it; the clause says so with "by".'
    return False, f'Look for the word "by" in "{passive.text}": it names who did it.'
