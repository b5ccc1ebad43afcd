"""Figure patterns found on batch I: a unit with a multiplier the article defines itself
("million tonnes (MT)"), "from a proposed A to B" after a verb of change, and long numbers
right after a naming word in lower case ("resolution 2517").

Every sentence here is written for this file; none comes from bench/ or shared eval data.
"""

from __future__ import annotations

import kit
from kit.numbers import find_numbers
from kit.numbers.defined import defined_units


def figures(text: str) -> list[tuple[str, str, object, object]]:
    return [(q.text, q.kind, q.low, q.high) for q in find_numbers(kit.parse(text), sources=False)]


def test_defined_abbreviation_scales_later_figures():
    text = "Sugar output hit 31 million tonnes (MT) in 2019, up from 28.5 MT a year before."
    got = {t: (kind, lo) for t, kind, lo, _hi in figures(text)}
    assert got["28.5 MT"] == ("measure", 28500000)
    assert got["31 million tonnes"][1] == 31000000


def test_defined_abbreviation_before_its_definition():
    text = "Rice crop seen at 110 MT. The crop was 105 million tonnes (MT) last season."
    assert ("110 MT", "measure", 110000000, 110000000) in figures(text)


def test_no_definition_no_scaling():
    assert defined_units("The club (FC) won 3 games.") == {}
    assert defined_units("Prices rose to 4 million dollars (MD).") == {"MD": (1000000, "dollars")}


def test_from_a_proposed_figure_to_another_is_a_change():
    got = figures("The council cut the levy from a proposed 3.5 points to 2.75 points.")
    assert [(lo, hi) for _t, _k, lo, hi in got] == [(3.5, 3.5), (2.75, 2.75)]


def test_long_number_after_lower_case_naming_word():
    got = figures("Members backed it as resolution 2517, and sanctions committee 1533 met.")
    assert [k for _t, k, _lo, _hi in got] == ["identifier", "identifier"]


def test_number_before_a_noun_after_naming_word_still_counts():
    got = figures("They drafted a resolution 140 nations signed.")
    assert ("140 nations", "count", 140, 140) in got


def test_ordinal_before_participle_and_singular_noun():
    got = figures("The town will hire a fifth trained nurse, while a fifth voted no.")
    assert got[0][:2] == ("fifth", "ordinal")
