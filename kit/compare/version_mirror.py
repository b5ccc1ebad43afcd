"""A speaker the attribution lens missed in one version, read from the other version's sentence.

The lens reads a sentence's grammar, and a slip of the parser can hide a speaker in one copy
("The Herald reports the mayor has quit", where "reports" is read as a noun) that it finds in the
other ("Local officials report that the mayor has quit"). When the sentence of one version has no
speaker at all but uses the other version's cue word ("report") near its start, the words before that
cue are its speaker: the two are compared as speakers, and no speaker was dropped.

>>> from kit.compare.versions import compare_versions
>>> [(c.kind, c.a_text, c.b_text) for c in compare_versions(
...     "The Herald reports the mayor of Elmtown has quit after ten years.",
...     "Local officials report that the mayor of Elmtown has quit after ten years.") if c.kind != "reworded"]
[('speaker_changed', 'The Herald', 'Local officials')]
"""

from __future__ import annotations

import re

from kit.compare.version_changes import _change, _stem, _words_data
from kit.compare.versions import _SPEAKER_SKIP, _WORD, _Side, _Unit, _norm

#: The cue must come within this many words of the start of its sentence (after a dateline), on both sides.
MIRROR_WORDS = 6

_DASH = re.compile(r"\s[\u2013\u2014-]\s|\u2014|:\s")


def _start(side: _Side, u: _Unit, before: int) -> int:
    """Where the sentence's own words begin: after a dateline ("VANCOUVER, Wash. (AP) \u2014")."""
    head = side.text[u.start:before]
    marks = list(_DASH.finditer(head))
    return u.start + marks[-1].end() if marks else u.start


def _cue_at(side: _Side, u: _Unit, stem: str) -> int | None:
    """Index in ``u.words`` of a word with the cue's stem near the start of the sentence, or None."""
    first = next((k for k, (s, _) in enumerate(u.spans) if s >= _start(side, u, u.end)), None)
    if first is None:
        return None
    return next((k for k in range(first + 1, min(first + 1 + MIRROR_WORDS, len(u.words)))
                 if u.words[k][:5] == stem), None)


def mirror(has: _Side, lacks: _Side, att, u_has: _Unit, u_lacks: _Unit) -> tuple[int, int] | None:
    """The span of the words before ``att``'s cue word in ``u_lacks`` (its speaker there), or None.

    Only for a speaker named before its cue near the start of its sentence ("Officials report that ...").
    """
    if att.speaker_end > att.cue_start:
        return None
    cue = _WORD.findall(_norm(has.text[att.cue_start:att.cue_end]))
    if not cue or _cue_at(has, u_has, cue[0][:5]) is None:
        return None
    k = _cue_at(lacks, u_lacks, cue[0][:5])
    if k is None:
        return None
    begin = _start(lacks, u_lacks, u_lacks.spans[k][0])
    first = next(n for n, (s, _) in enumerate(u_lacks.spans) if s >= begin)
    if first >= k or not lacks.text[u_lacks.spans[first][0]].isupper():
        return None
    return u_lacks.spans[first][0], u_lacks.spans[k - 1][1]


def _own(speaker: str) -> str:
    """A speaker without a dateline or ticker (:func:`kit.compare.version_sources._own`)."""
    from kit.compare.version_sources import _own as own
    return own(speaker)


def _same(att, words: list[str]) -> bool:
    same = _words_data()["same"]
    mine = {same.get(_stem(w), _stem(w)) for w in words if w not in _SPEAKER_SKIP}
    theirs = {same.get(_stem(_norm(w)), _stem(_norm(w))) for w in _WORD.findall(_own(att.speaker))
              if _norm(w) not in _SPEAKER_SKIP}
    return bool(mine) and (mine <= theirs or theirs <= mine)


def mirror_changes(sa: _Side, sb: _Side, ua: _Unit, ub: _Unit, lone: list, forward: bool) -> tuple[list, list]:
    """For the lone speakers of one sentence (``lone``, of A when ``forward``) whose pair has no speaker: the
    ``speaker_changed`` records read through :func:`mirror`, and the speakers left to check as dropped."""
    has, lacks, u_has, u_lacks = (sa, sb, ua, ub) if forward else (sb, sa, ub, ua)
    out, left = [], []
    for att in lone:
        span = mirror(has, lacks, att, u_has, u_lacks)
        if span is None:
            left.append(att)
            continue
        if _same(att, _WORD.findall(_norm(_own(lacks.text[span[0]:span[1]])))):  # no dateline nor ticker
            continue
        own = (att.speaker_start, att.speaker_end)
        note = (f"The source is \u201c{has.text[own[0]:own[1]]}\u201d in one version and "
                f"\u201c{lacks.text[span[0]:span[1]]}\u201d in the other. The same source? Which tells the "
                "reader more about who it is? Who says so?")
        out.append(_change("speaker_changed", sa, sb, *((own, span) if forward else (span, own)), note))
    return out, left
