r"""Lines of a copied page that are no sentence of the story (see :func:`stray_line`): captions,
subheadings, credits in brackets and bare links, never reported as a sentence cut or added.

>>> from kit.compare.version_align import units_of
>>> t = "Rain fell all week. https://example.com/a1b2\n\nThe river rose."
>>> [stray_line(t, u) for u in units_of(t, [(0, 19), (20, 44), (46, 61)])]
[False, True, False]
"""

from __future__ import annotations

import re

from kit.compare.version_align import _END, _WORD, _Unit

#: A line alone between blank lines with at most this many words and no full stop is a caption or a
#: subheading in sentence case ("Lake Geneva", "Roads to be closed"), see stray_line.
STRAY_WORDS = 5
#: A line of its own with at most this many words, ending with a colon (or in title case), is a heading.
HEADING_WORDS = 8
#: A unit of at most this many words, all in brackets, is a credit ("(With inputs from agencies)"), no sentence.
CREDIT_WORDS = 5

_BRACKETED = re.compile(r"[(\[][^()\[\].!?]+[)\]]\.?")  # a few words in brackets, alone: "(agencies)"
#: A dateline and credit alone, split from its sentence: "(AP) --", "HARTFORD, Conn. (CBSNewYork/AP) --".
#: A page that lost its dash may show a quotation mark in its place: "CAIRO, Egypt (AP) \"".
_DATELINE = re.compile(r"(?:[A-Z][\w.,' ]*\s)?\([\w/ .&-]{1,40}\)\s*(?:--|[\u2014\u2013\"\u201c\u201d-])")
#: A dateline alone, its place in capitals and its credit in brackets, with no dash: "BERLIN, Germany (AP)".
_BARE_DATELINE = re.compile(r"[A-Z]{2,}[\w.,' ]*\s\([\w/ .&-]{1,40}\)")
_LINK = re.compile(r"(?:https?://|www\.)\S+")  # a web address and nothing else
_WH = frozenset("what how why who where when which".split())
_MARKS = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]")


def stray_line(text: str, u: _Unit) -> bool:
    r"""True for a line that is no sentence of the story, not the first line: a caption, a subheading or a
    link left in a copied page ("Lake Geneva": at most STRAY_WORDS words, no full stop, alone between blank
    lines), or a heading inside the text (at most HEADING_WORDS words on a line of its own, ending with a
    colon: "What the mission found:", or in title case between blank lines: "The Long Road Home"), or a
    credit in brackets, alone, anywhere ("(agencies)", "(Reuters)"), or a dateline with its credit split from
    its sentence ("(AP) --", "DENVER, Colo. (KDVR/AP) --", or with no dash when the place is in capitals:
    "DENVER, Colo. (AP)"). A
    paragraph of at most HEADING_WORDS words with no full stop that opens with a question word is a
    subheading too ("What the minister said").
    A bare web address on its own is a link left in the page too ("www.example.org/report"), anywhere.
    It is not reported as a sentence cut or added.

    >>> from kit.compare.version_align import units_of
    >>> t = "Boats sank on the lake.\n\nLake Geneva\n\nThe search goes on.\nWhat divers saw:\nMud."
    >>> [stray_line(t, u) for u in units_of(t, [(0, 23), (25, 36), (38, 57), (58, 74), (75, 79)])]
    [False, True, False, True, False]
    """
    line = text[u.start:u.end]
    if _LINK.fullmatch(line.strip()):  # "http://example.com/x1y2": a bare link, no words of the story
        return True
    dateline = _DATELINE.fullmatch(line.strip()) or _BARE_DATELINE.fullmatch(line.strip())
    if dateline and len(u.words) <= HEADING_WORDS:  # "LONDON (AP) --": a dateline
        return True
    if _BRACKETED.fullmatch(line.strip()) and len(u.words) <= CREDIT_WORDS:  # "(agencies)", "(Reuters)": a credit
        return True
    if u.start == len(text) - len(text.lstrip()) or len(u.words) > HEADING_WORDS or _END.search(line):
        return False
    before, after = text[:u.start].rstrip(" \t"), text[u.end:].lstrip(" \t")
    own_line = before.endswith("\n") and (after.startswith("\n") or not after.strip())
    if own_line and line.rstrip().endswith(":") and "\n" not in line:
        return True
    alone = before.endswith("\n\n") and (after.startswith("\n\n") or not after.strip())
    title = all(w[:1].isupper() or len(w) <= 3 for w in _WORD.findall(line)) and "\n" not in line
    wh = u.words[0] in _WH and not _MARKS.search(line)  # "What the mayor said": a wh-clause is no statement
    return alone and (len(u.words) <= STRAY_WORDS or title or wh)
