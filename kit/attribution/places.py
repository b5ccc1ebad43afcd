"""Where the story is: the country of its dateline, or the place it names most often, for
source types (:mod:`kit.attribution.sources`): a foreign ministry or a country speaking in a
story about its own state speaks for the government at home (official), not a foreign one.

>>> from kit.core.nlp import parse
>>> home_country(parse("Headline\\n\\nKABUL, Afghanistan (AP) - Gunmen attacked."))
'Afghanistan'
"""

from __future__ import annotations

import re
from collections import Counter

from kit.core.nlp import doc_text

__all__ = ["home_country", "names_home_country"]


_DATELINE = re.compile(r"^\W*[A-Z][A-Z .'\-]+,\s*([A-Z][A-Za-z .'\-]+?)\s*[()\u2014\u2013-]", re.MULTILINE)


def home_country(doc) -> str | None:
    """The country of the story's dateline ("KABUL, Afghanistan (AP) -" gives "Afghanistan"),
    from its first lines; None when there is no dateline.

    >>> from kit.core.nlp import parse
    >>> home_country(parse("Headline\\n\\nKABUL, Afghanistan (AP) - Gunmen attacked."))
    'Afghanistan'
    """
    if "kit.home" not in doc.user_data:
        m = _DATELINE.search(doc_text(doc)[:600])
        doc.user_data["kit.home"] = m.group(1).strip() if m else None
    return doc.user_data["kit.home"]


def _most_named_place(doc) -> str | None:
    """The place (spaCy's GPE label) the text names most often, at least twice and more often
    than any other; a tie goes to none. Without a dateline, the story is most likely about it."""
    counts = Counter(e.text for e in doc.ents if e.label_ == "GPE")
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def names_home_country(span, *, most_named: bool = False) -> bool:
    """Does ``span`` name the dateline's country, by name or a word for its people ("Afghan",
    "Syrian": the first four letters)? ``most_named``: without a dateline, the place the text
    names most often stands for it (for a country as the speaker: "Uganda said")."""
    home = home_country(span.doc) or (_most_named_place(span.doc) if most_named else None)
    if not home or len(home) < 4:
        return False
    return any(t.pos_ in ("PROPN", "ADJ") and t.text[:4].lower() == home[:4].lower() for t in span)
