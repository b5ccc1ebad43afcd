"""Trace it to the original (notebook 06): other copies of a story, a web page's text, a map check.

SIFT, the four moves of a careful reader (Mike Caulfield's method): **S**top; **I**nvestigate
the source; **F**ind better coverage; **T**race claims, quotes and media to the original
context. :func:`copy_choices` gives the bundled copies of a story, :func:`matching_part` the
sentences of a long text that another (shorter) version also has, :func:`fetch_text` a web
page's article text when the computer is online, :func:`km_between` a distance to check
against the one a story gives.

>>> round(km_between((36.20, 37.16), (35.13, 36.75)))  # Aleppo to Hama, straight line
125
"""

from __future__ import annotations

import math
import re

from kit.core.errors import InputError
from kit.core.fetch import DEADLINE

#: SIFT in the words of the lesson.
SIFT = {
    "Stop": "Before you share or believe it: do you know this source? What do you expect it to tell you?",
    "Investigate the source": "Who published this, and who wrote it first? A credit line (\u201cAFP\u201d) "
                              "points to the original author.",
    "Find better coverage": "What do other outlets say about the same events? Several copies of one wire "
                            "story let you see what changed.",
    "Trace to the original": "Follow a quotation, a figure or a claim back to where it first appeared, "
                             "with its speaker and its context.",
}

#: Seconds to wait for a web page before giving up (a class should not wait longer).
TIMEOUT = DEADLINE

_GAP = re.compile(r"\s*\[(?:\.\.\.|\u2026)\]\s*")


def excerpt_text(excerpt: str) -> str:
    """An excerpt's text with each ``[...]`` gap as a line break (so no sentence runs across a gap).

    >>> excerpt_text("One. [...] Two.")
    'One.\\nTwo.'
    """
    return _GAP.sub("\n", excerpt or "").strip()


def copy_label(copy) -> str:
    """How a copy is named in menus: outlet and date.

    >>> from kit.core.text import Copy
    >>> copy_label(Copy("Taipei Times", "https://example.org", "2024-12-03"))
    'Taipei Times (2024-12-03)'
    """
    date = getattr(copy, "date", "") or "no date"
    return f"{getattr(copy, 'outlet', '') or 'unknown outlet'} ({date})"


def copy_choices(article) -> dict[str, str]:
    """The article's bundled copies that carry an excerpt: label -> excerpt text.

    Works on any article (an article without ``copies`` gives ``{}``).

    >>> from kit.core.text import load_article
    >>> len(copy_choices(load_article("aleppo-2024-12-02"))) > 2
    True
    """
    out = {}
    for copy in getattr(article, "copies", ()) or ():
        text = excerpt_text(getattr(copy, "excerpt", ""))
        if text:
            out[copy_label(copy)] = text
    return out


def matching_part(text: str, other: str) -> str:
    """The sentences of ``text`` that ``other`` also has (same or reworded), one per line.

    Use it to set a long article beside a short excerpt of another copy.

    >>> matching_part("Rebels took Aleppo. Talks failed. Rain fell.", "Talks have failed.")
    'Talks failed.'
    """
    from kit.compare.versions import _align, _units
    from kit.core.nlp import parse

    if not isinstance(text, str) or not isinstance(other, str):
        raise InputError("matching_part needs two texts (str).")
    doc = parse(text)
    text = doc.text  # offsets are into the cleaned text (see kit.parse)
    rows = _align(_units(doc), _units(parse(other)))
    return "\n".join(text[a.start:a.end] for a, b, status in rows if a is not None and b is not None)


def km_between(here: tuple[float, float], there: tuple[float, float]) -> float:
    """Straight-line ("as the crow flies") distance in km between two (latitude, longitude) points.

    Roads are longer: a road distance is often a fifth to a third more.

    >>> round(km_between((0, 0), (0, 1)))  # one degree along the equator
    111
    """
    try:
        (lat1, lon1), (lat2, lon2) = [(float(p[0]), float(p[1])) for p in (here, there)]
    except (TypeError, ValueError, IndexError):
        raise InputError("Give each place as (latitude, longitude), for example (36.20, 37.16).") from None
    if not all(-90 <= x <= 90 for x in (lat1, lat2)) or not all(-180 <= x <= 180 for x in (lon1, lon2)):
        raise InputError("Latitude goes from -90 to 90 and longitude from -180 to 180. Check the numbers.")
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def fetch_text(url: str, *, timeout: float = DEADLINE) -> str:
    """The article text of a web page (needs the internet); :func:`kit.core.fetch.fetch_page`
    with its overall deadline (``timeout`` seconds for everything), size cap and page types.
    Raises :class:`kit.InputError` with a clear message when the page cannot be read.

    >>> fetch_text("not a link")
    Traceback (most recent call last):
    ...
    kit.core.errors.InputError: "not a link" is not a web address. Copy the whole link, starting with https://
    """
    from kit.core.fetch import fetch_page

    try:
        deadline = max(1.0, min(float(timeout), 120.0))
    except (TypeError, ValueError):
        deadline = DEADLINE
    return fetch_page(url, deadline=deadline)
