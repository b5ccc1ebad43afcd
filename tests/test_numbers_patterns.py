"""Number patterns from real news (issue 15) and what students see (issue 14).

Every sentence here is written for this file; none comes from bench/dev/.
"""

from __future__ import annotations

import pytest

import kit
from kit.numbers import AMOUNT_KINDS, check_numbers, find_numbers
from kit.numbers import charts as numbers_charts

PNG = b"\x89PNG\r\n\x1a\n"


def figures(text: str) -> list:
    return find_numbers(kit.parse(text), sources=False)


def amounts(text: str) -> list:
    return [q for q in figures(text) if q.kind in AMOUNT_KINDS]


def one(text: str):
    [q] = amounts(text)
    return q


# ---------------------------------------------------------------- dates, years and names are no amounts


@pytest.mark.parametrize("text, needle, kind", [
    ("The court set a hearing for Jan. 12 in the capital.", "12", "date"),
    ("Ballots must arrive by Aug. 24 at noon.", "24", "date"),
    ("In a March 3 letter, the mayor asked the council for help.", "3", "date"),
    ("The treaty was signed on July 4, 1976, in a small town.", "4", "date"),
    ("The treaty was signed on July 4, 1976, in a small town.", "1976", "year"),
    ("The rules will stay in force until at least 2030, the minister said.", "2030", "year"),
    ("Shares in the FTSE 100 slipped on Tuesday.", "100", "identifier"),
    ("Tourists still drive along Route 66 every summer.", "66", "identifier"),
    ("The ambulance service answered 999 calls all night.", "999", "identifier"),
])
def test_dates_years_and_names_are_not_amounts(text, needle, kind):
    [q] = [q for q in figures(text) if q.text.split()[-1] == needle or q.text == needle]
    assert q.kind == kind and not q.is_amount


def test_until_at_least_a_year_is_never_a_count():
    qs = figures("The plant will run until at least 2030.")
    assert [(q.kind, q.value) for q in qs] == [("year", 2030)]
    assert "2,030" not in " ".join(q.describe() for q in qs)


def test_a_hedged_four_digit_count_stays_a_count():
    assert one("At least 2000 people marched.").low == 2000


# ---------------------------------------------------------------- ordinary words read as numbers


@pytest.mark.parametrize("text", [
    "Average exam scores rose in every school.",
    "Their scores improved after the summer.",
    "She is one of the biggest donors in the region.",
    "It was one of the first towns to vote.",
    "At one point the crowd grew angry.",
    "The players left the pitch one by one.",
])
def test_ordinary_words_are_no_figures(text):
    assert amounts(text) == []


def test_scores_of_people_is_still_vague():
    q = one("Scores of people queued outside.")
    assert (q.low, q.high, q.hedge) == (40, 99, "vague")


@pytest.mark.parametrize("text, low, high", [
    ("Tens of millions of viewers watched the final.", 20_000_000, 99_000_000),
    ("Dozens of thousands of fans filled the streets.", 24_000, 99_000),
    ("Thousands of millions were lost in the crash.", 2_000_000_000, 9_999_000_000),
    ("Dozens of fans filled the streets.", 24, 99),  # no multiplier after "of": not scaled
])
def test_a_vague_plural_of_a_multiplier_is_scaled(text, low, high):
    q = one(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text, low, high", [
    ("Flood Toll Nears 120", 108, 120),          # a headline verb: nearly 120
    ("The bill topped 2,000 dollars.", 2000, None),  # more than 2,000 (2,000 itself excluded)
    ("She approached 3 officers at the gate.", 3, 3),  # walking up to people hedges nothing
])
def test_verbs_that_hedge_a_figure(text, low, high):
    q = one(text)
    assert (q.low, q.high) == (low, high)


def test_a_third_patient_is_an_ordinal_and_a_third_of_them_a_share():
    [q] = figures("A third patient died on Tuesday.")
    assert (q.kind, q.value) == ("ordinal", 3)
    share = one("A third of the patients went home.")
    assert share.kind == "proportion" and share.value == pytest.approx(1 / 3)


# ---------------------------------------------------------------- compound figures and hedges


def test_a_few_hundred_is_one_figure():
    q = one("A few hundred nurses marched to the ministry.")
    assert (q.low, q.high, q.counted) == (200, 500, "nurses")


@pytest.mark.parametrize("text, low, high", [
    ("Only a few thousand fans came.", 2000, 5000),
    ("A few hundred thousand people fled the coast.", 200000, 500000),
    ("Several million voters stayed home.", 3000000, 9000000),
])
def test_a_vague_word_and_a_multiplier_are_one_figure(text, low, high):
    q = one(text)
    assert (q.low, q.high, q.hedge) == (low, high, "vague")


def test_a_date_and_a_duration_are_not_a_range():
    qs = figures("The storm hit on May 2 - five days later the river rose.")
    assert [(q.kind, q.low, q.high) for q in qs] == [("date", 2, 2), ("duration", 5, 5)]


def test_a_range_of_days_in_a_month_is_no_amount():
    assert amounts("The festival runs May 2-5 this year.") == []


@pytest.mark.parametrize("text, hedge, low, high, unit", [
    ("Patients should wait no more than 48 hours for a bed.", "no more than", None, 48, "hours"),
    ("Children above age 12 can get the vaccine.", "above", 12, None, "years of age"),
    ("Anyone over the age of 65 may apply.", "over", 65, None, "years of age"),
    ("Residents aged over 80 were moved first.", "over", 80, None, "years of age"),
])
def test_hedges_are_kept(text, hedge, low, high, unit):
    q = one(text)
    assert (q.hedge, q.low, q.high, q.unit) == (hedge, low, high, unit)


def test_a_range_with_a_unit_on_both_ends():
    q = one("The tablets hold 30 mg to 40 mg of the drug.")
    assert (q.low, q.high, q.kind, q.unit) == (30, 40, "measure", "mg")


@pytest.mark.parametrize("text, low, high", [
    ("Night temperatures ranged from -5 \u00b0C to -12 \u00b0C last week.", -12, -5),  # a unit of two tokens
    ("Each patient got between 20 mg to 25 mg a day.", 20, 25),  # "between ... to": loose, still a range
])
def test_more_ranges_with_units(text, low, high):
    q = one(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text, value, unit", [
    ("The parcel weighed 10kg.", 10, "kg"),
    ("The pupils walked 4km to school.", 4, "km"),
    ("Each sack held 25lbs of flour.", 25, "lbs"),
    ("Every child got 100ml of the syrup.", 100, "ml"),
])
def test_units_glued_to_digits(text, value, unit):
    q = one(text)
    assert (q.value, q.kind, q.unit) == (value, "measure", unit)


@pytest.mark.parametrize("text, value, kind", [
    ("Inflation reached three point five percent in May.", 3.5, "percent"),
    ("The quake measured six point two on the scale.", 6.2, "count"),
    ("Growth slowed to one point two five percent.", 1.25, "percent"),
    ("The town raised one point five million dollars.", 1500000, "money"),
    ("The index stood at two hundred point zero three.", 200.03, "count"),
])
def test_decimals_said_with_point(text, value, kind):
    q = one(text)
    assert (q.value, q.kind) == (value, kind)


def test_a_unit_glued_to_a_duration_and_a_hedge():
    q = one("The queue took about 2hrs to clear.")
    assert (q.kind, q.unit, q.low, q.high) == ("duration", "hrs", 1.8, 2.2)


def test_half_a_dozen_is_six():
    assert one("Half a dozen boats were lost.").value == 6


def test_a_change_from_one_figure_to_another_is_two_figures():
    qs = amounts("Unemployment rose from 9.5% to 20% within a year.")
    assert [(q.low, q.high, q.kind) for q in qs][:2] == [(9.5, 9.5, "percent"), (20, 20, "percent")]
    fell = amounts("The price fell from $40 to $25.")
    assert [(q.low, q.high) for q in fell] == [(40, 40), (25, 25)]


def test_from_to_without_a_change_is_a_range():
    q = one("Tickets cost from $40 to $60.")
    assert (q.low, q.high, q.kind) == (40, 60, "money")


def test_a_range_token_with_a_percent_sign():
    q = one("The bank expects growth of 4.5-6.5% next year.")
    assert (q.low, q.high, q.kind, q.unit) == (4.5, 6.5, "percent", "%")


def test_a_dashed_range_after_from_is_one_range():
    qs = amounts("The forecast was cut to 2-3% from 4.5-6.5% in March.")
    assert [(q.low, q.high, q.unit) for q in qs] == [(2, 3, "%"), (4.5, 6.5, "%")]


@pytest.mark.parametrize("text, shown", [
    ("Tickets cost from $40 to $60.", (40, 60, "$")),
    ("Tickets cost $40 to $60.", (40, 60, "$")),
    ("The repairs cost $40-50.", (40, 50, "$")),
])
def test_money_ranges_with_a_sign(text, shown):
    q = one(text)
    assert (q.low, q.high, q.unit) == shown and q.kind == "money"


@pytest.mark.parametrize("text", ["Most young voters stayed home.", "Most foreign workers left the city."])
def test_most_before_adjectives_and_a_plural_noun(text):
    q = one(text)
    assert (q.kind, q.low, q.high) == ("proportion", 0.5, 1)


@pytest.mark.parametrize("text", ["The most important votes came late.", "It was most unusual."])
def test_most_as_a_superlative_is_no_share(text):
    assert amounts(text) == []


def test_between_zero_and_a_quarter_of_a_percent():
    q = one("Rates may rise by between zero and a quarter of a percent.")
    assert (q.low, q.high, q.kind, q.hedge) == (0, 0.25, "percent", "between")


# ---------------------------------------------------------------- what students see (issue 14)


@pytest.mark.parametrize("text, shown", [
    ("The plant closed more than a decade ago.", "more than a decade"),
    ("The convoy carried 12000 tonnes of grain.", "exactly 12,000 tonnes"),
    ("The parcel weighed 10kg.", "exactly 10 kg"),
    ("The repairs cost $1500.", "exactly $1,500"),
    ("The fund paid out $2.5m.", "exactly $2.5 million"),
    ("Turnout was 45 percent.", "exactly 45%"),
])
def test_figures_are_shown_as_a_newspaper_writes_them(text, shown):
    assert one(text).interval().startswith(shown)


def test_a_place_and_the_whole_toll_are_a_question_not_a_contradiction():
    text = ("The shelling killed at least 61 civilians, the monitors said. "
            "In another report, nine civilians were killed in the village of Kafr Tal.")
    [rep] = [f for f in check_numbers(kit.parse(text)) if f.kind == "repeated"]
    assert rep.ok is None
    assert "Do these two figures count the same thing?" in rep.message
    assert "cannot both be right" not in rep.message and "in the village of Kafr Tal" in rep.message


def test_two_places_in_one_sentence_have_their_own_scope():
    from kit.numbers.scopes import scope_of

    doc = kit.parse("The raids killed 14 people in Homs and six civilians in Hama.")
    assert [scope_of(doc, q) for q in find_numbers(doc, sources=False)] == ["in Homs", "in Hama"]


def test_same_scope_figures_that_do_not_meet_are_still_flagged():
    fs = check_numbers(kit.parse("Officials said 40 people died in Kafr Tal. Medics said 75 people died in Kafr Tal."))
    [rep] = [f for f in fs if f.kind == "repeated"]
    assert rep.ok is False and "Do these two figures count the same thing" in rep.message


# ---------------------------------------------------------------- charts show as pictures


@pytest.mark.parametrize("build", [
    lambda: numbers_charts.plot_intervals(amounts("At least 40 people died and 300 fled.")),
    lambda: numbers_charts.plot_intervals([]),
    lambda: numbers_charts.chart_bars(["a", "b"], [3, 5]),
    lambda: numbers_charts.chart_window([1, 2, 3], [4, 6, 5]),
    lambda: numbers_charts.chart_circles(["a", "b"], [3, 5]),
    lambda: numbers_charts.misleading_pair("truncated axis")[0],
    lambda: numbers_charts.misleading_pair("area vs length")[1],
], ids=["intervals", "intervals-empty", "bars", "window", "circles", "pair-bad", "pair-good"])
def test_every_chart_shows_as_a_png(build):
    from kit.core.charts import Chart

    fig = build()
    assert isinstance(fig, Chart)
    assert fig._repr_png_().startswith(PNG)


def test_the_truncated_axis_bars_say_they_are_not_like_with_like():
    # the article's two figures count different groups (all people vs civilians): the chart says so
    for fig in numbers_charts.misleading_pair("truncated axis"):
        notes = " ".join(t.get_text() for t in fig.texts)
        assert "Not like with like" in notes and "civilians" in notes


@pytest.mark.parametrize("text, value", [
    ("The march covered fifty  two miles.", 52),          # text pasted from a PDF keeps doubled spaces
    ("About three  hundred  and  ten people came.", 310),
    ("They sold half a  dozen boats.", 6),
])
def test_doubled_spaces_inside_a_number_in_words(text, value):
    [q] = figures(text)
    assert q.value == value


def test_doubled_spaces_never_join_two_figures():
    assert [(q.low, q.kind) for q in figures("In 2020  12 people died.")] == [(2020, "year"), (12, "count")]


@pytest.mark.parametrize("text, expected", [
    # a class on a scale is a name, not a count
    ("The storm grew into a Category 4 hurricane overnight.", [("4", "identifier")]),
    # a year before a plural noun of an event says when, not how many ...
    ("Two men were tried for the 1987 bombings.", [("Two men", "count"), ("1987", "year")]),
    ("Turnout fell after the 2019 elections.", [("2019", "year")]),
    # ... while a plural noun of things stays a count
    ("Customs seized 2019 rifles at the port.", [("2019 rifles", "count")]),
    # set phrases with "first" rank nothing; a real position stays
    ("At first, the mayor said nothing.", []),
    ("She faces a second-degree murder charge.", []),
    ("It was her first trial.", [("first", "ordinal")]),
    # "one of the" + a comparative ranks, like a superlative
    ("It was one of the busier summers on record.", []),  # (the tagger must see a comparative)
])
def test_names_years_and_set_phrases_are_not_counts(text, expected):
    assert [(q.text, q.kind) for q in figures(text)] == expected


@pytest.mark.parametrize("text, low, high", [
    ("Homes within 20 miles of the plant were cleared.", None, 20),
    ("Pupils younger than 16 need a letter.", None, 16),
    ("Voters older than 70 can vote by post.", 70, None),
])
def test_comparative_words_hedge_a_figure(text, low, high):
    q = one(text)
    assert (q.low, q.high) == (low, high)


def test_by_n_to_m_is_a_change_and_a_level_not_a_range():
    # "rose by 3,000 to 41,000": how much it changed, then where it got to
    got = [(q.low, q.high) for q in figures("Membership rose by 3,000 to 41,000 last year.")]
    assert got == [(3000, 3000), (41000, 41000)]
