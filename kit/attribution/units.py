"""The pieces of text the attribution lens works in: sentence-like units, quoted stretches,
and token ranges trimmed of punctuation.

Ranges are ``(start, end)`` token indices into the Doc, end excluded.

>>> from kit.core.nlp import parse
>>> doc = parse('He said: "We will not leave this place." They left.')
>>> [u.text for u in units(doc)]
['He said: "We will not leave this place."', 'They left.']
>>> [doc[s:e].text for s, e in quotes(doc)]
['"We will not leave this place."']
"""

from __future__ import annotations

from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse

QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"}


def as_doc(doc):
    """A parsed Doc: text given as a str is parsed; anything else gets a clear message.

    >>> as_doc(3)
    Traceback (most recent call last):
    ...
    kit.core.errors.InputError: The attribution lens needs a parsed text, not int: use kit.find_attributions(kit.parse(text)).
    """
    if isinstance(doc, str):
        return parse(doc)
    if hasattr(doc, "sents") and hasattr(doc, "text") and hasattr(doc, "vocab"):
        return doc
    raise InputError(
        f"The attribution lens needs a parsed text, not {type(doc).__name__}: "
        "use kit.find_attributions(kit.parse(text))."
    )


def units(doc):
    """Sentence-like units: spaCy sentences split at line breaks, with fragments that start
    in lower case joined to the unit before them on the same line (a sentence the parser cut
    in two, e.g. at a stray full stop). Returns a list of Spans without space at the ends."""
    pieces = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                pieces.append((start, tok.i))
                start = tok.i + 1
        pieces.append((start, sent.end))
    spans = []
    for s, e in pieces:
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s < e:
            spans.append([s, e])
    merged: list[list[int]] = []
    for s, e in spans:
        first = doc[s]
        if merged:
            pe = merged[-1][1]
            gap = doc_text(doc)[doc[pe - 1].idx + len(doc[pe - 1].text) : first.idx]
            if "\n" not in gap and first.text[:1].islower():
                merged[-1][1] = e
                continue
        merged.append([s, e])
    return [doc[s:e] for s, e in merged]


def unit_index(all_units, i: int) -> int:
    """The number of the unit holding token ``i``, or -1."""
    for n, u in enumerate(all_units):
        if u.start <= i < u.end:
            return n
    return -1


def quotes(doc, all_units=None):
    """Quoted stretches (token ranges including the marks) with at least three words."""
    marks = [t.i for t in doc if t.text in QUOTE_CHARS]
    out = []
    k = 0
    while k + 1 < len(marks):
        a, b = marks[k], marks[k + 1]
        if "\n" in doc[a:b].text:
            k += 1
            continue
        words = [t for t in doc[a + 1 : b] if not (t.is_punct or t.is_space)]
        if len(words) >= 3:
            out.append((a, b + 1))  # including the marks
        k += 2
    return out


def trim(doc, s: int, e: int) -> tuple[int, int]:
    """Drop punctuation, spaces and a leading 'that' from the token range [s, e).

    >>> from kit.core.nlp import parse
    >>> doc = parse("He said that the cost rose (sharply).")
    >>> doc[slice(*trim(doc, 2, len(doc)))].text
    'the cost rose (sharply)'
    """
    while s < e and (doc[s].is_punct or doc[s].is_space or (doc[s].dep_ == "mark" and doc[s].lower_ in {"that", "whether"})):
        if doc[s].text in QUOTE_CHARS:
            break
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in QUOTE_CHARS:
        last = doc[e - 1].text
        opened = next((t.text for t in doc[s : e - 1] if t.text in ("(", "[")), None)
        if last in ("%", "?", "!") or (opened, last) in (("(", ")"), ("[", "]")):
            break  # "turnout was 41%", "(...)": part of what was said
        e -= 1
    return s, e


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two ranges share a position?

    >>> overlaps((0, 3), (2, 5)), overlaps((0, 2), (2, 5))
    (True, False)
    """
    return a[0] < b[1] and b[0] < a[1]
