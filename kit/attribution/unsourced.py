"""Claims with no source: sentences that state a contested fact (deaths, strikes, who
controls a place, blame) that no attribution covers. What counts as contested is data:
``kit/attribution/data/en/contested_claims.toml``.
"""

from __future__ import annotations

from kit.attribution.cues import claim_data, matches
from kit.attribution.finder import find_attributions
from kit.attribution.records import Attribution, Claim
from kit.attribution.units import as_doc, units
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
    hits = matches(doc, "claims", groups)
    claims = []
    for unit in units(doc):
        if any(a.start_char < unit.end_char and unit.start_char < a.end_char for a in atts):
            continue
        mine = [(label, s, e) for label, s, e in hits if unit.start <= s and e <= unit.end]
        if not mine:
            continue
        categories = tuple(sorted({m[0] for m in mine}, key=order.get))
        words = tuple(dict.fromkeys(doc[s:e].text for _, s, e in mine))
        claims.append(Claim(unit.text, unit.start_char, unit.end_char, categories[0], categories, words,
                            questions.get(categories[0], "")))
    return claims
