"""The words a lesson quotes: cut where a reader expects, with quote marks a reader can follow.

A generated question quotes the article ("What does “at least 14 people” really claim?"). These
pure functions on the article text keep those quotes readable on any English news text: a figure
is quoted with the noun it counts ("Eight of the train’s cars", not "Eight of the train"), a
clause never starts in the sentence before it, quote marks inside a quote become single marks
(or go when the cut left one alone), and the doer of a passive is named without the clause after it.

>>> quote("He said: “We will stay.”", 9, 24)
'‘We will stay.’'
>>> clause_start("Officials spoke to Cpl. Dunn. Five people were hurt.", 19)
30
"""

from __future__ import annotations

import re

#: Where a new sentence starts inside a span: a full stop, a space, a capital or a quote.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])")


def plain(text: str, start: int, end: int, limit: int = 160) -> str:
    """``text[start:end]`` on one line, at most ``limit`` characters (cut at a word, with "…").

    >>> plain("one two  three four", 0, 19, limit=10)
    'one two…'
    """
    words = " ".join(text[start:end].split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def quote(text: str, start: int, end: int, limit: int = 160) -> str:
    """The words of :func:`plain`, ready to sit inside \u201c\u2026\u201d in a question.

    Double quote marks inside become single ones, so the quote can sit inside “…”; when the cut
    left a mark without its pair, the marks go (a lone mark reads as a typo).

    >>> quote("the crossing was “uncontrolled,” meaning", 0, 30)
    'the crossing was uncontrolled'
    >>> quote("one two three four", 0, 18, limit=10)
    'one two…'
    """
    words = plain(text, start, end, limit)
    opens, closes, straight = words.count("\u201c"), words.count("\u201d"), words.count('"')
    if opens != closes or straight % 2:
        return re.sub(r"[\u201c\u201d\"]", "", words).strip(" ,")
    words = words.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return re.sub(r'"([^"]*)"', "\u2018\\1\u2019", words)


def clause_start(text: str, start: int, end: int | None = None) -> int:
    """Where the clause of a span really starts: after the last sentence break inside it.

    A sentence the parser did not split ("... said Cpl. Justin Dunn. At least 50 people were
    injured") would otherwise put the end of one sentence in front of the next one's clause.

    >>> text = "Two died, said Cpl. Justin Dunn, a spokesman. At least 50 people were injured."
    >>> text[clause_start(text, 15, 77):77]
    'At least 50 people were injured'
    """
    end = len(text) if end is None else end
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)]
    return breaks[-1] if breaks else start


def with_counted_noun(text: str, end: int) -> int:
    """The end of a figure's span, moved past a possessive to the noun it counts.

    >>> text = "Eight of the train’s cars left the track."
    >>> text[:with_counted_noun(text, 18)]
    'Eight of the train’s cars'
    >>> with_counted_noun("Eight cars left.", 10)
    10
    """
    m = re.match(r"[’']s\s+([A-Za-z-]+)", text[end:end + 40])
    return end + m.end() if m else end


def word_before(text: str, start: int) -> str:
    """The word (or symbol) just before ``start``, lower case: "usd" in "USD 1.1 billion", "$" in "$40".

    >>> word_before("a USD 1.1 billion plan", 6), word_before("cost $40", 6), word_before("40", 0)
    ('usd', '$', '')
    """
    before = text[max(0, start - 12):start]
    if before.endswith(("$", "\u20ac", "\u00a3", "\u00a5")):
        return before[-1]
    words = before.split()
    return words[-1].lower() if words else ""


def short_doer(agent: str, stop_words: frozenset, max_words: int = 6) -> str:
    """The doer of a passive in a few words ("" when it is no clean name of a doer).

    Cut at a comma, a line break or a word that starts a new phrase ("insurgents who fled" ->
    "insurgents"); a doer that is a time ("by 10 a.m.") or longer than ``max_words`` words is "".

    >>> stops = frozenset({"who", "which", "in"})
    >>> short_doer("police officers in Chicago, who said", stops), short_doer("10", stops)
    ('police officers', '')
    >>> short_doer("opposition\\n\\nBangladesh election officials", stops)
    'opposition'
    """
    head = re.split(r"[,;:\n()\u2014\u2013]| - ", agent, maxsplit=1)[0]
    words = head.split()
    for i, word in enumerate(words[1:], 1):
        if word.lower() in stop_words:
            words = words[:i]
            break
    if not words or len(words) > max_words or not re.search(r"[A-Za-z]{2}", words[-1]) or words[0][0].isdigit():
        return ""
    return " ".join(words).strip(" .\u201c\u201d\"")
