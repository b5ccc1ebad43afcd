"""The NUMBERS lens on hostile and very long text (issue 13): it stays fast, never raises, never writes "inf".

Sizes are small so the suite stays fast; growth is checked by counting comparisons, or by
timing n and 4n figures with a generous ratio (a quadratic step shows as ~16x, linear as ~4x).
"""

from __future__ import annotations

import time

import pytest

import kit
from kit.core.charts import figure_png
from kit.numbers import charts, check_numbers, consistency, find_numbers, fmt
from kit.numbers.records import Quantity, drawable
from kit.numbers.widgets import numbers_html

# one sentence with no full stop: every figure is in the same "sentence"
RUN_ON = "Idlib 412 dead including 61 civilians 35 children\n"


def _best_time(fn, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


# ---------------------------------------------------------------- (a) check_numbers grows linearly


def _comparisons(monkeypatch, text: str) -> int:
    """How many pairs of figures check_numbers compares on ``text``."""
    calls = {"n": 0}
    for name in ("_marked_as_part", "_same_count"):
        real = getattr(consistency, name)

        def counting(*args, _real=real, **kwargs):
            calls["n"] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(consistency, name, counting)
    check_numbers(kit.parse(text))
    return calls["n"]


@pytest.mark.parametrize("line", [
    RUN_ON,
    "The flood killed 120 people including 45 children and 12 women\n",  # own sentence, no full stop
    "Officials said 40 people were killed. Medics counted 28 dead, including 9 children. ",
])
def test_check_numbers_compares_a_bounded_number_of_pairs(monkeypatch, line):
    small = _comparisons(monkeypatch, line * 10)
    large = _comparisons(monkeypatch, line * 40)
    assert large <= 5 * small + 10, f"{small} comparisons for 10 lines, {large} for 40: not linear"


def test_check_numbers_time_grows_linearly_on_run_on_text():
    small, large = kit.parse(RUN_ON * 40), kit.parse(RUN_ON * 160)
    t_small = _best_time(lambda: check_numbers(small))
    t_large = _best_time(lambda: check_numbers(large))
    assert t_large < 8 * t_small + 0.5, f"{t_small:.2f} s for 40 lines, {t_large:.2f} s for 160"


def test_run_on_text_links_parts_only_near_their_whole():
    fs = check_numbers(kit.parse(RUN_ON * 30))
    linked = [f for f in fs if f.kind in ("part_whole", "inconsistent")]
    assert linked
    window = kit.numbers.load_rules()["parts"]["window"]
    for f in linked:
        whole, *parts = f.quantities
        assert all(0 < p.start_char - whole.end_char <= window for p in parts)


def test_a_part_far_after_its_whole_is_not_read_as_its_part():
    filler = "and the water kept rising while the rescuers " * 10  # ~450 characters, no full stop
    fs = check_numbers(kit.parse(f"The storm killed 80 people {filler}including 30 children."))
    assert not [f for f in fs if f.kind == "part_whole"]
    fs = check_numbers(kit.parse("The storm killed 80 people, including 30 children."))
    assert [f.kind for f in fs][0] == "part_whole"


def test_repeated_counts_are_still_chained_across_sentences():
    text = ("Rescuers said 40 people were killed in the quake. " * 3
            + "By Friday the army put the toll at 52 dead. Later 12 people fled the town.")
    fs = [f for f in check_numbers(kit.parse(text)) if f.kind == "repeated"]
    assert len(fs) == 3  # each figure with the nearest earlier one counting deaths; "fled" is apart
    assert fs[-1].quantities[1].text == "52 dead" and fs[-1].ok is False


# ---------------------------------------------------------------- (b) find_numbers grows linearly


def test_find_numbers_time_grows_linearly_on_a_text_of_numbers():
    small, large = kit.parse("12 " * 1500), kit.parse("12 " * 6000)
    t_small = _best_time(lambda: find_numbers(small, sources=False))
    t_large = _best_time(lambda: find_numbers(large, sources=False))
    assert len(find_numbers(large, sources=False)) == 6000
    assert t_large < 6 * t_small + 0.3, f"{t_small:.2f} s for 1,500 figures, {t_large:.2f} s for 6,000"


@pytest.mark.parametrize("text", ["123 " * 3000, "one hundred and " * 1500 + "one", "hundred " * 3000])
def test_long_runs_of_number_words_stay_fast(text):
    # A hang detector, not a speed measure (bench/ measures speed): about 5 s alone, up to 14 s
    # seen while other tests ran on the same 2 cores; the old quadratic path took minutes.
    start = time.perf_counter()
    qs = find_numbers(kit.parse(text), sources=False)
    assert time.perf_counter() - start < 60
    assert all(drawable(q.value) for q in qs if q.value is not None)


# ---------------------------------------------------------------- (c) huge figures


HUGE = {
    "exponent": "In all 1e309 people died.",
    "400 digits": "There were " + "9" * 400 + " people.",
    "5,000 digits": "Some " + "7" * 5000 + " people.",
    "5,000-digit ordinal": "For the " + "7" * 5000 + "th time.",
    "5,000-digit fraction": "Only 1/" + "7" * 5000 + " of them.",
    "5,000-digit range": "About " + "7" * 5000 + "-" + "8" * 5000 + " people.",
    "5,000-digit money": "A loss of $" + "7" * 5000 + "m.",
    "huge money": "About 1e400 dollars were lost.",
    "huge times million": "Nearly 1.7e308 million people.",
    "grouped digits": "We counted " + "123 " * 60 + "sheep.",
}


@pytest.mark.parametrize("name", list(HUGE))
def test_huge_figures_are_finite_or_skipped(name):
    text = HUGE[name]
    qs = find_numbers(kit.parse(text))
    for q in qs:
        assert all(x is None or drawable(x) for x in (q.value, q.low, q.high)), q
    words = [q.interval() + q.describe() for q in qs] + [f.message for f in check_numbers(kit.parse(text))]
    words.append(numbers_html(text))
    assert not [w for w in words if "inf" in w.replace("info", "").lower() or " nan" in w.lower()]


def test_a_big_but_readable_figure_is_kept():
    (q,) = find_numbers(kit.parse("The debt reached $2.5 trillion."))
    assert q.low == 2_500_000_000_000 and q.kind == "money"


def test_fmt_never_writes_inf():
    assert fmt(float("inf")) == "(too big to write)"
    assert fmt(10 ** 5000) == "(a 5001-digit number)"  # str() of such an int raises ValueError
    assert fmt(float("nan")) == "(not a number)"


# ---------------------------------------------------------------- (d) invisible characters


@pytest.mark.parametrize("text, value", [
    ("At least \u202e412 dead.", 412),  # right-to-left override: shows as "214"
    ("Police counted \u202d1,500\u202c marchers.", 1500),
    ("The toll rose to 3\u200b000 people.", 3000),  # a zero-width space inside the figure
])
def test_bidi_and_zero_width_characters_do_not_hide_a_figure(text, value):
    (q,) = find_numbers(kit.parse(text))
    assert q.value == value
    assert not set(q.text) & {"\u202e", "\u202d", "\u202c"}


def test_right_to_left_override_keeps_the_hedge():
    (q,) = find_numbers(kit.parse("At least \u202e412 dead."))
    assert (q.low, q.high, q.hedge) == (412, None, "at least")


# ---------------------------------------------------------------- (e) "as many as" is an upper end


@pytest.mark.parametrize("text, high, kind", [
    ("As many as 3,000 migrants may have drowned.", 3000, "count"),
    ("Storms destroyed as many as 40% of the harvest.", 40, "percent"),
    ("As much as $2 billion in aid went missing.", 2_000_000_000, "money"),
])
def test_as_many_as_is_an_upper_end(text, high, kind):
    (q,) = find_numbers(kit.parse(text))
    assert (q.low, q.high, q.kind) == (None, high, kind)
    assert q.interval().startswith("at most")


def test_as_many_as_is_not_a_lower_limit_in_checks():
    fs = check_numbers(kit.parse("As many as 300 people died. Later officials said 120 people had died."))
    (rep,) = [f for f in fs if f.kind == "repeated"]
    assert rep.ok is True  # 120 fits under "as many as 300"


# ---------------------------------------------------------------- (f) charts skip what cannot be drawn


BAD_VALUES = [float("nan"), float("inf"), -float("inf"), 10 ** 400, "12", None]


def test_bar_and_circle_charts_skip_values_that_cannot_be_drawn():
    names = ["ok"] + [f"bad{i}" for i in range(len(BAD_VALUES))]
    values = [12] + BAD_VALUES
    ax = charts.chart_bars(names, values).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["ok"]
    assert len(charts.chart_circles(names + ["negative"], values + [-5]).axes[0].patches) == 1
    assert charts.chart_bars(["a"], [float("nan")]).axes[0].texts[0].get_text() == "No figures to draw"


def test_window_chart_leaves_a_gap_for_values_that_cannot_be_drawn():
    ax = charts.chart_window(["mon", "tue", "wed"], [5, float("inf"), 7]).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["mon", "wed"]


def test_interval_chart_skips_figures_that_cannot_be_drawn():
    def q(text, low, high):
        return Quantity(text=text, start_char=0, end_char=1, value=low, low=low, high=high)

    fig = charts.plot_intervals([q("ok", 40, 40), q("inf", float("inf"), None), q("nan", float("nan"), 3),
                                 q("huge", 10 ** 400, 10 ** 400)])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ok"]
    assert "3 figure(s) too big to draw" in ax.get_xlabel()
    assert figure_png(fig)[:4] == b"\x89PNG"
