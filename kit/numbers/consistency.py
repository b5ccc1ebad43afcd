"""Checks between figures: parts of a whole, shares, the same thing counted twice, figures nobody is named for.

>>> from kit.core.nlp import parse
>>> fs = check_numbers(parse("The raid killed 40 people, including 12 children."))
>>> [(f.kind, f.ok) for f in fs]
[('part_whole', True), ('no_source', None), ('no_source', None)]
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from kit.numbers.figures import _as_doc, _attributions, find_numbers, with_sources
from kit.numbers.records import Quantity, fmt, load_rules
from kit.numbers.scopes import scope_of


@dataclass(frozen=True)
class Finding:
    """Something a careful reader checks about the figures, written for a student.

    ``kind``: "part_whole" (parts of a total, and what is left for the rest),
    "inconsistent" (figures that cannot all be true), "share" (a word like *most*
    checked against the other figures), "repeated" (the same thing counted twice),
    "no_source" (a figure nobody is named for).
    """

    message: str
    quantities: tuple[Quantity, ...]
    kind: str
    ok: bool | None = None  # True: consistent, False: cannot all be true, None: a question to ask

    @property
    def start_char(self) -> int:
        return min(q.start_char for q in self.quantities)

    @property
    def end_char(self) -> int:
        return max(q.end_char for q in self.quantities)


def _key(counted: str | None) -> str | None:
    """'Civilians' and 'civilian' count the same thing."""
    if not counted:
        return None
    w = counted.lower().split()[-1]
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _event(doc, q: Quantity) -> str | None:
    """What happened to what ``q`` counts ("deaths", "wounded", "displaced", "detained"), from
    its counted word or the verb it hangs on ("40 people were killed"); None when unknown.

    >>> from kit.core.nlp import parse
    >>> d = parse("At least 40 people were killed. Officials later put the toll at 28 dead.")
    >>> [_event(d, q) for q in find_numbers(d, sources=False)]
    ['deaths', 'deaths']
    """
    events = {k: v for k, v in load_rules()["events"].items() if isinstance(v, dict)}
    word = (q.counted or "").lower().split()[-1:] or [""]
    for name, ev in events.items():
        if word[0] in ev["words"]:
            return name
    span = doc.char_span(q.start_char, q.end_char, alignment_mode="expand")
    if span is None:
        return None
    tok = next((t for t in span if t.like_num or t.pos_ == "NUM"), span.root)
    for _ in range(4):  # climb: "40" -> "people" -> "killed"
        if tok.pos_ in ("VERB", "AUX"):
            lemma = tok.lemma_.lower()
            return next((name for name, ev in events.items() if lemma in ev["verbs"]), None)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _event_label(name: str) -> str:
    """How the checks name an event ("deaths", "people displaced"), from numbers.toml."""
    return load_rules()["events"][name].get("label", name)


@functools.lru_cache(maxsize=1)
def _general_words() -> frozenset:
    return frozenset(_key(w) for w in load_rules()["events"]["general"])


def _same_count(a: Quantity, b: Quantity, ea: str | None, eb: str | None) -> str | None:
    """What two figures both count (for the "repeated" check), or None when they count
    different things: the same counted word, or the same event counted with general words
    on both sides ("people" killed, "dead"); "40 people" and "300 fighters" killed are not compared."""
    if ea and eb and ea != eb:
        return None  # "40 people killed" and "12 million people fled"
    ka, kb = _key(a.counted), _key(b.counted)
    general = _general_words()
    if ka and ka == kb and not (ka in general and bool(ea) != bool(eb)):
        # "61 civilians" ... "70 civilians"; a general word ("people") only with the same
        # event on both sides, or none known on either
        return _event_label(ea) if ea else a.counted
    if ea and ea == eb and ka in general and kb in general:
        return _event_label(ea)  # "40 people were killed" ... "28 dead": deaths
    return None


def _who(q: Quantity) -> str:
    return f" (source: {q.source})" if q.source else " (no source named)"


class _Markers:
    """Where the part markers of numbers.toml ("including", "of whom"...) stand in a doc, found once:
    is there one between a whole and a later figure? (One look-up, however long the text.)"""

    def __init__(self, doc, markers: list[str]):
        by_first: dict[str, list[list[str]]] = {}
        for m in markers:
            by_first.setdefault(m.split(" ")[0], []).append(m.split(" "))
        lower = [t.lower_ for t in doc]
        found = sorted({(k, k + len(w)) for k, first in enumerate(lower) for w in by_first.get(first, ())
                        if lower[k : k + len(w)] == w})
        self.starts = [s for s, _e in found]
        self.soonest_end = [len(lower) + 1] * (len(found) + 1)  # smallest end among markers from here on
        for pos in range(len(found) - 1, -1, -1):
            self.soonest_end[pos] = min(found[pos][1], self.soonest_end[pos + 1])

    def within(self, start: int, end: int) -> bool:
        """Does a whole marker stand in tokens start..end (end excluded)?"""
        return self.soonest_end[bisect.bisect_left(self.starts, start)] <= end


def _marked_as_part(doc, whole: Quantity, part: Quantity, markers: _Markers) -> bool:
    """True when words between a whole and a later figure say the figure is part of it
    ("412 dead, including 61 civilians", "most of them combatants").

    >>> from kit.core.nlp import parse
    >>> d = parse("412 dead, including 61 civilians; 35 children.")
    >>> w, p, c = find_numbers(d, sources=False)
    >>> m = _Markers(d, _part_rules()[2])
    >>> _marked_as_part(d, w, p, m), _marked_as_part(d, p, c, m)
    (True, False)
    """
    if part.kind == "proportion" and " of them" in f" {part.text.lower()}":
        return True
    between = doc.char_span(whole.end_char, part.start_char, alignment_mode="expand")
    return between is not None and markers.within(between.start, between.end)


@functools.lru_cache(maxsize=1)
def _part_rules() -> tuple[frozenset, frozenset, tuple[str, ...], int]:
    """(whole words, part words, markers, window) from numbers.toml [parts], words as keys."""
    rules = load_rules()["parts"]
    return (frozenset(_key(w) for w in rules["wholes"]), frozenset(_key(w) for w in rules["parts"]),
            tuple(m.lower() for m in rules["markers"]), rules["window"])


def _parts_of(doc, sent_qs: list[Quantity], wi: int, markers: _Markers) -> tuple[list, list]:
    """(counts, shares) among the figures after ``sent_qs[wi]`` in its sentence (in text order) that
    are marked as parts of it; only figures within the [parts] window after the whole are tried."""
    _wholes, parts, _words, window = _part_rules()
    whole = sent_qs[wi]
    marked = []
    for k in range(wi + 1, len(sent_qs)):
        q = sent_qs[k]
        if q.start_char - whole.end_char > window:
            break
        if _key(q.counted) in parts and _key(q.counted) != _key(whole.counted) and \
                _marked_as_part(doc, whole, q, markers):
            marked.append(q)
    return ([q for q in marked if q.kind == "count" and q.low is not None],
            [q for q in marked if q.kind == "proportion"])


def _counts_in_whole(whole: Quantity, ref, counts: list[Quantity]) -> Finding:
    """The counts that are part of ``whole``: do they fit, and what is left for the rest?"""
    names = " and ".join(f"\u201c{q.text}\u201d" for q in counts)
    taken = sum(q.low for q in counts)
    if whole.high is not None and taken > ref:
        return Finding(
            f"The parts do not fit in the whole: {names} add up to at least {fmt(taken)}, but "
            f"\u201c{whole.text}\u201d allows at most {fmt(ref)}. At least one figure is wrong, or "
            "they count different things.", (whole, *counts), "inconsistent", False)
    total_words = (f"the total is more than {fmt(ref)}, so it could be bigger; if it were {fmt(ref)},"
                   if whole.high is None else f"the total is {'' if whole.exact else 'at most '}{fmt(ref)}, so")
    return Finding(
        f"\u201c{whole.text}\u201d{_who(whole)} includes {names}. The part is a lower limit, and "
        f"{total_words} that leaves at most {fmt(ref - taken)} {whole.counted} who are not "
        f"{' or '.join(q.counted for q in counts)}.", (whole, *counts), "part_whole", True)


def _share_of_whole(whole: Quantity, ref, share: Quantity, counts: list[Quantity]) -> Finding:
    """A share word ("most of them") checked against the whole and the counts beside it."""
    taken = sum(q.low for q in counts)
    need = share.low * ref if share.low is not None else 0
    room = ref - taken
    fits = room > need if share.low_inclusive is False else room >= need
    word = share.text.split()[0].lower()
    if counts:
        tail = (f"The other figures leave room for up to {fmt(room)}, so \u201c{word}\u201d fits."
                if fits else
                f"But the other figures leave room for only {fmt(room)}, so \u201c{word}\u201d cannot be right "
                "(or the figures count different things).")
    else:
        tail = "No other figure in the sentence contradicts it."
    return Finding(
        f"\u201c{share.text}\u201d is a share of \u201c{whole.text}\u201d: "
        f"more than {fmt(need)} of {fmt(ref)}. {tail}",
        (whole, share, *counts), "share" if fits else "inconsistent", fits)


def _whole_findings(doc, sent_qs: list[Quantity], markers: _Markers) -> list[Finding]:
    """Parts of a whole and shares of it, within one sentence ("412 dead, including 61 civilians").

    >>> from kit.core.nlp import parse
    >>> d = parse("The clashes left 412 dead, most of them fighters, including at least 61 civilians.")
    >>> m = _Markers(d, _part_rules()[2])
    >>> [(f.kind, f.ok) for f in _whole_findings(d, find_numbers(d, sources=False), m)]
    [('part_whole', True), ('share', True)]
    """
    wholes = _part_rules()[0]
    findings: list[Finding] = []
    for wi, whole in enumerate(sent_qs):
        if whole.kind != "count" or _key(whole.counted) not in wholes:
            continue
        ref = whole.high if whole.high is not None else whole.value if whole.value is not None else whole.low
        if ref is None:
            continue
        counts, shares = _parts_of(doc, sent_qs, wi, markers)
        if counts:
            finding = _counts_in_whole(whole, ref, counts)
            findings.append(finding)
            if finding.kind == "inconsistent":
                continue
        findings.extend(_share_of_whole(whole, ref, share, counts) for share in shares)
    return findings


def _repeated_findings(doc, qs: list[Quantity]) -> list[Finding]:
    """The same thing counted twice, in different sentences ("40 people were killed" ... "28 dead").

    Each figure is compared with the nearest earlier one that counts the same thing, so a
    long text gives a chain of checks, not every pair.

    >>> from kit.core.nlp import parse
    >>> d = parse("At least 40 people were killed. Officials later put the toll at 28 dead.")
    >>> [(f.kind, f.ok) for f in _repeated_findings(d, find_numbers(d, sources=False))]
    [('repeated', False)]
    """
    counts = [q for q in qs if q.kind == "count" and _key(q.counted)]
    events = [_event(doc, q) for q in counts]
    buckets = _Buckets(counts, events)
    findings: list[Finding] = []
    for j, b in enumerate(counts):
        best = None  # (i, what): the nearest earlier figure that counts the same thing
        for name in buckets.names(b, events[j]):
            found = buckets.nearest(name, j, lambda a, i: _same_count(a, b, events[i], events[j]))
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        if best is not None:
            findings.append(_repeated(counts[best[0]], b, best[1], (scope_of(doc, counts[best[0]]), scope_of(doc, b))))
    return findings


class _Buckets:
    """Count figures grouped by what could make two of them count the same thing: the same
    counted word, or (for general words like "people", "dead") the same event. A figure is
    compared only with figures of its own groups, and only with the nearest that match, so a
    long text costs about as much per figure as a short one."""

    #: At most this many earlier figures of a group are tried for each figure.
    TRIES = 100

    def __init__(self, counts: list[Quantity], events: list[str | None]):
        self.counts = counts
        self.members: dict[tuple, list[int]] = {}
        for i, (q, ev) in enumerate(zip(counts, events)):
            for name in self.names(q, ev):
                self.members.setdefault(name, []).append(i)
        # for each member, the position where its run of same-sentence members starts
        self.run_start: dict[tuple, list[int]] = {}
        for name, idx in self.members.items():
            runs = []
            for p, i in enumerate(idx):
                same = p > 0 and counts[idx[p - 1]].sent_start == counts[i].sent_start
                runs.append(runs[-1] if same else p)
            self.run_start[name] = runs

    @staticmethod
    def names(q: Quantity, event: str | None) -> list[tuple]:
        """The groups of a figure: its counted word, and its event when it counts with a general word."""
        key = _key(q.counted)
        return [("word", key)] + ([("event", event)] if event and key in _general_words() else [])

    def nearest(self, name: tuple, j: int, match) -> tuple[int, str] | None:
        """(i, what) for the nearest earlier member i < j in another sentence for which
        ``match(counts[i], i)`` gives ``what``; None when none of the nearest :data:`TRIES` does."""
        idx, runs = self.members.get(name, []), self.run_start.get(name, [])
        p = bisect.bisect_left(idx, j) - 1
        sent = self.counts[j].sent_start
        tries = 0
        while p >= 0 and tries < self.TRIES:
            i = idx[p]
            if self.counts[i].sent_start == sent:
                p = runs[p] - 1  # the same sentence: skip its whole run
                continue
            what = match(self.counts[i], i)
            if what is not None:
                return i, what
            p, tries = p - 1, tries + 1
        return None


def _repeated(a: Quantity, b: Quantity, what: str, scopes: tuple = (None, None)) -> Finding:
    """Two figures that count ``what``: can they both be true? Figures whose ranges do not meet
    but whose scope differs (one place, the whole toll) are a question, not a contradiction.

    >>> from kit.core.nlp import parse
    >>> qs = find_numbers(parse("At least 61 civilians died. Nine civilians died in Idlib."), sources=False)
    >>> f = _repeated(*qs, "deaths", (None, "in Idlib"))
    >>> f.ok, "Do these two figures count the same thing?" in f.message
    (None, True)
    """
    lo = max(x for x in (a.low, b.low, float("-inf")) if x is not None)
    his = [x for x in (a.high, b.high) if x is not None]
    hi = min(his) if his else float("inf")
    overlap = lo <= hi
    both = (f"both allow {fmt(lo)}." if his and lo == hi else
            f"both allow {fmt(lo)} to {fmt(hi)}." if his else f"both allow {fmt(lo)} or more.")
    head = f"Two figures count {what}: \u201c{a.text}\u201d{_who(a)} and \u201c{b.text}\u201d{_who(b)}. "
    if overlap:
        return Finding(head + f"Are they about the same event? If so, they can both be true: {both}",
                       (a, b), "repeated", True)
    if scopes[0] != scopes[1]:
        where = "; ".join(f"\u201c{q.text}\u201d counts {s}" if s else f"\u201c{q.text}\u201d names no place"
                          for q, s in zip((a, b), scopes))
        return Finding(head + f"Do these two figures count the same thing? {where}. A figure for one place or one "
                       "part can be smaller than the whole toll: that is no contradiction. Read both sentences "
                       "again: what does each figure cover?", (a, b), "repeated", None)
    return Finding(head + "Do these two figures count the same thing, the same event? If so, they cannot both be "
                   "right: their ranges do not meet. If one counts only a part (one place, one day), there is "
                   "no contradiction.", (a, b), "repeated", False)


def _no_source_findings(doc, qs: list[Quantity], attributions: list) -> list[Finding]:
    """Counts, percentages, money and shares nobody is named for.

    >>> from kit.core.nlp import parse
    >>> d = parse("The army said 40 people died. 12 were children.")
    >>> [f.quantities[0].text for f in _no_source_findings(d, find_numbers(d), _attributions(d))]
    ['12']
    """
    findings: list[Finding] = []
    by_end = sorted(range(len(attributions)), key=lambda k: attributions[k].end_char)
    ends = [attributions[k].end_char for k in by_end]
    for q in qs:
        if q.kind not in ("count", "percent", "money", "proportion") or q.source is not None:
            continue
        # the last attribution (in the lens' order) that ends in the 400 characters before the sentence
        near = by_end[bisect.bisect_left(ends, q.sent_start - 400) : bisect.bisect_right(ends, q.sent_start)]
        hint_text = (f" The sentence before cites {attributions[max(near)].speaker}: the figure may be theirs, but "
                     "this sentence does not say so." if near else "")
        findings.append(Finding(
            f"Nobody is named as the source of \u201c{q.text}\u201d. Who counted, and how could they know?{hint_text}",
            (q,), "no_source", None))
    return findings


def check_numbers(doc, *, quantities: list[Quantity] | None = None) -> list[Finding]:
    """Relations between the figures of ``doc`` that a careful reader checks.

    >>> from kit.core.nlp import parse
    >>> fs = check_numbers(parse("The clashes left 412 dead, most of them fighters, including at least 61 civilians."))
    >>> [f.kind for f in fs][:2]
    ['part_whole', 'share']
    >>> "at most 351" in fs[0].message
    True
    """
    doc = _as_doc(doc)
    attributions = _attributions(doc)
    qs = quantities if quantities is not None else with_sources(doc, find_numbers(doc, sources=False), attributions)
    by_sentence: dict[tuple[int, int], list[Quantity]] = {}
    for q in qs:
        if q.is_amount:
            by_sentence.setdefault((q.sent_start, q.sent_end), []).append(q)
    findings: list[Finding] = []
    markers = _Markers(doc, _part_rules()[2])
    for sent_qs in by_sentence.values():
        findings.extend(_whole_findings(doc, sent_qs, markers))
    findings.extend(_repeated_findings(doc, qs))
    findings.extend(_no_source_findings(doc, qs, attributions))
    return findings
