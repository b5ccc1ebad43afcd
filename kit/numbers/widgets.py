"""Numbers widgets (notebook 03): number finder, consistency view, chart workshop."""

from __future__ import annotations

import html
import re

import ipywidgets as W

from kit.core.charts import chart_html, figure_png
from kit.core.render import highlight, message
from kit.core.text import load_article
from kit.core.widgets import SEED, parsed, safe_html, text_check_view

NUMBER_KIND_COLORS = {
    "count": "#f9c784", "measure": "#9fd3f0", "money": "#a8e0c8", "percent": "#d9b8e8",
    "proportion": "#f7c6e0", "duration": "#f6ef9a", "ordinal": "#d6d6d6", "year": "#d6d6d6",
    "date": "#d6d6d6", "time": "#d6d6d6", "identifier": "#d6d6d6",
}


def numbers_html(text: str, *, amounts_only: bool = False) -> str:
    """Figures of ``text`` marked by kind, then a table: interval, hedge, counted, source.

    >>> "at least 61" in numbers_html("At least 61 civilians died.")
    True
    """
    from kit.core.cleaning import clean_chars
    from kit.numbers import AMOUNT_KINDS, KINDS, find_numbers

    text = clean_chars(text)  # the offsets are into the cleaned text (see kit.parse)
    doc = parsed(text)
    qs = find_numbers(doc, kinds=AMOUNT_KINDS if amounts_only else None)
    if not qs:
        return message("No figures found here. Try another paragraph.", kind="info")
    marked = highlight(text, qs, tag="kind", colors=NUMBER_KIND_COLORS, tooltip=lambda q: q.describe())
    from kit.core.render import table_html

    rows = [[q.text, kind_word(KINDS.get(q.kind, q.kind)), q.interval() if q.is_amount else "(not an amount)",
             q.hedge or "", q.counted or "", q.source or "\u2014 none in the sentence"] for q in qs]
    table = table_html(["figure", "kind", "what it claims", "hedge", "counts", "who says so"], rows)
    return marked + table



def kind_word(description: str) -> str:
    """A figure kind's description short enough for a table cell: its examples in brackets and
    what follows a comma left out, so no cell ends in a half-open bracket.

    >>> kind_word("a measurement (distance, weight, area...)"), kind_word("a year, not an amount")
    ('a measurement', 'a year')
    """
    return re.sub(r"\s*\(.*?\)", "", description).split(",")[0].strip() or description


def make_number_finder(article_id: str = SEED) -> W.VBox:
    """Every figure of a paragraph, as an interval with its hedge and source.

    Children: paragraph slider (0 = whole article), "amounts only" checkbox, HTML, interval chart.
    """
    from kit.numbers import AMOUNT_KINDS, find_numbers
    from kit.numbers.charts import plot_intervals

    art = load_article(article_id)
    paras = art.paragraphs
    slider = W.IntSlider(value=0, min=0, max=len(paras), description="Paragraph",
                         continuous_update=False)
    amounts = W.Checkbox(value=False, description="amounts only (hide years, ordinals, names)")
    out = W.HTML()
    chart = W.HTML(layout=W.Layout(max_width="700px"))  # an <img> with alt text (an Image widget has none)

    def text_now() -> str:
        return art.text if slider.value == 0 else paras[slider.value - 1]

    pngs: dict[str, str] = {}  # the chart of each paragraph, drawn once (as HTML)

    def update(_=None):
        out.value = safe_html(lambda: numbers_html(text_now(), amounts_only=amounts.value))

    def draw(_=None):
        def build() -> str:
            text = text_now()
            if text not in pngs:
                qs = find_numbers(parsed(text), kinds=AMOUNT_KINDS)
                pngs[text] = chart_html(figure_png(plot_intervals(qs)),
                                        "Chart: each figure of the text as the range it allows (listed in the table above).")
            chart.value = pngs[text]
            return ""

        err = safe_html(build)
        if err:
            out.value += err

    slider.observe(update, "value")
    slider.observe(draw, "value")
    amounts.observe(update, "value")
    update()
    draw()
    return W.VBox([slider, amounts, out, chart], layout=W.Layout(max_width="900px"))


#: At most this many number checks are listed at once (a long text can give hundreds).
MAX_FINDINGS_SHOWN = 40


def consistency_html(text: str) -> str:
    """check_numbers' findings for ``text`` as friendly boxes.

    >>> "351" in consistency_html("The fighting left 412 dead, including at least 61 civilians.")
    True
    """
    from kit.numbers import check_numbers

    findings = check_numbers(parsed(text))
    if not findings:
        return message("No relations between figures to check here.", kind="info")
    kinds = {True: "success", False: "warning", None: "info"}
    titles = {"part_whole": "Part and whole", "share": "A share", "inconsistent": "Does not fit",
              "repeated": "Counted twice?", "no_source": "Who counted?"}
    shown = findings[:MAX_FINDINGS_SHOWN]
    more = len(findings) - len(shown)
    tail = message(f"{more} more checks are not shown. Pick a shorter piece of the text to see them all.",
                   kind="info") if more > 0 else ""
    return "".join(
        f"<div><b>{html.escape(titles.get(f.kind, f.kind))}</b></div>" + message(f.message, kind=kinds[f.ok])
        for f in shown
    ) + tail


def make_consistency_view(text: str | None = None) -> W.VBox:
    """Check how the figures fit together: in the seed article, or in pasted text.

    Children: a text area, a Check button, the findings (HTML).
    """
    return text_check_view(text if text is not None else load_article(SEED).text, consistency_html,
                            W.Button(description="Check the figures", button_style="primary"))


def make_chart_workshop() -> W.VBox:
    """The misleading-chart workshop: pick a trick, move the axis start and the window,
    compare with the honest version. The current figure is kept in ``box.figure``.

    Children: trick dropdown, axis-start slider, window range slider, honest checkbox,
    explanation (HTML), chart (PNG image).
    """

    from kit.numbers.charts import (
        CHART_TRICKS,
        chart_bars,
        chart_circles,
        chart_window,
        practice_data,
    )

    data = practice_data()
    days = data["daily"]["days"]
    trick = W.Dropdown(options=list(CHART_TRICKS), value="truncated axis", description="Trick")
    axis = W.IntSlider(value=8, min=0, max=60, description="Axis starts at", continuous_update=False,
                       style={"description_width": "initial"})
    window = W.IntRangeSlider(value=(2, len(days) - 1), min=0, max=len(days) - 1, description="Days shown",
                              continuous_update=False)
    honest = W.Checkbox(value=False, description="show the honest version")
    explain = W.HTML()
    image = W.HTML(layout=W.Layout(max_width="700px"))  # an <img> with alt text
    box = W.VBox([trick, axis, window, honest, explain, image], layout=W.Layout(max_width="900px"))

    drawn: dict[tuple, tuple] = {}  # chart settings -> (figure, PNG): each chart is drawn once

    def draw(key: tuple):
        name = key[0]
        if name == "truncated axis":
            b = data["bars"]
            return chart_bars(b["names"], b["values"], y_min=key[1])
        if name == "cherry-picked window":
            d = data["daily"]
            return chart_window(d["days"], d["values"], start=key[1], end=key[2], y_min=key[3],
                                note="Eastbrook is a made-up town and these are made-up numbers, for practice.")
        c = data["circles"]
        return chart_circles(c["names"], c["values"], honest=key[1])

    def settings() -> tuple:
        """Only what changes the current chart, so moving an unused control draws nothing."""
        name = trick.value
        if name == "truncated axis":
            values = data["bars"]["values"]
            return (name, 0 if honest.value else min(axis.value, min(values) - 1))
        if name == "cherry-picked window":
            start, end = (0, len(days) - 1) if honest.value else window.value
            return (name, start, end, 0 if honest.value else axis.value)
        return (name, honest.value)

    def build():
        key = settings()
        if key not in drawn:
            if len(drawn) >= 64:
                drawn.clear()
            fig = draw(key)
            drawn[key] = (fig, chart_html(figure_png(fig), fig.alt_text()))
        box.figure, png = drawn[key]
        if image.value != png:
            image.value = png
        tip = "This is the honest version." if honest.value else CHART_TRICKS[trick.value]
        return message(tip, kind="success" if honest.value else "warning")

    def update(_=None):
        explain.value = safe_html(build)

    for w in (trick, axis, window, honest):
        w.observe(update, "value")
    update()
    return box
