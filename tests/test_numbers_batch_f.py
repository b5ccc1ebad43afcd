"""Figure patterns found on batch F: telephone numbers, "24/7" and union locals.

Every sentence here is written for this file; none comes from bench/ or shared eval data.
"""

from __future__ import annotations

import kit
from kit.numbers import AMOUNT_KINDS, find_numbers


def amounts(text: str) -> list[str]:
    return [q.text for q in find_numbers(kit.parse(text), sources=False) if q.kind in AMOUNT_KINDS]


def test_phone_number_groups_are_not_amounts():
    found = amounts("Residents can ring the council on 0300 45 67 89 about the 12 closed roads.")
    assert not any(t in ("0300", "45", "67", "89") for t in found), found
    assert any("12" in t for t in found), found


def test_phone_number_with_area_code_is_not_an_amount():
    found = amounts("Witnesses should call detectives on 0161 496 0123, police said, after 3 cars were damaged.")
    assert not any(t in ("0161", "496", "0123") for t in found), found
    assert any("3" in t for t in found), found


def test_round_the_clock_is_not_a_share():
    found = amounts("The hotline runs 24/7 and took 40 calls last week.")
    assert not any("24" in t for t in found), found
    assert any("40" in t for t in found), found


def test_union_local_is_a_name():
    found = amounts("Members of Teamsters Local 512 backed the deal, which covers about 900 drivers.")
    assert not any("512" in t for t in found), found
    assert any("900" in t for t in found), found


def test_small_numbers_in_a_row_stay_amounts():
    found = amounts("The scores were 80 70 60 across the three rounds.")
    assert found, found
