"""Each token's children, read once from the heads (spaCy's ``token.children`` is not O(1))."""

from __future__ import annotations


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
