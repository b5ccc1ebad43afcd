"""Labels: the words that name the sides and the events, and how they frame them.

The words live in ``kit/framing/data/en/labels.toml``; a teacher can add one there without
touching Python. The matcher compares lemma keys, so "Rebels" and "regime's" are found too.

>>> from kit import parse
>>> [(l.text, l.stance) for l in find_labels(parse("Terrorists attacked regime forces."))]
[('Terrorists', 'delegitimizing'), ('regime forces', 'delegitimizing')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import tomllib

from kit.core.errors import InputError
from kit.core.nlp import load_model, parse

DATA = Path(__file__).resolve().parent / "data" / "en"
LABELS_FILE = DATA / "labels.toml"

STANCES = ("delegitimizing", "neutral", "legitimizing")
#: Styles for :func:`kit.framing.reframe.reframe` (the lexicon's columns), with their long names.
STYLES = {
    "government": "government view",
    "opposition": "opposition view",
    "neutral": "neutral wire",
}
#: Entity types whose names are never relabelled ("the Syrian Arab Army" is a name).
NAME_ENTITIES = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}


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
    pos: str = ""  # the kind of word in the text: "noun", "verb" or "adjective"


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
    # the name goes on before or after the match (one token each side says so: no walking
    # to the ends of the name, which can be thousands of tokens long in a hostile text)
    longer = (span.start > 0 and span[0].ent_iob_ == "I") or (span.end < len(doc) and doc[span.end].ent_iob_ == "I")
    return longer and all(t.text[:1].isupper() for t in span)


def lexicon_matches(doc, path: str | None = None):
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
    # the class's attribute, not the Doc's: ``doc.text`` joins every token of a long text
    if not hasattr(doc, "vocab") or not hasattr(type(doc), "text"):
        raise InputError(
            f"This needs a parsed text (a spaCy Doc), not {type(doc).__name__}. "
            "Use doc = kit.parse(text) first."
        )


def find_labels(doc, *, categories: tuple[str, ...] | None = None, lexicon: str | None = None) -> list[Label]:
    """Words that name the sides or the events, each with its side and stance.

    ``categories`` keeps only some kinds ("actor label", "event label", "loaded adjective",
    "euphemism"); ``lexicon`` is another lexicon file with the same layout.

    >>> doc = parse("Government forces clashed with terrorists near the city.")
    >>> [(l.text, l.actor, l.stance) for l in find_labels(doc)]
    [('Government forces', 'government', 'neutral'), ('clashed', 'any', 'neutral'), ('terrorists', 'opposition', 'delegitimizing')]
    """
    out = []
    for span, entry, term in lexicon_matches(doc, lexicon):
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
                neutral=entry.equivalent("neutral", modifier=is_modifier(span)) or "",
                source=entry.source,
                pos=_pos(span),
            )
        )
    return out


def _pos(span) -> str:
    """The kind of word a matched span is, read from its last word's tag."""
    last = span[-1]
    if last.pos_ == "VERB" and last.tag_ != "VBN" or last.pos_ == "VERB" and last.dep_ not in ("amod", "compound"):
        return "verb"
    return "adjective" if last.pos_ == "ADJ" else "noun"

def is_modifier(span) -> bool:
    """True when the label stands before another noun ("rebel offensive", "terrorist attacks")."""
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i


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


#: Whom a label is about, in plain words (the lexicon's ``actor`` field).
ACTOR_WORDS = {"government": "the government side", "opposition": "the armed opposition",
               "ally": "foreign forces", "protesters": "protesters", "any": "either side"}


def _sentence(text: str) -> str:
    """``text`` as one sentence: capitalised, ending with exactly one full stop (or ? ! or a quote).

    >>> _sentence("says who attacked.. "), _sentence('would say \u201crebels\u201d.')
    ('Says who attacked.', 'Would say \u201crebels\u201d.')
    """
    text = " ".join(text.split()).rstrip(" .")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith(("?", "!")) else text + "."


def stance_words(stance: str) -> str:
    """A stance in plain words, the technical word glossed after it.

    >>> stance_words("delegitimizing"), stance_words("neutral")
    ('paints them as illegitimate (delegitimizing)', 'neutral: does not judge them')
    """
    from kit.core.glossary import plain_label

    if stance == "neutral":
        return "neutral: does not judge them"
    return f"{plain_label(stance)} ({stance})"


def word_kind(label: Label) -> str:
    """What kind of word a label is: "verb" (liberated), "adjective" (brutal) or "noun".

    >>> [word_kind(l) for l in find_labels(parse("Rebels liberated the brutal regime's town."))]
    ['noun', 'verb', 'adjective', 'noun']
    """
    if label.category == "loaded adjective":
        return "adjective"
    return label.pos or "noun"


def usage_phrase(label: Label) -> str:
    """What using this label does, in a phrase that fits the kind of word it is.

    >>> [usage_phrase(l) for l in find_labels(parse("Rebels liberated the brutal town."))]
    ['calls someone \u201crebels\u201d', 'says they \u201cliberated\u201d a place', 'describes someone as \u201cbrutal\u201d']
    """
    word = f"\u201c{label.text.lower() if label.text.isupper() or label.text.istitle() else label.text}\u201d"
    kind = word_kind(label)
    if kind == "verb":
        return f"says they {word} a place" if label.term.startswith("liberat") else f"uses the verb {word}"
    if kind == "adjective":
        return f"describes someone as {word}"
    if label.category in ("event label", "euphemism"):
        return f"calls what happened {word}"
    return f"calls someone {word}"


def _about(label: Label) -> str:
    """The sentence that says what kind of word a label is and whom it is about."""
    who = ACTOR_WORDS.get(label.actor, label.actor.replace("_", " "))
    kind = word_kind(label)
    if kind == "verb":
        return f"a verb for what {who} did" if label.actor != "any" else "a verb that either side may use"
    if label.category == "actor label":
        return f"a word for {who}"
    if label.category == "euphemism":
        return f"a softer word (a euphemism) that hides what happened; about {who}"
    if kind == "adjective" or label.category == "loaded adjective":
        return f"a loaded describing word; about {who}"
    return f"a word for what happened; about {who}"


def label_tooltip(label: Label) -> str:
    """Hover text for a label in plain words: its stance (with a text mark, not only a colour),
    whom it names, why it is loaded, and what a neutral news agency (wire) report would say instead.

    >>> print(label_tooltip(find_labels(parse("Terrorists attacked."))[0]))
    − Paints them as illegitimate (delegitimizing). A word for the armed opposition. Says ... A neutral news agency (wire) report would use the word \u201crebel\u201d.
    """
    from kit.core.glossary import cue_for

    parts = [stance_words(label.stance), _about(label), label.note]
    if label.neutral and label.neutral.lower() not in (label.text.lower(), label.term.lower()):
        parts.append(f"a neutral news agency (wire) report would use the word \u201c{label.neutral}\u201d")
    text = " ".join(_sentence(p) for p in parts if p.strip())
    cue = cue_for(label.stance)
    return f"{cue} {text}" if cue else text
