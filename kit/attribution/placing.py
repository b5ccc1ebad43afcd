"""Where a cue's claim lies when no clause carries it, and the final token ranges of a
candidate: the governed clause, a parenthetical cue's whole unit, a quote right after the
cue, or the words before a comma in inverted order ("<claim>, said X").

>>> from kit.core.nlp import parse
>>> doc = parse("The bridge was closed, a police spokesman said.")
>>> verb, subj = doc[8], doc[7]
>>> (content, quoted, wrapped) = place_claim(doc, verb, subj, doc[:], None, [])
>>> doc[slice(*content)].text
'The bridge was closed'
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import islice

from kit.attribution.index import children, doc_index, first_in
from kit.attribution.speakers import is_direct_without_marks, speaker_range, subtree_range
from kit.attribution.units import QUOTE_CHARS, ends_in_title, trim

SINGLE_OPEN, SINGLE_CLOSE = {"\u2018", "'"}, {"\u2019", "'"}  # a quote in single marks opening its unit


def place_claim(doc, verb, subj, unit, content, quoted):
    """(content range, quoted?, wrapped?) for a cue with subject ``subj``, or None.

    The governed clause when there is one (unless the subject sits inside it); else the
    whole unit when the cue is a parenthetical ("The workers, the union said, had not been
    paid"); else a quote right after the cue; else the words before a comma ("..., said X")."""
    if content is None and verb.dep_ == "parataxis":
        after = verb.right_edge.i
        while after > verb.i and doc[after].is_punct:
            after -= 1  # the parser may hang the closing comma on the cue
        after += 1
        if after >= unit.end or doc[after].is_punct:  # an aside set off by commas, not "..., X added hit after hit"
            return (unit.start, unit.end), False, True
        return None
    rel = doc[content[0]] if content is not None else None
    if rel is not None and content[0] <= subj.i < content[1] and rel.tag_ in {"WDT", "WP"} and rel.i < verb.i \
            and rel.dep_ == "nsubj" and rel.head.dep_ == "ccomp" and rel.head.head.i == verb.i:
        content = (verb.i + 1, content[1])  # "the satellite, which it said was for the army": after the cue
    if content is not None:
        return None if content[0] <= subj.i < content[1] else (content, False, False)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children(verb)):
        # "As Tom Reed reports for the BBC, the talks collapsed": the main clause is the claim
        s, e = subtree_range(verb)
        return ((e, unit.end) if s <= unit.start + 1 else (unit.start, s)), False, False
    content = _quote_after_cue(doc, verb, subj, unit, quoted)
    if content is not None:
        return content, True, False
    content = _before_comma(doc, verb, subj, unit)
    return None if content is None else (content, False, False)


def quote_in_next_unit(doc, verb, subj, unit, quoted) -> tuple[int, int] | None:
    """'The coach said:' or 'Asked about the striker, he said,' ending its paragraph, and a
    quotation opening the next one: that quote (marks included), or None. Only when nothing but
    the colon or comma follows cue and speaker, so "He said so." never takes the next quote, and
    only a quote that ends its sentence ('"...," Ruiz said.' has a speaker of its own)."""
    after = max(verb.i, subj.right_edge.i) + 1
    rest = list(islice((t for t in doc[after : unit.end] if not t.is_space), 2))  # two at most: a long unit stays cheap
    if len(rest) != 1 or rest[0].text not in {":", ","}:
        return None
    k = bisect_left(quoted, unit.end, key=lambda q: q[0])
    if k == len(quoted) or any(not t.is_space for t in doc[unit.end : quoted[k][0]]):
        return None
    end = quoted[k][1]
    return quoted[k] if end >= len(doc) or doc[end].is_space or doc[end].is_punct and doc[end].text not in QUOTE_CHARS \
        or doc[end].is_sent_start else None


def _quote_after_cue(doc, verb, subj, unit, quoted) -> tuple[int, int] | None:
    """'X replied: "No comment."': a quote right after the cue (or after "cue:"), marks included."""
    after = max(verb.i, subj.right_edge.i) + 1
    colon = after < len(doc) and doc[after].text == ":"
    after += colon
    k = bisect_left(quoted, after, key=lambda q: q[0])
    if k < len(quoted) and quoted[k][0] == after and quoted[k][1] <= unit.end:
        return quoted[k]
    if colon and after < unit.end and doc[after].text in QUOTE_CHARS:
        # a short quote is a quote too when a colon introduces it ('replied: "No comment."')
        close = first_in(doc_index(doc).quote_marks, after + 1, unit.end)
        return (after, close + 1) if close is not None else None
    return None


def _before_comma(doc, verb, subj, unit) -> tuple[int, int] | None:
    """Inverted order without a parsed clause: "<content>, said X.", or a headline "<content> -
    X says". The content is everything in the unit before the comma (dash) that precedes cue
    and speaker."""
    first = min(verb.i, subj.left_edge.i)
    while first < verb.i and doc[first].is_punct and doc[first].text not in QUOTE_CHARS:
        first += 1  # the parser may hang the comma / dash on the speaker
    first = _before_title(doc, first, unit.start)
    if first - 1 > unit.start and doc[first - 1].text in {",", "-", "\u2013", "\u2014", "--"}:
        if doc[first - 1].text == "," and (_is_setting(doc, unit.start, first - 1)
                                           or _acts_on_an_object(verb) and _verbless(doc, unit.start, first - 1)):
            return None  # "In a speech in Leeds, the mayor said ...": when and where, not what
        return unit.start, first - 1  # also a headline "<claim> - X says"
    if first - 1 > unit.start and (doc[first - 1].text in QUOTE_CHARS and _opens_a_claim(doc, first - 1, unit)
                                   or doc[first - 1].text in SINGLE_CLOSE and doc[unit.start].text in SINGLE_OPEN):
        return unit.start, first  # '"...!" insists X', "‘...’ X tweeted": the quote, marks included
    if first - 2 > unit.start and doc[first - 1].text in QUOTE_CHARS and doc[first - 2].text == ",":
        opening = _opening_mark(doc, first - 1, unit)
        if opening is not None:
            return opening, first  # 'It matters because "people want colour," Yu said': the quote alone
    return None


def _before_title(doc, first: int, start: int) -> int:
    """Where a speaker starts when the parser cut a title and its full stop off the name
    ('"...," Harbour Police Sgt. Ana Ruiz said': "Sgt." ends the sentence before "Ana"): before
    the title and the capitalised words ahead of it; else ``first``."""
    if first - 2 <= start or doc[first - 1].text != "." or not ends_in_title(doc, first):
        return first
    first -= 2
    while first - 1 > start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
        first -= 1
    return first


def _opening_mark(doc, close: int, unit) -> int | None:
    """The opening mark of the quote that closes at ``close`` inside ``unit``, or None."""
    k = close - 1
    while k > unit.start and doc[k].text not in QUOTE_CHARS:
        k -= 1
    return k if doc[k].text in QUOTE_CHARS and k < close - 1 else None


def assemble(doc, unit, subj, content, quoted: bool, wrapped: bool):
    """(speaker range, content range, kind) with the content trimmed to the unit, or None."""
    ts, te = trim(doc, max(content[0], unit.start), min(content[1], unit.end))
    if ts >= te or not quoted and all(t.pos_ in {"ADV", "CCONJ", "SCONJ", "INTJ", "PART", "PUNCT", "PRON", "DET"} for t in doc[ts:te]):
        return None  # "However, officials confirmed", "called that": no claim (a quote may be short)
    speaker = speaker_range(doc, subj, unit, None if wrapped else (ts, te), relative=False)
    if speaker[0] >= speaker[1]:
        return None
    if quoted:
        ts, te = trim(doc, ts + 1, te - 1)  # the words inside the marks
        if ts >= te:
            return None
    kind = "direct" if quoted or is_direct_without_marks(doc, ts, te) else "indirect"
    return speaker, (ts, te), kind


_SUBORDINATORS = {"once", "when", "whenever", "after", "before", "while", "if", "unless", "although", "though",
                  "because", "since", "until", "as", "upon"}
_LISTENER_VERBS = {"tell", "inform", "assure", "warn", "remind", "ask", "advise", "notify", "brief", "urge"}


def _verbless(doc, start: int, end: int) -> bool:
    """No verb and no quote mark in tokens ``start:end``."""
    return not any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_CHARS for t in doc[start:end])


def _acts_on_an_object(verb) -> bool:
    """Does the cue take an object that is no listener ("added win after win"; not "told reporters")?
    Then it is an act, and a verbless phrase before the comma is no claim of it."""
    return verb.lemma_.lower() not in _LISTENER_VERBS and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def _is_setting(doc, start: int, end: int) -> bool:
    """Are tokens ``start:end`` a setting of the sentence, not a claim: no verb and no quote mark,
    and one prepositional phrase ("In a speech in Leeds", "On Monday") or a date ("Last week")?

    >>> from kit.core.nlp import parse
    >>> doc = parse("In a speech in Leeds, the mayor said the bridge reopened.")
    >>> _is_setting(doc, 0, 5), _is_setting(doc, 7, 11)
    (True, False)
    """
    span = doc[start:end]
    if not len(span) or any(t.text in QUOTE_CHARS for t in span):
        return False
    first = span[0]
    if first.lower_ in _SUBORDINATORS and not any(t.text in {",", ";", ":"} for t in span):
        return True  # "Once installed, the unit reports ...", "When asked, she said ...": a condition, not a claim
    if first.dep_ == "prep" and first.right_edge.i >= end - 1 and not any(t.pos_ in {"VERB", "AUX"} for t in span):
        return True
    if (first.pos_ == "ADP" or first.pos_ == "ADV" and span[1:2].text and span[1].pos_ == "ADP"
            or first.tag_ in {"VBG", "VBN"} and first.dep_ not in {"amod", "compound"}) and not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span):
        return True  # "Just by looking, they found ...", "Speaking to reporters, she said ...": how, not what
    if any(t.pos_ in {"VERB", "AUX"} for t in span):
        return False
    return all(t.ent_type_ in {"DATE", "TIME"} or t.is_punct for t in span)


def _opens_a_claim(doc, close: int, unit) -> bool:
    """Does the quote that closes at ``close`` open where a claim can start (the start of the
    unit, or after a comma or colon), not inside a phrase ('His "Long Road" co-star Ann Lee
    posted ...': a title inside the speaker's description)?"""
    k = close - 1
    while k > unit.start and doc[k].text not in QUOTE_CHARS:
        k -= 1
    return k == unit.start or doc[k - 1].text in {",", ":", ";"} or doc[k - 1].is_space
