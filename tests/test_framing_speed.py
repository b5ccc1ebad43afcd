"""The framing finders grow about linearly with the text (issue 13: find_passives was quadratic).

Small sizes, generous ratios: a quadratic step makes 4x the text cost about 16x the time,
a linear one about 4x; the tests fail only well above linear.
"""

from __future__ import annotations

import pytest
from conftest import best_seconds

import kit
from kit.framing.passives import find_passives
from kit.framing.quoted import quotation_spans
from kit.framing.reframing import reframe

SMALL, BIG = 3_000, 12_000  # characters; BIG is 4x SMALL


def _text(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n].strip()


def _seconds(fn, doc) -> float:
    return best_seconds(fn, doc, runs=5, reset=None)


FINDERS = {
    "passives": find_passives,
    "labels": kit.find_labels,
    "reframe": lambda doc: reframe(doc, "neutral"),
}


@pytest.mark.parametrize(
    "finder, unit",
    [
        ("passives", "was killed "),  # one root with thousands of conjoined passives
        ("passives", "Houses were looted and burned and "),
        ("passives", "Aleppo appears to be lost and "),
        ("passives", "strikes killed people and "),
        ("labels", "regime forces "),
        ("labels", "Regime Forces "),  # a proper name thousands of tokens long
        ("reframe", "regime forces "),
        ("reframe", "REGIME FORCES "),
        ("reframe", '"Regime forces are gone," he said. '),
    ],
)
def test_framing_finders_grow_about_linearly(finder, unit):
    fn = FINDERS[finder]
    small, big = kit.parse(_text(unit, SMALL)), kit.parse(_text(unit, BIG))
    fn(small)  # warm the caches (lexicon, matcher)
    ratio = _seconds(fn, big) / _seconds(fn, small)
    assert ratio < 10, f"{finder} on {unit!r}: 4x the text took {ratio:.1f}x the time"


def test_a_long_chain_of_conjoined_verbs_does_not_overflow_the_stack():
    doc = kit.parse("Houses were looted and " + "burned and " * 2500 + "destroyed.")
    found = find_passives(doc)
    assert found and found[0].text.startswith("Houses were looted")


@pytest.mark.parametrize("unit", ["the soldiers\u2019 ", "x\u201d ", '"a" ', "\u201cx\n", '"'])
def test_quotation_spans_grow_about_linearly(unit):
    def seconds(n):
        text = "\u2018" + unit * (n // len(unit))
        return _seconds(lambda t: quotation_spans(t), text)

    assert seconds(40_000) / seconds(10_000) < 10
