"""Issue 21, figure patterns found on new real news (sentences written for these tests; none
copied from bench/, ../shared/eval/ or the seed)."""

from __future__ import annotations

import kit


def amounts(text):
    return [(q.text, q.kind, q.low, q.high) for q in kit.find_numbers(kit.parse(text), sources=False) if q.is_amount]


def test_a_street_block_is_an_address():
    assert amounts("Officers sealed off the 1200 block of Pine Avenue.") == []
    assert amounts("Builders put up 12 blocks of flats.") == [("12 blocks", "count", 12, 12)]


def test_a_radio_station_number_is_a_name():
    assert amounts("The minister told BBC Radio 5 that 40 schools would close.") == [("40 schools", "count", 40, 40)]


def test_m_before_a_plural_noun_is_millions():
    assert amounts("About 30m viewers watched the final.") == [("About 30m viewers", "count", 27000000, 33000000)]
    assert amounts("Rebuilding will cost 25m euros.") == [("25m euros", "money", 25000000, 25000000)]
    assert amounts("The dam holds back 2m tonnes of silt.")[0][2] == 2000000


def test_m_stays_metres_before_a_singular_noun_or_a_race():
    assert amounts("They climbed a 30m cliff.") == [("30m", "measure", 30, 30)]
    assert amounts("She won the 110m hurdles.") == [("110m", "measure", 110, 110)]


def test_indian_digit_grouping():
    assert amounts("The state paid Rs 2,45,300.50 crore to growers.")[0][2] == 2453005000000
    assert amounts("Nearly 3,21,450 pilgrims reached the shrine.")[0][0] == "Nearly 3,21,450 pilgrims"
    assert amounts("Nearly 3,21,450 pilgrims reached the shrine.")[0][3] == 321450


def test_number_one_is_a_rank():
    assert amounts("The record became her first No. 1 hit in 12 years.") == [("12 years", "duration", 12, 12)]


def test_more_currencies():
    assert ("2,400 dinars", "money", 2400, 2400) in amounts("A kilo of lamb cost 2,400 dinars in the market.")
    assert amounts("The fine was 500 shekels.")[0][1] == "money"


def test_a_currency_named_with_its_country():
    assert amounts("The ticket cost 90 Moroccan dirhams.") == [("90 Moroccan dirhams", "money", 90, 90)]
    assert amounts("Dinner cost 300 Hong Kong dollars.")[0][1] == "money"
    assert amounts("She met 4 Moroccan officials.")[0][1] == "count"
