"""The key of a lesson made from any article: the spans the kit is surest of, as exercise items.

:func:`build_key` runs every lens on the article (:func:`kit.compare.analysis.analyse`) and keeps
only the findings it can state with confidence; each becomes a :class:`KeyItem` with the span of
the article it asks about and the answer. A teacher reviews the items before students see them
(:mod:`kit.teacher.lesson_review`); :mod:`kit.teacher.lesson_export` writes the lesson.

>>> key = build_key("Police said at least 40 people were arrested. Shops were looted on Monday.")
>>> [(i.lens, i.kind, i.quote) for i in key.items]  # doctest: +NORMALIZE_WHITESPACE
[('attribution', 'source', 'Police said at least 40 people were arrested'),
 ('numbers', 'interval', 'at least 40 people'), ('framing', 'passive', 'at least 40 people were arrested'),
 ('framing', 'passive', 'Shops were looted on Monday')]
>>> key.items[1].answer
{'low': 40, 'high': None, 'hedge': 'at least'}
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field

from kit.attribution.records import SOURCE_LABELS
from kit.compare.analysis import Analysis, analyse
from kit.teacher.lesson_text import clause_start, plain, quote as _quote, short_doer, with_counted_noun, word_before

#: Confidence at or above which a finding becomes an exercise.
SURE = 0.8
#: At most this many items per lens (a lesson of about 40 minutes).
PER_LENS = 4
#: An article shorter than this many words is too short for a lesson.
MIN_WORDS = 80


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    """The lesson's word lists (``data/en/lesson.toml``)."""
    import tomllib
    from importlib import resources

    raw = tomllib.loads(resources.files("kit.teacher").joinpath("data/en/lesson.toml").read_text(encoding="utf-8"))
    return {name: frozenset(section["terms"]) for name, section in raw.items()}

LENSES = ("framing", "attribution", "numbers")

#: Titles that never end a whole name ("said Cpl", the name cut off after it).
TITLES = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "cpl", "sgt", "maj", "sen", "rep", "gov"}


@dataclass(frozen=True)
class KeyItem:
    """One exercise of a lesson and its answer (see ``key.json`` in :mod:`kit.teacher.lesson_export`)."""

    id: str
    lens: str  # "framing" | "attribution" | "numbers"
    kind: str  # "source" | "interval" | "passive" | "label"
    prompt: str
    start_char: int
    end_char: int
    answer: dict
    confidence: float
    difficulty: str = "easy"  # "easy" | "harder"
    quote: str = ""  # the words of the article the item asks about
    context: str = ""  # the sentence around them

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class LessonKey:
    """The items of a lesson, the text they point into, and what the kit could not offer."""

    text: str
    items: tuple[KeyItem, ...]
    title: str = ""
    source: dict = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # e.g. "This article has no figures, so there is no numbers exercise."

    def by_lens(self, lens: str) -> list[KeyItem]:
        return [i for i in self.items if i.lens == lens]


# ---------------------------------------------------------------- confidence of each finding


def attribution_confidence(a, text: str = "") -> float:
    """How sure the kit is of an attribution's speaker and source type (0 to 1).

    Unsure when the attribution lens is unsure of the type (``type_confidence``); less sure for a
    resolved pronoun, an "other", a speaker of many words or a name cut after its title.

    >>> from kit.attribution.records import Attribution
    >>> attribution_confidence(Attribution("Police", "said", "x", "indirect", "official", 0, 1, 0, 6, 7, 11, 12, 13))
    0.9
    """
    score = 0.5 if getattr(a, "type_confidence", "sure") == "unsure" else 0.9
    if a.source_type in ("other", "") or not a.speaker.strip():
        score = min(score, 0.4)
    if a.resolved_from:  # "she said": the kit resolved a pronoun
        score -= 0.2
    if len(a.speaker.split()) > 8:
        score -= 0.2
    if a.speaker.split()[-1].rstrip(".").lower() in TITLES:  # "said Cpl" : a name cut after its title
        score = min(score, 0.4)
    if points_back(a.speaker):  # "the company said": which company? Two options would both be right
        score = min(score, 0.6)
    outlet = any(f" {w} " in f" {a.speaker.lower()} " for w in _words()["media_words"])
    if outlet and a.source_type not in ("media", "state_media"):  # "state news agency" typed organisation
        score = min(score, 0.6)
    if text and _words()["modals"] & set(text[max(0, a.cue_start - 12):a.cue_start].lower().split()[-1:]):
        score = min(score, 0.5)  # "the premier will tell lawmakers that...": not said yet, no claim of hers
    cue = (a.cue.split() or [""])[0].lower()
    if any(cue.startswith(verb) for verb in _words()["request_cues"]):  # "rescuers demanded silence": no claim
        score = min(score, 0.5)
    return round(max(0.0, min(1.0, score)), 2)


def points_back(speaker: str) -> bool:
    """True for a speaker that only points back to a name given earlier ("the company", "the agency").

    >>> points_back("the company"), points_back("The agency"), points_back("the Taliban"), points_back("the UN agency")
    (True, True, False, False)
    >>> points_back("the agency\u2019s chair"), points_back("the election commission")
    (True, False)
    """
    words = speaker.replace("\u2019", "'").split()
    if not words or words[0].lower() != "the" or not all(w.islower() for w in words[1:]):
        return False
    return len(words) == 2 or (len(words) <= 4 and any(w.endswith("'s") for w in words))  # "the agency's chair"


def quantity_confidence(q) -> float:
    """How sure the kit is of a figure's interval (0 to 1): plain counts with a plain hedge.

    >>> from kit.numbers.records import Quantity
    >>> quantity_confidence(Quantity("at least 61 civilians", 0, 21, 61, 61, None, "at least", "civilians"))
    0.9
    """
    if not getattr(q, "is_amount", True) or q.kind != "count":
        return 0.3
    if (q.hedge is not None and q.hedge not in _words()["plain_hedges"]) or (q.low is None and q.high is None):
        return 0.4
    score = 0.9
    if not q.counted:
        score -= 0.2
    return score


def _accident_after(text: str, start: int, end: int) -> bool:
    """True when "in the crash" (an accident or a natural event) is in or just after a passive clause.

    >>> _accident_after("50 were injured in the derailment", 0, 15), _accident_after("4 were killed in an attack", 0, 13)
    (True, False)
    """
    import re

    pattern = r"\b(?:in|during)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?([\w-]+)"
    causes = _words()["accident_causes"]
    return any(m.group(1).lower() in causes for m in re.finditer(pattern, text[start:end + 60]))


def passive_confidence(p, text: str = "") -> float:
    """How sure the kit is that a clause hides who did something (0 to 1).

    Surest for true passives of actions news reports hide doers of (the framing lens's harm and
    headline verbs: "shops were looted", "he was arrested"); other passives ("authorities were
    focused") are often adjectives in disguise, and passives of thinking ("is expected") hide a
    source, not a doer: neither becomes a "who did it?" question.

    >>> from kit.framing.passives import Passive
    >>> passive_confidence(Passive("shops were looted", 0, 17, "loot", "shops", None))
    0.9
    >>> passive_confidence(Passive("they were focused", 0, 17, "focus", "they", None))
    0.6
    """
    if p.kind != "passive" or p.agent is not None or p.verb.lower() in _words()["thinking_verbs"]:
        return 0.3
    if _words()["modals"] & set(p.text.lower().replace("\u2019", "'").split()):  # "will be rescued": no deed yet
        return 0.5
    if text and _accident_after(text, p.start_char, p.end_char):  # "injured in the derailment": no one hidden
        return 0.5
    from kit.framing.passives import load_passive_words

    words = load_passive_words()
    action = p.verb.lower() in words["harm_verbs"] or p.verb.lower() in words["headline_verbs"]
    return 0.9 if action else 0.6


def agent_confidence(p, agent: str) -> float:
    """How sure the kit is of the doer a passive names ("were attacked by insurgents"), 0 to 1.

    Sure for a true passive ("were attacked by"), not a bare participle in a headline, whose
    doer is a short name (``agent``, from :func:`kit.teacher.lesson_text.short_doer`).

    >>> from kit.framing.passives import Passive
    >>> agent_confidence(Passive("they were attacked by insurgents", 0, 32, "attack", "they", "insurgents"), "insurgents")
    0.85
    >>> agent_confidence(Passive("data sent by 10", 0, 15, "send", "data", "10", kind="participle"), "")
    0.3
    """
    if p.kind != "passive" or not agent or "\n" in p.text or " by " not in p.text:
        return 0.3
    if _words()["modals"] & set(p.text.lower().split()):  # "will be requested by": no deed yet
        return 0.5
    return 0.3 if p.verb.lower() in _words()["thinking_verbs"] else 0.85


def label_confidence(lab, text: str = "") -> float:
    """Labels come from the kit's word list: sure when they name a side and the stance is clear-cut.

    Unsure for a word of no side that marks a name (``text`` given: "the so-called Willow Fire"
    only names a fire), and for a word with a stance that a neutral wire report would still use
    ("activist", with no neutral alternative in the list): a careful student could answer
    "neutral" for it, so it is no question with one right answer.

    >>> from kit.framing.labels import Label
    >>> label_confidence(Label("regime forces", 0, 13, "government", "delegitimizing", "actor label", neutral="government forces"))
    0.85
    >>> label_confidence(Label("activist", 0, 8, "protesters", "legitimizing", "actor label"))
    0.6
    >>> label_confidence(Label("so-called", 4, 13, "any", "delegitimizing", "loaded adjective"), "the so-called Willow Fire")
    0.5
    """
    if lab.stance not in ("delegitimizing", "legitimizing", "neutral") or not lab.actor:
        return 0.5
    if lab.actor == "any" and text[lab.end_char:lab.end_char + 2].strip()[:1].isupper():
        return 0.5
    shared = lab.stance != "neutral" and (not lab.neutral or lab.neutral.lower() == lab.text.lower())
    return 0.6 if shared else 0.85


# ---------------------------------------------------------------- the items of each lens


def _sentence(an: Analysis, start: int, end: int) -> tuple[int, int]:
    if an.doc is not None:
        for sent in an.doc.sents:
            if sent.start_char <= start < sent.end_char:
                return sent.start_char, max(sent.end_char, end)
    return start, end


def _item(an: Analysis, lens: str, kind: str, span: tuple[int, int], prompt: str, answer: dict,
          confidence: float, difficulty: str) -> KeyItem:
    s0, s1 = _sentence(an, *span)
    return KeyItem(id="", lens=lens, kind=kind, prompt=prompt, start_char=span[0], end_char=span[1],
                   answer=answer, confidence=confidence, difficulty=difficulty,
                   quote=plain(an.text, *span), context=plain(an.text, s0, s1, 400))


def attribution_items(an: Analysis) -> list[KeyItem]:
    """One item per confident attribution: who is the source, and what kind of source?"""
    items = []
    for a in an.attributions:
        conf = attribution_confidence(a, an.text)
        if conf < SURE or a.source_type not in SOURCE_LABELS or a.source_type in ("unattributed", "unsure"):
            continue
        claim = _quote(an.text, a.content_start, a.content_end, 120)
        harder = a.kind == "according_to" or a.speaker_start > a.content_start
        items.append(_item(an, "attribution", "source", (a.start_char, a.end_char),
                           f"Who is the source of this claim, and what kind of source is it? \u201c{claim}\u201d",
                           {"speaker": a.speaker, "source_type": a.source_type}, conf,
                           "harder" if harder else "easy"))
    return items


def number_items(an: Analysis) -> list[KeyItem]:
    """One item per confident figure: the lowest and highest number it allows."""
    items = []
    for q in an.quantities:
        conf = quantity_confidence(q)
        if conf < SURE or word_before(an.text, q.start_char) in _words()["currencies"]:
            continue  # "USD 1.1 billion": money, not a count
        if an.text[q.start_char:q.end_char].lower().startswith("one of"):
            continue  # "one of scores of volunteers" picks one out: it counts nothing
        end = with_counted_noun(an.text, q.end_char)  # "Eight of the train's cars", not "... the train"
        items.append(_item(an, "numbers", "interval", (q.start_char, end),
                           f"What does \u201c{_quote(an.text, q.start_char, end)}\u201d really claim? "
                           "Give the lowest and the highest number it allows.",
                           {"low": q.low, "high": q.high, "hedge": q.hedge}, conf,
                           "harder" if q.hedge else "easy"))
    return items


def passive_items(an: Analysis) -> list[KeyItem]:
    """One item per confident passive: does the sentence say who did it, and if so who?

    Agentless passives ("shops were looted") have the answer ``{"passive": True}``; passives that
    name the doer ("were attacked by insurgents") ``{"passive": True, "agent": "insurgents"}``, so
    that "the sentence does not say" is not always right. Both quote the clause up to its verb only,
    so the student reads on to find a "by ...".
    """
    items = []
    for p in an.passives:
        agent = short_doer(p.agent, _words()["agent_stop"]) if p.agent else ""
        conf = agent_confidence(p, agent) if p.agent else passive_confidence(p, an.text)
        if conf < SURE:
            continue
        start, end = clause_start(an.text, p.start_char, p.end_char), p.end_char
        if agent:
            end = an.text.find(" by ", start, p.end_char)
        answer = {"passive": True, "agent": agent} if agent else {"passive": True}
        items.append(_item(an, "framing", "passive", (start, end),
                           f"\u201c{_quote(an.text, start, end)}\u201d: according to this sentence, "
                           "who or what did it?", answer, conf, "easy" if agent else "harder"))
    return items


def label_items(an: Analysis) -> list[KeyItem]:
    """One item per distinct confident label: does the word take a side?"""
    items, seen = [], set()
    for lab in an.labels:
        conf = label_confidence(lab, an.text)
        word = lab.text.lower()
        if conf < SURE or word in seen:
            continue
        seen.add(word)
        items.append(_item(an, "framing", "label", (lab.start_char, lab.end_char),
                           f"The article says \u201c{_quote(an.text, lab.start_char, lab.end_char)}\u201d. "
                           "Does this word take a side?", {"label": lab.text, "stance": lab.stance}, conf, "easy"))
    return items


def _spread(items: list[KeyItem], limit: int) -> list[KeyItem]:
    """At most ``limit`` items, surest first, then in the order of the text, different sentences first."""
    ranked, asked = [], set()
    for it in sorted(items, key=lambda i: (-i.confidence, i.start_char)):
        if (it.kind, it.quote.lower(), str(it.answer)) not in asked:  # a repeated paragraph: ask once
            ranked.append(it)
            asked.add((it.kind, it.quote.lower(), str(it.answer)))
    picked, sentences = [], set()
    for rank in (0, 1):  # first one per sentence, then the rest
        for it in ranked:
            if len(picked) < limit and it not in picked and (rank or it.context not in sentences):
                picked.append(it)
                sentences.add(it.context)
    return sorted(picked, key=lambda i: i.start_char)


def _notes(an: Analysis, by_lens: dict[str, list[KeyItem]]) -> list[str]:
    notes = []
    if len(an.text.split()) < MIN_WORDS:
        notes.append(f"This article is short (under {MIN_WORDS} words): there is little to practise on. "
                     "A longer news report gives a better lesson.")
    why = {"numbers": "no figures the kit is sure of", "attribution": "no sources the kit is sure of",
           "framing": "no labels or hidden doers the kit is sure of"}
    for lens in LENSES:
        n = len(by_lens[lens])
        if n < 2:
            count = "No" if n == 0 else "Only one"
            notes.append(f"{count} {lens} question: the article has {why[lens]}. "
                         "Add your own question for this lens.")
    if an.warning:
        notes.append(an.warning)
    return notes


def build_key(source, *, title: str = "", per_lens: int = PER_LENS) -> LessonKey:
    """The confident items of every lens for ``source`` (text, an Article or an Analysis).

    >>> build_key("Short text.").notes[0].startswith("This article is short")
    True
    """
    an = source if isinstance(source, Analysis) else analyse(source, title=title)
    if an.warning:  # not English: every finding may be wrong ("au moins 14" read as exactly 14)
        return LessonKey(text=an.text, items=(), title=title or an.title, notes=(an.warning,))
    labels = label_items(an)  # a word that takes a side first; one neutral word at most ("government")
    labels = [i for i in labels if i.answer["stance"] != "neutral"] + [i for i in labels if i.answer["stance"] == "neutral"][:1]
    framing = _spread(labels, per_lens // 2 or 1)
    passives = passive_items(an)
    framing += _spread([p for p in passives if p.answer.get("agent")], 1)  # one doer named, when there is
    framing += _spread([p for p in passives if not p.answer.get("agent")], per_lens - len(framing))
    by_lens = {"framing": sorted(framing, key=lambda i: i.start_char),
               "attribution": _spread(attribution_items(an), per_lens),
               "numbers": _spread(number_items(an), per_lens)}
    items, n = [], 0
    for lens in ("attribution", "numbers", "framing"):
        for it in by_lens[lens]:
            n += 1
            items.append(dataclasses.replace(it, id=f"q{n}"))
    items.sort(key=lambda i: (i.start_char, i.id))
    items = [dataclasses.replace(it, id=f"q{k}") for k, it in enumerate(items, 1)]
    meta = {k: getattr(an, k) for k in ("title", "source", "id") if getattr(an, k, "")}
    return LessonKey(text=an.text, items=tuple(items), title=title or an.title, source=meta,
                     notes=tuple(_notes(an, by_lens)))
