"""Hedges -> intervals: "at least 61" is [61, no limit), "about 230" is [207, 253], "dozens" is [24, 99].

>>> _interval("at_least", 61), _interval("about", 230)
((61, None, True, None), (207, 253, True, True))
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from kit.core.nlp import load_model
from kit.numbers.records import AMOUNT_KINDS, _clean_int, _Draft, _fraction_den, _multiplier, _word_set, load_rules
from kit.numbers.words import _is_num_token


@functools.lru_cache(maxsize=4)
def _matchers(vocab_id: int):
    """PhraseMatchers (on lower-case tokens) for hedges before/after numbers and vague words."""
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    rules = load_rules()
    out = {}
    for key in ("hedge", "hedge_after", "vague"):
        m = PhraseMatcher(nlp.vocab, attr="LOWER")
        for i, entry in enumerate(rules[key]):
            m.add(f"{key}:{i}", [nlp.make_doc(p) for p in entry["phrases"]])
        out[key] = m
    return out


@functools.lru_cache(maxsize=4)
def _idiom_matcher(vocab_id: int):
    """A PhraseMatcher for the set phrases of ``[not_figures]`` ("at one point")."""
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    m.add("not_figure", [nlp.make_doc(p) for p in load_rules()["not_figures"]["phrases"]])
    return m


def idiom_tokens(doc) -> set[int]:
    """Tokens of set phrases whose number word is no figure ("at one point", "one by one").

    >>> from kit.core.nlp import parse
    >>> sorted(idiom_tokens(parse("At one point, they left one by one.")))
    [0, 1, 2, 6, 7, 8]
    """
    return {i for _m, s, e in _idiom_matcher(id(load_model().vocab))(doc) for i in range(s, e)}


def _matches(doc, key):
    """(start, end, entry) for every match of ``key``, longest first where they overlap."""
    rules = load_rules()
    found = []
    for match_id, start, end in _matchers(id(load_model().vocab))[key](doc):
        label = doc.vocab.strings[match_id]
        found.append((start, end, rules[key][int(label.split(":")[1])]))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    return found


@dataclass(frozen=True)
class _Hedges:
    """Hedge phrases of one doc, found once and looked up by the token where they end or start
    (so reading each figure's hedge costs the same in a long text as in a short one)."""

    matches: tuple
    ending_at: dict  # end token -> (start, entry) of the longest phrase ending there
    starting_at: dict  # start token -> (end, entry) of the first phrase starting there

    @classmethod
    def of(cls, matches) -> _Hedges:
        """An index of ``matches`` ((start, end, entry), longest first where they overlap).

        >>> from kit.core.nlp import parse
        >>> h = _Hedges.of(_matches(parse("Nearly 40 people, at least 12 children."), "hedge"))
        >>> sorted(h.ending_at), sorted(h.starting_at)
        ([1, 6], [0, 4])
        """
        ending_at: dict = {}
        starting_at: dict = {}
        for s, e, entry in matches:
            if e not in ending_at or s < ending_at[e][0]:
                ending_at[e] = (s, entry)
            starting_at.setdefault(s, (e, entry))
        return cls(tuple(matches), ending_at, starting_at)


def _interval(rule: str | None, value) -> tuple:
    """(low, high, low_inclusive, high_inclusive) for a written number under a hedge rule.

    >>> _interval("more_than", 412)
    (412, None, False, None)
    >>> _interval("about", 230)
    (207, 253, True, True)
    """
    if rule is None:
        return value, value, True, True
    spread = load_rules()["approximate"]["spread"]
    if rule == "at_least":
        return value, None, True, None
    if rule == "more_than":
        return value, None, False, None
    if rule in ("at_most", "up_to"):
        return None, value, None, True
    if rule == "less_than":
        return None, value, None, False
    if rule == "about":
        return _clean_int(round(value * (1 - spread), 6)), _clean_int(round(value * (1 + spread), 6)), True, True
    if rule == "nearly":
        return _clean_int(round(value * (1 - spread), 6)), value, True, False
    raise ValueError(f"unknown hedge rule {rule!r} in numbers.toml")


def _hedge_before(doc, start: int, hedges: _Hedges) -> tuple[int, str | None, str | None]:
    """(new start, hedge text, rule) when a hedge phrase ends right before ``start``."""
    if start not in hedges.ending_at:
        return start, None, None
    s, entry = hedges.ending_at[start]
    text, rule = doc[s:start].text.lower(), entry["rule"]
    if text in ("over", "under", "above", "below") and s > 0 and _is_num_token(doc[s - 1]):
        return start, None, None
    if text in ("some", "over", "under", "above", "below", "beyond", "estimated") and doc[start].lower_ in ("a", "an") \
            and not _article_number(doc, start):
        return start, None, None  # "over a week", "under a bridge"; but "over a dozen" is more than 12
    if _reporting_verb(doc[s:start]):
        return start, None, None  # "officials estimated 2,000 were aboard": the source's own figure
    return s, text, rule


def _reporting_verb(span) -> bool:
    """Is the hedge ``span`` a verb that reports a figure ("police estimated 300 were there")
    rather than a word that hedges it ("an estimated 300", "the estimated 300 people")?
    ``verb_not_hedge`` under [[hedge]] in numbers.toml.

    >>> from kit.core.nlp import parse
    >>> d = parse("Police estimated 300 were there, but an estimated 500 came.")
    >>> _reporting_verb(d[1:2]), _reporting_verb(d[7:9])
    (True, False)
    """
    words = {w for entry in load_rules()["hedge"] for w in entry.get("verb_not_hedge", ())}
    tok = span[0]
    return len(span) == 1 and tok.lower_ in words and tok.tag_ == "VBD" and tok.dep_ not in ("amod", "compound") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _article_number(doc, start: int) -> bool:
    """Does the article at ``start`` begin a number word ("a dozen", "a million", "a third")?"""
    nxt = doc[start + 1].lower_ if start + 1 < len(doc) else ""
    return _multiplier(nxt) is not None or _fraction_den(nxt) is not None


def _age_gap(doc, start: int, hedges: _Hedges) -> int:
    """Start of an age phrase ("age", "the age of") between a hedge and the number at ``start``,
    or ``start`` when there is none (``[hedge_gap]`` in numbers.toml).

    >>> from kit.core.nlp import parse
    >>> d = parse("Children above age 12 and over the age of 65.")
    >>> h = _Hedges.of(_matches(d, "hedge"))
    >>> _age_gap(d, 3, h), _age_gap(d, 9, h), _age_gap(d, 1, h)
    (2, 6, 1)
    """
    for phrase in load_rules()["hedge_gap"]["phrases"]:
        words = phrase.split()
        g = start - len(words)
        if g > 0 and g in hedges.ending_at and [t.lower_ for t in doc[g:start]] == words:
            return g
    return start


def _hedge_after(doc, end: int, hedges: _Hedges) -> tuple[int, str | None, str | None]:
    """(new end, hedge text, rule) when a hedge phrase ("or more") starts right at ``end``."""
    if end not in hedges.starting_at:
        return end, None, None
    e, entry = hedges.starting_at[end]
    return e, doc[end:e].text.lower(), entry["rule"]


def _hedge_one_number(doc, d: _Draft, hedges: _Hedges, after: _Hedges) -> _Draft:
    """A single number with the hedge written before or after it, and its interval.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.figures import _stages
    >>> [(d.start, d.end, d.hedge, d.low, d.high) for d in _stages(parse("About 500 or more fled."))]
    [(1, 4, 'or more', 500, None)]
    """
    s, v, kind, unit = d.core, d.value, d.kind, d.unit
    gap = _age_gap(doc, s, hedges) if kind == "count" else s
    start, hedge, rule = _hedge_before(doc, gap, hedges)
    aged = hedge is not None and start > 0 and doc[start - 1].lower_ in load_rules()["hedge_gap"]["phrases"]
    if (gap < s or aged) and hedge is not None and kind == "count":  # "above age 12", "aged over 65"
        kind, unit = "duration", load_rules()["hedge_gap"]["unit"]
    years = load_rules()["years"]
    if kind not in AMOUNT_KINDS and hedge is not None and not (
            kind == "year" and start > 0 and doc[start - 1].lower_ in years["before_hedge"]):
        kind = "count" if kind in ("year", "identifier") else kind  # "until at least 2030" stays a year
    if hedge == "within" and kind == "count":
        start, hedge, rule = s, None, None  # "within four parks": a place, not a limit ("within four days" is one)
    end = d.end
    if rule in (None, "about", "nearly"):
        end2, h2, rule2 = _hedge_after(doc, end, after)
        if h2:  # "about 500 or more": the limit written after says more than "about"
            if rule is not None:
                start = s
            end, hedge, rule = end2, h2, rule2
    if kind == "money" and start == s and s > 0 and doc[s - 1].text == d.unit:
        start = s - 1  # "$15"
        start, hedge, rule = _hedge_before(doc, start, hedges) if hedge is None else (start, hedge, rule)
    if hedge == "up to" and end < len(doc) and doc[end].lower_ == "from" and start > 0 and doc[start - 1].lemma_ == "be":
        start, hedge, rule = start + 2, None, None  # "sales are up to $6.9bn from $5.4bn": a rise, no ceiling
    low, high, li, hi_inc = _interval(rule, v) if kind in AMOUNT_KINDS else (v, v, True, True)
    if kind not in AMOUNT_KINDS:
        start, hedge = s, None
    return replace(d, start=start, end=end, kind=kind, unit=unit, hedge=hedge, low=low, high=high,
                   low_inclusive=li, high_inclusive=hi_inc)


def attach_hedge(doc, d: _Draft, hedges: _Hedges, after: _Hedges) -> _Draft:
    """Stage 4 of find_numbers: the hedge around a figure and the interval it gives.

    A range is its own interval ("between 20 and 30"); a ratio or a number takes the
    hedge written before it ("at least one in five"), a number also one written after.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers.figures import _stages
    >>> [(d.hedge, d.low, d.high, d.low_inclusive) for d in _stages(parse("More than 412 and 20-30 died."))]
    [('more than', 412, None, False), ('range', 20, 30, True)]
    """
    if d.form == "ratio":  # "one in five children": a share, 0.2
        start, hedge, rule = _hedge_before(doc, d.core, hedges)
        low, high, li, hi_inc = _interval(rule, d.value)
        return replace(d, start=start, hedge=hedge, low=low, high=high, low_inclusive=li, high_inclusive=hi_inc)
    if d.form in ("years", "days"):
        return replace(d, low_inclusive=True, high_inclusive=True)
    if d.form:
        return replace(d, hedge=d.form, low_inclusive=True, high_inclusive=True)
    return _hedge_one_number(doc, d, hedges, after)


# ---------------------------------------------------------------- vague words


def _vague_reserved(doc, vague) -> set[int]:
    """Tokens of vague phrases ("tens of thousands", "several hundred") that win over the
    number words inside them, unless a number comes right before ("three dozens" is 36).

    >>> from kit.core.nlp import parse
    >>> d = parse("Tens of thousands fled; three dozens stayed.")
    >>> sorted(_vague_reserved(d, _matches(d, "vague")))
    [0, 1, 2]
    """
    reserved: set[int] = set()
    for vs, ve, entry in vague:
        if ve - vs > 1 or not (vs > 0 and _is_num_token(doc[vs - 1])):
            if not any(i in reserved for i in range(vs, ve)):
                reserved.update(range(vs, _scaled(doc, ve, entry)[0]))
    return reserved


def _scaled(doc, e: int, entry: dict) -> tuple[int, int]:
    """(end, factor): multiplier words right after a vague phrase ("a few thousand", "several
    million", "a few hundred thousand") belong to it and multiply its limits.

    >>> from kit.core.nlp import parse
    >>> d = parse("A few hundred thousand people and several dozen.")
    >>> _scaled(d, 3, {"low": 200}), _scaled(d, 8, {"low": 36})
    ((4, 1000), (8, 1))
    >>> _scaled(parse("Dozens of millions"), 2, {"low": 24})
    (3, 1000000)
    """
    factor, k = 1, e
    if entry.get("kind", "count") != "count":
        return e, 1
    if doc[e - 1].lower_ == "of":  # "dozens of millions": a plural multiplier after "of" scales it
        w = doc[e].lower_ if e < len(doc) else ""
        scale = _multiplier(w[:-1]) if w.endswith("s") else None
        return (e + 1, scale) if scale and scale >= 1000 else (e, 1)
    while k < len(doc) and (_multiplier(doc[k].lower_) or 0) >= 100 and doc[k].lower_ not in ("dozens", "score"):
        factor *= _multiplier(doc[k].lower_)
        k += 1
    return k, factor


def _vague_draft(doc, s: int, e: int, entry: dict, hedges: _Hedges) -> _Draft | None:
    """The interval of one vague phrase doc[s:e] ("dozens of"), None when it is no amount ("the most")."""
    words = [t.lower_ for t in doc[s:e]]
    e_phrase = e
    e, factor = _scaled(doc, e, entry)
    e_text = e - 1 if words[-1] == "of" and e == e_phrase else e
    if words[0] == "most":
        # "most of them", "most civilians"; not "the most important", "most likely"
        k = s + 1  # "most young voters", "most Syrian refugees": over adjectives and names to the noun
        while k < min(len(doc), s + 4) and (doc[k].tag_ in ("JJ", "NNP", "VBN") or doc[k].dep_ == "compound") \
                and doc[k].lower_ != "of":  # "most NATO combat troops": over a compound noun too
            k += 1
        after_tok = doc[k] if k < len(doc) else None
        alone = k == s + 1 and after_tok is not None and after_tok.tag_ in ("VBD", "VBP", "MD") and (
            s == doc[s].sent.start or doc[s - 1].pos_ in ("CCONJ", "SCONJ", "PUNCT"))  # "though most were"
        paired = s > 1 and doc[s - 1].lower_ in ("and", "or", ",") and doc[s - 2].tag_ in ("JJS", "RBS")  # "largest and most valuable"
        if paired or s > 0 and (doc[s - 1].lower_ in ("the", "at") or doc[s - 1].tag_ in ("POS", "PRP$")) or after_tok is None or not (
            after_tok.lower_ == "of" and k == s + 1 or after_tok.tag_ in ("NNS", "NNPS") or alone
        ):
            return None  # "the company's most important events": a superlative
    if words[0] == "scores" and (doc[s].tag_.startswith("VB") or s > 0 and doc[s - 1].pos_ in (
            "NOUN", "PROPN", "ADJ", "DET", "PRON")):
        return None  # "exam scores", "their scores", "she scores": results, not "many"
    start, hedge, rule = _hedge_before(doc, s, hedges)
    low, high = entry["low"] * factor, entry.get("high") and entry["high"] * factor
    li, hi_inc = entry.get("low_inclusive", True), entry.get("high_inclusive", True)
    if rule in ("more_than", "at_least"):
        high, hi_inc = None, None
    elif rule in ("less_than", "at_most", "up_to"):
        low, li = None, None
    kind, unit = entry.get("kind", "count"), None
    if words[-1] == "of" and e == e_phrase and e < len(doc) and doc[e].lower_ in _word_set("units.money"):
        kind, unit, e_text = "money", doc[e].text, e + 1  # "millions of dollars", "crores of rupees"
    return _Draft(start=start, end=e_text, core=s, core_end=e, value=None, low=low, high=high, low_inclusive=li,
                  high_inclusive=hi_inc, hedge=f"{hedge} + vague" if hedge else "vague",
                  kind=kind, unit=unit, note=entry.get("note", ""))


def vague_figures(doc, vague, hedges: _Hedges, used: set[int]) -> list[_Draft]:
    """Vague quantifiers not already read as numbers: "dozens of people", "hundreds", "most of them".
    Adds their tokens to ``used``.

    >>> from kit.core.nlp import parse
    >>> d = parse("Dozens of people and most of them children.")
    >>> [(d.low, d.high, d.kind) for d in vague_figures(d, _matches(d, "vague"), _Hedges.of([]), set())]
    [(24, 99, 'count'), (0.5, 1, 'proportion')]
    """
    out = []
    for s, e, entry in vague:
        if any(i in used for i in range(s, e)) or s > 0 and (s - 1) in used:
            continue  # a number right before: "three dozens" is read as a number, not as vague
        draft = _vague_draft(doc, s, e, entry, hedges)
        if draft is None:
            continue
        out.append(draft)
        used.update(range(s, max(e, draft.end)))
    return out


def unit_after_hedge(doc, hedges: _Hedges, used: set[int]) -> list[_Draft]:
    """"a year", "an hour" after a hedge: "more than a decade ago", "nearly a mile". Adds their tokens to ``used``.

    >>> from kit.core.nlp import parse
    >>> d = parse("It began more than a decade ago.")
    >>> [(d.value, d.low, d.high, d.kind, d.unit) for d in unit_after_hedge(d, _Hedges.of(_matches(d, "hedge")), set())]
    [(1, 1, None, 'duration', 'decade')]
    """
    unit_words = _word_set("units.duration", "units.measure")
    out = []
    for s, e, entry in hedges.matches:
        if e + 1 < len(doc) and e not in used and doc[e].lower_ in ("a", "an") and doc[e + 1].lower_ in unit_words:
            low, high, li, hi_inc = _interval(entry["rule"], 1)
            kind = "duration" if doc[e + 1].lower_ in _word_set("units.duration") else "measure"
            out.append(_Draft(start=s, end=e + 2, core=s, core_end=e + 2, value=1, low=low, high=high,
                              low_inclusive=li, high_inclusive=hi_inc, hedge=doc[s:e].text.lower(),
                              kind=kind, unit=doc[e + 1].text))
            used.update(range(s, e + 2))
    return out
