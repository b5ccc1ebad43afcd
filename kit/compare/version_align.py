"""Which sentence of version A is which sentence of version B (see :mod:`kit.compare.versions`).

Sentences first: lines of a hard-wrapped copy ("The army said\\nit retook the town.") are joined
back into their sentence, and a dateline ("SANAA, Yemen (AP) —") or a credit ("– Reuters") joins
the sentence it belongs to. Then the alignment, near-linear on any input: sentences both
versions share at the start and at the end are matched first; sentences that occur once in
each version anchor the rest (the longest run of them in the same order); only the gaps
between anchors are compared sentence by sentence (pairs of reworded sentences, by shared
words or by one sentence holding most of the other's words). A repeated line ("Advertisement")
never makes the work grow faster than the text.

>>> [r[2] for r in align(units_of("Rebels took the town. Talks failed.", [(0, 21), (22, 35)]),
...                      units_of("Rebels seized the town. Talks failed.", [(0, 23), (24, 37)]))]
['paired', 'same']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

#: Two sentences sharing at least this share of their words count as one sentence reworded.
PAIR_MIN = 0.5
#: ... or when the shorter one's content words (at least CONTAIN_WORDS) are this share in the longer one.
CONTAIN_MIN, CONTAIN_WORDS = 0.8, 4
#: Sentences with at least this many content words are also compared on those words alone.
CONTENT_WORDS = 6
#: A cut and an added sentence this alike count as one sentence moved (or alike >= PAIR_MIN and
#: sharing a run of at least MOVED_RUN words in a row).
MOVED_MIN, MOVED_RUN = 0.75, 4
#: A sentence on one side only joins a neighbouring pair (one sentence split in two) when this
#: share of its content words (and at least three) are words of the other side that the pair does not share yet.
SPLIT_MIN = 0.4
#: ... or, for a short sentence ("They remain captives."), two words and this share.
SHORT_SPLIT = 0.6
#: Above this many sentence comparisons in one gap, pair in reading order only (stay fast).
MAX_COMPARISONS = 40_000
#: A text whose lines are at most this long, most of them broken mid-sentence, is hard-wrapped.
WRAP_WIDTH = 120
#: How deep anchoring recurses into gaps before a gap is compared as it is.
ANCHOR_DEPTH = 4

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_DATELINE = re.compile(r"^[A-Z][\w.,'()\u2019 ]{0,60}\s(?:-{1,2}|\u2013|\u2014|//)$")  # "BEIJING //" too
#: "LUCKNOW:" (a place in capitals and a colon) or "TASS, August 27." (an agency or place and the day)
_DATELINE_SHORT = re.compile(r"^[A-Z]{2,}[A-Z.' ]*(?::|, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\.?)$")
#: "Islamabad - QNA" (a place, a dash and an agency in capitals, on a line of its own above the story)
_DATELINE_AGENCY = re.compile(r"^[A-Z][\w.'\u2019 ]{1,40}\s(?:-{1,2}|\u2013|\u2014)\s[A-Z]{2,6}$")
_CREDIT = re.compile(r"^(?:-{1,2}|\u2013|\u2014)\s*\w+(?:\s\w+){0,2}\.?$")
_OPEN = [[w] for w in "a an the of to in on at for from by with and or".split()]  # words no sentence ends on
_LITTLE = frozenset("a an the of to in on at for and or but by with from as is was were be been has have had "
                    "it its he she they this that these those who which said says".split())


@dataclass(frozen=True)
class _Unit:
    """A sentence: offsets into its text, and its words (lower case) with their offsets."""

    start: int
    end: int
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    bag: Counter = field(default_factory=Counter, compare=False, repr=False)
    content: Counter = field(default_factory=Counter, compare=False, repr=False)
    #: words written with a capital after the sentence's first word (names), lower case
    names: frozenset = field(default_factory=frozenset, compare=False, repr=False)


def _fold_table() -> dict[int, str]:
    """Latin letters with accents mapped to their bare letter, one character for one ("\u00e9" -> "e")."""
    out = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))
        if len(base) > 1 and base[0].isascii() and all(unicodedata.combining(c) for c in base[1:]):
            out[code] = base[0]
    return out | {0x2019: "'", 0x02BC: "'"}


_FOLD = _fold_table()


def _norm(text: str) -> str:
    """Lower case, curly apostrophes straight, accents left out ("Iv\u00e1n Le\u00f3n" / "Ivan Leon" are one
    name); the same length, so offsets still hold.

    >>> _norm("Iv\u00e1n Le\u00f3n\u2019s")
    "ivan leon's"
    """
    return text.translate(_FOLD).lower()


def _words(text: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    found = list(_WORD.finditer(_norm(text)))
    return tuple(m.group(0) for m in found), tuple((offset + m.start(), offset + m.end()) for m in found)


def _unit(text: str, start: int, end: int) -> _Unit:
    words, spans = _words(text[start:end], start)
    bare = [w.removesuffix("'s") for w in words]
    names = frozenset(w for w, (s, _) in zip(bare[1:], spans[1:]) if text[s].isupper())
    return _Unit(start, end, words, spans, Counter(bare), Counter(w for w in bare if w not in _LITTLE), names)


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of words two sentences have in common (0 to 1, order ignored).

    >>> similarity(("rebels", "took", "aleppo"), ("rebels", "seized", "aleppo"))
    0.6666666666666666
    """
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def pair_score(x: _Unit, y: _Unit) -> float:
    """How alike two sentences are, to pair them: shared words, or one held in the other.

    >>> a = units_of("Strikes on three villages killed at least 9 people, a monitor said.", [(0, 67)])[0]
    >>> b = units_of("Strikes killed 9 people.", [(0, 24)])[0]
    >>> pair_score(a, b) >= PAIR_MIN
    True
    """
    if not x.words or not y.words:
        return 0.0
    dice = 2 * sum((x.bag & y.bag).values()) / (len(x.words) + len(y.words))
    cx, cy = sum(x.content.values()), sum(y.content.values())
    short = min(cx, cy)
    if short >= CONTENT_WORDS:  # the words that carry the meaning, without "the", "of", "said"...
        dice = max(dice, 2 * sum((x.content & y.content).values()) / (cx + cy))
    if dice < PAIR_MIN and short >= CONTAIN_WORDS:
        held = sum((x.content & y.content).values()) / short
        if held >= CONTAIN_MIN:
            return PAIR_MIN + (held - CONTAIN_MIN) / 2
    return dice


# ---------------------------------------------------------------- sentences


def units_of(text: str, pieces) -> tuple[_Unit, ...]:
    """Units from (start, end) sentence pieces of ``text``: wrapped lines, datelines and credits joined.

    >>> [text[u.start:u.end] for text in ["The army said\\nit retook the town."]
    ...  for u in units_of(text, [(0, 13), (14, 33)])]
    ['The army said\\nit retook the town.']
    """
    pieces = [(s, e) for s, e in pieces if _WORD.search(text, s, e)]
    wrapped = _wrap_width(text)
    out: list[list[int]] = []
    for s, e in pieces:
        if out and _continues(text, out[-1], (s, e), wrapped):
            out[-1][1] = e
        else:
            out.append([s, e])
    return tuple(_unit(text, s, e) for s, e in out)


def _wrap_width(text: str) -> int:
    """The line width of a hard-wrapped text (most lines broken mid-sentence), else 0."""
    lines = [ln.strip() for ln in text.split("\n")]
    inner = [a for a, b in zip(lines, lines[1:]) if a and b]
    width = max((len(a) for a in lines), default=0)
    broken = [a for a in inner if not _END.search(a) and len(a) >= 0.6 * width]  # full lines, cut mid-sentence
    return width if len(broken) >= 3 and len(broken) >= len(inner) / 2 and 40 <= width <= WRAP_WIDTH else 0


def unwrap(text: str) -> str:
    r"""A hard-wrapped text with its line breaks inside sentences turned to spaces (same length, so
    every offset still points at the same character); any other text as it is.

    >>> text = ("Police fired water cannon and tear gas at the\ncrowd on Friday to clear the main square, a\n"
    ...         "witness said, and dozens were arrested by the\nriot squads.\nPeople ran into the side streets.")
    >>> out = unwrap(text)
    >>> len(out) == len(text), out.count("\n"), out.split("\n")[1]
    (True, 1, 'People ran into the side streets.')
    """
    width = _wrap_width(text)
    if not width:
        return text
    out, pos = list(text), 0
    lines = text.split("\n")
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)
        if _wrap_joins(line.strip(), nxt.strip(), width):
            out[pos] = " "
        pos += 1
    return "".join(out)


def _wrap_joins(line: str, nxt: str, width: int) -> bool:
    """In a text wrapped at ``width``: True when ``line`` continues on ``nxt``. A full line cut
    mid-sentence continues, and so does a paragraph's first word or two left alone on a line
    ("President\nGoodluck Jonathan declared ...", a common way copied pages break)."""
    if not line or not nxt or _END.search(line):
        return False
    alone = len(_WORD.findall(line)) <= 2 and len(nxt) >= 0.6 * width
    return nxt[:1].islower() or len(line) >= 0.6 * width or alone


def _continues(text: str, prev: list[int], nxt: tuple[int, int], wrapped: int) -> bool:
    """True when the next piece belongs to the previous one's sentence."""
    before, gap, after = text[prev[0]:prev[1]], text[prev[1]:nxt[0]], text[nxt[0]:nxt[1]]
    if any(d.match(before) for d in (_DATELINE, _DATELINE_SHORT, _DATELINE_AGENCY)) and len(_WORD.findall(before)) <= 6:
        return True  # "SANAA, Yemen (AP) —", "LUCKNOW:", "Islamabad - QNA" start the sentence after them
    if not gap.strip() and not _END.search(before) and _WORD.findall(_norm(before))[-1:] in _OPEN:
        return True  # "... in the historic town of\n\nAmatrice.": a sentence broken after "of" goes on
    if _CREDIT.match(after) and "\n\n" not in gap:
        return True  # "– Reuters" ends the one before
    if not gap.strip() and "\n" not in gap and before.rstrip("\"'\u201d\u2019 ").endswith(("...", "\u2026")):
        return True  # "The earth was moving ... I am waiting": an ellipsis leaves words out, not a sentence
    if not gap.strip() and "\n" not in gap and before.endswith(":"):
        return True  # "... than before: During the night, ...": a colon in a line does not end a sentence
    if gap.strip() or gap.count("\n") != 1 or _END.search(before):
        return False
    first = after[:1]
    if first.islower() or first.isdigit():
        return True
    line = text[text.rfind("\n", 0, prev[1]) + 1:prev[1]].strip()
    nxt_line = text[nxt[0]:(text.find("\n", nxt[0]) + 1 or len(text) + 1) - 1].strip()
    return bool(wrapped) and _wrap_joins(line, nxt_line, wrapped)


# ---------------------------------------------------------------- aligning


def _key(u: _Unit) -> str:
    return " ".join(u.words)


def align(ua, ub, quotes=((), ())) -> list[tuple[int | None, int | None, str]]:
    """Rows (sentence of A, sentence of B, status) in reading order: same, paired, moved, cut, added.
    ``quotes``: the inner spans of each version's quotations (a quotation shortened is no sentence cut)."""
    ka, kb = [_key(u) for u in ua], [_key(u) for u in ub]
    rows: list = []
    _range(ua, ub, ka, kb, (0, len(ua), 0, len(ub)), rows, 0)
    from kit.compare.version_passes import merge_splits, moved, rewritten

    rows = moved(ua, ub, ka, kb, rewritten(ua, ub, rows))
    return merge_splits(ua, ub, rows, quotes)


def _range(ua, ub, ka, kb, box, rows: list, depth: int) -> None:
    i0, i1, j0, j1 = box
    head = []
    while i0 < i1 and j0 < j1 and ka[i0] == kb[j0]:
        head.append((i0, j0, "same"))
        i0, j0 = i0 + 1, j0 + 1
    tail = []
    while i1 > i0 and j1 > j0 and ka[i1 - 1] == kb[j1 - 1]:
        i1, j1 = i1 - 1, j1 - 1
        tail.append((i1, j1, "same"))
    rows += head
    anchors = _anchors(ka, kb, i0, i1, j0, j1) if depth < ANCHOR_DEPTH else []
    for i, j in anchors:
        _range(ua, ub, ka, kb, (i0, i, j0, j), rows, depth + 1)
        rows.append((i, j, "same"))
        i0, j0 = i + 1, j + 1
    if anchors:
        _range(ua, ub, ka, kb, (i0, i1, j0, j1), rows, depth + 1)
    else:
        rows += _gap(ua, ub, ka, kb, i0, i1, j0, j1)
    rows += reversed(tail)


def _anchors(ka, kb, i0, i1, j0, j1) -> list[tuple[int, int]]:
    """Sentences found once in each range, the longest run of them in the same order (patience)."""
    ca, cb = Counter(ka[i0:i1]), Counter(kb[j0:j1])
    where_b = {kb[j]: j for j in range(j0, j1) if cb[kb[j]] == 1}
    pairs = [(i, where_b[ka[i]]) for i in range(i0, i1) if ca[ka[i]] == 1 and ka[i] in where_b]
    tails, back, prev = [], [], [-1] * len(pairs)  # longest increasing run of B positions
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            back.append(n)
        else:
            tails[k], back[k] = j, n
        prev[n] = back[k - 1] if k else -1
    out, n = [], back[-1] if back else -1
    while n >= 0:
        out.append(pairs[n])
        n = prev[n]
    return out[::-1]


def _gap(ua, ub, ka, kb, i0, i1, j0, j1) -> list:
    """Rows for a gap with no anchor: equal runs found by difflib when small, then pairs."""
    if i0 == i1 or j0 == j1 or (i1 - i0) * (j1 - j0) > MAX_COMPARISONS:
        return _pair_block(ua, ub, ka, kb, i0, i1, j0, j1)
    rows = []
    matcher = SequenceMatcher(None, ka[i0:i1], kb[j0:j1], autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [(i0 + a1 + k, j0 + b1 + k, "same") for k in range(a2 - a1)]
        else:
            rows += _pair_block(ua, ub, ka, kb, i0 + a1, i0 + a2, j0 + b1, j0 + b2)
    return rows


def _pair_block(ua, ub, ka, kb, i0, i1, j0, j1) -> list:
    """Pair the sentences of a changed block in order, best total score first (small DP)."""
    n, m = i1 - i0, j1 - j0
    if n * m > MAX_COMPARISONS:  # too many to compare: pairs in reading order, or nothing
        k = min(n, m)
        ok = [pair_score(ua[i0 + x], ub[j0 + x]) >= PAIR_MIN for x in range(k)]
        pairs = [(i0 + x, j0 + x) for x in range(k) if ok[x]]
        return [(i, j, "same" if ka[i] == kb[j] else "paired") for i, j in pairs] + \
            [(i0 + x, None, "cut") for x in range(k) if not ok[x]] + [(i, None, "cut") for i in range(i0 + k, i1)] + \
            [(None, j0 + x, "added") for x in range(k) if not ok[x]] + [(None, j, "added") for j in range(j0 + k, j1)]
    score = [[pair_score(ua[i0 + x], ub[j0 + y]) for y in range(m)] for x in range(n)]
    matched = dict(best_pairs(score, PAIR_MIN))
    out, y = [], 0
    for x in range(n):
        if x in matched:
            out += [(None, j0 + yy, "added") for yy in range(y, matched[x])]
            y = matched[x] + 1
            out.append((i0 + x, j0 + matched[x], "same" if ka[i0 + x] == kb[j0 + matched[x]] else "paired"))
        else:
            out.append((i0 + x, None, "cut"))
    return out + [(None, j0 + yy, "added") for yy in range(y, m)]


def _gain(score: float, least: float) -> float:
    """What taking a pair adds to the total: its score above ``least``, plus a little, so that a pair at
    exactly the threshold (a short sentence whose words the other holds: "It was built by Acme Corp.")
    is a gain too, not a tie the order of the search may drop."""
    return score - least + 1e-6


def best_pairs(score: list[list[float]], least: float) -> list[tuple[int, int]]:
    """Pairs (x, y) in order (both rising) scoring at least ``least``, of the best total of
    ``score - least``: a small dynamic programme over an n x m table of scores.

    >>> best_pairs([[0.9, 0.6], [0.7, 0.8]], 0.5), best_pairs([[0.2, 0.9], [0.7, 0.1]], 0.5)
    ([(0, 0), (1, 1)], [(0, 1)])
    >>> best_pairs([[0.1, 0.2], [0.3, 0.5]], 0.5)  # a pair at exactly the threshold is kept
    [(1, 1)]
    """
    n, m = len(score), len(score[0]) if score else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            take = _gain(score[x][y], least) + best[x + 1][y + 1] if score[x][y] >= least else -1.0
            best[x][y] = max(take, best[x + 1][y], best[x][y + 1])
    out, x, y = [], 0, 0
    while x < n and y < m:
        if score[x][y] >= least and best[x][y] == _gain(score[x][y], least) + best[x + 1][y + 1]:
            out.append((x, y))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return out
