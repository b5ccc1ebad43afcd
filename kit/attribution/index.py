"""Positions read once per Doc, so that the finder's questions about a stretch of text cost
a binary search instead of a walk along it.

The finder asks, for many token ranges, "is there a quote mark / an opening bracket / a
first-person pronoun in here?", "which tokens hang on this one?", "where was this surname
first given in full?". Answered by walking the range, each question costs the length of the
range, and a long text with many cues costs the square of its length (issue 13: 100,000
characters of "Police said officials said" took most of a minute). Here each kind of token is
listed once, in text order, and a question is a look-up.

Nothing here holds the Doc itself (each function takes it), so the index of a Doc goes away
with the Doc.

>>> from kit.core.nlp import parse
>>> doc = parse('I said (twice): "Go!" They agreed.')
>>> ix = doc_index(doc)
>>> [doc[i].text for i in ix.own_words], [doc[i].text for i in ix.openers]
(['I'], ['('])
>>> first_in(ix.quote_marks, 0, len(doc)), first_in(ix.exclaims, 0, 5)
(5, None)
>>> [t.text for t in children(doc[1])]
['I', '(', 'twice', '):', '"', 'Go', '!', '"']
"""

from __future__ import annotations

import weakref
from bisect import bisect_left

QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"}
FIRST_SECOND_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                       "you", "your", "yours"}

_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _second_backtick(doc, tok) -> bool:
    """The tokenizer splits the opening mark ``\u0060\u0060`` (typewriter style, closed by two
    apostrophes) into two backticks: the second one, right after the first, opens the quote."""
    return tok.text == "`" and tok.i > 0 and doc[tok.i - 1].text == "`" and not doc[tok.i - 1].whitespace_


class DocIndex:
    """Sorted token positions of one Doc, by kind; children of every token."""

    def __init__(self, doc):
        self.kids: list[list[int]] = [[] for _ in range(len(doc))]
        self.quote_marks: list[int] = []  # tokens in QUOTE_CHARS
        self.openers: list[int] = []  # "(" and "["
        self.own_words: list[int] = []  # first- or second-person pronouns
        self.exclaims: list[int] = []  # "!" and "?"
        self._by_lower: dict[str, list[int]] | None = None
        self._longer: dict[tuple[str, int], int | None] = {}
        for tok in doc:
            i, text = tok.i, tok.text
            if tok.head.i != i:
                self.kids[tok.head.i].append(i)
            if text in QUOTE_CHARS or _second_backtick(doc, tok):
                self.quote_marks.append(i)
            elif text in ("(", "["):
                self.openers.append(i)
            elif text in ("!", "?"):
                self.exclaims.append(i)
            if tok.lower_ in FIRST_SECOND_PERSON and tok.pos_ == "PRON":
                self.own_words.append(i)

    def positions_of(self, doc, lower: str) -> list[int]:
        """Positions of the tokens whose lower-case text is ``lower``, in text order."""
        if self._by_lower is None:
            self._by_lower = {}
            for tok in doc:
                self._by_lower.setdefault(tok.lower_, []).append(tok.i)
        return self._by_lower.get(lower, [])

    def first_longer_mention(self, doc, lower: str, length: int, widen) -> int | None:
        """The first position of ``lower`` whose name, widened by ``widen(doc, i)`` (its start),
        is longer than ``length`` tokens; remembered per (word, length)."""
        key = (lower, length)
        if key not in self._longer:
            self._longer[key] = next((i for i in self.positions_of(doc, lower) if i + 1 - widen(doc, i) > length), None)
        return self._longer[key]


def doc_index(doc) -> DocIndex:
    """The index of ``doc`` (built on first use, then kept as long as the Doc lives)."""
    doc = getattr(doc, "doc", doc)  # a Span's tokens are numbered in its Doc
    index = _INDEXES.get(doc)
    if index is None or len(index.kids) != len(doc):
        index = _INDEXES[doc] = DocIndex(doc)
    return index


def first_in(positions: list[int], s: int, e: int) -> int | None:
    """The first of the sorted ``positions`` in [s, e), or None."""
    k = bisect_left(positions, s)
    return positions[k] if k < len(positions) and positions[k] < e else None


def children(tok) -> list:
    """``list(tok.children)`` without walking tok's whole subtree (spaCy does, for each call)."""
    doc = tok.doc
    return [doc[i] for i in doc_index(doc).kids[tok.i]]
