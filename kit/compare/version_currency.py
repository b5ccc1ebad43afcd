"""Money written with the currency code after the sign ("$US49.4 billion", "$A65.6 billion"), as
Australian and New Zealand papers do: the figure lens reads "US$49.4 billion", not "$US49.4 billion".
:func:`read_codes` reads such sentences again with the code before the sign (the same length, so the
same offsets), so "$49.4 billion" / "$US49.4 billion" is the same figure, not a figure changed.
"""

from __future__ import annotations

import re
from dataclasses import replace

#: A dollar sign, then a currency code of capitals, then the amount: "$US2", "$A65.6", "$NZ10".
_CODE_AFTER = re.compile(r"\$([A-Z]{1,3})(?=\d)")


def _swapped(text: str) -> str:
    """``text`` with each "$US" before an amount written "US$" (the same number of characters)."""
    return _CODE_AFTER.sub(lambda m: m.group(1) + "$", text)


def read_codes(text: str, units, numbers: tuple) -> tuple:
    """``numbers`` with the figures of each sentence (``units``) that writes a code after the dollar sign
    read again from the sentence with the code before it; each figure keeps the text as written.

    >>> from kit.core.nlp import parse
    >>> from kit.numbers import find_numbers
    >>> t = "It paid $US2 billion."
    >>> [q.text for q in read_codes(t, [type("U", (), {"start": 0, "end": len(t)})()], ())]
    ['$US2 billion']
    """
    from kit.core.nlp import parse
    from kit.numbers import find_numbers

    out = list(numbers)
    for u in units:
        line = text[u.start:u.end]
        if not _CODE_AFTER.search(line):
            continue
        again = []
        for q in find_numbers(parse(_swapped(line)), sources=False):
            s, e = q.start_char + u.start, q.end_char + u.start
            again.append(replace(q, text=text[s:e], start_char=s, end_char=e, sent_start=q.sent_start + u.start))
        out = [q for q in out if not u.start <= q.start_char < u.end] + again
    return tuple(sorted(out, key=lambda q: q.start_char))
