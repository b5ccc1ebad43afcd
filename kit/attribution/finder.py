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
* ``according to X``, ``per X``: kind ``"according_to"`` ("citing Y" never makes Y the speaker)
* headlines: ``X: claim`` and ``claim - X says``; a line the parser joined to the headline
  above it is parsed again on its own; ``As X reports for Y, claim``
* direct quotes with quote marks (``"..." he said``; a follow-on quote in the next sentence
  with no cue of its own goes to the same speaker), and **without** quote marks: content in
  the first or second person ("I don't think ..."), an imperative ("Thank God ...") or an
  exclamation is direct speech, the rest indirect
* object cues: ``X stressed the importance of ...``, ``X called the advance a reminder ...``
  (verbs marked ``object`` in the data); a bare noun object is an act, not a claim
  ("declared a curfew", "confirmed four cases")
* pronoun speakers (he, she, it, they) resolved to the last speaker in the preceding
  sentences, or to a later main-clause subject that can speak ("The minister cited a survey.
  She said"); ``resolved_from`` keeps the pronoun; a relative pronoun ("which said") gives
  its antecedent
* mention chains: a surname alone ("Reyes") is typed by its first mention with a title, an
  appositive or a role in the sentence before; an acronym by its name in brackets; "the
  statement" by the last statement named

Data files in ``kit/attribution/data/en/``: ``verbs.toml`` (cues and what they signal),
``source_types.toml`` (rules and known names), ``contested_claims.toml`` (what makes a
sentence a claim that needs a source).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from dataclasses import replace

from kit.attribution.candidates import Candidate, according_candidates, verb_candidates
from kit.attribution.cues import according_groups, cue_groups, matches
from kit.attribution.headlines import headline_candidates
from kit.attribution.records import Attribution
from kit.attribution.reparse import joined_units, reparsed_candidates
from kit.attribution.bodies import document_nouns
from kit.attribution.coref import body_before, gender_clash, one_type_per_speaker
from kit.attribution.sources import source_of, typed_source
from kit.attribution.spokespeople import spokesperson_for
from kit.attribution.speakers import SpeakerHistory, is_pronoun, subject_antecedent
from kit.attribution.units import as_doc, overlaps, quotes, span_text, trim, unit_index, units
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
    raw = _candidates(doc, all_units, quoted)
    cands = _attach_quotes(doc, all_units, quoted, raw)
    result = _attributions(doc, cands, all_units, resolve_pronouns=resolve_pronouns, window=window)
    result.sort(key=lambda a: (a.start_char, a.cue_start))
    if cache is not None:
        cache[cache_key] = tuple(result)
    return result


def _candidates(doc, all_units, quoted) -> list[Candidate]:
    """Candidates of every cue verb and "according to"; a unit the parser joined to the line
    before (a headline with no full stop above it) is parsed again on its own
    (:mod:`kit.attribution.reparse`).

    >>> doc = parse("Port city: workers held\\n\\nPort police said they held 12 workers.")
    >>> [(a.speaker, a.content) for a in find_attributions(doc)]
    [('Port police', 'they held 12 workers')]
    """
    raw = verb_candidates(doc, all_units, quoted) + according_candidates(doc, all_units)
    taken = {c.unit.start for c in raw}
    raw += [c for c in headline_candidates(doc, all_units) if c.unit.start not in taken]
    joined = _with_a_cue(doc, joined_units(doc, all_units))
    if not joined:
        return raw
    starts = {u.start for u in joined}
    raw = [c for c in raw if c.unit.start not in starts]
    for u in joined:
        raw += reparsed_candidates(doc, u, lambda sub: verb_candidates(sub, units(sub), quotes(sub))
                                   + according_candidates(sub, units(sub)))
    return raw


def _with_a_cue(doc, joined: list) -> list:
    """Only units with a cue word ("said", "according to") are worth parsing again: a run-on
    table of figures has thousands of joined lines and no speaker in any of them."""
    if not joined:
        return joined
    from bisect import bisect_left

    starts = sorted({s for _, s, _ in matches(doc, "cues", cue_groups())}
                    | {s for _, s, _ in matches(doc, "according", according_groups())})
    out = []
    for u in joined:
        k = bisect_left(starts, u.start)
        if k < len(starts) and starts[k] < u.end:
            out.append(u)
    return out


def _attach_quotes(doc, all_units, quoted, raw: list[Candidate]) -> list[Candidate]:
    """Direct quotes with marks: upgrade the candidate whose content overlaps the quote
    (its content becomes the words inside the marks), or give a cue-less quote to the
    speaker of a direct candidate in the same or the previous unit.

    >>> doc = parse('"We will stay," the mayor said. "We have nowhere else to go."')
    >>> [(a.speaker, a.kind, a.content) for a in find_attributions(doc)]
    [('the mayor', 'direct', 'We will stay'), ('the mayor', 'direct', 'We have nowhere else to go')]
    """
    raw = list(raw)
    before = list(raw)
    used = _upgrade_quoted(doc, quoted, raw)
    mixed = [old.content for old, new in zip(before, raw) if new is not old]
    follow_on = []
    last_direct = _last_direct_before(raw, {u.start: n for n, u in enumerate(all_units)})
    for q in quoted:
        if q in used or any(c[0] <= q[0] < c[1] for c in mixed):
            continue  # a second quoted phrase inside a claim already given (mixed quotation)
        if q[0] > 0 and doc[q[0] - 1].pos_ in {"NOUN", "PROPN"} and doc[q[0] - 1].whitespace_:
            continue  # 'the duet "Old Friends Never Part"': a title right after its noun, nobody's words
        qu = unit_index(all_units, q[0])
        n = max(last_direct(qu, q[0]), last_direct(qu - 1, q[0]))
        if n >= 0:
            follow_on.append(raw[n]._replace(unit=all_units[qu], content=trim(doc, q[0] + 1, q[1] - 1), kind="direct"))
    return raw + follow_on


def _upgrade_quoted(doc, quoted, raw: list[Candidate]) -> set:
    """Give each quote (in text order) to the first candidate in ``raw`` whose content
    overlaps it and whose speaker and cue do not: that candidate becomes direct, its content
    the words inside the marks (``raw`` is changed in place). Returns the quotes given.

    A sweep: candidates join a heap (by their place in ``raw``) when their content starts
    before the quote ends, and leave it for good when their content ends before the quote
    starts (the quotes come in order and never overlap)."""
    by_start = sorted(range(len(raw)), key=lambda n: raw[n].content[0])
    waiting: list[int] = []
    k = 0
    used = set()
    for q in quoted:
        while k < len(by_start) and raw[by_start[k]].content[0] < q[1]:
            heapq.heappush(waiting, by_start[k])
            k += 1
        passed_over = []
        while waiting:
            n = heapq.heappop(waiting)
            c = raw[n]
            if c.content[1] <= q[0]:
                continue  # ends before this quote, so before every later one
            if overlaps(c.speaker, q) or overlaps(c.cue, q):
                passed_over.append(n)
                continue
            raw[n] = c._replace(content=trim(doc, q[0] + 1, q[1] - 1), kind="direct")
            used.add(q)
            break
        for n in passed_over:
            heapq.heappush(waiting, n)
    return used


def _last_direct_before(raw: list[Candidate], unit_no: dict[int, int]):
    """A function (unit, token) -> the place in ``raw`` of the last direct candidate of that
    unit whose content ends at or before the token, or -1 (a binary search per question)."""
    ends: dict[int, list[int]] = {}
    best: dict[int, list[int]] = {}  # best[u][j]: the last place among the j+1 earliest-ending
    for n, c in sorted(enumerate(raw), key=lambda nc: nc[1].content[1]):
        if c.kind == "direct":
            u = unit_no[c.unit.start]
            places = best.setdefault(u, [])
            places.append(max(n, places[-1]) if places else n)
            ends.setdefault(u, []).append(c.content[1])

    def last(u: int, i: int) -> int:
        j = bisect_right(ends.get(u, []), i) - 1
        return best[u][j] if j >= 0 else -1

    return last


def _attributions(doc, cands: list[Candidate], all_units, *, resolve_pronouns: bool, window: int) -> list[Attribution]:
    """One Attribution per (cue, content), in the order speakers, cues and contents start;
    a pronoun speaker takes the last speaker named before it (in its unit, or in the
    ``window`` units before: :class:`kit.attribution.speakers.SpeakerHistory`)."""
    unit_no = {u.start: n for n, u in enumerate(all_units)}
    step = _speech_steps(doc, all_units, {unit_no[c.unit.start] for c in cands})
    cands = sorted(cands, key=lambda c: (c.content[0], c.cue[0]))
    seen = set()
    result: list[Attribution] = []
    history = SpeakerHistory(window)
    last_of: dict[str, tuple] = {}  # head noun -> (speaker, type, kind) of its last speaker
    said_as: dict[str, str] = {}  # speaker -> "he" or "she", as the text called it
    for c in sorted(cands, key=lambda c: min(c.speaker[0], c.cue[0], c.content[0])):
        if (c.cue, c.content) in seen:
            continue
        seen.add((c.cue, c.content))
        uidx = unit_no[c.unit.start]
        sp = doc[c.speaker[0] : c.speaker[1]]
        resolved = None
        if resolve_pronouns and is_pronoun(sp):
            person = (lambda a: not _names_document(doc, a) and not gender_clash(a.speaker, sp[0].lower_, said_as)
                      ) if sp[0].lower_ in {"he", "she"} else None
            resolved = _antecedent(doc, all_units, uidx, sp, history.antecedent(step[uidx], pronoun_start=sp.start_char,
                                                                               accept=person), said_as)
        elif sp.root.pos_ == "NOUN" and len(sp) == 2 and sp[0].lower_ in {"the", "this"}:
            resolved = last_of.get(sp.root.lemma_)  # "A UN statement said ... The statement added"
            if resolved is not None and resolved[3] != "sure":
                resolved = None  # that speaker's type is a guess: the mention's own antecedent may say more
        elif resolve_pronouns and sp[0].tag_ == "PRP$" and sp.root.pos_ == "NOUN" and len(sp) <= 3:
            ante = history.antecedent(step[uidx], pronoun_start=sp.start_char)  # "Her office said": whose office
            resolved = None if ante is None else (ante.speaker, ante.source_type, ante.source_kind, ante.type_confidence)
            if resolved is None and (rng := body_before(doc, all_units, uidx, sp[0])) is not None:
                resolved = (span_text(doc, *rng), *_typed_range(doc, rng))  # "its release": the firm named before
        att = _make(doc, c, resolved)
        if resolved is not None and is_pronoun(sp) and sp[0].lower_ in {"he", "she"}:
            said_as.setdefault(att.speaker, sp[0].lower_)  # "he said": the text calls this speaker "he"
        if resolved is not None and not is_pronoun(sp):
            att = replace(att, speaker=span_text(doc, *c.speaker), resolved_from=None)
        last_of[sp.root.lemma_] = (att.speaker, att.source_type, att.source_kind, att.type_confidence)
        result.append(att)
        if not (att.resolved_from is None and is_pronoun(sp)):
            history.add(step[uidx], att, speaker_start=att.speaker_start, speaker_end=att.speaker_end)
    return one_type_per_speaker(result)


def _speech_steps(doc, all_units, with_cue: set[int]) -> list[int]:
    """Each unit's place in the count of units a pronoun looks back over: a paragraph that goes
    on quoting the speaker before (it opens with a quote mark and has no cue of its own) adds
    no step, so "She said" after a long quotation still finds who spoke it."""
    out, n = [], 0
    for k, unit in enumerate(all_units):
        first = doc[unit.start : unit.end].text.lstrip()[:1]
        if not (k not in with_cue and first in _OPENING_QUOTES):
            n += 1
        out.append(n)
    return out


_OPENING_QUOTES = {'"', "\u201c", "\u2018", "'"}


def _antecedent(doc, all_units, uidx: int, sp, ante, said_as=None) -> tuple | None:
    """(speaker, type, kind) a pronoun stands for: the last speaker named before it, unless
    a noun subject that agrees with it comes later ("The minister cited a survey. She said");
    ``said_as``: speakers the text called "he" or "she" (:func:`kit.attribution.coref.gender_clash`)."""
    rng = subject_antecedent(doc, all_units, uidx, sp[0], _can_speak)
    if rng is not None and gender_clash(span_text(doc, *rng), sp[0].lower_, said_as or {}):
        rng = None  # "Ana Ruiz, a spokeswoman, said ... he said": not her
    if rng is not None and (ante is None or doc[rng[0]].idx > ante.speaker_start):
        stype, kind, sure = typed_source(doc[rng[0] : rng[1]])
        return span_text(doc, *rng), stype, kind, "sure" if sure else "unsure"
    if ante is None and (rng := body_before(doc, all_units, uidx, sp[0])) is not None:
        return (span_text(doc, *rng), *_typed_range(doc, rng))  # "Kestrel shares fell after it said ...": the firm
    return None if ante is None else (ante.speaker, ante.source_type, ante.source_kind, ante.type_confidence)


def _names_document(doc, att) -> bool:
    """Is the speaker of ``att`` a document ("an advance text", "the report"), which "he" or "she" never stands for?"""
    span = doc.char_span(att.speaker_start, att.speaker_end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.lemma_.lower() in document_nouns()


def _typed_range(doc, rng) -> tuple[str, str, str]:
    """(type, kind, confidence) of the phrase at token range ``rng``."""
    stype, kind, sure = typed_source(doc[rng[0] : rng[1]])
    return stype, kind, "sure" if sure else "unsure"


def _typed(doc, speaker_span, cue, content=None) -> tuple[str, str, str]:
    """(type, kind, confidence) of a speaker; a name with no type who "reports for" an outlet is media;
    a spokesperson who names no body speaks for the body the claim is about (not sure).

    >>> [a.source_type for a in find_attributions(parse("As Tom Reed reports for the BBC, the talks failed."))]
    ['media']
    """
    stype, kind, sure = typed_source(speaker_span)
    body = spokesperson_for(doc, speaker_span, content) if content else None
    if body is not None:
        return body[0], body[1], "unsure"
    if stype == "other":
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "for"):
            outlet = typed_source(doc[prep.i + 1 : prep.right_edge.i + 1])
            if outlet[0] in {"media", "state_media"}:
                stype, kind, sure = outlet
    return stype, kind, "sure" if sure else "unsure"


def _can_speak(tok) -> bool:
    """Can the noun ``tok`` be a speaker: a person or organisation, or a kind of source?"""
    return tok.ent_type_ in {"PERSON", "ORG"} or source_of(tok.doc[tok.i : tok.i + 1])[0] not in {"other"}


def _make(doc, c: Candidate, resolved: tuple | None = None) -> Attribution:
    """The Attribution record of a candidate; ``resolved``: (speaker, source type, kind) for a pronoun."""
    (ss, se), (cs, ce), (ts, te) = c.speaker, c.cue, c.content
    speaker_span = doc[ss:se]
    start = min(doc[ss].idx, doc[cs].idx, doc[ts].idx)
    end = max(speaker_span.end_char, doc[cs:ce].end_char, doc[ts:te].end_char)
    if resolved is not None:
        speaker_text, stype, kind, conf = resolved
        pron = span_text(doc, ss, se)
    else:
        (stype, kind, conf), speaker_text, pron = _typed(doc, speaker_span, doc[cs], (ts, te)), span_text(doc, ss, se), None
    return Attribution(
        speaker=speaker_text,
        cue=c.cue_text,
        content=span_text(doc, ts, te),
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
        source_kind=kind,
        type_confidence=conf,
    )
