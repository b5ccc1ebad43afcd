"""The attribution finder: *who says so?*

For each claim in a story, find who is said to have made it (the **speaker**, as the
full noun phrase with titles and appositives), the **cue** that introduces it ("said",
"claimed", "according to"), the **content**, and what **kind of source** the speaker is.
The sentences that state contested facts with no source at all are found in
``unsourced.py``; summaries (shares, one-line descriptions, the source map) in ``summaries.py``.

>>> doc = parse("Police said the protest was peaceful.")
>>> [(a.speaker, a.cue, a.content, a.kind, a.source_type) for a in find_attributions(doc)]
[('Police', 'said', 'the protest was peaceful', 'indirect', 'official')]

What the finder covers (each rule is general; language resources are data files):

* indirect speech: ``X said (that) ...``, ``X confirmed ...``, ``..., saying that ...``
* inverted order: ``..., said X`` and ``..., X said`` (the content may run over several
  sentences when the parser split one sentence, as in a translation that lost its quote marks)
* ``according to X``, ``citing X``: kind ``"according_to"``
* direct quotes with quote marks (``"..." he said``; a follow-on quote in the next sentence
  with no cue of its own goes to the same speaker), and **without** quote marks: content in
  the first or second person ("I don't think ..."), an imperative ("Thank God ...") or an
  exclamation is direct speech, the rest indirect
* object cues: ``X stressed the importance of ...``, ``X called the advance a reminder ...``
  (verbs marked ``object = true`` in the data)
* pronoun speakers (he, she, it, they) resolved to the last speaker in the preceding
  sentences; ``resolved_from`` keeps the pronoun
* a surname alone ("al-Assad") is typed by its fuller earlier mention ("Syrian President
  Bashar al-Assad")

Data files in ``kit/attribution/data/en/``: ``verbs.toml`` (cues and what they signal),
``source_types.toml`` (rules and known names), ``contested_claims.toml`` (what makes a
sentence a claim that needs a source).
"""

from __future__ import annotations

from kit.attribution.candidates import Candidate, according_candidates, verb_candidates
from kit.attribution.records import Attribution
from kit.attribution.sources import source_type_of
from kit.attribution.speakers import is_pronoun
from kit.attribution.units import as_doc, overlaps, quotes, trim, unit_index, units
from kit.core.nlp import parse  # noqa: F401  (the doctests use it)

__all__ = ["find_attributions"]


def find_attributions(doc, *, resolve_pronouns: bool = True, window: int = 3) -> list[Attribution]:
    """Every attribution in ``doc``: speaker, cue, content, kind and source type.

    ``resolve_pronouns``: replace he/she/it/they by the last speaker found in the
    ``window`` sentences before (the pronoun is kept in ``resolved_from``).

    >>> doc = parse("The army claimed it had retaken the bridge. It also said two soldiers died.")
    >>> [(a.speaker, a.cue, a.cue_signal, a.resolved_from) for a in find_attributions(doc)]
    [('The army', 'claimed', 'distancing', None), ('The army', 'said', 'neutral', 'It')]
    """
    doc = as_doc(doc)
    cache = getattr(doc, "user_data", None)  # a Doc has one; a Span does not
    cache_key = ("kit.attributions", resolve_pronouns, window)
    if cache is not None and cache_key in cache:  # several views of one text ask for the same results
        return list(cache[cache_key])
    all_units = units(doc)
    quoted = quotes(doc)
    raw = verb_candidates(doc, all_units, quoted) + according_candidates(doc, all_units)
    cands = _attach_quotes(doc, all_units, quoted, raw)
    result = _attributions(doc, cands, all_units, resolve_pronouns=resolve_pronouns, window=window)
    result.sort(key=lambda a: (a.start_char, a.cue_start))
    if cache is not None:
        cache[cache_key] = tuple(result)
    return result


def _attach_quotes(doc, all_units, quoted, raw: list[Candidate]) -> list[Candidate]:
    """Direct quotes with marks: upgrade the candidate whose content overlaps the quote
    (its content becomes the words inside the marks), or give a cue-less quote to the
    speaker of a direct candidate in the same or the previous unit.

    >>> doc = parse('"We will stay," the mayor said. "We have nowhere else to go."')
    >>> [(a.speaker, a.kind, a.content) for a in find_attributions(doc)]
    [('the mayor', 'direct', 'We will stay'), ('the mayor', 'direct', 'We have nowhere else to go')]
    """
    unit_no = {u.start: n for n, u in enumerate(all_units)}
    raw = list(raw)
    used = set()
    for q in quoted:
        inner = trim(doc, q[0] + 1, q[1] - 1)
        for n, c in enumerate(raw):
            if overlaps(c.content, q) and not overlaps(c.speaker, q) and not overlaps(c.cue, q):
                raw[n] = c._replace(content=inner, kind="direct")
                used.add(q)
                break
    follow_on = []
    for q in quoted:
        if q in used:
            continue
        qu = unit_index(all_units, q[0])
        inner = trim(doc, q[0] + 1, q[1] - 1)
        prev = [c for c in raw if c.kind == "direct" and unit_no[c.unit.start] in {qu, qu - 1} and c.content[1] <= q[0]]
        if prev:
            follow_on.append(prev[-1]._replace(unit=all_units[qu], content=inner, kind="direct"))
    return raw + follow_on


def _attributions(doc, cands: list[Candidate], all_units, *, resolve_pronouns: bool, window: int) -> list[Attribution]:
    """One Attribution per (cue, content), in the order speakers, cues and contents start;
    a pronoun speaker takes the last speaker named before it (in its unit, or in the
    ``window`` units before)."""
    unit_no = {u.start: n for n, u in enumerate(all_units)}
    cands = sorted(cands, key=lambda c: (c.content[0], c.cue[0]))
    seen = set()
    result: list[Attribution] = []
    history: list[tuple[int, Attribution]] = []
    for c in sorted(cands, key=lambda c: min(c.speaker[0], c.cue[0], c.content[0])):
        if (c.cue, c.content) in seen:
            continue
        seen.add((c.cue, c.content))
        uidx = unit_no[c.unit.start]
        sp = doc[c.speaker[0] : c.speaker[1]]
        resolved = None
        if resolve_pronouns and is_pronoun(sp):
            resolved = _antecedent(history, uidx, window, sp.start_char)
        att = _make(doc, c, resolved)
        result.append(att)
        if not (att.resolved_from is None and is_pronoun(sp)):
            history.append((uidx, att))
    return result


def _antecedent(history, uidx: int, window: int, pronoun_start: int) -> tuple[str, str] | None:
    """(speaker, source type) of the speaker named last before a pronoun: in this unit ("The
    agency said it had reached ..., blaming ...": "it" is the agency), else in the units before."""
    earlier = [a for u, a in history if uidx - window <= u < uidx or (u == uidx and a.speaker_end <= pronoun_start)]
    earlier.sort(key=lambda a: a.speaker_start)
    if not earlier:
        return None
    return earlier[-1].speaker, earlier[-1].source_type


def _make(doc, c: Candidate, resolved: tuple[str, str] | None = None) -> Attribution:
    """The Attribution record of a candidate; ``resolved``: (speaker, source type) for a pronoun."""
    (ss, se), (cs, ce), (ts, te) = c.speaker, c.cue, c.content
    speaker_span = doc[ss:se]
    start = min(doc[ss].idx, doc[cs].idx, doc[ts].idx)
    end = max(speaker_span.end_char, doc[cs:ce].end_char, doc[ts:te].end_char)
    if resolved is not None:
        speaker_text, stype = resolved
        pron = speaker_span.text
    else:
        speaker_text, stype, pron = speaker_span.text, source_type_of(speaker_span), None
    return Attribution(
        speaker=speaker_text,
        cue=c.cue_text,
        content=doc[ts:te].text,
        kind=c.kind,
        source_type=stype,
        start_char=start,
        end_char=end,
        speaker_start=speaker_span.start_char,
        speaker_end=speaker_span.end_char,
        cue_start=doc[cs].idx,
        cue_end=doc[cs:ce].end_char,
        content_start=doc[ts].idx,
        content_end=doc[ts:te].end_char,
        cue_signal=c.signal,
        resolved_from=pron,
    )
