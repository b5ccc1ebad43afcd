"""Quotations in two versions of a story: marks lost, or the quoted words changed.

A quotation is someone's exact words. When a copy drops the marks, the words read as the
writer's own (``quote_marks_lost``); when the words inside the marks differ between versions,
one of them misquotes (``quote_changed``), the change a teacher most wants to see.

Quotations are found in the whole text first, so a closing mark that the sentence splitter
put after the full stop ("...the end." He said) still closes its quotation.

>>> from kit.compare.versions import compare_versions
>>> [(c.kind, c.a_text, c.b_text) for c in compare_versions(
...     'The mayor said: "We will rebuild every home."', 'The mayor said: "We will rebuild."')]
[('quote_changed', '"We will rebuild every home."', '"We will rebuild."')]
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kit.compare.version_changes import _cap, _change, _words_data, call
from kit.compare.versions import _Side, _Unit, _words, overlaps, similarity

#: A quotation counts as kept (with or without its marks) when this share of its words is found.
QUOTE_MIN = 0.6
#: ... or when this many of its words in a row are found (a long quotation whose second half is kept).
QUOTE_RUN = 8
#: Two quotations this alike (share of words) are one quotation, quoted twice.
SAME_QUOTE = 0.4

_QUOTE = re.compile(r"\"((?:[^\"\u201d\n]|\n(?!\s*\n))+)[\"\u201d]|\u201c((?:[^\u201d\"\n]|\n(?!\s*\n))+)[\u201d\"]"
                    r"|\u00ab([^\u00bb\n]+)\u00bb|(?<!\w)\u2018([^\u2019\n]+)\u2019(?!\w)"
                    r"|(?<![\w'])'([^'\n]{2,}?)'(?![\w'])")  # straight single marks: 'a quotation', not Kenya's
# A straight opening mark may close on a curly one ('"We will stay,\u201d she said'), and a curly one on a
# straight one ('\u201cWe will stay," she said. "We...'): copies mix them.


def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Inner spans (marks excluded) of every quotation in a text, a line break inside allowed.

    >>> t = 'He said "no." Then "yes'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['no.']
    """
    out = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        out.append((m.start(g), m.end(g)))
    return tuple(out)


def quoted_in(side: _Side, u: _Unit) -> list[tuple[int, int]]:
    """The quotations of a sentence, each cut to the sentence (inner offsets)."""
    return [(max(s, u.start), min(e, u.end)) for s, e in side.quotes if s < u.end and e > u.start]


def _whole(side: _Side, u: _Unit) -> list[tuple[int, int]]:
    """The whole quotations that start in a sentence (one quoted over two sentences counts once)."""
    return [(s, e) for s, e in side.quotes if u.start <= s < u.end]


#: Reported speech shifts a quotation's person and tense ("I have lost my home" / "she had lost her home"):
#: these words count as one when a quotation is looked for without its marks.
_SHIFTED = {w: "P" for w in "i we you he she they me us him them".split()} | \
    {w: "P's" for w in "my our your his her their".split()} | \
    {w: "have" for w in "have has had".split()} | {w: "be" for w in "am is are was were".split()} | \
    {w: "will" for w in "will would 'll".split()} | {w: "can" for w in "can could cannot can't couldn't".split()} | \
    {w: "do" for w in "do does did".split()} | {"won't": "will", "wouldn't": "will", "don't": "do",
                                             "doesn't": "do", "didn't": "do"}


def _reported(words) -> tuple[str, ...]:
    """Words as compared for a quotation turned into reported speech: person, tense and endings left out."""
    return tuple(_SHIFTED.get(w) or re.sub(r"(?<=\w\w\w)(?:ing|ed|es|s)$", "", w)[:5] for w in words)


def _found_in(words: tuple[str, ...], u: _Unit) -> tuple[int, int] | None:
    """Character span of ``u`` holding most of ``words`` (in order, near each other; in reported speech
    too: "I cannot say" / "he could not say"), or None."""
    blocks = [b for b in SequenceMatcher(None, _reported(words), _reported(u.words), autojunk=False)
              .get_matching_blocks() if b.size]
    if not blocks:
        return None
    main = max(blocks, key=lambda b: b.size)
    reach = len(words) + 2  # small words matched far away are not part of the quotation
    blocks = [b for b in blocks if b.b >= main.b - reach and b.b + b.size <= main.b + main.size + reach]
    if sum(b.size for b in blocks) < QUOTE_MIN * len(words) and main.size < QUOTE_RUN:
        return None
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
    return u.spans[first][0], u.spans[last][1]


def _variant(a: str, b: str) -> bool:
    """Two spellings of one word: "centres" / "centers", "organisation" / "organization"."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:4] != b[:4] or abs(len(a) - len(b)) > 1:
        return False
    m = SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in m.get_opcodes() if tag != "equal") <= 2


def _house(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words with a house style's marks of a figure left out: a currency code before an amount ("US$20" /
    "$20") and "per cent" or "percent" after one ("36 per cent" / "36%"; the sign is no word).

    >>> _house(("up", "us", "20", "per", "cent", "per", "day"))
    ('up', '20', 'per', 'day')
    """
    data, out, skip = _words_data(), [], 0
    for n, w in enumerate(words):
        nxt, prev = words[n + 1] if n + 1 < len(words) else "", words[n - 1] if n else ""
        if skip:
            skip -= 1
        elif w in data["currency_code"] and nxt[:1].isdigit():
            continue
        elif prev[:1].isdigit() and (w in data["percent_word"] or (w, nxt) == ("per", "cent")):
            skip = 1 if w == "per" else 0
        else:
            out.append(w)
    return tuple(out)


def same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two quotations have the same words, written the same or joined otherwise ("air space" /
    "airspace", "anti-aircraft" / "antiaircraft") or spelled the British or American way, or a figure in
    another house style ("US$5" / "$5", "9%" / "9 per cent", see :func:`_house`).

    >>> same_words(("the", "air", "space"), ("the", "airspace")), same_words(("centres",), ("centers",))
    (True, True)
    >>> same_words(("we", "will", "not", "leave"), ("we", "will", "leave"))
    False
    """
    if a == b or "".join(a) == "".join(b):
        return True
    a, b = _house(a), _house(b)
    if a == b:
        return True
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag != "replace" or not (x == y or (i2 - i1 == j2 - j1 == 1 and _variant(x, y))):
            return False
    return True


def is_title(text: str) -> bool:
    """True for quoted words that name a work or a thing, not someone's words: every word begins upper
    case but the small words of a title ("The Good, the Bad and the Ugly"); a copy may drop their marks.

    >>> is_title("The Good, the Bad and the Ugly,"), is_title("We Will Win"), is_title("We will rebuild.")
    (True, True, False)
    """
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    small = _words_data()["title_small"]
    return len(words) >= 2 and words[0][0].isupper() and all(w[0].isupper() or w in small for w in words)


def _marked(side: _Side, span: tuple[int, int]) -> tuple[int, int]:
    """The quotation with its marks, when they are in the text."""
    s, e = span
    return (s - 1 if s > 0 else s), (e + 1 if e < len(side.text) else e)


def _changed_note(sa: _Side, sb: _Side, qa: str, qb: str) -> str:
    return (f"The words inside the quotation marks are not the same: {call(sa.name)} quotes \u201c{qa}\u201d, "
            f"{call(sb.name)} quotes \u201c{qb}\u201d. A quotation should be someone's exact words: which "
            "version quotes them faithfully? Check the original. Who says so?")


def _lost_note(src: _Side, dst: _Side, words: str) -> str:
    return (f"{_cap(call(src.name))} puts \u201c{words}\u201d in quotation marks: someone's exact words, not "
            f"the writer's. {_cap(call(dst.name))} has these words without the marks, so they read as the "
            "writer's own. Whose words are they? Who says so?")


def quote_changes(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit) -> list:
    """``quote_changed`` for a quotation both sentences have with other words; ``quote_marks_lost``
    for quoted words the other sentence has without marks."""
    qa, qb = quoted_in(sa, ua), quoted_in(sb, ub)
    wa = [_words(sa.text[s:e], s)[0] for s, e in qa]
    wb = [_words(sb.text[s:e], s)[0] for s, e in qb]
    out, used_a, used_b = _changed(sa, sb, ua, ub), set(), set()
    for x, words in enumerate(wa):  # a quotation both sentences have (same or changed) is no lost marks
        scored = [(similarity(words, wb[y]), y) for y in range(len(qb)) if y not in used_b]
        score, y = max(scored, default=(0.0, None))
        if y is not None and score >= SAME_QUOTE:
            used_a.add(x)
            used_b.add(y)
    out += _lost(sa, sb, ub, qa, wa, used_a, qb, True)
    out += _lost(sb, sa, ua, qb, wb, used_b, qa, False)
    return out


def _changed(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit) -> list:
    """``quote_changed`` for each whole quotation starting in ``ua`` whose words differ from the
    most alike whole quotation of ``ub`` (compared whole, so a quotation of two sentences that
    the copies split otherwise is still one quotation)."""
    qa = _whole(sa, ua)
    qb = [(s, e) for s, e in sb.quotes if s < ub.end and e > ub.start]
    wb = [_words(sb.text[s:e], s)[0] for s, e in qb]
    out, used = [], set()
    for span in qa:
        words = _words(sa.text[slice(*span)], span[0])[0]
        scored = [(similarity(words, wb[y]), y) for y in range(len(qb)) if y not in used]
        score, y = max(scored, default=(0.0, None))
        if y is None or score < SAME_QUOTE:
            continue
        used.add(y)
        if not same_words(words, wb[y]) and not _same_but_inserts(sa.text[slice(*span)], sb.text[slice(*qb[y])]) \
                and not is_title(sa.text[slice(*span)]) \
                and not is_title(sb.text[slice(*qb[y])]):
            ta, tb = sa.text[slice(*span)], sb.text[slice(*qb[y])]
            out.append(_change("quote_changed", sa, sb, _marked(sa, span), _marked(sb, qb[y]),
                               _changed_note(sa, sb, ta, tb)))
    return out


#: An editor's word put in brackets inside a quotation ("in (the) fire", "[the] fire"): not the speaker's.
_INSERT = re.compile(r"\s*[\[(][^\])\n]{1,30}[\])]")


def _same_but_inserts(a: str, b: str) -> bool:
    """True when two quotations differ only in an editor's bracketed insertions, read with or without the
    word put in ("in (the) fire" / "in fire" / "in the fire").

    >>> _same_but_inserts("we held (the) line", "we held line,"), _same_but_inserts("we held [the] line", "we held the line")
    (True, True)
    >>> _same_but_inserts("we held (the) line", "we lost the line")
    False
    """
    if not (_INSERT.search(a) or _INSERT.search(b)):
        return False
    forms = [{_words(_INSERT.sub("", t), 0)[0], _words(re.sub(r"[\[\]()]", " ", t), 0)[0]} for t in (a, b)]
    return any(x and same_words(x, y) for x in forms[0] for y in forms[1])


def _lost(src, dst, du, spans, words, used, kept, forward) -> list:
    out = []
    for x, (qs, qe) in enumerate(spans):
        if x in used or len(words[x]) < 2 or is_title(src.text[qs:qe]):
            continue
        where = _found_in(words[x], du)
        if where is None or any(overlaps(*where, s, e) for s, e in kept):
            continue
        own = _marked(src, (qs, qe))
        note = _lost_note(src, dst, src.text[qs:qe])
        sa, sb = (src, dst) if forward else (dst, src)
        out.append(_change("quote_marks_lost", sa, sb, *((own, where) if forward else (where, own)), note))
    return out
