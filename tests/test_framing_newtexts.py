"""Issue 21, passive patterns found on new real news (sentences written for these tests; none
copied from bench/, ../shared/eval/ or the seed)."""

from __future__ import annotations

import kit


def test_a_doer_in_quotes_after_by_is_named():
    """'by “X’s growing Y”': the parser may read the possessive as the subject of a gerund;
    the doer is still named, so the passive is not agentless."""
    found = kit.find_passives(kit.parse("Clinics took in workers injured by “the company’s growing disregard for safety.”"))
    assert [p.agent is not None for p in found] == [True]
