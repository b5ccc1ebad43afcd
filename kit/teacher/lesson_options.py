"""The answer options of a generated lesson's choice questions, chosen so that no pattern gives the key away.

A test-wise student looks for the odd one out: the only option written in lower case, the only
one that is not a speaker, the only one found word for word in the sentence, the one name that is
new in this question. So every question draws its wrong options from the actors in and around
its own sentence (people and groups named there, the subjects of other actions, the speakers),
nearest first; places only when nothing else is there; and every option is written the same way
(first letter capital, no leading "the").

>>> from kit.teacher.lesson_key import build_key
>>> key = build_key("Rebel fighters entered the town on Monday. Shops were looted overnight, police said.")
>>> item = next(i for i in key.items if i.kind == "passive")
>>> [label for label, _ in passive_options(key, item)[0]]
['Police', 'Rebel fighters', 'The sentence does not say']
"""

from __future__ import annotations

import functools
import re

from kit.core.widgets import parsed
from kit.teacher.lesson_key import TITLES, KeyItem, LessonKey, points_back

NOBODY = ("The sentence does not say", "nobody")
#: Named entities that may say something or do something (people, organisations, groups).
ACTORS = ("PERSON", "ORG", "NORP")
_NOT_NAMES = {"the", "a", "an"} | TITLES


def label(name: str) -> str:
    """How an option is shown: no leading article, first letter capital (the same style for all),
    and of a name with its role only the name (no long option that stands out).

    >>> label("the police"), label("armed men"), label("the U.N."), label("the regional governor, Ida Sorn")
    ('Police', 'Armed men', 'U.N.', 'Ida Sorn')
    """
    parts = [p for p in name.split(",") if p.strip()] or [name]
    words = max(parts, key=lambda p: sum(w[:1].isupper() for w in p.split()) / max(1, len(p.split()))).split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    text = " ".join(words)
    return text if text[1:2].isupper() else text[:1].upper() + text[1:]  # "iPhone" stays


def head(speaker: str) -> str:
    """The word that names who a source is: the last word before any comma ("Jahangir Alam,
    secretary of the commission" is "alam", not "commission").

    >>> head("Jahangir Alam, secretary of the commission"), head("the Taliban"), head("")
    ('alam', 'taliban', '')
    """
    words = re.findall(r"[\w'-]+", speaker.split(",")[0].lower())
    return words[-1] if words else ""


def _name_keys(name: str) -> set[str]:
    """The capitalised words of a name and their initials: two names that share one may be the same
    source ("The U.N." and "the United Nations", "SABA" and "SABA news agency").

    >>> sorted(_name_keys("the United Nations")), sorted(_name_keys("Ministry of Health"))
    (['nations', 'un', 'united'], ['health', 'mh', 'ministry', 'moh'])
    """
    words = [w.replace(".", "") for w in re.findall(r"[\w.'\u2019-]+", name.split(",")[0])]
    words = [re.sub(r"[\u2019']s$", "", w) for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES]
    keys = {w.lower() for w in words if w}
    if len(words) > 1:
        keys.add("".join(w[0] for w in words).lower())
        every = re.findall(r"[\w'-]+", name.split(",")[0])  # "Ministry of Health": also "moh"
        keys.add("".join(w[0] for w in every if w.lower() not in ("the", "a", "an")).lower())
    return keys


def same_source(a: str, b: str) -> bool:
    """True when an option may name the same source as another (then only one of them is offered).

    >>> same_source("The U.N.", "the United Nations"), same_source("Ida Sorn", "police"), same_source("police", "the police")
    (True, False, True)
    >>> same_source("SABA news agency", "Yemen's state news agency")  # both may be the one agency
    True
    >>> same_source("Ida Sorn", "the regional governor, Ida Sorn"), same_source("Ana Vo, head of the port", "the port")
    (True, True)
    >>> same_source("CBR", "the Central Bank"), same_source("local official", "Local officials"), same_source("CBR", "Ida Sorn")
    (True, True, False)
    """
    if "," in a + b:  # "the regional governor, Ida Sorn": the role and the name each count
        return any(same_source(x, y) for x in a.split(",") for y in b.split(",") if x.strip() and y.strip())
    ka, kb = _name_keys(a), _name_keys(b)
    return bool(ka & kb) or head(a).rstrip("s") == head(b).rstrip("s") or _shortened(a, b) or _shortened(b, a)


def _shortened(short: str, name: str) -> bool:
    """True when ``short`` is an acronym that starts with the initials of ``name`` ("CBR" and
    "the Central Bank": the bank of Russia, shortened), two letters at least."""
    short = short.replace(".", "").strip()
    if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 6):
        return False
    initials = {k for k in _name_keys(name) if 2 <= len(k) <= len(short)}
    return any(short.lower().startswith(k) for k in initials if len(name.split()) > 1)


def _clean(name: str) -> str:
    return re.sub(r"[\u2019']s$", "", " ".join(name.split())).rstrip(" .,")  # "Hasina's" -> "Hasina"


def _usable(name: str) -> bool:
    """No cut name ("Cpl"), no dateline in capitals ("PHOENIX"), no long phrase, no pronoun."""
    return (bool(re.search(r"[A-Za-z]{2}", name)) and head(name) not in TITLES and len(name.split()) <= 5
            and not (name.isupper() and len(name) > 4) and not points_back(name))


def _subject(tok):
    """The noun phrase of a subject, its article and describing words only ("the rebel fighters")."""
    left = [t for t in tok.lefts if t.dep_ in ("det", "amod", "compound") and t.i >= tok.i - 3]
    if left and left[0].dep_ == "det" and left[0].lower_ not in ("the", "a", "an"):
        left = left[1:]  # "their fighters" -> "fighters"
    return tok.doc[left[0].i if left else tok.i:tok.i + 1]


def _actor_kind(tok) -> str | None:
    """"group" for many people who may be a source ("officials", "residents", "the workers": the
    attribution lens gives them a kind of source), "subject" for another doer of an action ("the
    storm", "armed men"), None for the rest. One person named by a role ("the president said") is
    left out: it may be the very person a question asks about, named another way."""
    from kit.attribution.sources import source_type_of

    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_:
        return None
    phrase = _subject(tok)
    source = source_type_of(phrase) not in ("other", "unsure", "unattributed")
    if tok.tag_ in ("NNS", "NNPS"):
        if source and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            return "group"
        return "subject" if tok.dep_ == "nsubj" and not source else None
    described = any(t.dep_ in ("amod", "compound") for t in tok.lefts)  # "the storm", no bare "turnout"
    return "subject" if tok.dep_ == "nsubj" and not source and (described or tok.n_lefts) else None


@functools.lru_cache(maxsize=4)
def actors(text: str) -> tuple[tuple[int, str, str], ...]:
    """Who is named or acts in ``text``: ``(start_char, words, kind)``, kind an entity label or
    a kind of :func:`_actor_kind`. Groups named by an adjective ("African") are left out.

    >>> [(w, k) for _, w, k in actors("Rescuers reached Paris. Ida Sorn said armed men fled and the Red Cross sent tents.")]
    [('Rescuers', 'group'), ('Paris', 'GPE'), ('Ida Sorn', 'PERSON'), ('armed men', 'subject'), ('the Red Cross', 'ORG')]
    """
    doc = parsed(text)
    found = [(e.start_char, _clean(e.text), e.label_) for e in doc.ents
             if e.label_ in ACTORS + ("GPE", "LOC") and "\n" not in e.text]  # no "Marnie\nVolunteers" across a title
    taken = {start for start, _, _ in found}
    for tok in doc:
        kind = _actor_kind(tok) if tok.idx not in taken else None
        if kind:
            phrase = _subject(tok)
            found.append((phrase.start_char, phrase.text, kind))
    return tuple(sorted((s, w, k) for s, w, k in found if _usable(w) and (k != "NORP" or w.endswith("s"))
                        and not _in_headline(text, s) and not (s and re.match(r"[\w-]", text[s - 1]))))  # no "propelled grenade" cut from "rocket-"


def _in_headline(text: str, start: int) -> bool:
    r"""True in a line written in title case ("Pakistan Earthquake Toll Rises"): its capitals say
    nothing of who is named, so its words are no options.

    >>> _in_headline("Storm Hits Port Of Velm\nShops closed.", 6), _in_headline("Storm Hits Port Of Velm\nShops closed.", 24)
    (True, False)
    """
    line = text[text.rfind("\n", 0, start) + 1:(text.find("\n", start) + 1 or len(text) + 1) - 1]
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _rings(text: str, start: int) -> list[tuple[int, int]]:
    """The item's sentence, then the sentences one and two away, then the whole text."""
    sents = list(parsed(text).sents) or [None]
    here = next((k for k, s in enumerate(sents) if s is not None and s.start_char <= start < s.end_char), 0)
    out = []
    for reach in (0, 1, 2):
        lo, hi = max(0, here - reach), min(len(sents) - 1, here + reach)
        if sents[lo] is not None:
            out.append((sents[lo].start_char, sents[hi].end_char))
    return out + [(0, len(text))]


def _candidates(key: LessonKey, item: KeyItem, kinds: tuple[str, ...], skip: tuple[int, int] = (0, 0),
                next_to: list[str] | None = None) -> list[str]:
    """Actors of the given kinds (none that starts in ``skip``), nearest to the item first; beyond
    its neighbourhood in an order that turns with the item, so two questions do not share the
    same far-off names."""
    pool = [(s, w) for s, w, k in actors(key.text) if k in kinds and not skip[0] <= s < skip[1]]
    out: list[str] = []
    rings = _rings(key.text, item.start_char)
    for ring, (lo, hi) in enumerate(rings):
        names = [w for s, w in pool if lo <= s < hi and w not in out]
        if ring == len(rings) - 1 and names:  # the whole article: start after the item
            turn = sum(1 for s, _ in pool if s < item.start_char) % len(names)
            names = names[turn:] + names[:turn]
        out += [n for n in dict.fromkeys(names) if n not in out]
        if ring == 0:  # then the sources of the questions before and after (each key is offered twice or more)
            out += [n for n in next_to or [] if n not in out]
    return out


def _pick(first: list[str], candidates: list[str], size: int) -> list[str]:
    options = list(first)
    for name in candidates:
        if len(options) < size and not any(same_source(name, o) for o in options):
            options.append(name)
    return options


def speaker_options(key: LessonKey, item: KeyItem, size: int = 5) -> tuple[list, list]:
    """Options for "who says so?": the key's speaker and other people and groups in and around its
    sentence, then the other sources of the lesson (places only when fewer than three), never two that may name the same source, in
    alphabetical order of what is shown (no position cue)."""
    speaker = item.answer["speaker"]
    sources = [i for i in key.items if i.kind == "source"]
    k = next((n for n, i in enumerate(sources) if i.id == item.id), 0)
    next_to = [i.answer["speaker"] for i in sources[max(0, k - 1):k + 2] if i.id != item.id and not points_back(i.answer["speaker"])]
    others = [i.answer["speaker"] for i in sources if not points_back(i.answer["speaker"])]
    options = _pick([speaker], _candidates(key, item, ACTORS + ("group",), next_to=next_to) + others, size)
    options = _pick(options, _candidates(key, item, ("GPE", "LOC")), 3)  # a place only when too few (three at least)
    people = sorted({w for _, w, k in actors(key.text) if k == "PERSON" and len(w.split()) > 1}, key=len)
    shown = [[next((p for p in people if o.endswith(" " + p)), label(o)), o] for o in options]
    return sorted(shown, key=lambda o: o[0].lower()), [speaker]  # "Police spokesman Ali Oz" shown as "Ali Oz"


def passive_options(key: LessonKey, item: KeyItem, size: int = 3) -> tuple[list, str]:
    """Options for "who or what did it?": "The sentence does not say", the doer when the sentence
    names one, and the actors in and around the sentence (people, groups, subjects of other
    actions) as the wrong options; all in alphabetical order of what is shown."""
    agent = item.answer.get("agent") or ""
    kinds = ACTORS + ("group", "subject")
    quoted = (item.start_char, item.end_char)  # "shops were looted": the shops did nothing
    options = _pick([agent] if agent else [], _candidates(key, item, kinds, quoted), size)
    options = _pick(options, _candidates(key, item, ("GPE", "LOC"), quoted), size)
    shown = [list(NOBODY)] + [[label(o), o] for o in options]
    return sorted(shown, key=lambda o: o[0].lower()), (agent or NOBODY[1])
