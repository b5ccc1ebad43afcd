"""What changed inside one pair of aligned sentences (see :mod:`kit.compare.versions`).

Each check turns what the lenses found in both sentences into :class:`Change` records with
a note for students: labels (framing), speakers and quotation marks (attribution),
figures (numbers). Word changes that none of them explains make the pair ``reworded``.

>>> from kit.compare.versions import compare_versions
>>> [c.kind for c in compare_versions('Police said: "Rioters burned cars."', "Rioters burned cars.")]
['attribution_dropped', 'quote_marks_lost']
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from kit.compare.versions import _WORD, _SPEAKER_SKIP, Change, _quoted, _Side, _Unit, _norm, _words, overlaps

#: A quotation counts as kept (with or without its marks) when this share of its words is found.
QUOTE_MIN = 0.6

_STANCE_WORDS = {
    "delegitimizing": "a label that takes legitimacy away",
    "neutral": "a neutral label",
    "legitimizing": "a label that lends legitimacy",
}


def call(name: str) -> str:
    """How a note names a version: "version A" for a letter, else the name itself.

    >>> call("A"), call("the original")
    ('version A', 'the original')
    """
    return f"version {name}" if len(name) <= 2 else name


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in(items, u: _Unit, attr: str = "start_char") -> list:
    return [x for x in items if u.start <= getattr(x, attr) < u.end]


def _text(side: _Side, start: int, end: int) -> str:
    return side.text[start:end]


def _change(kind: str, sa: _Side, sb: _Side, a_rng, b_rng, note: str) -> Change:
    a_rng = a_rng or (None, None)
    b_rng = b_rng or (None, None)
    a_text = _text(sa, *a_rng) if a_rng[0] is not None else None
    b_text = _text(sb, *b_rng) if b_rng[0] is not None else None
    return Change(kind, a_text, b_text, a_rng[0], a_rng[1], b_rng[0], b_rng[1], note)


# ---------------------------------------------------------------- whole sentences


def _carries(side: _Side, u: _Unit) -> str:
    speakers = [a.speaker for a in _in(side.attributions, u, "cue_start")]
    figures = [q.text for q in _in(side.numbers, u) if getattr(q, "is_amount", True)]
    parts = ([f"a source ({', '.join(dict.fromkeys(speakers))})"] if speakers else []) + (
        [f"figures ({', '.join(figures)})"] if figures else [])
    return f" It gives {' and '.join(parts)}." if parts else ""


def sentence_change(kind: str, sa: _Side, sb: _Side, ua: _Unit | None, ub: _Unit | None) -> Change:
    """A whole sentence cut, added or moved."""
    a_rng = (ua.start, ua.end) if ua is not None else None
    b_rng = (ub.start, ub.end) if ub is not None else None
    A, B = call(sa.name), call(sb.name)
    if kind == "cut":
        note = f"This sentence is in {A} but not in {B}.{_carries(sa, ua)}"
    elif kind == "added":
        note = f"This sentence is in {B} but not in {A}.{_carries(sb, ub)}"
    else:
        note = f"This sentence is in both versions, but in another place in {B}. What comes first changes what a reader remembers."
    return _change(kind, sa, sb, a_rng, b_rng, note)


# ---------------------------------------------------------------- labels and figures


def _term(label) -> str:
    return (getattr(label, "term", "") or label.text).lower()


def _stem(word: str) -> str:
    """Close enough to count as the same word: "Russia's"/"Russian", "neighbour"/"neighbor"."""
    return word.removesuffix("'s")[:5]


def _still_there(side: _Side, x, other: _Unit) -> bool:
    """True when every word of ``x`` (a label or figure) is still in the other sentence."""
    words, _ = _words(_text(side, x.start_char, x.end_char), 0)
    return bool(words) and {_stem(w) for w in words} <= {_stem(w) for w in other.words}


def _differing(xs, ys, key) -> tuple[list, list]:
    """Items of ``xs`` and of ``ys`` whose key the other side has fewer times."""
    def take(items, extra: Counter) -> list:
        out = []
        for item in items:
            if extra[key(item)] > 0:
                extra[key(item)] -= 1
                out.append(item)
        return out

    left, right = Counter(map(key, xs)), Counter(map(key, ys))
    return take(xs, left - right), take(ys, right - left)


def _pairs(xs, ys, same) -> list[tuple]:
    """Pair items of two lists (first with ``same`` partner, in order); None for the unpaired."""
    out, rest = [], list(ys)
    for x in xs:
        y = next((y for y in rest if same(x, y)), None)
        if y is not None:
            rest.remove(y)
        out.append((x, y))
    return out + [(None, y) for y in rest]


def _paired_changes(kind: str, sa, sb, ua, ub, pairs, note) -> list[Change]:
    """One Change per pair; an unpaired side points at its whole sentence."""
    out = []
    for x, y in pairs:
        a_span = (x.start_char, x.end_char) if x is not None else (ua.start, ua.end)
        b_span = (y.start_char, y.end_char) if y is not None else (ub.start, ub.end)
        out.append(_change(kind, sa, sb, a_span, b_span, note(sa, sb, x, y)))
    return out


def _side_note(sa: _Side, sb: _Side, x, y, describe, both: str, says: str, lacks: str) -> str:
    """What one version says that the other says otherwise (``both``) or not at all (``lacks``)."""
    A, B = call(sa.name), call(sb.name)
    if x is not None and y is not None:
        return (f"{_cap(A)} says \u201c{x.text}\u201d ({describe(x)}); {B} says \u201c{y.text}\u201d "
                f"({describe(y)}). {both}")
    one, has, other = (x, A, B) if x is not None else (y, B, A)
    return f"{_cap(has)} {says} \u201c{one.text}\u201d ({describe(one)}); {other} {lacks}"


def _label_note(sa: _Side, sb: _Side, la, lb) -> str:
    return _side_note(sa, sb, la, lb, lambda l: _STANCE_WORDS.get(l.stance, l.stance),
                      "The same people, another label. Who is named how?",
                      "says", "does not use this label here. Who is named how?")


def _label_changes(sa, sb, ua, ub) -> list[Change]:
    la, lb = _differing(_in(sa.labels, ua), _in(sb.labels, ub), _term)
    la = [x for x in la if not _still_there(sa, x, ub)]
    lb = [y for y in lb if not _still_there(sb, y, ua)]
    return _paired_changes("label_changed", sa, sb, ua, ub, _pairs(la, lb, lambda x, y: x.actor == y.actor),
                           _label_note)


def _figure_key(q) -> tuple:
    return (q.low, q.high, q.kind)


def _figure_note(sa: _Side, sb: _Side, qa, qb) -> str:
    return _side_note(sa, sb, qa, qb, lambda q: q.interval(),
                      "The figure is not the same: which is right? Check it against the source, or a map. "
                      "What do the numbers really claim?",
                      "gives the figure", "does not. What do the numbers really claim?")


def _figure_changes(sa, sb, ua, ub) -> list[Change]:
    qa, qb = _differing(_in(sa.numbers, ua), _in(sb.numbers, ub), _figure_key)
    return _paired_changes("figure_changed", sa, sb, ua, ub, _pairs(qa, qb, lambda x, y: x.kind == y.kind),
                           _figure_note)


# ---------------------------------------------------------------- speakers and quotation marks


def _speaker_words(att) -> frozenset:
    return frozenset(w for w in _WORD.findall(_norm(att.speaker)) if w not in _SPEAKER_SKIP)


def _same_speaker(x, y) -> bool:
    wx, wy = _speaker_words(x), _speaker_words(y)
    return bool(wx & wy) if wx and wy else _norm(x.speaker).strip() == _norm(y.speaker).strip()


def _att_span(att) -> tuple[int, int]:
    return min(att.speaker_start, att.cue_start), max(att.speaker_end, att.cue_end)


def _who(side: _Side, att, *, cue: bool = True) -> str:
    shown = _text(side, *_att_span(att)) if cue else _text(side, att.speaker_start, att.speaker_end)
    if att.resolved_from:
        return f"\u201c{shown}\u201d (\u201c{att.resolved_from}\u201d is {att.speaker})"
    return f"\u201c{shown}\u201d"


def _dropped(has: _Side, lacks: _Side, att, u_lacks: _Unit, forward: bool) -> Change | None:
    words = {_stem(w) for w in _speaker_words(att)}
    if words and words <= {_stem(w) for w in u_lacks.words}:  # the speaker is still named in the sentence
        return None
    note = (f"In {call(has.name)} these words come with a speaker: {_who(has, att)}. {_cap(call(lacks.name))} "
            "gives the same content with no speaker, so it reads as a fact the writer states. Who says so?")
    own, other = _att_span(att), (u_lacks.start, u_lacks.end)
    sa, sb = (has, lacks) if forward else (lacks, has)
    return _change("attribution_dropped", sa, sb, *((own, other) if forward else (other, own)), note)


def _attribution_changes(sa, sb, ua, ub) -> list[Change]:
    aa, ab = _in(sa.attributions, ua, "cue_start"), _in(sb.attributions, ub, "cue_start")
    lone_a = [x for x in aa if not any(_same_speaker(x, y) for y in ab)]
    lone_b = [y for y in ab if not any(_same_speaker(x, y) for x in aa)]
    out = []
    for x, y in zip(lone_a, lone_b):
        kinds = "" if x.source_type == y.source_type else (
            f" (kind of source: {x.source_type.replace('_', ' ')} \u2192 {y.source_type.replace('_', ' ')})")
        note = (f"The source is {_who(sa, x, cue=False)} in {call(sa.name)} and {_who(sb, y, cue=False)} in {call(sb.name)}{kinds}. "
                "The same source? Which tells the reader more about who it is? Who says so?")
        out.append(_change("speaker_changed", sa, sb, (x.speaker_start, x.speaker_end),
                           (y.speaker_start, y.speaker_end), note))
    n = min(len(lone_a), len(lone_b))
    out += [c for x in lone_a[n:] if (c := _dropped(sa, sb, x, ub, True))]
    out += [c for y in lone_b[n:] if (c := _dropped(sb, sa, y, ua, False))]
    return out


def _found_in(words: tuple[str, ...], u: _Unit) -> tuple[int, int] | None:
    """Character span of ``u`` holding most of ``words`` (in order, near each other), or None."""
    blocks = [b for b in SequenceMatcher(None, words, u.words, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    main = max(blocks, key=lambda b: b.size)
    reach = len(words) + 2  # small words matched far away are not part of the quotation
    blocks = [b for b in blocks if b.b >= main.b - reach and b.b + b.size <= main.b + main.size + reach]
    if sum(b.size for b in blocks) < QUOTE_MIN * len(words):
        return None
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
    return u.spans[first][0], u.spans[last][1]


def _quote_changes(sa, sb, ua, ub) -> list[Change]:
    out = []
    for src, dst, su, du, forward in ((sa, sb, ua, ub, True), (sb, sa, ub, ua, False)):
        kept = _quoted(dst.text, du)
        for qs, qe in _quoted(src.text, su):
            words, _ = _words(src.text[qs:qe], qs)
            where = _found_in(words, du) if len(words) >= 2 else None
            if where is None or any(overlaps(*where, s, e) for s, e in kept):
                continue
            note = (f"{_cap(call(src.name))} puts \u201c{src.text[qs:qe]}\u201d in quotation marks: someone's "
                    f"exact words, not the writer's. {_cap(call(dst.name))} has these words without the marks, "
                    "so they read as the writer's own. Whose words are they? Who says so?")
            own = (qs - 1, qe + 1)
            out.append(_change("quote_marks_lost", sa, sb, *((own, where) if forward else (where, own)), note))
    return out


# ---------------------------------------------------------------- the pair


def _describe_edit(sa: _Side, sb: _Side, a_rng, b_rng) -> str:
    x, y = _text(sa, *a_rng), _text(sb, *b_rng)
    if x and y:
        return f"\u201c{x}\u201d became \u201c{y}\u201d"
    return f"\u201c{x}\u201d left out" if x else f"\u201c{y}\u201d added"


def pair_changes(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit, edits) -> tuple[list[Change], list, list]:
    """Changes inside one pair of sentences, and the word edits no specific change explains."""
    found = (_label_changes(sa, sb, ua, ub) + _figure_changes(sa, sb, ua, ub)
             + _attribution_changes(sa, sb, ua, ub) + _quote_changes(sa, sb, ua, ub))
    found.sort(key=lambda c: (c.a_start, c.b_start))
    whole_a, whole_b = (ua.start, ua.end), (ub.start, ub.end)
    spans_a = [(c.a_start, c.a_end) for c in found if (c.a_start, c.a_end) != whole_a]
    spans_b = [(c.b_start, c.b_end) for c in found if (c.b_start, c.b_end) != whole_b]

    def explained(e) -> bool:
        (a0, a1), (b0, b1) = e
        return (a0 < a1 and any(overlaps(a0, a1, *s) for s in spans_a)) or (
            b0 < b1 and any(overlaps(b0, b1, *s) for s in spans_b))

    rest = [e for e in edits if not explained(e)]
    if rest:
        said = "; ".join(_describe_edit(sa, sb, *e) for e in rest[:3])
        more = f"; and {len(rest) - 3} more" if len(rest) > 3 else ""
        note = f"The same sentence, reworded: {said}{more}. Does the meaning change?"
        found.insert(0, _change("reworded", sa, sb, whole_a, whole_b, note))
    return found, [e[0] for e in rest if e[0][0] < e[0][1]], [e[1] for e in rest if e[1][0] < e[1][1]]
