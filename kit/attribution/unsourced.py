"""Claims with no source: sentences that state a contested fact (deaths, strikes, who
controls a place, blame) that no attribution covers. What counts as contested is data:
``kit/attribution/data/en/contested_claims.toml``.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from kit.attribution.cues import claim_data, matches
from kit.attribution.finder import find_attributions
from kit.attribution.records import Attribution, Claim
from kit.attribution.units import as_doc, span_text, units
from kit.core.nlp import parse  # noqa: F401  (the doctests use it)

__all__ = ["find_unattributed"]


def find_unattributed(doc, *, attributions: list[Attribution] | None = None) -> list[Claim]:
    """Sentences that state a contested fact (deaths, strikes, control of a place, blame;
    see ``kit/attribution/data/en/contested_claims.toml``) and that no attribution covers.

    >>> doc = parse("Troops shelled the town, the mayor said. Six people were killed.")
    >>> [(c.text, c.reason) for c in find_unattributed(doc)]
    [('Six people were killed.', 'casualties')]
    """
    doc = as_doc(doc)
    data = claim_data()
    cats = data.get("category", [])
    groups = [(c["name"], c["words"]) for c in cats]
    questions = {c["name"]: c.get("question", "") for c in cats}
    order = {c["name"]: n for n, c in enumerate(cats)}
    atts = find_attributions(doc) if attributions is None else attributions
    covered = _covered(atts)
    hits = matches(doc, "claims", groups)
    hit_starts = [s for _, s, _ in hits]
    claims = []
    for unit in units(doc):
        if covered(unit.start_char, unit.end_char):
            continue
        # hits are sorted by start: those starting in the unit are one slice
        inside = hits[bisect_left(hit_starts, unit.start) : bisect_left(hit_starts, unit.end)]
        mine = [(label, s, e) for label, s, e in inside if e <= unit.end]
        if not mine:
            continue
        categories = tuple(sorted({m[0] for m in mine}, key=order.get))
        words = tuple(dict.fromkeys(span_text(doc, s, e) for _, s, e in mine))
        claims.append(Claim(unit.text, unit.start_char, unit.end_char, categories[0], categories, words,
                            questions.get(categories[0], "")))
    return claims


def _covered(atts: list[Attribution]):
    """A function (start, end) -> does any attribution overlap those characters? Sorted by
    start, the attributions starting before ``end`` are a prefix; one of them overlaps when
    the furthest end in that prefix passes ``start``.

    >>> a = Attribution("X", "said", "so", "indirect", "other", 10, 20, 10, 11, 12, 16, 17, 19)
    >>> covered = _covered([a])
    >>> covered(0, 10), covered(15, 30), covered(20, 25)
    (False, True, False)
    """
    spans = sorted((a.start_char, a.end_char) for a in atts)
    starts = [s for s, _ in spans]
    furthest = list(accumulate((e for _, e in spans), max))

    def covered(start: int, end: int) -> bool:
        k = bisect_left(starts, end)  # attributions starting before `end`
        return k > 0 and furthest[k - 1] > start

    return covered
