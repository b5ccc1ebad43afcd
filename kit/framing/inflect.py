"""English word forms for reframing: plurals, verb forms, "a"/"an", capitals.

>>> pluralize("gunman"), inflect_verb("seize", "VBD"), an("offensive")
('gunmen', 'seized', 'an')
"""

from __future__ import annotations

import functools
import re

from kit.core.nlp import load_model
from kit.framing.labels import key

_IRREGULAR_PAST = {"take": "took", "seize": "seized", "fight": "fought"}
_IRREGULAR_PARTICIPLE = {"take": "taken", "fight": "fought"}


def pluralize(word: str) -> str:
    """English plural of the last word of a lexicon phrase.

    >>> pluralize("rebel"), pluralize("gunman"), pluralize("militia"), pluralize("crowd of demonstrators")
    ('rebels', 'gunmen', 'militias', 'crowds of demonstrators')
    """
    if " of " in word:  # "crowd of demonstrators" -> "crowds of demonstrators"
        head, rest = word.split(" of ", 1)
        return pluralize(head) + " of " + rest
    *first, last = word.split(" ")
    low = last.lower()
    if low.endswith("man"):
        last = last[:-3] + "men"
    elif low.endswith("y") and low[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        last = last + "es"
    elif low.endswith("mujahid"):
        last = last + "een"
    else:
        last = last + "s"
    return " ".join([*first, last])


def singularize(word: str) -> str:
    """Singular of the last word of a lexicon phrase.

    >>> singularize("government forces"), singularize("gunmen")
    ('government force', 'gunman')
    """
    *first, last = word.split(" ")
    low = last.lower()
    if low.endswith("men"):
        last = last[:-3] + "man"
    elif low.endswith("ies"):
        last = last[:-3] + "y"
    elif low.endswith(("ses", "xes", "ches", "shes")):
        last = last[:-2]
    elif low.endswith("s") and not low.endswith("ss"):
        last = last[:-1]
    return " ".join([*first, last])


def inflect_verb(base: str, tag: str) -> str:
    """A lexicon verb in the form of the verb it replaces (tag VBD, VBN, VBZ, VBG...).

    >>> inflect_verb("capture", "VBD"), inflect_verb("capture", "VBG"), inflect_verb("capture", "VBZ")
    ('captured', 'capturing', 'captures')
    """
    *first, verb = base.split(" ")
    if tag in ("VBD", "VBN"):
        table = _IRREGULAR_PAST if tag == "VBD" else _IRREGULAR_PARTICIPLE
        verb = table.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
    elif tag == "VBZ":
        verb = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s"
    elif tag == "VBG":
        verb = (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"
    return " ".join([*first, verb])


def an(word: str) -> str:
    """The indefinite article for a word.

    >>> an("offensive"), an("rebel offensive"), an("uprising"), an("union")
    ('an', 'a', 'an', 'a')
    """
    low = word.lower()
    if re.match(r"(uni|use|eu|one|once)", low):
        return "a"
    if re.match(r"(hour|honest|honou?r)", low):
        return "an"
    return "an" if low[:1] in "aeiou" else "a"


def match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    words = old.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in new.split())
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def is_plural(token) -> bool:
    """Plural by its tag, and really inflected (the tagger calls "REGIME" in capitals plural)."""
    tagged = token.tag_ in ("NNS", "NNPS") or "Plur" in token.morph.get("Number")
    return tagged and (token.lower_ != key(token) or token.lower_ in _UNMARKED_PLURALS)


_UNMARKED_PLURALS = {"police", "people", "mujahideen", "mujahedeen", "shabiha", "troops"}


@functools.lru_cache(maxsize=1024)
def usable_as_verb(phrase: str) -> bool:
    """Can ``phrase`` stand where a verb stood? One verb, maybe with particles: "seize", "crack down on".

    >>> usable_as_verb("capture"), usable_as_verb("take over"), usable_as_verb("mass killing")
    (True, True, False)
    """
    tokens = load_model()(f"They will {phrase} it.")[2:-2]
    return bool(len(tokens)) and tokens[0].tag_ == "VB" and all(t.tag_ in ("RP", "IN") for t in tokens[1:])


@functools.lru_cache(maxsize=1024)
def is_plural_phrase(phrase: str) -> bool:
    """True when a lexicon phrase ends in a plural noun ("armed forces")."""
    return load_model()(phrase)[-1].tag_ in ("NNS", "NNPS")
