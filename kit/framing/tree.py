"""Each token's children, read once from the heads (spaCy's ``token.children`` is not O(1))."""

from __future__ import annotations

import re


class Tree:
    """The children of every token, read once from the heads.

    spaCy's ``token.children`` scans the token's whole subtree span, and a run-on clause can
    hang thousands of verbs on one root; looking children up here keeps the finders linear.
    ``memo`` is for what a finder has already worked out about a token.

    >>> from kit import parse
    >>> tree = Tree(parse("Houses were looted and burned."))
    >>> [t.text for t in tree.children(tree.doc[2])], tree.first(tree.doc[2], "auxpass", "nsubjpass").text
    (['Houses', 'were', 'and', 'burned', '.'], 'Houses')
    """

    def __init__(self, doc):
        self.doc = doc
        self.kids: dict[int, list] = {}
        self.firsts: dict[tuple[int, str], object] = {}  # (head, label) -> its first such child
        for tok in doc:
            if tok.head.i != tok.i:
                self.kids.setdefault(tok.head.i, []).append(tok)
                self.firsts.setdefault((tok.head.i, tok.dep_), tok)
        self.memo: dict[tuple[str, int], object] = {}

    def children(self, tok) -> list:
        return self.kids.get(tok.i, [])

    def first(self, tok, *deps):
        """The first child of ``tok`` with one of these dependency labels, else None."""
        found = [c for c in (self.firsts.get((tok.i, d)) for d in deps) if c is not None]
        return min(found, key=lambda c: c.i) if found else None

    def has(self, tok, *deps) -> bool:
        return self.first(tok, *deps) is not None


#: Brackets and quotation marks that come in pairs.
PAIRS = {"(": ")", "[": "]", "{": "}", "\u201c": "\u201d"}
_BRACKET = re.compile("[" + re.escape("".join(PAIRS) + "".join(PAIRS.values())) + "]")


def _before(text: str, i: int) -> int:
    """The index of the last character before ``i`` that is not a space (-1 if none within 3)."""
    j = i - 1
    while j >= 0 and j > i - 4 and text[j] == " ":
        j -= 1
    return j if j >= 0 and text[j] != " " else -1


def balance(text: str, start: int, end: int, *, cut: bool) -> tuple[int, int]:
    """``text[start:end]`` with its brackets in pairs and no stray punctuation at its ends.

    An unpaired opening bracket takes in its partner when that stands right after the span; an
    unpaired closing one its partner right before it. With ``cut`` (a noun phrase) a closing one
    starts the span after it, and an opening one without its partner ends it; without ``cut``
    (a clause, which must keep its verb) they are otherwise left. A span
    with no letter or digit left comes back empty (start == end).

    >>> t = "[Reuters] Protesters (and shops were looted"
    >>> [t[slice(*balance(t, a, b, cut=True))] for a, b in ((1, 20), (10, 31), (0, 1))]
    ['Protesters', 'Protesters', '']
    >>> t[slice(*balance(t, 1, 20, cut=False))]
    '[Reuters] Protesters'
    """
    closers = {v: k for k, v in PAIRS.items()}
    if start < end and text[start].isalnum() and text[end - 1].isalnum() and not _BRACKET.search(text, start, end):
        return start, end  # the usual case, at once
    for _ in range(3):
        while start < end and not text[start].isalnum() and text[start] not in PAIRS:
            start += 1
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in closers:
            end -= 1
        stack, stray_close = [], []
        for i in range(start, end):
            ch = text[i]
            if ch in PAIRS:
                stack.append(i)
            elif ch in closers:
                if stack and PAIRS[text[stack[-1]]] == ch:
                    stack.pop()
                else:
                    stray_close.append(i)
        if not stack and not stray_close:
            break
        if stray_close and cut:  # "Reuters] Protesters": the phrase starts after the bracket
            start = stray_close[-1] + 1
        elif stray_close and (j := _before(text, start)) >= 0 and text[j] == closers[text[stray_close[0]]]:
            start = j
        if stack and end < len(text) and text[end] == PAIRS[text[stack[-1]]]:
            end += 1
        elif stack and cut:
            end = stack[0]
    if not any(c.isalnum() for c in text[start:end]):
        return start, start
    return start, end
