"""The framing lens: *who is named how?*

Three tools:

* :func:`find_labels` marks the words that name the sides and the events ("regime forces",
  "rebel offensive", "terrorist aggression") with the side they name and what they do to it.
* :func:`find_passives` finds clauses that hide who did something ("vehicles were set on
  fire", "bodies lay in a hospital", "strikes killed 12 people").
* :func:`reframe` rewrites a text the way another side would name things.

The words live in ``kit/framing/data/en/labels.toml`` and ``kit/framing/data/en/passives.toml``;
a teacher can add one there without touching Python.

>>> from kit import parse
>>> [(l.text, l.stance) for l in find_labels(parse("Terrorists attacked regime forces."))]
[('Terrorists', 'delegitimizing'), ('regime forces', 'delegitimizing')]
>>> str(reframe("Terrorists attacked regime forces.", "neutral"))
'Rebels attacked government forces.'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from kit.core.errors import InputError
from kit.core.nlp import check_text, doc_text, load_model, parse

DATA = Path(__file__).resolve().parent / "data" / "en"
LABELS_FILE = DATA / "labels.toml"
PASSIVES_FILE = DATA / "passives.toml"

STANCES = ("delegitimizing", "neutral", "legitimizing")
#: Styles for :func:`reframe`, with the long names students may type.
STYLES = {
    "government": "government view",
    "opposition": "opposition view",
    "neutral": "neutral wire",
}
_STYLE_ALIASES = {
    **{k: k for k in STYLES},
    **{v: k for k, v in STYLES.items()},
    "government's view": "government",
    "opposition's view": "opposition",
    "neutral view": "neutral",
    "wire": "neutral",
}
#: Entity types whose names are never relabelled ("the Syrian Arab Army" is a name).
NAME_ENTITIES = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Label:
    """A word or phrase that names a side or an event, and how it frames it."""

    text: str
    start_char: int
    end_char: int
    actor: str  # government | opposition | ally | protesters | any
    stance: str  # delegitimizing | neutral | legitimizing
    category: str  # actor label | event label | loaded adjective | euphemism
    note: str = ""
    term: str = ""  # the lexicon term that matched, e.g. "regime force"
    neutral: str = ""  # what a neutral wire report would say ("" = the same word)
    source: str = ""


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


@dataclass(frozen=True)
class Swap:
    """One replacement made by :func:`reframe` (offsets into the ORIGINAL text)."""

    old: str
    new: str
    start_char: int
    end_char: int
    actor: str = ""
    stance: str = ""


@dataclass(frozen=True)
class Reframing:
    """The result of :func:`reframe`: ``str()`` of it is the new text."""

    text: str
    style: str
    swaps: tuple[Swap, ...] = field(default_factory=tuple)
    original: str = ""

    def __str__(self) -> str:
        return self.text

    def new_spans(self) -> list[tuple[int, int, Swap]]:
        """Where each swap's new words sit in the NEW text: [(start, end, swap)]."""
        out, shift = [], 0
        for s in self.swaps:
            start = s.start_char + shift
            out.append((start, start + len(s.new), s))
            shift += len(s.new) - (s.end_char - s.start_char)
        return out


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Entry:
    """One lexicon entry (see kit/framing/data/en/labels.toml)."""

    terms: tuple[str, ...]
    actor: str
    stance: str
    category: str
    note: str
    source: str
    mass: bool
    styles: tuple[tuple[str, object], ...]  # (style, str | {"noun":..., "modifier":...})

    def equivalent(self, style: str, *, modifier: bool = False) -> str | None:
        value = dict(self.styles).get(style)
        if isinstance(value, dict):
            value = value.get("modifier" if modifier else "noun") or value.get("noun")
        return value or None


def _check_entry(i: int, raw: dict) -> None:
    for key in ("terms", "actor", "stance", "category", "note", "source"):
        if key not in raw:
            raise InputError(f"Entry {i + 1} of {LABELS_FILE.name} has no '{key}'.")
    if raw["stance"] not in STANCES:
        raise InputError(f"Entry {i + 1} of {LABELS_FILE.name}: stance must be one of {', '.join(STANCES)}.")


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The label entries and the ignored phrases from the lexicon file.

    >>> entries, ignored = load_lexicon()
    >>> any("regime" in e.terms for e in entries), "riot police" in ignored
    (True, True)
    """
    with open(path or LABELS_FILE, "rb") as fh:
        data = tomllib.load(fh)
    entries = []
    for i, raw in enumerate(data.get("label", [])):
        _check_entry(i, raw)
        entries.append(
            Entry(
                terms=tuple(raw["terms"]),
                actor=raw["actor"],
                stance=raw["stance"],
                category=raw["category"],
                note=raw["note"],
                source=raw["source"],
                mass=bool(raw.get("mass", False)),
                styles=tuple((s, raw[s]) for s in STYLES if s in raw),
            )
        )
    return tuple(entries), tuple(data.get("ignore", {}).get("terms", []))


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


# ---------------------------------------------------------------- matching


@functools.lru_cache(maxsize=4096)
def _noun_lemma(word: str) -> str:
    """Lemma of a lower-cased word read as a common noun (for words the tagger called PROPN)."""
    from spacy.tokens import Doc

    nlp = load_model()
    tok = Doc(nlp.vocab, words=[word], pos=["NOUN"])[0]
    try:
        return nlp.get_pipe("lemmatizer").rule_lemmatize(tok)[0].lower()
    except Exception:  # pragma: no cover - a model without a rule lemmatizer
        return word


def key(token) -> str:
    """What the matcher compares: the lower-case lemma ("Rebels" -> "rebel").

    Capitalised words that the tagger takes for names ("Rebels" in a headline) are
    lemmatised as common nouns.

    >>> [key(t) for t in parse("REBELS seized Aleppo")]
    ['rebel', 'seize', 'aleppo']
    """
    lemma = token.lemma_ or token.text
    if token.pos_ == "PROPN" or lemma == token.text and token.text[:1].isupper():
        return _noun_lemma(token.text.lower())
    return lemma.lower()


def _key_doc(doc):
    """A copy of ``doc`` whose words are the tokens' keys (same token count)."""
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=[key(t) or "_" for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def _term_keys(nlp, term: str) -> list[list[str]]:
    doc = nlp(term)
    return [sorted({key(t), t.text.lower()}) for t in doc]


@functools.lru_cache(maxsize=4)
def _matcher(vocab_id: int, path: str | None = None):
    """A PhraseMatcher over *key documents*: each token replaced by its lemma key.

    Matching the keys (not the raw text) finds inflected forms ("Rebels", "regime's") with
    spaCy's fast PhraseMatcher; a key document has the same tokens, so offsets carry over.
    """
    import itertools

    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    nlp = load_model()
    entries, ignored = load_lexicon(path)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def patterns(term):
        return [Doc(nlp.vocab, words=list(words)) for words in itertools.product(*_term_keys(nlp, term))]

    for i, entry in enumerate(entries):
        for term in entry.terms:
            matcher.add(f"L{i}|{term}", patterns(term))
    for term in ignored:
        matcher.add(f"IGNORE|{term}", patterns(term))
    return matcher


def _is_name(span) -> bool:
    """True when the match is part of a longer proper name (Syrian Arab Army, Free Syrian Army)."""
    doc = span.doc
    if span[0].ent_type_ not in NAME_ENTITIES or any(t.ent_iob_ != "I" for t in span[1:]):
        return False  # (read from the tokens: building doc.ents for every match is slow on long texts)
    start, end = span.start, span.end
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start > len(span) and all(t.text[:1].isupper() for t in span)


def _matches(doc, path: str | None = None):
    """Non-overlapping (span, entry, term) matches, longest first."""
    check_doc(doc)
    matcher = _matcher(id(doc.vocab), path)
    entries, _ = load_lexicon(path)
    found = []
    ignored_tokens: set[int] = set()
    for match_id, start, end in matcher(_key_doc(doc)):
        name = doc.vocab.strings[match_id]
        if name.startswith("IGNORE|"):
            ignored_tokens.update(range(start, end))
        else:
            idx, term = name[1:].split("|", 1)
            found.append((start, end, entries[int(idx)], term))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set(ignored_tokens)
    kept = []
    for start, end, entry, term in found:
        if taken.intersection(range(start, end)):
            continue
        span = doc[start:end]
        if _is_name(span):
            continue
        taken.update(range(start, end))
        kept.append((span, entry, term))
    kept.sort(key=lambda m: m[0].start)
    return kept


def check_doc(doc) -> None:
    if not hasattr(doc, "vocab") or not hasattr(doc, "text"):
        raise InputError(
            f"This needs a parsed text (a spaCy Doc), not {type(doc).__name__}. "
            "Use doc = kit.parse(text) first."
        )


def find_labels(doc, *, categories: tuple[str, ...] | None = None, lexicon: str | None = None) -> list[Label]:
    """Words that name the sides or the events, each with its side and stance.

    ``categories`` keeps only some kinds ("actor label", "event label", "loaded adjective",
    "euphemism"); ``lexicon`` is another lexicon file with the same layout.

    >>> doc = parse("Government forces clashed with jihadists near the city.")
    >>> [(l.text, l.actor, l.stance) for l in find_labels(doc)]
    [('Government forces', 'government', 'neutral'), ('clashed', 'any', 'neutral'), ('jihadists', 'opposition', 'delegitimizing')]
    """
    out = []
    for span, entry, term in _matches(doc, lexicon):
        if categories and entry.category not in categories:
            continue
        out.append(
            Label(
                text=span.text,
                start_char=span.start_char,
                end_char=span.end_char,
                actor=entry.actor,
                stance=entry.stance,
                category=entry.category,
                note=entry.note,
                term=term,
                neutral=entry.equivalent("neutral", modifier=_is_modifier(span)) or "",
                source=entry.source,
            )
        )
    return out


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


# ---------------------------------------------------------------- reframing


def style_name(style: str) -> str:
    """The short name of a style ("government view" -> "government").

    >>> style_name("Opposition view")
    'opposition'
    """
    name = _STYLE_ALIASES.get(re.sub(r"\s+", " ", str(style)).strip().lower())
    if name is None:
        choices = ", ".join(f'"{k}" ({v})' for k, v in STYLES.items())
        raise InputError(f'There is no framing style "{style}". Choose one of: {choices}.')
    return name


_IRREGULAR_PAST = {"take": "took", "seize": "seized", "fight": "fought"}
_IRREGULAR_PARTICIPLE = {"take": "taken", "fight": "fought"}


def pluralize(word: str) -> str:
    """English plural of the last word of a lexicon phrase.

    >>> pluralize("rebel"), pluralize("gunman"), pluralize("militia"), pluralize("crowd of demonstrators")
    ('rebels', 'gunmen', 'militias', 'crowds of demonstrators')
    """
    if " of " in word:  # "crowd of demonstrators" -> "crowds of demonstrators"
        head, rest = word.split(" of ", 1)
        return pluralize(head) + " of " + rest
    *first, last = word.split(" ")
    low = last.lower()
    if low.endswith("man"):
        last = last[:-3] + "men"
    elif low.endswith("y") and low[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        last = last + "es"
    elif low.endswith("mujahid"):
        last = last + "een"
    else:
        last = last + "s"
    return " ".join([*first, last])


def singularize(word: str) -> str:
    """Singular of the last word of a lexicon phrase.

    >>> singularize("government forces"), singularize("gunmen")
    ('government force', 'gunman')
    """
    *first, last = word.split(" ")
    low = last.lower()
    if low.endswith("men"):
        last = last[:-3] + "man"
    elif low.endswith("ies"):
        last = last[:-3] + "y"
    elif low.endswith(("ses", "xes", "ches", "shes")):
        last = last[:-2]
    elif low.endswith("s") and not low.endswith("ss"):
        last = last[:-1]
    return " ".join([*first, last])


def inflect_verb(base: str, tag: str) -> str:
    """A lexicon verb in the form of the verb it replaces (tag VBD, VBN, VBZ, VBG...).

    >>> inflect_verb("capture", "VBD"), inflect_verb("capture", "VBG"), inflect_verb("capture", "VBZ")
    ('captured', 'capturing', 'captures')
    """
    *first, verb = base.split(" ")
    if tag in ("VBD", "VBN"):
        table = _IRREGULAR_PAST if tag == "VBD" else _IRREGULAR_PARTICIPLE
        verb = table.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
    elif tag == "VBZ":
        verb = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s"
    elif tag == "VBG":
        verb = (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"
    return " ".join([*first, verb])


def an(word: str) -> str:
    """The indefinite article for a word.

    >>> an("offensive"), an("rebel offensive"), an("uprising"), an("union")
    ('an', 'a', 'an', 'a')
    """
    low = word.lower()
    if re.match(r"(uni|use|eu|one|once)", low):
        return "a"
    if re.match(r"(hour|honest|honou?r)", low):
        return "an"
    return "an" if low[:1] in "aeiou" else "a"


def _match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    words = old.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in new.split())
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _is_modifier(span) -> bool:
    """True when the label stands before another noun ("rebel offensive", "terrorist attacks")."""
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i


def _is_plural(token) -> bool:
    """Plural by its tag, and really inflected (the tagger calls "REGIME" in capitals plural)."""
    tagged = token.tag_ in ("NNS", "NNPS") or "Plur" in token.morph.get("Number")
    return tagged and (token.lower_ != key(token) or token.lower_ in _UNMARKED_PLURALS)


_UNMARKED_PLURALS = {"police", "people", "mujahideen", "mujahedeen", "shabiha", "troops"}


def _mass_terms(entries) -> set[str]:
    return {t.lower() for e in entries if e.mass for t in e.terms}


def _replacement(span, entry: Entry, style: str) -> str | None:
    modifier = _is_modifier(span)
    new = entry.equivalent(style, modifier=modifier)
    if not new:
        return None
    head = span[-1]
    if head.pos_ == "VERB" or (head.tag_.startswith("VB") and entry.category in ("event label", "euphemism")
                               and len(span) == 1 and head.pos_ != "NOUN"):
        if not _usable_as_verb(new):
            return None  # "massacred" cannot become "mass killinged": leave the verb and let students discuss it
        new = inflect_verb(new, head.tag_)
    elif not modifier and head.pos_ in ("NOUN", "PROPN") and not entry.mass:
        if _is_plural(head) and not _plural_phrase(new):
            new = pluralize(new)
        elif not _is_plural(head) and _plural_phrase(new):
            new = singularize(new)
    return new


def _country_of(span) -> str | None:
    """The country a state label names, as a short key: "the Syrian army" and "Syria's army"
    give "syri"; None when no country is said ("the army").

    A key is the first four letters, so the adjective and the name agree for most countries
    ("Iranian"/"Iran", "British"/"Britain"); where they do not ("French"/"France") the two are
    read as different countries.

    >>> _country_of(parse("the Turkish government")[1:]), _country_of(parse("the army of Iran")[1:2])
    ('turk', 'iran')
    """
    doc = span.doc
    head = span.root
    heads = [head, head.head] if head.dep_ == "compound" else [head]  # "Sudanese army units"
    found = [c for h in heads for c in h.children
             if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE")]
    found += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
    if not found and span.start >= 2 and doc[span.start - 1].text in ("'s", "\u2019s") and doc[span.start - 2].ent_type_ == "GPE":
        found = [doc[span.start - 2]]
    return found[0].text.lower()[:4] if found else None


def _home_country(countries: list[str | None]) -> str | None:
    """The country whose state a text is about: the one named most often with its government,
    army or forces (``countries``: the :func:`_country_of` of each such label). None when no
    country is named, or two tie."""
    counts: dict[str, int] = {}
    for key in countries:
        if key:
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(counts, key=counts.get)


@functools.lru_cache(maxsize=1024)
def _usable_as_verb(phrase: str) -> bool:
    """Can ``phrase`` stand where a verb stood? One verb, maybe with particles: "seize", "crack down on".

    >>> _usable_as_verb("capture"), _usable_as_verb("take over"), _usable_as_verb("mass killing")
    (True, True, False)
    """
    tokens = load_model()(f"They will {phrase} it.")[2:-2]
    return bool(len(tokens)) and tokens[0].tag_ == "VB" and all(t.tag_ in ("RP", "IN") for t in tokens[1:])


@functools.lru_cache(maxsize=1024)
def _plural_phrase(phrase: str) -> bool:
    """True when a lexicon phrase ends in a plural noun ("armed forces")."""
    return load_model()(phrase)[-1].tag_ in ("NNS", "NNPS")


def reframe(text, style: str, *, lexicon: str | None = None) -> Reframing:
    """Rewrite ``text`` with the labels another side would use; grammar kept.

    ``style``: "government" (government view), "opposition" (opposition view) or
    "neutral" (neutral wire). Articles, plurals and capitals follow the new words.
    ``text`` may be a str or a parsed Doc.

    >>> r = reframe("Terrorists launched a terrorist aggression on the city.", "neutral wire")
    >>> str(r)
    'Rebels launched a rebel offensive on the city.'
    >>> [(s.old, s.new) for s in r.swaps]
    [('Terrorists', 'Rebels'), ('terrorist aggression', 'rebel offensive')]
    >>> str(reframe("Government forces repelled terrorist aggression.", "neutral"))
    'Government forces repelled a rebel offensive.'
    """
    name = style_name(style)
    if hasattr(text, "vocab") and hasattr(text, "text"):
        doc = text
    else:
        doc = parse(check_text(text))
    source = doc.text
    entries, _ = load_lexicon(lexicon)
    mass_terms = _mass_terms(entries)
    swaps: list[Swap] = []
    matches = _matches(doc, lexicon)
    countries = [_country_of(span) if entry.actor == "government" else None for span, entry, _t in matches]
    home = _home_country(countries)
    for (span, entry, term), country in zip(matches, countries):
        if country and home and country != home:
            continue  # "the British government" in a story about Syria is not the side being framed
        new = _replacement(span, entry, name)
        if new is None or new.lower() == span.text.lower():
            continue
        start, end, old = span.start_char, span.end_char, span.text
        new = _match_case(new, old)
        head = span[-1] if not _is_modifier(span) else span[-1].head
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in ("a", "an") and prev.dep_ == "det":
            article = an(new)
            if article != prev.lower_:
                start = prev.idx
                old = source[start:end]
                new = _match_case(article, prev.text) + source[prev.idx + len(prev) : span.start_char] + new
        elif (
            not _is_modifier(span)
            and term.lower() in mass_terms
            and new.lower() not in mass_terms
            and not _is_plural(head)
            and head.pos_ == "NOUN"
            and not pluralize(new).lower() == new.lower()
            and not any(c.dep_ in ("det", "poss") for c in head.children)
            and not (prev is not None and prev.dep_ in ("amod", "det", "poss") and prev.head == head)
            and not new.lower().endswith("s")
        ):
            capital = old[:1].isupper()
            new = an(new) + " " + (new[:1].lower() + new[1:] if capital else new)
            if capital:
                new = new[:1].upper() + new[1:]
        swaps.append(Swap(old=old, new=new, start_char=start, end_char=end,
                          actor=entry.actor, stance=entry.stance))
    out = source
    for s in sorted(swaps, key=lambda s: s.start_char, reverse=True):
        out = out[: s.start_char] + s.new + out[s.end_char :]
    return Reframing(text=out, style=name, swaps=tuple(swaps), original=source)


# ---------------------------------------------------------------- summaries for widgets and plots


def label_counts(labels) -> dict[str, dict[str, int]]:
    """Counts of labels by actor, then stance.

    >>> label_counts(find_labels(parse("The regime and its army fought rebels.")))
    {'government': {'delegitimizing': 1, 'neutral': 1}, 'opposition': {'neutral': 1}}
    """
    out: dict[str, dict[str, int]] = {}
    for lab in labels:
        row = out.setdefault(lab.actor, {})
        row[lab.stance] = row.get(lab.stance, 0) + 1
    return {a: dict(sorted(r.items(), key=lambda kv: STANCES.index(kv[0]))) for a, r in sorted(out.items())}


def label_tooltip(label: Label) -> str:
    """Hover text for a label: side, stance, and why it is loaded."""
    extra = f' Neutral wire: "{label.neutral}".' if label.neutral and label.neutral.lower() != label.text.lower() else ""
    return f"{label.category}, names: {label.actor}; {label.stance}. {label.note}{extra}"


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
