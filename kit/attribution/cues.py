"""Language resources of the attribution lens, read from ``kit/attribution/data/en/*.toml``,
and the phrase matchers built from them.

* ``verbs.toml``: cue verbs ("say", "claim", "call for") and "according to" phrases, with
  what each signals and whether its claim can be an object ("stressed the importance of ...");
* ``source_types.toml``: rules and known names for the kind of source a speaker is;
* ``contested_claims.toml``: the words that make a sentence a claim that needs a source.

>>> from kit.core.nlp import parse
>>> doc = parse("Rebels called for talks, according to witnesses.")
>>> [(label, doc[s:e].text) for label, s, e in matches(doc, "cues", cue_groups())]
[('call for', 'called for'), ('call', 'called')]
>>> [doc[s:e].text for _, s, e in matches(doc, "according", according_groups())]
['according to']
"""

from __future__ import annotations

import functools
from importlib import resources

import tomllib

from kit.core.nlp import load_model

__all__ = ["cue_signals"]


def _load_toml(name: str) -> dict:
    with resources.files("kit.attribution").joinpath("data", "en", name).open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def verb_data() -> dict:
    """``verbs.toml``: cue verbs (``[[cue]]``) and phrases like "according to"."""
    return _load_toml("verbs.toml")


@functools.cache
def source_data() -> dict:
    """``source_types.toml``: overrides, rules and fallbacks for source types."""
    return _load_toml("source_types.toml")


@functools.cache
def organisation_data() -> dict:
    """``organisations.toml``: kinds of organisation a speaker belongs to, and their types."""
    return _load_toml("organisations.toml")


@functools.cache
def claim_data() -> dict:
    """``contested_claims.toml``: categories of contested claims and their words."""
    return _load_toml("contested_claims.toml")


def cue_signals() -> dict[str, str]:
    """What each cue verb (lemma) or phrase signals, from ``kit/attribution/data/en/verbs.toml``.

    >>> s = cue_signals()
    >>> s["say"], s["claim"], s["confirm"], s["admit"]
    ('neutral', 'distancing', 'endorsing', 'conceding')
    """
    data = verb_data()
    out = {c["lemma"]: c["signal"] for c in data.get("cue", [])}
    out.update({c["phrase"]: c["signal"] for c in data.get("according_to", [])})
    return out


def object_cues() -> dict[str, str]:
    """Cue lemmas whose claim can be their object, and how: ``"bare"`` when any noun phrase
    is the claim ("stressed the importance of ...", "ruled out a rate cut"), ``"claim"`` when the object
    must carry one ("confirmed reports that ...", "accused X of ...", "called X a Y"): "confirmed
    four cases", "declared a curfew", "rejected the criticism" are acts, not claims; ``"amount"``
    when the object must hold a figure ("estimated the damage at $2m", "forecast sales of $1bn":
    "estimated the effect by comparing ..." is a method, not a claim).

    >>> o = object_cues()
    >>> o["stress"], o["confirm"], "say" in o
    ('bare', 'claim', False)
    """
    return {c["lemma"]: (c["object"] if c["object"] in ("bare", "amount") else "claim")
            for c in verb_data().get("cue", []) if c.get("object")}


def object_preps() -> dict[str, set[str]]:
    """Prepositions after a cue's object that carry its claim: "for", "as" for every object
    cue ("blamed X for Y", "described X as Y"), "of" also where any noun phrase or a figure is
    the claim ("stressed the need of", "forecast a rise of 5%"), plus a cue's own ``preps``
    ("accused X of Y", "blamed the delay on checkpoints"). A claim cue takes "of" only when
    it lists it: "rejected the plea of the rebels" names whose plea, no claim.

    >>> p = object_preps()
    >>> "of" in p["accuse"], "of" in p["reject"], "of" in p["estimate"]
    (True, False, True)
    """
    def _own(c) -> set[str]:
        return {"for", "as"} | ({"of"} if c["object"] in ("bare", "amount") else set())
    return {c["lemma"]: _own(c) | set(c.get("preps", []))
            for c in verb_data().get("cue", []) if c.get("object")}


def cue_subjects() -> dict[str, set[str]]:
    """Cue lemmas that are cues only with certain subjects ("a report found"), and those subjects."""
    return {c["lemma"]: set(c["subjects"]) for c in verb_data().get("cue", []) if c.get("subjects")}


def cue_not_subjects() -> dict[str, set[str]]:
    """Cue lemmas that are no cues with certain subjects ("initial signs suggested"), and those subjects."""
    return {c["lemma"]: set(c["not_subjects"]) for c in verb_data().get("cue", []) if c.get("not_subjects")}


def clause_subject_cues() -> set[str]:
    """Cue lemmas that are cues only with a clause that has a subject of its own ("analysts
    expect profits to recover"; not "expects to hire staff", a plan)."""
    return {c["lemma"] for c in verb_data().get("cue", []) if c.get("clause_subject")}


def cue_groups() -> list[tuple[str, list[str]]]:
    """One matcher group per cue lemma."""
    return [(c["lemma"], [c["lemma"]]) for c in verb_data().get("cue", [])]


def according_groups() -> list[tuple[str, list[str]]]:
    """One matcher group per "according to"-like phrase."""
    return [(c["phrase"], [c["phrase"]]) for c in verb_data().get("according_to", [])]


def according_entry(label: str) -> dict:
    """The ``[[according_to]]`` entry of a phrase (its ``sources`` list, if any)."""
    return next((a for a in verb_data().get("according_to", []) if a["phrase"] == label), {})


def _phrase_matchers(key: str, groups: list[tuple[str, list[str]]], exact=()):
    """PhraseMatchers (LOWER; NORM, where a curly apostrophe is a straight one; LEMMA; and ORTH
    for the ``exact`` groups) with one label per group; cached per key."""
    return _matchers_cached(key, tuple((label, tuple(words)) for label, words in groups),
                            tuple((label, tuple(words)) for label, words in exact))


@functools.cache
def _matchers_cached(key, groups, exact=()):
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    norm = PhraseMatcher(nlp.vocab, attr="NORM")  # also "’s" as "'s" (NORM alone misses "DEFENCE" in capitals)
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, words in groups:
        if words:
            lower.add(label, [nlp.make_doc(w) for w in words])
            norm.add(label, [nlp.make_doc(w) for w in words])
            lemma.add(label, list(nlp.pipe(words)))
    for label, words in exact:
        if words:
            orth.add(label, [nlp.make_doc(w) for w in words])
    return (lower, norm, lemma, orth) if exact else (lower, norm, lemma)


def matches(doclike, key, groups, exact=()):
    """(label, start, end) token matches in ``doclike`` (Doc or Span), both matchers, sorted;
    ``exact``: groups matched as written (case-sensitive: "WHO", not "who")."""
    matchers = _phrase_matchers(key, groups, exact)
    vocab = doclike.vocab
    found = set()
    for matcher in matchers:
        for mid, s, e in matcher(doclike):  # token indices into the Doc, also for a Span
            found.add((vocab.strings[mid], s, e))
    return sorted(found, key=lambda m: (m[1], -(m[2] - m[1])))
