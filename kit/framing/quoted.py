"""Whose words are these? Direct quotations, reported speech, and the narrator's own words.

The reframer may rename things in the narrator's words, and in reported speech (marking whose
speech it changes), but never inside a direct quotation (issue 12). Quotations are found two
ways, and either is enough: text between quote marks (straight or curly, double, curly single
or guillemets), and the direct quotes of the attribution lens (:func:`kit.find_attributions`).

>>> from kit import parse
>>> voices = Voices.of(parse('"Regime forces left," he said. The minister said terrorists fled.'))
>>> voices.quoted_at(1, 14), voices.reported_at(49, 59)
(True, 'The minister')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: Marks that open a quotation, and the mark that closes it.
PAIRS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019"}
_LOOKAHEAD = 64  # marks looked at after a closing \u2019 to see if a later one closes instead
_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]')


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quotations in ``text``, quote marks included, in order.

    A quotation may run over sentences and over a wrapped line; one that goes on into the
    next paragraph, which reopens it with a mark as newspapers do, is one span. A quotation
    left open runs to the end of its paragraph, and a closing mark with no opening one quotes
    from the start of its line: when unsure, words count as quoted.

    >>> t = 'He said "we left. We came back" and \u201cthey\u2019re gone\u201d.'
    >>> [t[a:b] for a, b in quotation_spans(t)]
    ['"we left. We came back"', '\u201cthey\u2019re gone\u201d']
    """
    out: list[tuple[int, int]] = []
    marks = [m.start() for m in _MARKS.finditer(text)]
    start, closer, last = -1, "", 0  # the open quotation: where, its closing mark, the last mark seen
    for n, i in enumerate(marks):
        mark = text[i]
        if start >= 0 and "\n" in text[last:i]:
            if text[_line_start(text, i) : i].strip() == "" and mark in ('"', *PAIRS):
                last = i
                continue  # the next paragraph reopens the quotation: it goes on
            if "\n\n" in text[last:i] or not _closes(text, marks, n, closer):
                out.append((start, _line_end(text, last)))  # it ended with its paragraph
                start = -1
        if start < 0:
            if mark in PAIRS or mark == '"' and _opens(text, i):
                start, closer = i, PAIRS.get(mark, '"')
            elif mark != "\u2019":  # a closing mark with no opening one
                since = out[-1][1] if out else 0
                out.append((text.rfind("\n", since, i) + 1 or since, i + 1))
        elif _closes(text, marks, n, closer):
            out.append((start, i + 1))
            start = -1
        last = i
    if start >= 0:
        out.append((start, _line_end(text, last)))
    return _merged(out)


def _opens(text: str, i: int) -> bool:
    """Does the straight mark at ``i`` open a quotation? Not when it follows a word and is
    followed by a space or punctuation ('... gone," he said')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() or before in "([{\u2014\u2013-" or not (after.isspace() or after in ".,;:!?)]")


def _closes(text: str, marks: list[int], n: int, closer: str) -> bool:
    """Does the mark at ``marks[n]`` close a quotation that ``closer`` would close?"""
    i = marks[n]
    mark = text[i]
    if closer == "\u2019":
        return mark == closer and _last_single_closer(text, marks, n)
    return mark == closer or mark == '"' and closer in "\u201d\u00bb" and not _opens(text, i)


def _last_single_closer(text: str, marks: list[int], n: int) -> bool:
    """Is the \u2019 at ``marks[n]`` the last one that can close before the next \u2018 or line
    break? An apostrophe cannot ("regime\u2019s"), and in "\u2018The soldiers\u2019 families
    fled,\u2019 he said" the second mark closes, not the first."""
    def can_close(j):
        return text[j] == "\u2019" and not (text[j + 1 : j + 2] or " ").isalnum()

    if not can_close(marks[n]):
        return False
    prev = marks[n]
    for j in marks[n + 1 : n + 1 + _LOOKAHEAD]:
        if "\n" in text[prev:j] or text[j] == "\u2018":
            break
        if can_close(j):
            return False
        prev = j
    return True


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end == -1 else end


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@dataclass(frozen=True)
class Voices:
    """Who speaks where in a text: quotations (never to be changed) and reported speech.

    ``quoted``: merged, sorted character ranges; ``reported``: (start, end, speaker) of the
    content of indirect and "according to" attributions, sorted by start.
    """

    quoted: tuple[tuple[int, int], ...]
    reported: tuple[tuple[int, int, str], ...]
    quoted_speakers: tuple[tuple[int, int, str], ...] = ()

    @classmethod
    def of(cls, doc) -> Voices:
        """The voices of a parsed text (uses :func:`kit.find_attributions`)."""
        from kit.attribution import find_attributions
        from kit.core.nlp import doc_text

        spans = quotation_spans(doc_text(doc))
        reported, speakers = [], []
        for a in find_attributions(doc):
            if a.content_end <= a.content_start:
                continue
            if a.kind == "direct":
                spans.append((a.content_start, a.content_end))
                speakers.append((a.content_start, a.content_end, a.speaker))
            else:
                reported.append((a.content_start, a.content_end, a.speaker))
        return cls(tuple(_merged(spans)), tuple(sorted(reported)), tuple(sorted(speakers)))

    def quoted_at(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` touch a quotation?"""
        k = bisect.bisect_left(self.quoted, (end, -1)) - 1
        return k >= 0 and self.quoted[k][1] > start

    def quote_speaker(self, start: int, end: int) -> str | None:
        """Who the quotation around ``[start, end)`` is attributed to, if the attribution lens knows."""
        return _innermost(self.quoted_speakers, start, end)

    def reported_at(self, start: int, end: int) -> str | None:
        """The speaker whose reported speech ``[start, end)`` is in (the innermost), else None."""
        return _innermost(self.reported, start, end)


_WINDOW = 16  # regions starting before a word that are looked at: reported speech nests a few deep


def _innermost(regions, start: int, end: int) -> str | None:
    """The speaker of the shortest region touching ``[start, end)``, among the last few that start
    before ``end`` (a window, so a long text with thousands of attributions stays linear)."""
    k = bisect.bisect_left(regions, (end, -1, ""))
    found = [r for r in regions[max(0, k - _WINDOW) : k] if r[1] > start]
    return min(found, key=lambda r: r[1] - r[0])[2] if found else None
