"""Words that name or describe people or a side, swapped or added between two versions of a sentence,
beyond the framing lexicon (see :mod:`kit.compare.version_changes`): "a spokesman" / "a spokeswoman",
"militants" / "gunmen", "Iran" / "their arch-foe Iran", "by militants" / "by pro-government militants".
The words are a data file (``label_word`` and ``same_label`` in ``data/en/versions.toml``).

>>> from kit.compare.versions import compare_versions
>>> [(c.kind, c.a_text, c.b_text) for c in compare_versions(
...     "A spokesman for the party denied it.", "A spokeswoman for the party denied it.")]
[('label_changed', 'spokesman', 'spokeswoman')]
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from kit.compare.version_changes import (_WORD, _by_place, _change, _differing, _in, _paired_changes, _side_note,
                                         _stem, _still_there, _term, _words_data)
from kit.compare.versions import Change, _Side, _Unit, overlaps

_STANCE_WORDS = {
    "delegitimizing": "a label that takes legitimacy away",
    "neutral": "a neutral label",
    "legitimizing": "a label that lends legitimacy",
}

#: At most this many words on each side of a swap around a role word (a longer stretch is a rewording).
SWAP_WORDS = 7
#: At most this many words added before a role word or a name to describe it ("their arch-foe").
ADDED_WORDS = 3


def _role(word: str) -> bool:
    return word in _words_data()["label_words"]


def _title(word: str) -> bool:
    return word in _words_data()["title_words"]


def _plain(words) -> bool:
    """True when ``words`` name people plainly ("several people"): swapped for a role word, a label change."""
    return any(w in _words_data()["person_words"] for w in words)


def _neutral(xs, ys) -> bool:
    """True when one role word is swapped for its form that says nothing of sex ("spokesperson" / "spokesman",
    "chairperson" / "chairwoman"): the same role, the same person; "spokesman" / "spokeswoman" stays a change."""
    if len(xs) != 1 or len(ys) != 1:
        return False
    x, y = sorted((xs[0], ys[0]), key=lambda w: not w.endswith(("person", "persons", "people")))
    root = x.removesuffix("people").removesuffix("persons").removesuffix("person")
    return x != root and len(root) >= 3 and y != x and y.startswith(root) and \
        y[len(root):] in ("man", "woman", "men", "women")


def _same_label(xs, ys) -> bool:
    """True when the two stretches swap words of one group ("challenger" / "rival") or a role word and its
    form that says nothing of sex (:func:`_neutral`)."""
    if _neutral(xs, ys):
        return True
    groups = _words_data()["same_label"]
    gx = {groups.get(w) for w in xs if _role(w)}
    gy = {groups.get(w) for w in ys if _role(w)}
    return bool(gx) and gx == gy and None not in gx


def role_changes(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit, found: list) -> list[Change]:
    """``label_changed`` for role words swapped ("spokesman" / "spokeswoman"), or words added or changed
    just before a role word or a name both sentences keep ("militants" / "pro-Russian militants"), where
    no label change is found yet."""
    out = []
    ops = SequenceMatcher(None, ua.words, ub.words, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        xs, ys = ua.words[i1:i2], ub.words[j1:j2]
        if tag == "equal" or not (xs or ys):
            continue
        hx, hy = _head(xs), _head(ys)
        if tag == "replace" and max(len(xs), len(ys)) > ADDED_WORDS and hx and hy and _long_swap(hx, hy):
            xs, ys, i2, j2 = hx, hy, i1 + len(hx), j1 + len(hy)  # a long rewording: its first words only
        elif tag == "replace" and max(len(xs), len(ys)) > SWAP_WORDS:
            continue
        small = max(len(xs), len(ys)) <= ADDED_WORDS
        swap = tag == "replace" and max(len(xs), len(ys)) <= SWAP_WORDS and (
            any(map(_role, xs)) and any(map(_role, ys)) or any(map(_title, xs)) and any(map(_title, ys))
            or small and (any(map(_role, xs)) and _plain(ys) or any(map(_role, ys)) and _plain(xs)))
        added = small and any(map(_role, xs + ys))  # "their arch-foe Iran": a role word added or swapped
        modifier = (small and i1 > 0 and j1 > 0 and i2 < len(ua.words) and _role(ua.words[i2])  # "by pro-Russian militants"
                    and not _little(xs, ys))
        backer = max(len(xs), len(ys)) <= ADDED_WORDS + 1 and _backer(sa, ua, i1, i2) != _backer(sb, ub, j1, j2)
        if not (swap or added or modifier or backer) or _same_label(xs, ys) or _words_moved(xs, ys, ua, ub):
            continue
        a_rng = (ua.spans[i1][0], ua.spans[i2 - 1][1]) if xs else (ua.spans[i2][0],) * 2
        b_rng = (ub.spans[j1][0], ub.spans[j2 - 1][1]) if ys else (ub.spans[j2][0],) * 2
        if any(overlaps(*a_rng, c.a_start, c.a_end) or overlaps(*b_rng, c.b_start, c.b_end) for c in found):
            continue
        if not (swap or backer) and (_speaker_at(sa, ua, a_rng) or _speaker_at(sb, ub, b_rng)):
            continue  # "a spokesman for the NFU" / "the National Farmers Union": a source named otherwise
        x = _Other(sa.text[slice(*a_rng)], *a_rng) if xs else None
        y = _Other(sb.text[slice(*b_rng)], *b_rng) if ys else None
        note = _label_note(sa, sb, x, y)
        out.append(_change("label_changed", sa, sb, a_rng if xs else (ua.start, ua.end),
                           b_rng if ys else (ub.start, ub.end), note))
    return out


def _backer(side: _Side, u: _Unit, i1: int, i2: int) -> frozenset:
    """The words of ``u.words[i1:i2]`` that end a joined word saying who backs a side ("Iran-backed", "U.N.-
    sponsored", "state-run"; the word lists are ``backer_word`` in the data file)."""
    data = _words_data()
    return frozenset(w for k, w in enumerate(u.words[i1:i2], i1) if k > 0 and w in data["backer"]
                     and side.text[u.spans[k - 1][1]:u.spans[k][0]] in ("-", ".-")
                     and (side.text[u.spans[k - 1][0]].isupper() or u.words[k - 1] in data["backer_by"]))


def _words_moved(xs, ys, ua: _Unit, ub: _Unit) -> bool:
    """True for words only added (or only left out) that the other sentence has elsewhere: the phrase
    turned round ("the strikers' demands" / "demands from the strikers"), no word put before a role.

    >>> from kit.compare.version_align import units_of
    >>> a = units_of("Strikers demands grew.", [(0, 22)])[0]
    >>> b = units_of("Demands from strikers grew.", [(0, 27)])[0]
    >>> _words_moved((), ("demands", "from"), a, b), _words_moved((), ("angry",), a, b)
    (True, False)
    """
    if xs and ys:
        return False
    words, other = (ys, ua.words) if ys else (xs, ub.words)
    content = [w for w in words if w not in _CLAUSE]
    return bool(content) and all(w in other for w in content)


#: Words that end the first words of a long rewording (a new clause or phrase begins).
_CLAUSE = frozenset("and or but who which that as while after before when in on at to by with from for".split())


def _head(words) -> tuple:
    """The first words of a stretch, up to ADDED_WORDS and before a word that begins a clause or phrase:
    "up several people" of "up several people and blocked the road"."""
    k = next((n for n, w in enumerate(words) if w in _CLAUSE), len(words))
    return tuple(words[:min(k, ADDED_WORDS)])


def _long_swap(xs, ys) -> bool:
    """True when the first words of a long rewording swap people's names for one another: a role word for a
    plain word for people or for another role word ("beat several people and ..." / "beat protesters who ...")."""
    return (any(map(_role, xs)) and _plain(ys) or any(map(_role, ys)) and _plain(xs)
            or any(map(_role, xs)) and any(map(_role, ys)) and not _same_label(xs, ys))


def _speaker_at(side: _Side, u: _Unit, rng) -> bool:
    """True when the stretch ``rng`` overlaps the speaker of an attribution of sentence ``u``."""
    return any(overlaps(*rng, a.speaker_start, a.speaker_end) for a in _in(side.attributions, u, "cue_start"))


def _little(xs, ys) -> bool:
    """True for a swap of small words only ("the" / "a")."""
    return all(_stem(w) in ("the", "a", "an", "their", "its", "his", "her", "our") for w in xs + ys)


# ---------------------------------------------------------------- labels of the framing lexicon


def _label_note(sa: _Side, sb: _Side, la, lb) -> str:
    return _side_note(sa, sb, la, lb, lambda l: _STANCE_WORDS.get(l.stance, l.stance),
                      "The same people, another label. Who is named how?",
                      "says", "does not use this label here. Who is named how?")


def label_changes(sa, sb, ua, ub) -> list[Change]:
    la, lb = _differing(_in(sa.labels, ua), _in(sb.labels, ub), _term)
    la = [x for x in la if not _still_there(sa, x, ub)]
    lb = [y for y in lb if not _still_there(sb, y, ua)]
    kept = []
    for x, y in _by_place(la, lb, ua, ub):
        if x is not None and y is not None:
            kept.append((x, y))
        elif (x or y).stance != "neutral":
            # a word of a whole clause added ("and vowed to hold peaceful protests") is no label swapped,
            # unless it takes legitimacy away ("shot down by terrorists"): that still names people so
            if (x or y).stance == "delegitimizing" or not _in_clause(ua if x else ub, ub if x else ua, x or y):
                kept.append((x, y))
        elif (swap := _swapped(sa, sb, ua, ub, x) if x is not None else _swapped(sb, sa, ub, ua, y)) is not None:
            kept.append((x, swap) if x is not None else (swap, y))  # "militants" -> "fighters"
        # else: a neutral word simply gone in a rewording ("the Aba government" -> "a local official")
    return _paired_changes("label_changed", sa, sb, ua, ub, kept, _label_note)


#: A label in a stretch of more than this many words that the other sentence does not have is part of
#: a clause added or cut, not a label swapped.
CLAUSE_WORDS = 7


def _in_clause(u: _Unit, v: _Unit, label) -> bool:
    """True when ``label`` of sentence ``u`` stands in a stretch of more than CLAUSE_WORDS words that the
    other sentence ``v`` has not (a clause added or cut: reworded, not a label swapped)."""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, u.words, v.words, autojunk=False).get_opcodes():
        if tag != "equal" and any(u.spans[k][0] <= label.start_char < u.spans[k][1] for k in range(i1, i2)):
            return i2 - i1 > CLAUSE_WORDS and j2 - j1 <= (i2 - i1) // 3
    return False


@dataclass(frozen=True)
class _Other:
    """The words that took a label's place in the other sentence, when the lenses know no label there."""

    text: str
    start_char: int
    end_char: int
    stance: str = "other words"


def _swapped(has: _Side, other: _Side, u: _Unit, v: _Unit, label) -> _Other | None:
    """The words that replace ``label`` one for one in the other sentence ("Boko Haram militants" ->
    "Boko Haram fighters"), or None when the label went in a longer rewording."""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, u.words, v.words, autojunk=False).get_opcodes():
        if any(u.spans[k][0] <= label.start_char < u.spans[k][1] for k in range(i1, i2)):
            size = len(_WORD.findall(label.text))
            if tag != "replace" or i2 - i1 > size or j2 - j1 > size + 1:
                return None
            start, end = v.spans[j1][0], v.spans[j2 - 1][1]
            return _Other(other.text[start:end], start, end)
    return None
