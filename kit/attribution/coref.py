"""One speaker, one type: every mention of a person keeps the type the kit is surest of.

A story may name a source first by name alone ("Mark Hollis said ...") and give the role
later ("General Hollis added ..."), or the other way round. The mentions of one person (the
same surname) then share the type of the first mention the kit is sure of.

>>> from kit.attribution.records import Attribution
>>> a = Attribution("Mark Hollis", "said", "x", "indirect", "other", 0, 1, 0, 1, 0, 1, 0, 1, type_confidence="unsure")
>>> b = Attribution("General Hollis", "added", "y", "indirect", "military", 2, 3, 2, 3, 2, 3, 2, 3)
>>> [(x.speaker, x.source_type, x.type_confidence) for x in one_type_per_speaker([a, b])]
[('Mark Hollis', 'military', 'sure'), ('General Hollis', 'military', 'sure')]
"""

from __future__ import annotations

import functools

import re
from dataclasses import replace

__all__ = ["body_before", "gender_clash", "one_type_per_speaker", "person_key"]

_NAME_END = re.compile(r"([A-Z][\w'\-]+)\W*$")


def person_key(speaker: str) -> str | None:
    """The surname a speaker phrase ends its name with ("General Mark Hollis, chairman of ..."
    gives "hollis"); None when the name part does not end in a capitalised word.

    >>> person_key("Dana Cole, a physician at the city hospital"), person_key("the Department of Health")
    ('cole', None)
    """
    name = speaker.split(",")[0].strip()
    m = _NAME_END.search(name)
    words = name.split()
    if m is None or len(words) > 6 or (len(words) > 1 and words[-2].lower() in {"of", "for"}):
        return None  # "the Department of Health" is a body: its last word is no surname (of "Kestrel Health")
    return m.group(1).lower()


def first_name(speaker: str) -> str | None:
    """The word before the surname in a speaker's name part ("Hari" of "Hari Pathak, a ..."), or None.

    >>> first_name("Hari Pathak, a resident"), first_name("Pathak")
    ('hari', None)
    """
    words = speaker.split(",")[0].split()
    if len(words) < 2 or not words[-2][:1].isupper() or words[-2].endswith(("'s", "\u2019s")):  # "CENI's Fofana"
        return None
    word = words[-2].lower().strip(".")
    return None if word in _title_words() else word  # "General Hollis" gives no first name


@functools.cache
def _title_words() -> frozenset:
    """One-word titles and roles written before a name ("General", "President", "Dr")."""
    from kit.attribution.cues import source_data
    from kit.attribution.roles import role_data

    words = set(source_data().get("titles", ()))
    for block in source_data().get("rule", []) + role_data().get("group", []):
        words |= {w.lower().strip(".") for w in block.get("words", ()) if " " not in w}
    return frozenset(words)


def _same_person(a, b) -> bool:
    """Two mentions with one surname are one person unless both give first names that differ."""
    fa, fb = first_name(a.speaker), first_name(b.speaker)
    return fa is None or fb is None or fa == fb or len(fa) <= 2 or len(fb) <= 2  # initials ("DK") stay open


def one_type_per_speaker(atts: list) -> list:
    """Give every mention of one person (one surname) the type of the first mention the kit
    is sure of, when its own type is unsure; the rest stay as they are."""
    best: dict[str, object] = {}
    for a in atts:
        key = person_key(a.speaker)
        if key and a.type_sure and a.source_type != "other" and key not in best:
            best[key] = a
    if not best:
        return atts
    out = []
    for a in atts:
        b = best.get(person_key(a.speaker) or "")
        if b is not None and not a.type_sure and _same_person(a, b) and (a.source_type, a.source_kind) != (b.source_type, b.source_kind):
            a = replace(a, source_type=b.source_type, source_kind=b.source_kind, type_confidence="sure")
        out.append(a)
    return out


def body_before(doc, all_units, uidx: int, pron) -> tuple[int, int] | None:
    """The organisation "it" most likely stands for when no speaker or subject before it
    does: the last name spaCy labels an organisation before the pronoun, in its own unit or
    the unit before ("Northgate shares fell after it said sales were down" -> "Northgate").
    Only for "it" and "its" (a person is never "it"); a token range or None.

    >>> from kit.core.nlp import parse
    >>> from kit.attribution.units import units
    >>> doc = parse("Northgate Utilities shares fell after it said sales were down.")
    >>> doc[slice(*body_before(doc, units(doc), 0, doc[5]))].text
    'Northgate Utilities'
    """
    if pron.lower_ not in {"it", "its"}:
        return None
    lo = all_units[uidx - 1].start if uidx > 0 else all_units[uidx].start
    found = [e for e in doc.ents if e.label_ == "ORG" and lo <= e.start and e.end <= pron.i]
    return (found[-1].start, found[-1].end) if found else None


def gender_clash(speaker: str, pronoun: str, said_as: dict[str, str]) -> bool:
    """Can "he" / "she" not stand for ``speaker``: the text called the speaker the other already
    (``said_as``: speaker -> the pronoun resolved to it before), or a gendered word of the phrase
    says so ("Mrs", "spokeswoman"; ``[gender]`` of source_types.toml)?

    >>> gender_clash("Ana Ruiz, a spokeswoman", "he", {}), gender_clash("Tom Hale", "she", {"Tom Hale": "he"})
    (True, True)
    >>> gender_clash("Tom Hale", "he", {})
    False
    """
    if pronoun not in {"he", "she"}:
        return False
    known = said_as.get(speaker) or _gender_by_words(speaker)
    return known is not None and known != pronoun


def _gender_by_words(speaker: str) -> str | None:
    """"he" or "she" when the words of the phrase name a gender (one only), else None."""
    from kit.attribution.cues import source_data

    data = source_data().get("gender", {})
    words = set(re.findall(r"[a-z]+", speaker.lower()))
    he, she = bool(words & set(data.get("he", ()))), bool(words & set(data.get("she", ())))
    return "he" if he and not she else "she" if she and not he else None
