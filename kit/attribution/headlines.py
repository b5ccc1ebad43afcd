"""Headline attributions the parser cannot read as sentences: "Port Authority: Strike Halts
Traffic" (a source, a colon, its claim), "Strike Halts Traffic: port officials" (the source
after the claim), "Wells run dry, says council" (a comma, a cue and its source last) and "Fuel prices will rise - Minister assures" (a
claim, a dash, a source and a cue verb the tagger may take for a noun).

A headline is a unit alone on its line with no full stop, question or exclamation mark at
its end. The source must look like one: a kind of source (``source_types.toml``,
``organisations.toml``) or a person's name. "Zimbabwe: dozens arrested" names a place, not a
source, and gives nothing.

>>> from kit.core.nlp import parse
>>> from kit.attribution.units import units
>>> doc = parse("Port Officials: Strike Halts Container Traffic\\n\\nDockers stayed home.")
>>> [(doc[slice(*c.speaker)].text, c.cue_text, doc[slice(*c.content)].text) for c in headline_candidates(doc, units(doc))]
[('Port Officials', ':', 'Strike Halts Container Traffic')]
"""

from __future__ import annotations

from kit.attribution.candidates import Candidate
from kit.attribution.cues import cue_groups, cue_signals, matches, verb_data
from kit.attribution.sources import _classify
from kit.attribution.units import DASHES, trim
from kit.core.nlp import doc_text

MAX_SPEAKER = 6  # words before a headline colon / after a headline dash


def headline_candidates(doc, all_units) -> list[Candidate]:
    """Candidates of the headline forms "X: claim" and "claim - X says"."""
    text = doc_text(doc)
    out = []
    for u in all_units:
        end_ok = u.end_char >= len(text) or text[u.end_char] == "\n"
        start_ok = u.start_char == 0 or text[u.start_char - 1] == "\n"
        found = _line_colon_quote(doc, u)  # rare: only then look back to the line's start
        if found is not None and (start_ok or not text[text.rfind("\n", 0, u.start_char) + 1 : u.start_char].strip()):
            out.append(found)  # "- United boss Ann Lee: "We were lucky."": a line that names who speaks
            continue
        if not (start_ok and end_ok) or doc[u.end - 1].text in {".", "!", "?", '"', "\u201d"}:
            continue
        found = _colon_form(doc, u) or _dash_form(doc, u) or _trailing_colon_form(doc, u) or _says_form(doc, u)
        if found is not None:
            out.append(found)
    return out


def _is_source(span) -> bool:
    """A kind of source, or a person's full name (one capitalised word may be a place)."""
    return _classify(span) is not None or sum(t.ent_type_ == "PERSON" for t in span) >= 2


def _colon_form(doc, u) -> Candidate | None:
    """ "X: claim" with a short source X before the first colon."""
    colon = next((t.i for t in u if t.text == ":"), None)
    if colon is None or not 0 < colon - u.start <= MAX_SPEAKER:
        return None
    speaker, content = trim(doc, u.start, colon), trim(doc, colon + 1, u.end)
    if speaker[0] >= speaker[1] or content[0] >= content[1] or not _is_source(doc[slice(*speaker)]) \
            or _section_label(doc[slice(*speaker)]):
        return None
    return Candidate(u, speaker, (colon, colon + 1), content, "indirect", ":", "neutral")


def _line_colon_quote(doc, u) -> Candidate | None:
    """ "- City boss Ann Lee: "We were lucky today."": a line that opens with a source (after a
    dash or bullet), a colon and a quotation mark; the quote is the claim (match reports,
    transcripts, round-ups of reactions)."""
    colon = next((t.i for t in u if t.text == ":"), None)
    if colon is None or colon + 1 >= u.end or doc[colon + 1].text not in {'"', "\u201c", "``"}:
        return None
    start = u.start
    while start < colon and (doc[start].text in DASHES or doc[start].text in {"*", "\u2022", "-"} or doc[start].is_space):
        start += 1
    if not 0 < colon - start <= 2 * MAX_SPEAKER:
        return None
    speaker = trim(doc, start, colon)
    close = next((t.i for t in doc[colon + 2 : u.end] if t.text in {'"', "\u201d", "''"}), u.end)
    content = trim(doc, colon + 2, close)
    if speaker[0] >= speaker[1] or content[0] >= content[1] or not _is_source(doc[slice(*speaker)]) \
            or any(t.pos_ in {"VERB", "AUX"} for t in doc[slice(*speaker)]):
        return None
    return Candidate(u, speaker, (colon, colon + 1), content, "direct", ":", "neutral")


def _section_label(span) -> bool:
    """Is the words before a headline colon a section of the page ("Local News in Brief",
    "City Update", ``verbs.toml`` ``[headline]`` ``section_words``), not a source?"""
    words = set(verb_data().get("headline", {}).get("section_words", ()))
    return any(t.lower_ in words for t in span)


def _trailing_colon_form(doc, u) -> Candidate | None:
    """ "claim: X" with a short source X after the last colon ("Homes evacuated as fire
    spreads: officials")."""
    colon = next((t.i for t in reversed(u) if t.text == ":"), None)
    if colon is None or not 0 < u.end - 1 - colon <= 3 or colon - u.start < 3:
        return None
    speaker, content = trim(doc, colon + 1, u.end), trim(doc, u.start, colon)
    if speaker[0] >= speaker[1] or content[0] >= content[1] or not _is_source(doc[slice(*speaker)]):
        return None
    return Candidate(u, speaker, (colon, colon + 1), content, "indirect", ":", "neutral")


def _dash_form(doc, u) -> Candidate | None:
    """ "claim - X says": a dash, a short source, and a cue word last, or before the people it
    was said to ("- Minister assures residents", "- police tell drivers")."""
    end = u.end
    while end - 1 > u.start and u.end - end < 2 and doc[end - 1].pos_ in ("NOUN", "PROPN") and not _cue_at(doc, end):
        end -= 1  # the addressee after the cue
    last = _cue_at(doc, end)
    dash = next((t.i for t in reversed(u) if t.text in DASHES), None)
    if not last or dash is None or not 0 < end - 1 - dash <= MAX_SPEAKER + 1:
        return None
    speaker, content = trim(doc, dash + 1, end - 1), trim(doc, u.start, dash)
    if speaker[0] >= speaker[1] or content[0] >= content[1] or not _is_source(doc[slice(*speaker)]):
        return None
    label = last[0][0]
    return Candidate(u, speaker, (end - 1, end), content, "indirect", doc[end - 1].text,
                     cue_signals().get(label, "neutral"))


def _says_form(doc, u) -> Candidate | None:
    """ "claim, says X": a comma, a cue word, and a short name or noun phrase last ("Three wells
    run dry in the valley, says council"). The cue makes X a speaker, so a country counts too."""
    comma = next((t.i for t in reversed(u) if t.text == ","), None)
    if comma is None or comma + 2 >= u.end or not 0 < u.end - (comma + 2) <= MAX_SPEAKER:
        return None
    cue = _cue_at(doc, comma + 2)
    speaker, content = trim(doc, comma + 2, u.end), trim(doc, u.start, comma)
    if not cue or speaker[0] >= speaker[1] or content[0] >= content[1]:
        return None
    if not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or t.text == "'s" for t in doc[slice(*speaker)]):
        return None
    return Candidate(u, speaker, (comma + 1, comma + 2), content, "indirect", doc[comma + 1].text,
                     cue_signals().get(cue[0][0], "neutral"))


def _cue_at(doc, end: int) -> list:
    """The cue matches that end at token ``end`` (one word: the cue of a headline's dash form)."""
    return [m for m in matches(doc[end - 1 : end], "cues", cue_groups()) if m[2] == end]
