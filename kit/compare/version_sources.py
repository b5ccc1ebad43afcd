"""Sources in two versions of a story: a speaker dropped, or another speaker named.

The same source in other words is no change: "a monitor" / "a monitoring group", "state TV" /
"state television" (the word lists are in ``kit/compare/data/en/versions.toml``), "It said" /
"SABA said" (a pronoun stands for a source named before it). A source the other version names
in the sentence just before is not dropped. A headline that ends on its source ("Army repels
attack: ministry") loses it when the copy's headline stops before.

>>> from kit.compare.versions import compare_versions
>>> [(c.kind, c.a_text) for c in compare_versions("Army repels attack: ministry", "Army repels attack")]
[('attribution_dropped', 'ministry')]
>>> [c.kind for c in compare_versions("SABA said the toll was rising.", "It said the toll was rising.")]
['reworded']
"""

from __future__ import annotations

import re

from difflib import SequenceMatcher

from kit.compare.version_changes import _END, _TAIL, NEAR, _cap, _change, _in, _stem, _text, _words_data, between, call
from kit.compare.versions import _SPEAKER_SKIP, _WORD, Change, _Side, _Unit, _norm

#: A speaker is still named in the other sentence when this share of its words is there.
NAMED_SHARE = 0.6


_DASH = re.compile(r"\s(?:--|[\u2014\u2013-])\s")
_TICKER = re.compile(r"\((?:[A-Z]+:)?[A-Z.]{1,6}(?:\)|$)")  # "BlackBerry (BBRY)": a stock ticker


def _own(speaker: str) -> str:
    """A speaker as named, without a dateline the lens took in ("OSLO, Norway -- Acme") nor a ticker.

    >>> _own("OSLO, Norway and BERGEN -- Acme (ACME"), _own("Acme Ltd")
    ('Acme ', 'Acme Ltd')
    """
    return _TICKER.sub("", _DASH.split(speaker)[-1])


def _speaker_words(att) -> frozenset:
    """The words of a speaker's name, as compared: small words left out, but not a body's initials
    ("the WHO" / "WHO": the determiner is no change, "WHO" is a name), nor single letters (the pieces of
    "U.S.": "the U.S. Supreme Court" / "the Supreme Court" is the same source)."""
    same = _words_data()["same"]
    words = [_norm(w) for w in _WORD.findall(_own(att.speaker).replace("\u2019", "'"))
             if (_norm(w) not in _SPEAKER_SKIP or (len(w) >= 2 and w.isupper())) and len(w) >= 2]
    return frozenset(same.get(_stem(w), _stem(w)) for w in words)


#: Gendered pronouns: "she added" / "he added" for one quotation names someone else.
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _gender(att) -> str | None:
    return _GENDER.get(_norm(att.resolved_from or att.speaker).strip())


def _pronoun(att) -> bool:
    return bool(att.resolved_from) or _norm(att.speaker).strip() in _words_data()["pronouns"]


def _names(att) -> set[str]:
    """Capitalised words of a speaker (a person's or body's name), less small words ("The")."""
    return {w for w in _WORD.findall(_own(att.speaker)) if w[:1].isupper() and _norm(w) not in _SPEAKER_SKIP}


def same_speaker(x, y, *, pronouns: bool = True) -> bool:
    """True when two attributions name one source: a pronoun for a name, one name held in the other
    ("al-Ezi" / "Health official al-Ezi"), the same name in other words, or a shared proper name.

    Not the same: "medics and a Reuters witness" / "medics and witnesses at the scene", "she added" /
    "he added". ``pronouns=False``: a pronoun the kit did not resolve names nobody (for a source named before).
    """
    gx, gy = _gender(x), _gender(y)
    if gx and gy and gx != gy:
        return False
    if pronouns and (_pronoun(x) or _pronoun(y)) and not _person_for_body(x, y) and not _person_for_body(y, x):
        return True
    if not pronouns and any(_pronoun(z) and not z.resolved_from for z in (x, y)):
        return False
    wx, wy = _speaker_words(x), _speaker_words(y)
    if not wx or not wy:
        return _norm(x.speaker).strip() == _norm(y.speaker).strip()
    if _person_for_unnamed(x, y, wx, wy) or _person_for_unnamed(y, x, wy, wx):
        return False
    return wx <= wy or wy <= wx or len(_names(x) & _names(y)) >= 2 or _acronym(x, y) or _acronym(y, x)


def _person_for_unnamed(x, y, wx, wy) -> bool:
    """True when ``x`` names a person ("police spokesman Dolly Gumara") and ``y`` only a body it held
    ("police"): a named source replaced by a vaguer one. Not when both end on one word ("Congo's health
    ministry" / "the Democratic Republic of Congo's health ministry", "a railway police official" / "officials"):
    the same body or role, named more fully."""
    if not wy < wx or _head(x) == _head(y) or any(_stem(_norm(n)) not in wx for n in _names(y)):  # "Police said": no name
        return False
    return len([n for n in _names(x) if _stem(_norm(n)) not in wy and not n.isupper()]) >= 2  # not "HARARE (AP)"


def _person_for_body(x, y) -> bool:
    """True when ``x`` is "he" or "she" for a named person and ``y`` names no one, only a place or a thing
    (the attribution lens's "other" kind: "he declared" / "the country declared"): someone else acts."""
    return bool(x.resolved_from) and _gender(x) is not None and not _pronoun(y) and not _names(y) \
        and y.source_type == "other"


def _acronym(x, y) -> bool:
    """True when ``x`` names a body by the initials of the name ``y`` writes out ("a CCC spokesperson" /
    "the Citizens' Coalition for Change party")."""
    initials = "".join(w[0] for w in _WORD.findall(y.speaker) if w[:1].isupper())
    caps = [w for w in _WORD.findall(x.speaker) if len(w) >= 3 and w.isupper()]
    return any(c in initials for c in caps)


def _att_span(att) -> tuple[int, int]:
    return min(att.speaker_start, att.cue_start), max(att.speaker_end, att.cue_end)


def _who(side: _Side, att, *, cue: bool = True) -> str:
    shown = _text(side, *_att_span(att)) if cue else _text(side, att.speaker_start, att.speaker_end)
    if att.resolved_from:
        return f"\u201c{shown}\u201d (\u201c{att.resolved_from}\u201d is {att.speaker})"
    return f"\u201c{shown}\u201d"


def _head(att) -> str | None:
    """The last word of a speaker's name, as compared ("Boundaries Committee" -> the word group of "committee")."""
    words = [w for w in _WORD.findall(_norm(att.speaker)) if w not in _SPEAKER_SKIP]
    return _words_data()["same"].get(_stem(words[-1]), _stem(words[-1])) if words else None


def _named_before(side: _Side, att, u: _Unit) -> bool:
    """True when ``side`` names the same source, or one with the same head word ("the electoral
    commission" / "the Boundaries Committee"), just before sentence ``u``: the claim keeps its source."""
    named = not _pronoun(att)  # "It said" dropped: any source before may be what "it" stood for
    return any(same_speaker(att, y, pronouns=not named) or named and _head(att) == _head(y) and not _pronoun(y)
               for y in between(side.attributions, u.start - NEAR, u.start, "cue_start"))


def _drop_note(has: _Side, lacks: _Side, who: str) -> str:
    return (f"In {call(has.name)} these words come with a speaker: {who}. {_cap(call(lacks.name))} "
            "gives the same content with no speaker, so it reads as a fact the writer states. Who says so?")


def _credit(side: _Side, att) -> bool:
    """True for a wire credit at the end of a sentence ("... trapped. – Reuters"), not a source."""
    before = side.text[max(0, att.speaker_start - 3):att.speaker_start]
    rest = side.text[att.speaker_end:att.speaker_end + 3].strip()
    return any(d in before for d in "-–—") and rest in ("", ".")


def _with_claim(att, u_has: _Unit, u_lacks: _Unit) -> bool:
    """True when the source's claim went with it: every word of what it says is in a stretch the other
    sentence simply lacks (", which many say is the worst in years" dropped whole): no claim is left
    without its source."""
    inside = [k for k, (s, e) in enumerate(u_has.spans) if att.content_start <= s and e <= att.content_end]
    if not inside:
        return False
    gone = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, u_has.words, u_lacks.words, autojunk=False).get_opcodes():
        if tag == "delete":
            gone.update(range(i1, i2))
    return all(k in gone for k in inside)


def _dropped(has: _Side, lacks: _Side, att, u_lacks: _Unit, forward: bool, taken=()) -> Change | None:
    """``attribution_dropped`` for a speaker of ``has`` that ``u_lacks`` does not name; words of ``u_lacks``
    in ``taken`` (the names of its other speakers, each kept from ``has``) do not count, but for the
    speaker's own names: "the report" is not kept by "a space agency spokesman" when that spokesman was
    the sentence's other source; "Mr Okafor" is kept by "Ada Okafor, the minister"."""
    if _credit(has, att):
        return None
    same, own = _words_data()["same"], {_norm(n) for n in _names(att)}
    words = _speaker_words(att)
    there = words & {same.get(_stem(w), _stem(w)) for w, (s, e) in zip(u_lacks.words, u_lacks.spans)
                     if w in own or not any(a <= s and e <= b for a, b in taken)}
    if words and len(there) >= NAMED_SHARE * len(words):  # the speaker is still named in the sentence
        return None
    if _named_before(lacks, att, u_lacks):
        return None
    own, other = _att_span(att), (u_lacks.start, u_lacks.end)
    sa, sb = (has, lacks) if forward else (lacks, has)
    note = _drop_note(has, lacks, _who(has, att))
    return _change("attribution_dropped", sa, sb, *((own, other) if forward else (other, own)), note)


def _tail(side: _Side, u: _Unit) -> tuple[int, int] | None:
    """The source at the end of a headline ("Army repels attack: ministry"): its span, or None."""
    line = side.text[u.start:u.end]
    if "\n" in line or _END.search(line):
        return None
    m = _TAIL.search(line)
    if m is None:
        return None
    words, head = _WORD.findall(_norm(m.group(1))), line[:m.start()].rstrip()
    if not 1 <= len(words) <= 3 or words[0] in _words_data()["not_source"] or not _WORD.search(head) \
            or _END.search(head):  # "... trapped. - Reuters" is a credit, not a headline's source
        return None
    return u.start + m.start(1), u.start + m.end(1)


def _tail_dropped(has: _Side, lacks: _Side, u_has: _Unit, u_lacks: _Unit, forward: bool) -> list[Change]:
    span = _tail(has, u_has)
    if span is None:
        return []
    words = {_stem(w) for w in _WORD.findall(_norm(_text(has, *span)))}
    if words <= {_stem(w) for w in u_lacks.words}:
        return []
    note = _drop_note(has, lacks, f"\u201c{_text(has, *span)}\u201d (the source at the end of the headline)")
    other = (u_lacks.start, u_lacks.end)
    sa, sb = (has, lacks) if forward else (lacks, has)
    return [_change("attribution_dropped", sa, sb, *((span, other) if forward else (other, span)), note)]


def _changed_note(sa: _Side, sb: _Side, x, y) -> str:
    kinds = "" if x.source_type == y.source_type else (
        f" (kind of source: {x.source_type.replace('_', ' ')} \u2192 {y.source_type.replace('_', ' ')})")
    return (f"The source is {_who(sa, x, cue=False)} in {call(sa.name)} and {_who(sb, y, cue=False)} in "
            f"{call(sb.name)}{kinds}. The same source? Which tells the reader more about who it is? Who says so?")


def _agency(att) -> bool:
    """True for a news agency named as the speaker ("the AP", "Reuters reported", "a news agency"), by
    the last word of its name (not "a Reuters witness")."""
    words = _WORD.findall(_norm(att.speaker))
    return bool(words) and (words[-1] in _words_data()["agencies"] or words[-2:] == ["news", "agency"])


def _credits(lone: list, own: list, other: list) -> list:
    """The lone speakers less the news agencies credited for a claim that keeps a source ("..., reports
    the AP, ... police said" / "... police said"; "AFP reported that X said" / "according to X"): who
    wrote the story, not who says so. An agency that replaces another agency stays."""
    if any(_agency(y) for y in other):
        return lone
    return [x for x in lone if not (_agency(x) and (other or any(y is not x and not _agency(y) for y in own)))]


def _once(atts: list) -> list:
    """One attribution a source: "Officials say ..., adding ..." names one speaker twice."""
    out = []
    for att in atts:
        if not any(_norm(att.speaker).strip() == _norm(y.speaker).strip() for y in out):
            out.append(att)
    return out


def _actor(att, u: _Unit, atts: list) -> bool:
    """True when ``att``'s speaker, every name of it, is in the other sentence ``u`` outside its speakers,
    as the one who acts ("The bank raised its rate, its committee said" / "The bank raised its rate,
    saying ..."): the actor explains itself, it does not replace the other sentence's source."""
    same, words = _words_data()["same"], _speaker_words(att)
    spans = [(x.speaker_start, x.speaker_end) for x in atts]
    free = {same.get(_stem(w), _stem(w)) for w, (s, e) in zip(u.words, u.spans)
            if not any(a <= s and e <= b for a, b in spans)}
    names = {same.get(_stem(_norm(n)), _stem(_norm(n))) for n in _names(att)}
    return len(words) >= 2 and len(words & free) >= NAMED_SHARE * len(words) and names <= free


def attribution_changes(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit) -> list[Change]:
    """Speakers changed or dropped between two paired sentences."""
    from kit.compare.version_mirror import mirror_changes

    aa, ab = _in(sa.attributions, ua, "cue_start"), _in(sb.attributions, ub, "cue_start")
    lone_a = _once(_credits([x for x in aa if not any(same_speaker(x, y) for y in ab)], aa, ab))
    lone_b = _once(_credits([y for y in ab if not any(same_speaker(x, y) for x in aa)], ab, aa))
    if aa and ab:  # an actor of the other sentence become its own speaker replaces no one
        lone_a, lone_b = [x for x in lone_a if not _actor(x, ub, ab)], [y for y in lone_b if not _actor(y, ua, aa)]
    # a source whose claim went with it (or came with it) replaces no one: a claim cut, another added
    lone_a = [x for x in lone_a if not _with_claim(x, ua, ub)]
    lone_b = [y for y in lone_b if not _with_claim(y, ub, ua)]
    out = [_change("speaker_changed", sa, sb, (x.speaker_start, x.speaker_end), (y.speaker_start, y.speaker_end),
                   _changed_note(sa, sb, x, y)) for x, y in zip(lone_a, lone_b)]
    n = min(len(lone_a), len(lone_b))
    if not ab and lone_a[n:]:  # a speaker the lens missed on one side: read from the other's cue word
        found, left = mirror_changes(sa, sb, ua, ub, lone_a[n:], True)
        out, lone_a = out + found, lone_a[:n] + left
    if not aa and lone_b[n:]:
        found, left = mirror_changes(sa, sb, ua, ub, lone_b[n:], False)
        out, lone_b = out + found, lone_b[:n] + left
    kept_b = [(y.speaker_start, y.speaker_end) for y in ab if any(same_speaker(x, y) for x in aa)]
    kept_a = [(x.speaker_start, x.speaker_end) for x in aa if any(same_speaker(x, y) for y in ab)]
    out += [c for x in lone_a[n:] if (c := _dropped(sa, sb, x, ub, True, kept_b))]
    out += [c for y in lone_b[n:] if (c := _dropped(sb, sa, y, ua, False, kept_a))]
    return out + _tail_dropped(sa, sb, ua, ub, True) + _tail_dropped(sb, sa, ub, ua, False)
