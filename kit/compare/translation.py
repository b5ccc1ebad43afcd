"""Signs of a careless (often machine) translation, and a lateral-reading checklist.

Translated news can carry damage that changes the meaning or hides who is who: a
sentence broken in two ("the government will. will recover"), a name doubled
("Hezbollah-backed Hezbollah"), a stray full stop ("government. of Syria"), a space
before a comma ("Rights ,"), or an organisation's name translated word by word so that
it is no longer the name the organisation uses. :func:`translation_issues` finds these
signs on the spaCy parse. A sign is a reason to check, never proof: the messages say so.

>>> [i.kind for i in translation_issues("Officials said the port will. will reopen soon.")]
['repeated_across_stop']

Language resources (allowed doublings, lower-case name particles, ordinary words in
organisation names) live in ``kit/compare/data/en/translation.toml``; the lateral-reading checklist
in ``kit/compare/data/en/lateral_reading.json``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import tomllib

from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse

#: Kinds of issue, with a short name for tables and legends.
KINDS = {
    "repeated_across_stop": "word repeated across a full stop",
    "stray_stop": "full stop in the middle of a sentence",
    "doubled_word": "the same word twice",
    "space_before_punct": "space before punctuation",
    "literal_name": "name that may be translated word by word",
}

_PUNCT_AFTER_WORD = {",", ".", ";", ":", "!", "?", ")", "]"}
_SKIP_POS = {"DET", "ADP", "CCONJ", "PART", "PUNCT", "SYM"}
#: A flagged name needs a word for a kind of body ("institute", "observatory"): a translator
#: renders such a word, so "state news" or "Century International" is not flagged.
_BODY_GROUPS = {"kind of organisation"}


#: What each sign tells the student; ``{words}`` is the words in question. A sign is a reason
#: to check, never proof, and the messages say so. ("doubled_compound" is a doubled_word.)
MESSAGES = {
    "repeated_across_stop": "\u201c{words}\u201d: the same word on both sides of a full stop. The sentence was "
    "probably broken during translation; read it without the full stop and the second word.",
    "stray_stop": "\u201c{words}\u201d: a full stop followed by a small letter. The sentence goes on after it, "
    "so the full stop is probably a translation mistake. Check which words belong together.",
    "doubled_word": "\u201c{words}\u201d: the same word twice in a row. Often a typing or translation slip; "
    "read the sentence with one of them.",
    "doubled_compound": "\u201c{words}\u201d names the same thing twice. The translation probably mixed up two "
    "phrases; look at the words around it to find what the original said.",
    "space_before_punct": "\u201c{words}\u201d: a space before punctuation. English does not put one there "
    "(French does before some marks): a small sign that the text was translated or copied without care.",
    "literal_name": "\u201c{words}\u201d is made only of ordinary words. Translators sometimes translate such a "
    "name word by word, and then it is not the name the organisation really uses. Check it: search for "
    "the exact name. Does an organisation with this name exist? What do other sources call it?",
}


@dataclass(frozen=True)
class Issue:
    """One sign of translation damage: its kind (see :data:`KINDS`), the text, where, and why."""

    kind: str
    text: str
    start_char: int
    end_char: int
    message: str


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The translation check's word lists from ``kit/compare/data/en/translation.toml``.

    >>> "that" in lexicon()["doubles"]["allowed"]
    True
    """
    raw = resources.files("kit.compare").joinpath("data/en/translation.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@functools.lru_cache(maxsize=1)
def _name_words() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    lex = lexicon()
    ordinary = frozenset(w.lower() for g in lex["name_words"] for w in g["words"])
    bodies = frozenset(
        w.lower() for g in lex["name_words"] if g["group"] in _BODY_GROUPS for w in g["words"]
    )
    nationality = frozenset(
        w.lower() for g in lex["name_words"] if g["group"] == "nationality" for w in g["words"]
    )
    known = frozenset(
        tuple(w for w in name.lower().split() if w not in {"of", "the", "for", "and"})
        for name in lex["known_names"]["names"]
    )
    return ordinary, nationality, known, bodies


def _issue(doc, kind: str, start: int, end: int, words: str, *, message: str = "") -> Issue:
    """An :class:`Issue` over ``doc``'s characters ``start:end``, its message (``MESSAGES[message or kind]``)
    about ``words``.

    >>> issue = _issue(parse("Rights , he said."), "space_before_punct", 0, 8, "Rights ,")
    >>> issue.text, "a space before punctuation" in issue.message
    ('Rights ,', True)
    """
    return Issue(kind, doc_text(doc)[start:end], start, end, MESSAGES[message or kind].format(words=words))


def _repeated_and_stray_stops(doc) -> list[Issue]:
    lex = lexicon()
    lower_ok = {w.lower() for w in lex["stops"]["lowercase_starts"]}
    out = []
    for tok in doc[1:-1]:
        if tok.text != ".":
            continue
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if not (after.is_alpha and after.text[0].islower()):
            continue
        if before.is_alpha and before.lower_ == after.lower_:
            kind = "repeated_across_stop"
        elif after.lower_ not in lower_ok:
            kind = "stray_stop"
        else:
            continue
        out.append(_issue(doc, kind, before.idx, after.idx + len(after), f"{before.text}. {after.text}"))
    return out


def _doubled_words(doc) -> list[Issue]:
    allowed = {w.lower() for w in lexicon()["doubles"]["allowed"]}
    out = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.is_alpha and tok.whitespace_ and nxt.lower_ == tok.lower_ and tok.lower_ not in allowed:
            out.append(_issue(doc, "doubled_word", tok.idx, nxt.idx + len(nxt), f"{tok.text} {nxt.text}"))
        # "X-backed X": a hyphenated compound whose first part is the next word
        if tok.i + 3 < len(doc):
            hyph, part, again = doc[tok.i + 1], doc[tok.i + 2], doc[tok.i + 3]
            if (tok.is_alpha and hyph.text == "-" and not tok.whitespace_ and not hyph.whitespace_
                    and part.is_alpha and again.lower_ == tok.lower_):
                out.append(_issue(doc, "doubled_word", tok.idx, again.idx + len(again), doc[tok.i:tok.i + 4].text,
                                  message="doubled_compound"))
    return out


def _space_before_punct(doc) -> list[Issue]:
    out = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text in _PUNCT_AFTER_WORD and prev.whitespace_ and "\n" not in prev.whitespace_ \
                and not prev.is_space and not prev.is_punct:
            out.append(_issue(doc, "space_before_punct", prev.idx, tok.idx + len(tok), f"{prev.text} {tok.text}"))
    return out


@functools.lru_cache(maxsize=1)
def known_organisations() -> frozenset:
    """Real names of organisations the kit knows, lower case: the attribution lens's list of
    known sources (``kit/attribution/data/en/source_types.toml``, ``[[override]]``) and the
    ``[known_names] organisations`` list of ``translation.toml``. A known real name is a name,
    not a translation, however ordinary its words.

    >>> "syrian observatory for human rights" in known_organisations()
    True
    """
    raw = resources.files("kit.attribution").joinpath("data/en/source_types.toml").read_bytes()
    names = [o["name"] for o in tomllib.loads(raw.decode("utf-8")).get("override", [])]
    names += lexicon()["known_names"].get("organisations", [])
    return frozenset(" ".join(n.lower().split()) for n in names)


def _has_acronym(doc, words) -> bool:
    """True when the text also writes the name's initials as a word ("SOHR", "IWPR"): a name
    with its own acronym is one the organisation uses, not a translator's rendering.

    >>> doc = parse("The Institute for War and Peace Reporting (IWPR) trained them.")
    >>> _has_acronym(doc, [t for t in doc[1:7] if t.is_title])
    True
    """
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper())
    return len(initials) >= 2 and any(t.text == initials for t in doc)


def _looks_translated(ent, ordinary, bodies) -> list | None:
    """The content words of an ORG entity when ALL are ordinary words and one names a kind of
    body (institute, observatory...); None otherwise ("Century International", "Amnesty ...")."""
    words = [t for t in ent if t.pos_ not in _SKIP_POS and not t.is_punct and t.lower_ != "the"]
    if len(words) < 2 or not all(t.is_alpha and t.lower_ in ordinary for t in words):
        return None
    return words if any(t.lower_ in bodies for t in words) else None


def _literal_names(doc) -> list[Issue]:
    ordinary, nationality, known, bodies = _name_words()
    real = known_organisations()
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        words = _looks_translated(ent, ordinary, bodies)
        if words is None:
            continue
        full = tuple(t.lower_ for t in words)
        core = tuple(w for w in full if w not in nationality)
        if not core or core in known or full in known:
            continue
        plain = " ".join(ent.text.lower().split()).removeprefix("the ")
        if plain in real or _has_acronym(doc, words):
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        start = ent.end_char - len(name)
        out.append(_issue(doc, "literal_name", start, ent.end_char, name))
    return out


def _as_doc(doc_or_text):
    if isinstance(doc_or_text, str):
        return parse(doc_or_text)
    if hasattr(doc_or_text, "vocab") and hasattr(doc_or_text, "text") and hasattr(doc_or_text, "ents"):
        return doc_or_text
    raise InputError(f"The translation check needs text or a parsed text, not "
                     f"{type(doc_or_text).__name__}.")


def translation_issues(doc_or_text, *, kinds: tuple[str, ...] | None = None) -> list[Issue]:
    """Signs of translation damage in a text or spaCy ``Doc``, in reading order.

    ``kinds`` keeps only some kinds (see :data:`KINDS`). Each :class:`Issue` carries a
    message for students that says what to check; none of them claims a certain error.

    >>> [(i.kind, i.text) for i in translation_issues("Talks in Doha resumed , officials said.")]
    [('space_before_punct', 'resumed ,')]
    >>> translation_issues("The Red Cross said the bridge was safe.")
    []
    """
    doc = _as_doc(doc_or_text)
    found = (
        _repeated_and_stray_stops(doc)
        + _doubled_words(doc)
        + _space_before_punct(doc)
        + _literal_names(doc)
    )
    if kinds is not None:
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds {sorted(unknown)}; choose from {sorted(KINDS)}")
        found = [i for i in found if i.kind in kinds]
    return sorted(found, key=lambda i: (i.start_char, i.end_char, i.kind))


# ---------------------------------------------------------------- lateral reading


@functools.lru_cache(maxsize=1)
def _checklist() -> dict:
    raw = resources.files("kit.compare").joinpath("data/en/lateral_reading.json").read_text(encoding="utf-8")
    return json.loads(raw)


def lateral_reading() -> list[dict]:
    """The lateral-reading checklist: a list of steps, each with ``question``, ``how`` and ``why``.

    Lateral reading is what professional fact-checkers do: before trusting a source, they
    leave it and read what OTHERS say about it (see the ``source`` field of the data file).

    >>> steps = lateral_reading()
    >>> steps[0]["question"]
    'Who is behind this source?'
    """
    return [dict(step) for step in _checklist()["steps"]]
