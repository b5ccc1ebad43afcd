"""Reframing: rewrite a text with the labels another side would use.

>>> str(reframe("Terrorists attacked regime forces.", "neutral"))
'Rebels attacked government forces.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kit.core.errors import InputError
from kit.core.nlp import check_text, doc_text, parse
from kit.framing.inflect import an, inflect_verb, is_plural, is_plural_phrase, match_case, pluralize, singularize, usable_as_verb
from kit.framing.labels import STYLES, Entry, is_modifier, lexicon_matches, load_lexicon
from kit.framing.quoted import Voices
from kit.framing.tree import Tree

_STYLE_ALIASES = {
    **{k: k for k in STYLES},
    **{v: k for k, v in STYLES.items()},
    "government's view": "government",
    "opposition's view": "opposition",
    "neutral view": "neutral",
    "wire": "neutral",
}


@dataclass(frozen=True)
class Swap:
    """One replacement made by :func:`reframe` (offsets into the ORIGINAL text).

    ``speaker`` is None when the words are the narrator's own; when they are in reported
    speech ("The minister said terrorists fled") it is the speaker's text ("The minister"):
    the swap then changes what that speaker is reported to have said. ``lost_quote`` is True
    when the words were a quotation in the original copy although this text shows no quote
    marks (one of :func:`reframe`'s ``protected`` spans).
    """

    old: str
    new: str
    start_char: int
    end_char: int
    actor: str = ""
    stance: str = ""
    speaker: str | None = None
    lost_quote: bool = False


@dataclass(frozen=True)
class Reframing:
    """The result of :func:`reframe`: ``str()`` of it is the new text.

    ``left_as_said``: the swaps not made because the words are inside a direct quotation
    (a quotation is never changed) or a ``protected`` span; their ``speaker`` is the quoted
    speaker when known.
    """

    text: str
    style: str
    swaps: tuple[Swap, ...] = field(default_factory=tuple)
    original: str = ""
    left_as_said: tuple[Swap, ...] = field(default_factory=tuple)

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


def _mass_terms(entries) -> set[str]:
    return {t.lower() for e in entries if e.mass for t in e.terms}


def _replacement(span, entry: Entry, style: str) -> str | None:
    modifier = is_modifier(span)
    new = entry.equivalent(style, modifier=modifier)
    if not new:
        return None
    head = span[-1]
    if head.pos_ == "VERB" or (head.tag_.startswith("VB") and entry.category in ("event label", "euphemism")
                               and len(span) == 1 and head.pos_ != "NOUN"):
        if not usable_as_verb(new):
            return None  # "massacred" cannot become "mass killinged": leave the verb and let students discuss it
        new = inflect_verb(new, head.tag_)
    elif not modifier and head.pos_ in ("NOUN", "PROPN") and not entry.mass:
        if is_plural(head) and not is_plural_phrase(new):
            new = pluralize(new)
        elif not is_plural(head) and is_plural_phrase(new):
            new = singularize(new)
    return new


def _country_of(span, tree: Tree | None = None) -> str | None:
    """The country a state label names, as a short key: "the Syrian army" and "Syria's army"
    give "syri"; None when no country is said ("the army").

    A key is the first four letters, so the adjective and the name agree for most countries
    ("Iranian"/"Iran", "British"/"Britain"); where they do not ("French"/"France") the two are
    read as different countries.

    >>> _country_of(parse("the Turkish government")[1:]), _country_of(parse("the army of Iran")[1:2])
    ('turk', 'iran')
    """
    doc = span.doc
    tree = tree or Tree(doc)
    head = span.root
    heads = [head, head.head] if head.dep_ == "compound" else [head]  # "Sudanese army units"
    found = [c for h in heads for c in _country_words(h, tree)]
    found += [g for c in tree.children(head) if c.dep_ == "prep" and c.lower_ == "of"
              for g in tree.children(c) if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
    if not found and span.start >= 2 and doc[span.start - 1].text in ("'s", "\u2019s") and doc[span.start - 2].ent_type_ == "GPE":
        found = [doc[span.start - 2]]
    return found[0].text.lower()[:4] if found else None


def _country_words(head, tree: Tree) -> list:
    """The children of ``head`` that name a people or country ("Syrian", "Syria's"); remembered,
    as many labels can hang on one head."""
    found = tree.memo.get(("country", head.i))
    if found is None:
        found = tree.memo[("country", head.i)] = [
            c for c in tree.children(head)
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE")]
    return found


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



def reframe(text, style: str, *, lexicon: str | None = None, protected=(),
            rewrite_protected: bool = False) -> Reframing:
    """Rewrite ``text`` with the labels another side would use; grammar kept.

    ``style``: "government" (government view), "opposition" (opposition view) or
    "neutral" (neutral wire). Articles, plurals and capitals follow the new words.
    ``text`` may be a str or a parsed Doc. Direct quotations are left exactly as they are
    (see ``Reframing.left_as_said``); a swap in reported speech names its ``speaker``.

    ``protected``: ``(start, end, speaker)`` spans that are someone's quotation although the
    text shows no quote marks, such as a republished copy that lost them
    (:meth:`kit.Article.quotation_spans`). They are left as said, like a quotation; with
    ``rewrite_protected=True`` they are swapped too, each swap marked with its ``speaker`` and
    ``lost_quote``, to show what rewriting a source would do.

    >>> r = reframe("Terrorists launched a terrorist aggression on the city.", "neutral wire")
    >>> str(r)
    'Rebels launched a rebel offensive on the city.'
    >>> [(s.old, s.new) for s in r.swaps]
    [('Terrorists', 'Rebels'), ('terrorist aggression', 'rebel offensive')]
    >>> str(reframe("Government forces repelled terrorist aggression.", "neutral"))
    'Government forces repelled a rebel offensive.'
    >>> r = reframe('"Terrorists fled," he said. The army said terrorists fled.', "neutral")
    >>> str(r), [(s.new, s.speaker) for s in r.swaps], [s.old for s in r.left_as_said]
    ('"Terrorists fled," he said. The army said rebels fled.', [('rebels', 'The army')], ['Terrorists'])
    >>> text = "For the first time, the city escapes the control of regime forces."
    >>> r = reframe(text, "neutral", protected=[(29, 65, "the monitor")])
    >>> str(r), [(s.old, s.speaker, s.lost_quote) for s in r.left_as_said]
    ('For the first time, the city escapes the control of regime forces.', [('regime forces', 'the monitor', True)])
    >>> str(reframe(text, "neutral", protected=[(29, 65, "the monitor")], rewrite_protected=True))
    'For the first time, the city escapes the control of government forces.'
    """
    name = style_name(style)
    doc = text if hasattr(text, "vocab") and hasattr(text, "text") else parse(check_text(text))
    entries, _ = load_lexicon(lexicon)
    mass_terms = _mass_terms(entries)
    matches = lexicon_matches(doc, lexicon)
    tree = Tree(doc)
    countries = [_country_of(span, tree) if entry.actor == "government" else None for span, entry, _t in matches]
    home = _home_country(countries)
    swaps: list[Swap] = []
    for (span, entry, term), country in zip(matches, countries):
        if country and home and country != home:
            continue  # "the British government" in a story about Syria is not the side being framed
        swap = _swap(span, entry, term, name, mass_terms)
        if swap is not None:
            swaps.append(swap)
    made, kept = _by_voice(doc, swaps, _spans(protected), rewrite_protected)
    source = doc_text(doc)
    return Reframing(text=_apply(source, made), style=name, swaps=tuple(made), original=source,
                     left_as_said=tuple(kept))


def _spans(protected) -> tuple[tuple[int, int, str], ...]:
    """``protected`` as sorted ``(start, end, speaker)`` triples; a clear message for anything else.

    >>> _spans([(5, 9, "She"), (0, 3, None)])
    ((0, 3, ''), (5, 9, 'She'))
    """
    out = []
    for span in protected or ():
        try:
            start, end, speaker = span
            out.append((int(start), int(end), str(speaker or "")))
        except (TypeError, ValueError):
            raise InputError("Each protected span is (start, end, speaker): two character positions "
                             "and who said the words.") from None
    return tuple(sorted(out))


def _by_voice(doc, swaps: list[Swap], protected=(), rewrite_protected: bool = False) -> tuple[list[Swap], list[Swap]]:
    """The swaps to make, each with its speaker (None: the narrator), and those left alone
    because they fall inside a direct quotation or a ``protected`` span (unless
    ``rewrite_protected``: then made, marked with the span's speaker)."""
    if not swaps:
        return [], []
    voices = Voices.of(doc)
    made, kept = [], []
    for s in swaps:
        lost = next((p for p in protected if p[0] < s.end_char and s.start_char < p[1]), None)
        if voices.quoted_at(s.start_char, s.end_char):
            kept.append(replace(s, speaker=voices.quote_speaker(s.start_char, s.end_char)))
        elif lost is not None:
            marked = replace(s, speaker=lost[2] or voices.reported_at(s.start_char, s.end_char), lost_quote=True)
            (made if rewrite_protected else kept).append(marked)
        else:
            made.append(replace(s, speaker=voices.reported_at(s.start_char, s.end_char)))
    return made, kept


def _swap(span, entry: Entry, term: str, style: str, mass_terms: set[str]) -> Swap | None:
    """The swap for one label, with "a"/"an" before it fixed or added; None when nothing changes."""
    new = _replacement(span, entry, style)
    if new is None or new.lower() == span.text.lower():
        return None
    doc = span.doc
    source = doc_text(doc)
    start, old = span.start_char, span.text
    new = match_case(new, old)
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ("a", "an") and prev.dep_ == "det":
        article = an(new)
        if article != prev.lower_:  # "an aggression" -> "a rebel offensive": the swap takes the article in
            start, old = prev.idx, source[prev.idx : span.end_char]
            new = match_case(article, prev.text) + source[prev.idx + len(prev) : span.start_char] + new
    elif _needs_article(span, term, new, mass_terms, prev):
        capital = old[:1].isupper()
        new = an(new) + " " + (new[:1].lower() + new[1:] if capital else new)
        if capital:
            new = new[:1].upper() + new[1:]
    return Swap(old=old, new=new, start_char=start, end_char=span.end_char, actor=entry.actor, stance=entry.stance)


def _needs_article(span, term: str, new: str, mass_terms: set[str], prev) -> bool:
    """True when a bare mass noun ("terrorist aggression") becomes a count noun that needs "a"
    ("a rebel offensive"): no article, possessive or adjective of its own before it."""
    if is_modifier(span):
        return False
    head = span[-1]
    low = new.lower()
    return (
        term.lower() in mass_terms
        and low not in mass_terms
        and not is_plural(head)
        and head.pos_ == "NOUN"
        and pluralize(new).lower() != low
        and not any(c.dep_ in ("det", "poss") for c in head.children)
        and not (prev is not None and prev.dep_ in ("amod", "det", "poss") and prev.head == head)
        and not low.endswith("s")
    )


def _apply(source: str, swaps: list[Swap]) -> str:
    """``source`` with every swap made (swaps in text order, not overlapping)."""
    pieces, at = [], 0
    for s in sorted(swaps, key=lambda s: s.start_char):
        pieces += [source[at : s.start_char], s.new]
        at = s.end_char
    return "".join(pieces) + source[at:]
