"""Numbers charts: intervals, and the misleading-chart workshop."""

from __future__ import annotations

from matplotlib.figure import Figure  # the type; every chart here is built as a kit Chart

# Chart: a Figure (no pyplot state, safe in threads and tests) that a notebook shows as a PNG
from kit.core.charts import Chart
from kit.numbers.records import drawable

# Figures as intervals, and the chart workshop: each misleading chart has an honest twin.


def practice_data() -> dict:
    import json
    from pathlib import Path

    return json.loads((Path(__file__).parent / "data" / "practice.json").read_text(encoding="utf-8"))


def _drawn(names, values) -> tuple[list, list]:
    """(names, values) without the values a chart cannot draw (NaN, infinite, huge, not numbers).

    >>> _drawn(["a", "b", "c", "d"], [3, float("nan"), 10 ** 400, "x"])
    (['a'], [3])
    """
    kept = [(n, v) for n, v in zip(names, values) if drawable(v)]
    return [n for n, _v in kept], [v for _n, v in kept]


def _no_chart(fig: Figure, text: str = "No figures to draw") -> Figure:
    """``fig`` with a message instead of a chart."""
    ax = fig.axes[0] if fig.axes else fig.add_subplot()
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _axis_number(x: float, _pos=None) -> str:
    """Short tick labels for a log axis: 100, 1k, 10k, 1m.

    >>> [_axis_number(x) for x in (5, 100, 1000, 25000, 3e6, 0.5)]
    ['5', '100', '1k', '25k', '3m', '0.5']
    """
    if x >= 1e6:
        return f"{x / 1e6:g}m"
    if x >= 1e3:
        return f"{x / 1e3:g}k"
    return f"{x:g}"


def plot_intervals(quantities, *, title: str = "What the figures claim", width: float = 7.0) -> Figure:
    """Each figure as the interval it claims: a bar from its lower to its upper limit.

    An arrow to the right edge means "no upper limit written"; a hollow end means the
    limit itself is not included ("more than 412"). A dot marks the number as written.
    Only amounts are drawn (not years, ordinals or names), and only one kind of them (the
    kind with most figures: counts of people beside percentages would mean nothing); the
    others are named under the chart. When the figures differ more than a thousand times
    ("40 people", "12 million people"), the axis grows in steps of ten (a log scale).
    Figures with a limit that cannot be drawn (infinite, NaN, too big) are left out.

    >>> import kit
    >>> fig = plot_intervals(kit.find_numbers(kit.parse("More than 412 dead, including at least 61 civilians.")))
    >>> len(fig.axes[0].get_yticks())
    2
    >>> fig = plot_intervals(kit.find_numbers(kit.parse("At least 40 died. More than 12 million fled. Turnout was 40%.")))
    >>> fig.axes[0].get_xscale(), len(fig.axes[0].get_yticks())
    ('log', 2)
    """
    from matplotlib.ticker import FuncFormatter

    limited = [q for q in quantities if getattr(q, "is_amount", True) and (q.low is not None or q.high is not None)]
    amounts = [q for q in limited if all(x is None or drawable(x) for x in (q.low, q.high, q.value))]
    kinds = [getattr(q, "kind", "count") for q in amounts]
    kind = max(dict.fromkeys(kinds), key=lambda k: (kinds.count(k), k == "count")) if kinds else None
    qs = [q for q in amounts if getattr(q, "kind", "count") == kind]
    left_out = len(amounts) - len(qs)
    fig = Chart(figsize=(width, 0.55 * max(len(qs), 1) + 1.2 + (0.3 if left_out else 0)))
    ax = fig.add_subplot()
    if not qs:
        return _no_chart(fig)
    limits = [x for q in qs for x in (q.low, q.high, q.value) if x is not None]
    positive = [x for x in limits if x > 0]
    log = bool(positive) and max(positive) / min(positive) > 1000
    top = max(limits) * (8 if log else 1.3) if max(limits) > 0 else 1
    floor = min(positive) / 2 if log else 0
    for row, q in enumerate(reversed(qs)):
        lo = q.low if q.low is not None and q.low > floor else floor
        hi = q.high if q.high is not None else top
        color = "#c0392b" if q.high is None or q.low is None else "#2b7bb9"
        ax.plot([lo, hi], [row, row], color=color, linewidth=6, alpha=0.55, solid_capstyle="butt")
        if q.high is None:
            ax.annotate("", xy=(top, row), xytext=(top / 1.6 if log else top * 0.93, row),
                        arrowprops=dict(arrowstyle="->", color=color, lw=2))
        if q.low is not None:
            ax.plot([lo], [row], marker="o", markersize=8, color=color,
                    markerfacecolor="white" if q.low_inclusive is False else color)
        if q.high is not None and q.high != q.low:
            ax.plot([hi], [row], marker="o", markersize=8, color=color,
                    markerfacecolor="white" if q.high_inclusive is False else color)
        if q.value is not None:
            ax.plot([q.value], [row], marker="|", markersize=16, color="black")
    ax.set_yticks(range(len(qs)))
    ax.set_yticklabels([q.text if len(q.text) < 40 else q.text[:37] + "..." for q in reversed(qs)])
    if log:
        ax.set_xscale("log")
    ax.set_xlim(floor if log else 0, top)
    ax.xaxis.set_major_formatter(FuncFormatter(_axis_number if log else lambda x, _pos: f"{x:,.0f}" if x >= 1 else f"{x:g}"))
    label = "the number could be anywhere on the coloured bar\n(arrow: no upper limit)"
    if log:
        label += "\neach step is 10 times bigger (k = thousand, m = million)"
    if left_out:
        label += f"\n{left_out} figure{'s' if left_out > 1 else ''} of other kinds (percentages, money...): see the table"
    if len(limited) > len(amounts):
        label += f"\n{len(limited) - len(amounts)} figure(s) too big to draw: see the table"
    ax.set_xlabel(label, fontsize=9)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def chart_bars(names, values, *, y_min: float = 0, title: str = "", note: str = "") -> Figure:
    """A bar chart whose value axis starts at ``y_min`` (0 is honest for bars).

    >>> float(chart_bars(["a", "b"], [12, 9], y_min=8).axes[0].get_ylim()[0])
    8.0
    """
    names, values = _drawn(names, values)
    fig = Chart(figsize=(5, 3.6))
    ax = fig.add_subplot()
    if not values:
        return _no_chart(fig)
    ax.bar(range(len(values)), values, color=["#2b7bb9", "#e69f00", "#009e73", "#cc79a7"][: len(values)])
    ax.set_xticks(range(len(values)))
    ax.set_xticklabels(names, fontsize=8)
    ax.set_ylim(y_min, max(values) * 1.1)
    for i, v in enumerate(values):
        ax.text(i, v, f"{v:g}", ha="center", va="bottom")
    ax.set_title(title or ("Honest: the axis starts at 0" if y_min == 0 else f"The axis starts at {y_min:g}, not 0"))
    if note:
        fig.text(0.01, 0.01, note, fontsize=7, style="italic")
    fig.tight_layout()
    return fig


def chart_window(days, values, *, start: int = 0, end: int | None = None, y_min: float = 0,
                 title: str = "", note: str = "") -> Figure:
    """A line chart of ``values`` showing only days ``start``..``end`` (inclusive).

    >>> ax = chart_window(["a", "b", "c", "d"], [5, 9, 7, 3], start=1, end=2).axes[0]
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['b', 'c']
    """
    end = len(values) - 1 if end is None else end
    start, end = max(0, min(start, end)), min(len(values) - 1, max(start, end))
    xs = [i for i in range(start, end + 1) if drawable(values[i])]  # a value that cannot be drawn is a gap
    fig = Chart(figsize=(5.5, 3.6))
    ax = fig.add_subplot()
    if not xs:
        return _no_chart(fig)
    ax.plot(xs, [values[i] for i in xs], marker="o", color="#c0392b")
    ax.set_xticks(xs)
    ax.set_xticklabels([days[i] for i in xs], fontsize=8)
    ax.set_xlim(start - 0.3, end + 0.3)
    ax.set_ylim(y_min, max(values[i] for i in xs) * 1.15)
    whole = start == 0 and end == len(values) - 1
    ax.set_title(title or ("All the days" if whole else f"Only {days[start]} to {days[end]}"))
    if note:
        fig.text(0.01, 0.01, note, fontsize=7, style="italic")
    fig.tight_layout()
    return fig


def chart_circles(names, values, *, honest: bool = True, title: str = "") -> Figure:
    """Circles for values: honest when the AREA grows with the value, misleading when the
    RADIUS does (then 412 against 61 looks 45 times bigger instead of 7 times).

    >>> chart_circles(["a", "b"], [4, 1], honest=False).axes[0].patches[0].get_radius()
    1.0
    """
    import math

    from matplotlib.patches import Circle

    names, values = _drawn(names, values)
    kept = [(n, v) for n, v in zip(names, values) if v >= 0]  # a circle has no negative size
    names, values = [n for n, _v in kept], [v for _n, v in kept]
    fig = Chart(figsize=(5.5, 3.4))
    if not values or max(values) <= 0:
        return _no_chart(fig)
    biggest = max(values)
    radii = [(v / biggest) if not honest else math.sqrt(v / biggest) for v in values]
    ax = fig.add_subplot()
    x = 0.0
    for name, v, r in zip(names, values, radii):
        x += r
        ax.add_patch(Circle((x, 1.0), r, color="#c0392b" if not honest else "#2b7bb9", alpha=0.6))
        ax.text(x, -0.15, f"{name}\n{v:g}", ha="center", va="top", fontsize=8)
        x += r + 0.3
    ax.set_xlim(-0.1, x)
    ax.set_ylim(-0.7, 2.1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title or ("Honest: area grows with the number" if honest else "Misleading: the radius grows with the number"))
    fig.tight_layout()
    return fig


#: The three chart tricks of the workshop, with what each does to the reader.
CHART_TRICKS = {
    "truncated axis": "The value axis does not start at 0, so a small difference looks huge.",
    "cherry-picked window": "Only some days are shown, so a rise (or a fall) looks like the whole story.",
    "area vs length": "The circles grow in width AND height, so the bigger number looks far bigger than it is.",
}


def misleading_pair(trick: str) -> tuple[Figure, Figure]:
    """(misleading, honest) charts of the article's figures for one of :data:`CHART_TRICKS`.

    >>> bad, good = misleading_pair("truncated axis")
    >>> bool(bad.axes[0].get_ylim()[0] > good.axes[0].get_ylim()[0])
    True
    """
    data = practice_data()
    if trick == "truncated axis":
        b = data["bars"]
        note = b.get("note", "")  # the two bars count different groups: a second question to ask
        return (chart_bars(b["names"], b["values"], y_min=8, note=note),
                chart_bars(b["names"], b["values"], y_min=0, note=note))
    if trick == "cherry-picked window":
        d = data["daily"]
        note = "Eastbrook is a made-up town and these are made-up numbers, for practice."
        peak = d["values"].index(max(d["values"]))
        return (chart_window(d["days"], d["values"], start=peak, end=len(d["values"]) - 1, y_min=50,
                             title="\"Rescue calls are falling fast\"", note=note),
                chart_window(d["days"], d["values"], note=note))
    if trick == "area vs length":
        c = data["circles"]
        return (chart_circles(c["names"], c["values"], honest=False), chart_circles(c["names"], c["values"], honest=True))
    raise ValueError(f"unknown chart trick {trick!r}; choose one of {', '.join(CHART_TRICKS)}")
