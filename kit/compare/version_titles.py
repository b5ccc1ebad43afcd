"""A named person given another title in the other version, anywhere in the two texts.

A copy may rewrite the sentence that names someone so far that the kit does not pair it with the
original ("local police spokesman Ana Varga told reporters ..." / "Local police chief Ana Varga said
earlier ..."): the title is then swapped between a cut and an added sentence. The same full name
after a title word (``title_word`` in ``versions.toml``) in both versions, with a title in one that the
other never gives that name, is a label change: the reader learns another role.

>>> from kit.compare.versions import compare_versions
>>> a = "The ferry sank on Monday. It carried 40 people, harbour spokesman Ana Varga told reporters at the port."
>>> b = "The ferry sank on Monday. Harbour chief Ana Varga said later that the search would go on all night."
>>> [(c.a_text, c.b_text) for c in compare_versions(a, b) if c.kind == "label_changed"]
[('spokesman', 'chief')]
"""

from __future__ import annotations

import re

from kit.compare.version_changes import _change, _words_data
from kit.compare.version_labels import _same_label
from kit.compare.versions import Change, _Side, overlaps

#: A title word, then a full name: two or more capitalised words ("chief Ana Varga").
_TITLED = re.compile(r"\b([A-Za-z]+)\s+((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)")


def _titles(side: _Side) -> dict[str, list[tuple[str, int, int]]]:
    """Each full name written after a title word: the titles (lower case) with their offsets."""
    out: dict[str, list] = {}
    titles = _words_data()["title_words"]
    for m in _TITLED.finditer(side.text):
        if m.group(1).lower() in titles:
            out.setdefault(m.group(2), []).append((m.group(1).lower(), m.start(1), m.end(1)))
    return out


def retitled(sa: _Side, sb: _Side, changes: list[Change]) -> list[Change]:
    """``changes`` and a ``label_changed`` for each full name whose title differs between the versions
    (the first place of each), unless a label change already points there."""
    ta, tb = _titles(sa), _titles(sb)
    out = list(changes)
    for name in ta.keys() & tb.keys():
        own_a, own_b = {t for t, _, _ in ta[name]}, {t for t, _, _ in tb[name]}
        xa = [x for x in ta[name] if x[0] not in own_b]
        yb = [y for y in tb[name] if y[0] not in own_a]
        if not xa or not yb or _same_label((xa[0][0],), (yb[0][0],)):
            continue
        (tx, a0, a1), (ty, b0, b1) = xa[0], yb[0]
        if any(c.a_start is not None and overlaps(a0, a1, c.a_start, c.a_end)
               or c.b_start is not None and overlaps(b0, b1, c.b_start, c.b_end)
               for c in out if c.kind == "label_changed"):
            continue
        note = (f"{name} is \u201c{tx}\u201d in one version and \u201c{ty}\u201d in the other. The same person, "
                "another role: which is right? Who is named how?")
        at = next((n for n, c in enumerate(out) if c.a_start is not None and c.a_start > a0), len(out))
        out.insert(at, _change("label_changed", sa, sb, (a0, a1), (b0, b1), note))  # in reading order of A
    return out
