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

from bisect import bisect_right

from kit.attribution.index import QUOTE_CHARS, doc_index, first_in
from kit.core.errors import InputError
from kit.core.nlp import doc_text, parse

#: Dashes that set off a dateline, an aside or a headline's source (with spaces around them).
DASHES = ("-", "\u2013", "\u2014", "--")


def as_doc(doc):
    """A parsed Doc: text given as a str is parsed; anything else gets a clear message.

    >>> as_doc(3)
    Traceback (most recent call last):
    ...
    kit.core.errors.InputError: The attribution lens needs a parsed text, not int: use kit.find_attributions(kit.parse(text)).
    """
    if isinstance(doc, str):
        return parse(doc)
    if all(hasattr(type(doc), a) or hasattr(doc, a) for a in ("sents", "text", "vocab")):
        return doc  # (asked of the class first: a Doc builds its whole text to answer hasattr)
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
            if "\n" not in gap and (first.text[:1].islower() or ends_in_title(doc, pe)):
                merged[-1][1] = e
                continue
        merged.append([s, e])
    return [doc[s:e] for s, e in merged]


def ends_in_title(doc, e: int) -> bool:
    """Does the token range ending at ``e`` end with a title and its full stop ("Sgt.")?

    >>> from kit.core.nlp import parse
    >>> doc = parse("Sgt. Ana Ruiz said so.")
    >>> ends_in_title(doc, 2), [u.text for u in units(doc)]
    (True, ['Sgt. Ana Ruiz said so.'])
    """
    from kit.attribution.cues import source_data

    titles = set(source_data().get("titles", []))
    last = doc[e - 1].text.lower()
    if last == "." and e >= 2:
        last = doc[e - 2].text.lower()
    return last.rstrip(".") in titles and (doc[e - 1].text.endswith("."))


def past_title(doc, end: int, limit: int) -> int:
    """Where a speaker ending in a title ("according to Sgt.") really ends: after the name the
    parser cut off into the next sentence ("Sgt. Ana Ruiz"), at most ``limit``.

    >>> from kit.core.nlp import parse
    >>> doc = parse("According to Sgt. Ana Ruiz, the road was shut.")
    >>> doc[2:past_title(doc, 3, len(doc))].text
    'Sgt. Ana Ruiz'
    """
    if not ends_in_title(doc, end if doc[end - 1].text != "." else end) and not (
            end < len(doc) and doc[end].text == "." and ends_in_title(doc, end + 1)):
        return end
    i = end + 1 if end < len(doc) and doc[end].text == "." else end
    while i < limit and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    return i


def unit_index(all_units, i: int) -> int:
    """The number of the unit holding token ``i``, or -1 (a binary search: units are in order).

    >>> from kit.core.nlp import parse
    >>> doc = parse("One unit. Another unit.")
    >>> unit_index(units(doc), 4), unit_index(units(doc), 99)
    (1, -1)
    """
    n = bisect_right(all_units, i, key=lambda u: u.start) - 1
    return n if n >= 0 and i < all_units[n].end else -1


def span_text(doc, s: int, e: int) -> str:
    """``doc[s:e].text``, cut from the Doc's text (spaCy joins the tokens again on every call).

    >>> from kit.core.nlp import parse
    >>> doc = parse("Police said the road was closed.")
    >>> span_text(doc, 2, 6) == doc[2:6].text
    True
    """
    if s >= e:
        return ""
    first, last = doc[s], doc[e - 1]
    return doc_text(last.doc)[first.idx : last.idx + len(last.text)]


def quotes(doc) -> list[tuple[int, int]]:
    """Quoted stretches (token ranges including the marks) with at least three words, in
    text order; they never overlap."""
    marks = doc_index(doc).quote_marks
    text = doc_text(doc)
    out = []
    k = 0
    while k + 1 < len(marks):
        a, b = marks[k], marks[k + 1]
        if _reopens(doc, b):
            # '"A. "B."': a quote that runs on into a new paragraph (or one the text joined)
            # is not closed; the next mark opens the next quote
            end = _line_end(doc, text, a, b)
            if len([t for t in doc[a + 1 : end] if not (t.is_punct or t.is_space)]) >= 3:
                out.append((a, end))
            k += 1
            continue
        if "\n" in text[doc[a].idx : doc[b].idx]:
            k += 1
            continue
        words = [t for t in doc[a + 1 : b] if not (t.is_punct or t.is_space)]
        if len(words) >= 3:
            out.append((a, b + 1))  # including the marks
        k += 2
    return out


def _reopens(doc, b: int) -> bool:
    """Is the straight or opening mark ``b`` shaped as an opening mark after a finished sentence
    (a space before it, a word glued after it, and ". ! ?" before the space)?

    >>> from kit.core.nlp import parse
    >>> doc = parse('He said: "We lost. "We will be back," he added.')
    >>> [_reopens(doc, i) for i, t in enumerate(doc) if t.text == '"']
    [False, True, False]
    """
    tok = doc[b]
    if tok.text not in {'"', "\u201c", "``"} or tok.whitespace_ or b == 0 or b + 1 >= len(doc):
        return False
    prev = doc[b - 1]
    while prev.is_space and prev.i > 0:
        prev = doc[prev.i - 1]
    return (bool(prev.whitespace_) or doc[b - 1].is_space) and prev.text in {".", "!", "?"} and not doc[b + 1].is_punct


def _line_end(doc, text: str, a: int, b: int) -> int:
    """The token after the quote that opens at ``a``: the first token of a new line before ``b``, else ``b``."""
    cut = text.find("\n", doc[a].idx, doc[b].idx)
    if cut < 0:
        return b
    k = a + 1
    while k < b and doc[k].idx < cut:
        k += 1
    return k


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
    s = after_dateline(doc, s, e)
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in QUOTE_CHARS:
        last = doc[e - 1].text
        if last in ("%", "?", "!") or (last in (")", "]") and _first_opener(doc, s, e - 1) == {")": "(", "]": "["}[last]):
            break  # "turnout was 41%", "(...)": part of what was said
        e -= 1
    return s, e


def after_dateline(doc, s: int, e: int) -> int:
    """Where a range starts after a dateline ("(KABUL, Afghanistan) - A group of gunmen ...",
    "LONDON - Nurses ..."): capitals, a place, perhaps brackets, then a dash with spaces.

    >>> from kit.core.nlp import parse
    >>> doc = parse("(OSLO, Norway) - Two men were held, police said.")
    >>> doc[after_dateline(doc, 1, 12)].text
    'Two'
    """
    k = s
    while k < e and k - s < 8 and (doc[k].is_upper or doc[k].text in ",()" or doc[k].pos_ == "PROPN"):
        k += 1
    prefix = doc[s:k]
    if k >= e or k == s or doc[k].text not in DASHES or not doc[k].whitespace_ \
            or not (doc[s].is_upper and len(doc[s].text) > 1):
        return s
    if not any(t.text == "," for t in prefix) and not (all(t.is_upper or t.is_punct for t in prefix)
                                                     and any(t.ent_type_ in ("GPE", "LOC") for t in prefix)):
        return s  # "NATO - not the UN - led it": no place, no dateline
    k += 1
    while k < e and doc[k].is_space:
        k += 1
    return k


def _first_opener(doc, s: int, e: int) -> str | None:
    """The first "(" or "[" in the token range [s, e), or None."""
    if s >= e:
        return None
    off = doc[s].i - s  # 0 for a Doc
    i = first_in(doc_index(doc).openers, s + off, e + off)
    return None if i is None else doc[i - off].text


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Do two ranges share a position?

    >>> overlaps((0, 3), (2, 5)), overlaps((0, 2), (2, 5))
    (True, False)
    """
    return a[0] < b[1] and b[0] < a[1]
