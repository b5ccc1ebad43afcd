"""Where the story is: the country of its dateline, or the place it names most often, for
source types (:mod:`kit.attribution.sources`): a foreign ministry or a country speaking in a
story about its own state speaks for the government at home (official), not a foreign one.

>>> from kit.core.nlp import parse
>>> home_country(parse("Headline\\n\\nKABUL, Afghanistan (AP) - Gunmen attacked."))
'Afghanistan'
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from importlib import resources

import tomllib

from kit.core.nlp import doc_text

__all__ = ["at_home", "country_words", "home_country", "names_home_country", "state_voice"]


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
    """The place the text names most often, at least twice and more often than any other (a
    tie goes to none): a country counted by all its words ("Iran", "Iranian", "Islamic
    Republic": ``demonyms.toml``), else a place spaCy labels GPE (a city, a state). Without a
    dateline, the story is most likely about it.

    >>> from kit.core.nlp import parse
    >>> _most_named_place(parse("Iran said no. Iranian envoys left. Oman and Iran spoke."))
    'Iran'
    """
    if "kit.most_named" not in doc.user_data:
        doc.user_data["kit.most_named"] = _top(_country_counts(doc_text(doc))) or _top(
            Counter(e.text for e in doc.ents if e.label_ == "GPE"))
    return doc.user_data["kit.most_named"]


def _top(counts: Counter) -> str | None:
    """The most frequent key when it is named at least twice and ahead of the next."""
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _country_counts(text: str) -> Counter:
    """How often ``text`` names each country, by any of its words (a short form shared by two
    entries, "UK", counts for the first)."""
    owner: dict[str, str] = {}
    for names in _countries().values():
        for w in names:
            owner.setdefault(w.lower(), names[0])
    return Counter(owner.get(m.group(0).lower(), m.group(0)) for m in _country_pattern().finditer(text))


@functools.cache
def _countries() -> dict[str, tuple[str, ...]]:
    """``demonyms.toml``: each country (lower case) -> its name and the words for it and its people."""
    with resources.files("kit.attribution").joinpath("data", "en", "demonyms.toml").open("rb") as fh:
        table = tomllib.load(fh)["countries"]
    return {name.lower(): (name, *words) for name, words in table.items()}


@functools.cache
def country_words(place: str) -> tuple[str, ...]:
    """The words that name ``place`` as a country: its name, its adjective and its people
    (``demonyms.toml``); a place the table lacks (a city, a state) is named by itself only.
    A short form ("UK") stands for every country entry that lists it.

    >>> country_words("Niger")
    ('Niger', 'Nigerien')
    >>> country_words("Springfield")
    ('Springfield',)
    """
    table = _countries()
    key = place.strip().lower()
    if key in table:
        return table[key]
    found = [words for words in table.values() if any(w.lower() == key for w in words)]
    return tuple(dict.fromkeys(w for words in found for w in words)) or (place.strip(),)


@functools.cache
def _country_pattern() -> re.Pattern:
    """One pattern of every word of the table, longest first, whole words (not inside
    "Guinea-Bissau"); initials ("US") keep their case, so the pronoun "us" is no country.
    A search finds the longest name at its place: "Papua New Guinean" before "Guinean"."""
    def alt(w: str) -> str:
        return re.escape(w) if w.upper() == w else "(?i:" + re.escape(w) + ")"
    words = sorted({w for names in _countries().values() for w in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w.\-])(?:" + "|".join(alt(w) for w in words) + r")(?![\w\-]|\.\w)")


def _names_place(text: str, place: str) -> bool:
    """Does ``text`` name ``place`` (a country by one of its words, another place by its name)?"""
    mine = {w.lower() for w in country_words(place)}
    if place.strip().lower() not in _countries() and len(mine) == 1:
        return re.search(r"(?<![\w.\-])" + re.escape(place.strip()) + r"(?![\w\-])", text) is not None
    return any(m.group(0).lower() in mine for m in _country_pattern().finditer(text))


def names_home_country(span, *, most_named: bool = False) -> bool:
    """Does ``span`` name the dateline's country, by name or a word for it or its people
    ("Afghan", "Nigerien": whole words of ``demonyms.toml``, so Niger is not Nigeria)?
    ``most_named``: without a dateline, the place the text names most often stands for it
    (for a country as the speaker: "Uganda said").

    >>> from kit.core.nlp import parse
    >>> doc = parse("NIAMEY, Niger (AP) - The Nigerian foreign ministry said the talks failed.")
    >>> names_home_country(doc[7:10]), names_home_country(parse("NIAMEY, Niger (AP) - The Nigerien army spoke.")[7:9])
    (False, True)
    """
    home = home_country(span.doc) or (_most_named_place(span.doc) if most_named else None)
    if not home or len(home) < 2:
        return False
    return _names_place(span.text, home)


def at_home(span, found: tuple[str, str, bool] | None) -> tuple[str, str, bool] | None:
    """``found`` (type, kind, sure), with a foreign state's voice ("the foreign ministry", "the
    White House") a guess when the story has no dateline: the kit cannot tell which state the
    story is about, so whether that state is foreign to it is a question for students.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Ruvalia and Japan met. Japan's foreign ministry said so.")
    >>> at_home(doc[6:10], ("foreign_government", "government", True))
    ('foreign_government', 'government', False)
    """
    if found is None or found[0] != "foreign_government" or not found[2] or home_country(span.doc):
        return found
    return found[0], found[1], False


def state_voice(span) -> tuple[str, str, bool] | None:
    """(type, "", sure) when the body a voice names is a country, by its name or initials ("a CAR
    spokesman", "Ruvalian officials" the parser took for an organisation): the state's own
    government (official, a guess) when the story is about it or says nowhere where it is, else
    a foreign state's; None when the phrase names no country.

    >>> from kit.core.nlp import parse
    >>> state_voice(parse("A CAR spokesman said so.")[0:3])
    ('official', '', False)
    """
    if not any(m for m in _country_pattern().finditer(span.text)):
        return None
    doc = span.doc
    if names_home_country(span, most_named=True) or not (home_country(doc) or _most_named_place(doc)):
        return "official", "", False
    return "foreign_government", "", True


def national_envoy(span, where: tuple[int, int], o_where: tuple[int, int]) -> bool:
    """Is the body at ``o_where`` only the post of a country's envoy, named as a word before
    the title at ``where`` ("Ruvalia's UN ambassador", "the Norwegian UN envoy"): the envoy
    speaks for the country that sends them, not for the United Nations?"""
    doc = span.doc
    if o_where[1] != where[0] or o_where[0] <= span.start:
        return False
    return any(t.ent_type_ in {"GPE", "NORP"} for t in doc[span.start : o_where[0]])
