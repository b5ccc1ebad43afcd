"""Widget builders: each ``make_*`` returns an ``ipywidgets.VBox``; all logic is in the lenses.

Builders never call ``display()``; the notebook shows what they return. Every callback
goes through :func:`safe_html`, so a student sees a friendly message, never a traceback.
Tests drive the widgets through ``.value`` and ``.click()``.

>>> w = make_reader()
>>> w.children[0].value = 3  # the third paragraph (counted from 1, as students do)
>>> "kit-hl" in w.children[-1].value
True
"""

from __future__ import annotations

import functools
import html
from typing import Callable

import ipywidgets as W

from .articles import load_article
from .errors import KitError
from .nlp import parse
from .render import highlight, message

SEED = "aleppo-2024-12-02"


@functools.lru_cache(maxsize=16)
def parsed(text: str):
    """:func:`kit.parse` with a small cache: a widget re-renders the same text on every
    control change, and parsing is most of the work. Finders never change a Doc.

    >>> parsed("Rebels advanced.") is parsed("Rebels advanced.")
    True
    """
    return parse(text)


def safe_html(build: Callable[[], str]) -> str:
    """Run ``build`` and return its HTML; on any error, a friendly message instead.

    >>> "✋" in safe_html(lambda: 1 / 0)
    True
    """
    try:
        return build()
    except KitError as err:
        return message(str(err), kind="error")
    except Exception as err:  # never show a traceback to a class
        return message(
            f"Something went wrong inside the kit ({type(err).__name__}: {err}). "
            "Try other text, or tell your teacher.",
            kind="error",
        )


# ---------------------------------------------------------------- 00_start

ENTITY_KINDS = {
    "PERSON": "people",
    "GPE": "countries and cities",
    "LOC": "other places",
    "ORG": "organisations",
    "NORP": "nationalities and groups",
    "DATE": "dates",
}


def reader_html(paragraph: str, kinds: tuple[str, ...]) -> str:
    """HTML of one paragraph with the chosen entity kinds highlighted.

    >>> "Aleppo" in reader_html("Rebels took Aleppo.", ("GPE",))
    True
    """
    doc = parsed(paragraph)
    ents = [e for e in doc.ents if e.label_ in kinds]
    return highlight(
        paragraph,
        ents,
        tag="label_",
        labels=ENTITY_KINDS,
        tooltip=lambda e: f"{ENTITY_KINDS.get(e.label_, e.label_)}: {e.text}",
    )


def make_reader(article_id: str = SEED) -> W.VBox:
    """Read an article paragraph by paragraph with people, places and organisations marked.

    Children: a paragraph slider (counting from 1), a checkbox group of entity kinds, the HTML view.
    """
    art = load_article(article_id)
    paras = art.paragraphs
    slider = W.IntSlider(value=1, min=1, max=len(paras), description="Paragraph",
                         continuous_update=False)
    kinds = W.SelectMultiple(options=[(v, k) for k, v in ENTITY_KINDS.items()],
                             value=("PERSON", "GPE", "ORG"), description="Mark", rows=6)
    out = W.HTML()

    def update(_=None):
        out.value = safe_html(lambda: reader_html(paras[slider.value - 1], tuple(kinds.value)))

    slider.observe(update, "value")
    kinds.observe(update, "value")
    update()
    return W.VBox([slider, kinds, out], layout=W.Layout(max_width="900px"))


# ---------------------------------------------------------------- 01_framing

STANCE_NAMES = {
    "delegitimizing": "takes a side against",
    "neutral": "neutral",
    "legitimizing": "takes a side for",
}


def labels_html(text: str, stances: tuple[str, ...] = ("delegitimizing", "neutral", "legitimizing")) -> str:
    """HTML of ``text`` with its labels coloured by stance (hover for the side and the reason).

    >>> 'data-tag="delegitimizing"' in labels_html("Terrorists attacked the town.")
    True
    """
    from .framing import find_labels, label_tooltip

    if not text.strip():
        return message("Paste or type some text to look for labels.", kind="info")
    labels = [l for l in find_labels(parsed(text)) if l.stance in stances]
    if not labels:
        return message("No labels of the chosen kinds in this text.", kind="info") + highlight(text, [])
    return highlight(text, labels, tag="stance", tooltip=label_tooltip, labels=STANCE_NAMES)


def make_label_viewer(text: str | None = None) -> W.VBox:
    """Labels coloured by stance. Children: the text box, the stances to show, the HTML view."""
    box = W.Textarea(value=text if text is not None else load_article(SEED).text,
                     layout=W.Layout(width="100%", height="120px"), description="Text",
                     continuous_update=False)  # re-analyse when the student stops typing
    show = W.SelectMultiple(options=[(v, k) for k, v in STANCE_NAMES.items()], value=tuple(STANCE_NAMES),
                            description="Show", rows=3)
    out = W.HTML()

    def update(_=None):
        out.value = safe_html(lambda: labels_html(box.value, tuple(show.value)))

    box.observe(update, "value")
    show.observe(update, "value")
    update()
    return W.VBox([box, show, out], layout=W.Layout(max_width="900px"))


def reframe_html(text: str, style: str) -> str:
    """Both versions side by side: the original with the swapped words marked, the new one with
    the new words marked.

    >>> out = reframe_html("Terrorists attacked.", "neutral")
    >>> "Rebels" in out and "Terrorists" in out
    True
    """
    from .framing import STYLES, reframe
    from .render import Highlight

    result = reframe(text, style)
    old = [Highlight(s.start_char, s.end_char, "changed", f"becomes: {s.new}") for s in result.swaps]
    new = [Highlight(a, b, "new wording", f"was: {s.old}") for a, b, s in result.new_spans()]
    colors = {"changed": "#f5a3a3", "new wording": "#a8e0c8"}
    left = highlight(result.original, old, colors=colors, show_legend=False)
    right = highlight(result.text, new, colors=colors, show_legend=False)
    n = len(result.swaps)
    summary = message(
        f"{n} change{'s' if n != 1 else ''} for the {STYLES[result.style]}." if n
        else f"Nothing to change: the text already uses the words of the {STYLES[result.style]}.",
        kind="info",
    )
    col = 'style="flex:1;min-width:0;padding:0 8px;border-left:3px solid {c}"'
    return (
        summary
        + '<div class="kit-reframe" style="display:flex;gap:12px">'
        + f'<div {col.format(c="#f5a3a3")}><b>Original</b>{left}</div>'
        + f'<div {col.format(c="#a8e0c8")}><b>{html.escape(STYLES[result.style].capitalize())}</b>{right}</div>'
        + "</div>"
    )


def make_reframer(text: str | None = None) -> W.VBox:
    """Rewrite a text in another framing. Children: text box, style buttons, "Reframe" button, HTML view."""
    from .framing import STYLES

    box = W.Textarea(value=text if text is not None else load_article(SEED).text,
                     layout=W.Layout(width="100%", height="120px"), description="Text")
    style = W.ToggleButtons(options=[(v, k) for k, v in STYLES.items()], value="neutral", description="Style")
    button = W.Button(description="Reframe", button_style="primary", icon="random")
    out = W.HTML()

    def run(_=None):
        out.value = safe_html(lambda: reframe_html(box.value, style.value))

    button.on_click(run)
    run()
    return W.VBox([box, style, button, out], layout=W.Layout(max_width="1100px"))


def make_passive_spotter(text: str | None = None) -> W.VBox:
    """Clauses that may hide who did something; asks "who did it?" and checks the answer.

    Children: a clause picker, an answer box, a "Check" button, the HTML view.
    """
    from .framing import find_passives, judge_who_did_it
    from .render import Highlight

    source = text if text is not None else load_article(SEED).text
    try:
        doc = parsed(source)
        found = find_passives(doc)
        problem = ""
    except KitError as err:
        doc, found, problem = None, [], str(err)
    pick = W.Dropdown(options=[(p.text, i) for i, p in enumerate(found)], description="Clause",
                      layout=W.Layout(width="95%"))
    guess = W.Text(placeholder="Who did it? (or: the text does not say)", description="Who?",
                   layout=W.Layout(width="95%"))
    button = W.Button(description="Check", button_style="primary")
    out = W.HTML()
    verdict = {"html": ""}

    def show(_=None):
        def build():
            if problem:
                return message(problem, kind="error")
            if not found:
                return message("No clauses that hide a doer in this text.", kind="info")
            p = found[pick.value]
            sent = next((s for s in doc.sents if s.start_char <= p.start_char < s.end_char), None)
            lo, hi = (sent.start_char, sent.end_char) if sent is not None else (p.start_char, p.end_char)
            tag = "doer named" if p.agent else "doer hidden"
            marked = highlight(source[lo:hi], [Highlight(p.start_char - lo, p.end_char - lo, tag, p.question)],
                               colors={"doer hidden": "#f5a3a3", "doer named": "#a8e0c8"})
            return marked + message(p.question, kind="info") + verdict["html"]

        out.value = safe_html(build)

    def check(_=None):
        if found:
            ok, text_ = judge_who_did_it(found[pick.value], guess.value)
            verdict["html"] = message(text_, kind="success" if ok else "warning")
        show()

    def new_clause(_=None):
        verdict["html"] = ""
        guess.value = ""
        show()

    pick.observe(new_clause, "value")
    button.on_click(check)
    show()
    return W.VBox([pick, guess, button, out], layout=W.Layout(max_width="900px"))


# ---------------------------------------------------------------- 02_attribution

SIGNAL_COLORS = {
    "neutral": "#d6d6d6", "distancing": "#f5a3a3", "endorsing": "#a8e0c8", "conceding": "#f9c784",
    "emphatic": "#d9b8e8", "denial": "#9fd3f0", "accusing": "#f7c6e0", "appeal": "#f6ef9a",
    "speculative": "#b9d7a8",
}


def _attribution_text(article_id: str | None, text: str | None) -> str:
    return text if text is not None else load_article(article_id or SEED).text


def source_map_html(text: str, *, by: str = "source_type") -> str:
    """HTML source map of ``text``: claims coloured by source type (or cue signal), hover
    for speaker and cue; red for contested claims with no source.

    >>> "NO SOURCE" in source_map_html("Two people died. Police said the road was closed.")
    True
    """
    from .attribution import SOURCE_COLORS, SOURCE_LABELS, source_map

    spans = source_map(parsed(text), by=by)
    if by == "cue_signal":
        colors = dict(SIGNAL_COLORS, unattributed=SOURCE_COLORS["unattributed"])
        labels = {"unattributed": SOURCE_LABELS["unattributed"]}
    else:
        colors, labels = SOURCE_COLORS, SOURCE_LABELS
    if not spans:
        return message("The kit found no sources and no contested claims in this text.", kind="info")
    return highlight(text, spans, colors=colors, labels=labels, tooltip=None)


def attribution_detail_html(text: str, index: int) -> str:
    """Details of the ``index``-th attribution (from 0) in ``text``: speaker, cue, content.

    >>> "Police" in attribution_detail_html("Police said the road was closed.", 0)
    True
    """
    from .attribution import SOURCE_LABELS, find_attributions

    atts = find_attributions(parsed(text))
    if not 0 <= index < len(atts):
        return message("Pick a claim from the list.", kind="info")
    a = atts[index]
    rows = [
        ("Who says so", a.speaker + (f" (the text says \"{a.resolved_from}\")" if a.resolved_from else "")),
        ("Kind of source", SOURCE_LABELS.get(a.source_type, a.source_type)),
        ("Cue", f"\"{a.cue}\" (signals: {a.cue_signal})"),
        ("How direct", {"direct": "direct quote (the speaker's own words)",
                        "indirect": "reported speech (the reporter's words)",
                        "according_to": "\"according to\": the reporter passes it on"}[a.kind]),
        ("The claim", a.content),
    ]
    body = "".join(f"<tr><th style='text-align:left;padding-right:12px'>{html.escape(k)}</th>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table class='kit-attribution'>{body}</table>"


def make_source_map(article_id: str = SEED, *, text: str | None = None) -> W.VBox:
    """A source map of an article: every claim coloured by who makes it.

    Children: a colour-by toggle (source type / cue signal), the map, a dropdown of the
    claims found, and a box with the chosen claim's speaker, cue and content.

    >>> w = make_source_map(text="Police said the road was closed. Two people died.")
    >>> w.children[0].value = "cue_signal"
    >>> w.children[2].value = 0
    >>> "Police" in w.children[3].value
    True
    """
    from .attribution import find_attributions

    body = _attribution_text(article_id, text)
    mode = W.ToggleButtons(options=[("source type", "source_type"), ("cue signal", "cue_signal")],
                           value="source_type", description="Colour by")
    view = W.HTML()
    try:
        atts = find_attributions(parsed(body))
    except KitError:
        atts = []
    options = [(f"{n + 1}. {a.speaker[:40]} {a.cue}: {a.content[:50]}...", n) for n, a in enumerate(atts)]
    pick = W.Dropdown(options=options or [("(no claims found)", -1)], value=0 if options else -1,
                      description="Claim", layout=W.Layout(width="95%"))
    detail = W.HTML()

    def redraw(_=None):
        view.value = safe_html(lambda: source_map_html(body, by=mode.value))

    def show(_=None):
        detail.value = safe_html(lambda: attribution_detail_html(body, pick.value))

    mode.observe(redraw, "value")
    pick.observe(show, "value")
    redraw()
    show()
    return W.VBox([mode, view, pick, detail], layout=W.Layout(max_width="900px"))


def unsourced_html(text: str) -> str:
    """HTML listing the contested claims of ``text`` that have no source.

    >>> "Two people died." in unsourced_html("Two people died.")
    True
    """
    from .attribution import find_unattributed

    claims = find_unattributed(parsed(text))
    if not claims:
        return message("Every contested claim the kit found has a source. Check the rest yourself!",
                       kind="success")
    items = "".join(
        f"<li><b>{html.escape(c.text)}</b><br><small>{html.escape(c.reason)}: "
        f"{html.escape(', '.join(c.cues))}. {html.escape(c.question)}</small></li>"
        for c in claims
    )
    return (message(f"{len(claims)} sentence(s) state contested facts with no source:", kind="warning")
            + f"<ol class='kit-unsourced'>{items}</ol>")


def make_unsourced_view(article_id: str = SEED, *, text: str | None = None) -> W.VBox:
    """Find the claims with no source: in the article, or in text the student pastes.

    Children: a text box (the article to start with), a button, the result.

    >>> w = make_unsourced_view(text="Rebels seized the airport.")
    >>> w.children[1].click()
    >>> "seized" in w.children[2].value
    True
    """
    return _text_check_view(_attribution_text(article_id, text), unsourced_html,
                            W.Button(description="Find unsourced claims", button_style="warning", icon="search"))


def _text_check_view(text: str, view: Callable[[str], str], button: W.Button) -> W.VBox:
    """A text box, a button, and ``view(text)`` as HTML below them (shown at once, and again
    on each click): the shape of the unsourced-claims and consistency views."""
    box = W.Textarea(value=text, layout=W.Layout(width="100%", height="150px"))
    out = W.HTML()

    def run(_=None):
        out.value = safe_html(lambda: view(box.value))

    button.on_click(run)
    run()
    return W.VBox([box, button, out], layout=W.Layout(max_width="900px"))



# ---------------------------------------------------------------- 03_numbers

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
    from .numbers import AMOUNT_KINDS, KINDS, find_numbers

    doc = parsed(text)
    qs = find_numbers(doc, kinds=AMOUNT_KINDS if amounts_only else None)
    if not qs:
        return message("No figures found here. Try another paragraph.", kind="info")
    marked = highlight(text, qs, tag="kind", colors=NUMBER_KIND_COLORS, tooltip=lambda q: q.describe())
    from .compare import table_html

    rows = [[q.text, KINDS.get(q.kind, q.kind).split(",")[0], q.interval() if q.is_amount else "(not an amount)",
             q.hedge or "", q.counted or "", q.source or "\u2014 none in the sentence"] for q in qs]
    table = table_html(["figure", "kind", "what it claims", "hedge", "counts", "who says so"], rows)
    return marked + table


def _png_widget() -> W.Image:
    return W.Image(format="png", layout=W.Layout(max_width="700px"))


def make_number_finder(article_id: str = SEED) -> W.VBox:
    """Every figure of a paragraph, as an interval with its hedge and source.

    Children: paragraph slider (0 = whole article), "amounts only" checkbox, HTML, interval chart.
    """
    from .numbers import AMOUNT_KINDS, find_numbers
    from .plots import figure_png, plot_intervals

    art = load_article(article_id)
    paras = art.paragraphs
    slider = W.IntSlider(value=0, min=0, max=len(paras), description="Paragraph",
                         continuous_update=False)
    amounts = W.Checkbox(value=False, description="amounts only (hide years, ordinals, names)")
    out = W.HTML()
    chart = _png_widget()

    def text_now() -> str:
        return art.text if slider.value == 0 else paras[slider.value - 1]

    pngs: dict[str, bytes] = {}  # the chart of each paragraph, drawn once

    def update(_=None):
        out.value = safe_html(lambda: numbers_html(text_now(), amounts_only=amounts.value))

    def draw(_=None):
        def build() -> str:
            text = text_now()
            if text not in pngs:
                qs = find_numbers(parsed(text), kinds=AMOUNT_KINDS)
                pngs[text] = figure_png(plot_intervals(qs))
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
    from .numbers import check_numbers

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
    return _text_check_view(text if text is not None else load_article(SEED).text, consistency_html,
                            W.Button(description="Check the figures", button_style="primary"))


def make_chart_workshop() -> W.VBox:
    """The misleading-chart workshop: pick a trick, move the axis start and the window,
    compare with the honest version. The current figure is kept in ``box.figure``.

    Children: trick dropdown, axis-start slider, window range slider, honest checkbox,
    explanation (HTML), chart (PNG image).
    """
    import json
    from pathlib import Path

    from .plots import CHART_TRICKS, chart_bars, chart_circles, chart_window, figure_png

    data = json.loads((Path(__file__).parent / "data" / "numbers_practice.json").read_text(encoding="utf-8"))
    days = data["daily_toll"]["days"]
    trick = W.Dropdown(options=list(CHART_TRICKS), value="truncated axis", description="Trick")
    axis = W.IntSlider(value=8, min=0, max=60, description="Axis starts at", continuous_update=False,
                       style={"description_width": "initial"})
    window = W.IntRangeSlider(value=(2, len(days) - 1), min=0, max=len(days) - 1, description="Days shown",
                              continuous_update=False)
    honest = W.Checkbox(value=False, description="show the honest version")
    explain = W.HTML()
    image = _png_widget()
    box = W.VBox([trick, axis, window, honest, explain, image], layout=W.Layout(max_width="900px"))

    drawn: dict[tuple, tuple] = {}  # chart settings -> (figure, PNG): each chart is drawn once

    def draw(key: tuple):
        name = key[0]
        if name == "truncated axis":
            b = data["bars"]
            return chart_bars(b["names"], b["values"], y_min=key[1])
        if name == "cherry-picked window":
            d = data["daily_toll"]
            return chart_window(d["days"], d["values"], start=key[1], end=key[2], y_min=key[3],
                                note="Invented daily split of the article's 412 deaths, for practice only.")
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
            drawn[key] = (fig, figure_png(fig))
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




# ---------------------------------------------------------------- 04_compare and 05_your_article

def _article_options(blind: bool) -> list[tuple[str, str]]:
    from .compare import CONTRAST

    if blind:
        return [(f"Version {letter}", aid) for letter, aid in CONTRAST.items()]
    from .articles import list_articles

    options = []
    for aid in list_articles():
        art = load_article(aid)
        options.append((f"{art.title} ({'constructed' if art.constructed else art.source})", aid))
    return options


def make_compare(a: str | None = None, b: str | None = None, *, blind: bool = False) -> W.VBox:
    """Two versions of the same events side by side: framing fingerprints, differences marked.

    Children: dropdown A, dropdown B, the HTML view. ``blind=True`` hides which version is
    which (Version A, B, C) for the guessing exercise; constructed versions always show a
    banner saying they were written for teaching.

    >>> w = make_compare("aleppo-2024-12-02-state-media", "aleppo-2024-12-02-opposition")
    >>> "kit-diff" in w.children[-1].value and "Constructed for teaching" in w.children[-1].value
    True
    """
    options = _article_options(blind)
    ids = [v for _, v in options]
    a = a if a in ids else ids[0]
    b = b if b in ids else ids[1 if len(ids) > 1 else 0]
    pick_a = W.Dropdown(options=options, value=a, description="A", layout=W.Layout(width="auto"))
    pick_b = W.Dropdown(options=options, value=b, description="B", layout=W.Layout(width="auto"))
    out = W.HTML()

    def update(_=None):
        from .compare import analyse_article, compare_html

        names = tuple(dict((v, k) for k, v in options).get(x, x)
                      for x in (pick_a.value, pick_b.value)) if blind else ("A", "B")
        out.value = safe_html(lambda: compare_html(analyse_article(pick_a.value),
                                                   analyse_article(pick_b.value), names=names))

    pick_a.observe(update, "value")
    pick_b.observe(update, "value")
    update()
    return W.VBox([pick_a, pick_b, out], layout=W.Layout(max_width="1100px"))


#: Tabs of the 05_your_article widget, in order.
ARTICLE_TABS = ("Framing", "Attribution", "Numbers", "Translation", "Check the source")


def analysis_tabs_html(text: str, *, name: str = "") -> list[str]:
    """HTML for each tab of :func:`make_your_article` (see :data:`ARTICLE_TABS`)."""
    from .compare import VIEWS, analyse, checklist_html

    an = analyse(parsed(text))  # the tabs' own views parse the same text: parse it once
    warn = message(an.warning, kind="warning") if an.warning else ""
    return [warn + VIEWS[lens](an) for lens in ("framing", "attribution", "numbers", "translation")] + [
        checklist_html()]


def make_your_article() -> W.VBox:
    """Paste a text or upload a .txt/.html file, press Analyse, read all three lenses.

    Children: a dropdown of bundled examples, the text box, the file upload, the Analyse
    button, a status line, and the tabs (framing, attribution, numbers, translation,
    lateral-reading checklist). Bad input (empty, binary, too long...) shows a friendly message.

    >>> w = make_your_article()
    >>> w.children[1].value = ""
    >>> w.children[3].click()
    >>> "empty" in w.children[4].value
    True
    """
    examples = W.Dropdown(options=[("(choose an example, or paste your own below)", "")]
                          + _article_options(False), value="", description="Example",
                          layout=W.Layout(width="auto"))
    box = W.Textarea(placeholder="Paste the article here (English text), or upload a .txt or .html file.",
                     layout=W.Layout(width="100%", height="160px"))
    upload = W.FileUpload(accept=".txt,.html,.htm", multiple=False, description="Upload file")
    button = W.Button(description="Analyse", button_style="primary", icon="search")
    status = W.HTML()
    tabs = W.Tab(children=[W.HTML() for _ in ARTICLE_TABS])
    for i, title in enumerate(ARTICLE_TABS):
        tabs.set_title(i, title)
    state = {"text": None, "name": ""}

    def pick_example(_=None):
        if examples.value:
            art = load_article(examples.value)
            box.value = art.text
            state.update(text=None, name="")
            banner = ""
            if art.constructed:
                from .compare import banner_html

                banner = banner_html(art)
            status.value = banner + message(f"Loaded \u201c{art.title}\u201d. Press Analyse.", kind="info")

    def uploaded(_=None):
        def build():
            files = upload.value
            if not files:
                return ""
            f = files[0] if isinstance(files, (tuple, list)) else next(iter(files.values()))
            from .articles import read_text

            text = read_text(bytes(f["content"]), name=str(f.get("name", "")))
            state.update(text=text, name=str(f.get("name", "")))
            box.value = text
            return message(f"Read {state['name'] or 'the file'}: {len(text.split()):,} words. "
                           "Press Analyse.", kind="info")

        status.value = safe_html(build)

    def analyse_clicked(_=None):
        def build():
            from .articles import read_text

            text = read_text(box.value)
            banner = ""
            if examples.value:
                from .compare import banner_html

                art = load_article(examples.value)
                banner = banner_html(art) if art.text.strip() == text.strip() else ""
            pages = analysis_tabs_html(text)
            for child, page in zip(tabs.children, pages):
                child.value = banner + page
            words = len(text.split())
            done = f"Analysed {words:,} word{'s' if words != 1 else ''}."
            from .articles import language_warning

            if language_warning(text):
                return banner + message(f"{done} But this does not look like English, so the results will "
                                        "be wrong: read the warning in each tab.", kind="warning")
            if words < 12:
                return banner + message(f"{done} That is very short: paste a whole article (or at least a "
                                        "paragraph) to see the lenses at work.", kind="info")
            return banner + message(f"{done} Open each tab below.", kind="success")

        for child in tabs.children:
            child.value = ""
        status.value = message("Reading the text with all three lenses... (a long text takes a few seconds)",
                               kind="info")
        button.disabled = True  # one analysis at a time, however often it is clicked
        try:
            status.value = safe_html(build)
        finally:
            button.disabled = False

    examples.observe(pick_example, "value")
    upload.observe(uploaded, "value")
    button.on_click(analyse_clicked)
    return W.VBox([examples, box, upload, button, status, tabs], layout=W.Layout(max_width="1000px"))


# ---------------------------------------------------------------- annotate
# Classroom widgets used by every lens: annotate first, then compare with the kit; make,
# then detect; the before/after quiz. Logic lives in kit.annotate and kit.quiz.


def make_annotator(text: str, tags, kit_spans, *, unit: str = "sentence", exercise: str = "annotate",
                   kit_tag="tag", labels: dict | None = None, colors: dict | None = None,
                   question: str = "") -> W.VBox:
    """Annotate first, then compare: the student marks sentences (or words) with a tag,
    then sees the kit's marks beside theirs, with agreement and differences.

    ``tags`` are the tags a student can choose (e.g. ``["delegitimizing", "neutral"]``);
    ``kit_spans`` the kit's results (anything with ``start_char``/``end_char``), whose tag
    is the attribute (or function) ``kit_tag``. Marks and the student's note are saved
    with :mod:`kit.progress` under ``exercise`` and ``exercise + "_why"``, so they come
    back after a restart.

    Children: 0 instructions, 1 picker (a list of sentences, or a button per word),
    2 a row [tag dropdown, Mark, Unmark, Compare with the kit], 3 your marks,
    4 the comparison, 5 a row [note box, Save note], 6 the note's status.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_annotator("Rebels took the city. Gunmen fled.", ["loaded", "neutral"], [])
    >>> w.children[1].value = (1,)
    >>> w.children[2].children[0].value = "loaded"
    >>> w.children[2].children[1].click()
    >>> "Gunmen fled." in w.children[3].value and "data-tag=\\"loaded\\"" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from . import annotate
    from .checks import Feedback
    from .progress import save_answer, saved

    tags = [str(t) for t in tags]
    all_units = annotate.units(text, unit=unit)
    state = {"marks": annotate.marks_from_saved(saved(exercise, None), text, tags)}
    name = (labels or {}).get
    intro = W.HTML(message(
        (question + " " if question else "")
        + ("Pick one or more sentences" if unit == "sentence" else "Click one or more words")
        + ", choose a tag and press Mark. When you are done, press Compare with the kit.",
        kind="info"))
    if unit == "sentence":
        picker = W.SelectMultiple(options=[(f"{u.index + 1}. {u.text}"[:160], u.index) for u in all_units],
                                  rows=min(10, max(3, len(all_units))),
                                  layout=W.Layout(width="100%"))
    else:
        picker = W.Box([W.ToggleButton(description=u.text, value=False,
                                       layout=W.Layout(width="auto", margin="1px"))
                        for u in all_units],
                       layout=W.Layout(flex_flow="row wrap"))
    tag = W.Dropdown(options=[(name(t, t), t) for t in tags], description="Tag")
    mark = W.Button(description="Mark", button_style="primary", icon="pencil")
    unmark = W.Button(description="Unmark", icon="eraser")
    compare_btn = W.Button(description="Compare with the kit", button_style="info", icon="balance-scale")
    mine = W.HTML()
    result = W.HTML()
    old_note = saved(exercise + "_why", "")
    note = W.Textarea(value=old_note if isinstance(old_note, str) else "",
                      placeholder="Where is the kit wrong, or where were you wrong? Why?",
                      layout=W.Layout(width="100%", height="70px"))
    save_note = W.Button(description="Save note", icon="save")
    note_status = W.HTML()

    def selected() -> list[int]:
        if unit == "sentence":
            return list(picker.value)
        return [i for i, b in enumerate(picker.children) if b.value]

    def clear_selection():
        if unit == "sentence":
            picker.value = ()
        else:
            for b in picker.children:
                b.value = False

    def show_mine():
        if not state["marks"]:
            return message("No marks yet.", kind="info")
        return highlight(text, state["marks"], labels=labels, colors=colors, show_tags=True)

    def store(feedback: Feedback):
        save_answer(exercise, [m.as_dict() for m in state["marks"]], feedback)

    def on_mark(_=None):
        def build():
            new = annotate.marks_from_units(selected(), tag.value, all_units)
            if not new:
                return show_mine() + message("Select something first.", kind="warning")
            state["marks"] = annotate.add_marks(state["marks"], new)
            store(Feedback(False, f"{len(state['marks'])} marks, not compared yet.", exercise))
            clear_selection()
            return show_mine()
        mine.value = safe_html(build)

    def on_unmark(_=None):
        def build():
            spans = annotate.marks_from_units(selected(), "", all_units)
            state["marks"] = annotate.remove_marks(state["marks"], spans)
            store(Feedback(False, f"{len(state['marks'])} marks, not compared yet.", exercise))
            clear_selection()
            return show_mine()
        mine.value = safe_html(build)

    def on_compare(_=None):
        def build():
            if not state["marks"]:
                return message("Mark at least one place yourself first: then compare.", kind="warning")
            agreement = annotate.compare(state["marks"], kit_spans, units=all_units, tag=kit_tag)
            store(annotate.annotation_feedback(state["marks"], agreement, exercise=exercise))
            return annotate.comparison_html(text, state["marks"], kit_spans, agreement, tag=kit_tag,
                                            labels=labels, colors=colors)
        result.value = safe_html(build)

    def on_save_note(_=None):
        def build():
            words = note.value.strip()
            if not words:
                return message("Write a sentence or two first.", kind="warning")
            ok = save_answer(exercise + "_why", words, Feedback(True, "Note saved.", exercise + "_why"))
            return message("Saved." if ok else "Could not save here, but you can still discuss it.",
                           kind="success" if ok else "warning")
        note_status.value = safe_html(build)

    mark.on_click(on_mark)
    unmark.on_click(on_unmark)
    compare_btn.on_click(on_compare)
    save_note.on_click(on_save_note)
    mine.value = safe_html(show_mine)
    return W.VBox([intro, picker, W.HBox([tag, mark, unmark, compare_btn]), mine, result,
                   W.HBox([note, save_note], layout=W.Layout(width="100%")), note_status],
                  layout=W.Layout(max_width="900px"))


def make_detector(original: str = "", *, expect=(), lenses=None, exercise: str = "make_then_detect",
                  prompt: str = "") -> W.VBox:
    """Make, then detect: the student rewrites a paragraph (or writes their own) and the
    kit's detectors say what they find in it, compared with the original.

    Children: 0 instructions, 1 the text box (starts with ``original``, or the saved
    version), 2 the Check button, 3 feedback, 4 the student's text with what was found marked.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_detector("Protesters marched.")
    >>> w.children[1].value = "Rioters marched."
    >>> w.children[2].click()
    >>> "kit-msg" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from . import annotate
    from .progress import saved
    from .render import Highlight

    before = saved(exercise, None)
    box = W.Textarea(value=before if isinstance(before, str) and before.strip() else original,
                     layout=W.Layout(width="100%", height="120px"))
    intro = W.HTML(message(prompt or "Rewrite the text to push the reader one way, then press "
                           "Check: the kit says what it finds.", kind="info"))
    check = W.Button(description="Check my version", button_style="primary", icon="search")
    feedback = W.HTML()
    marked = W.HTML()

    def on_check(_=None):
        fb = annotate.detect_feedback(box.value, expect=expect, original=original or None,
                                      lenses=lenses, exercise=exercise)
        feedback.value = fb._repr_html_()

        def build():
            if not box.value.strip():
                return ""
            spans = [Highlight(i.start_char, i.end_char, f.what, d)
                     for f in annotate.detect(box.value, lenses=lenses)
                     for i, d in zip(f.items, f.details)
                     if isinstance(getattr(i, "start_char", None), int)]
            return highlight(box.value, spans, tag="tag", tooltip=lambda h: h.tooltip)
        marked.value = safe_html(build)

    check.on_click(on_check)
    return W.VBox([intro, box, check, feedback, marked], layout=W.Layout(max_width="900px"))


def make_quiz(bank="quiz_before") -> W.VBox:
    """The before/after quiz: one set of radio buttons per item, Submit shows the score
    and every explanation. Answers are saved and come back after a restart.

    Children: 0 title and the three questions, 1 a VBox of items (each a VBox
    [the sentence and question, RadioButtons]), 2 Submit, 3 the result.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> from kit.quiz import load_bank
    >>> w = make_quiz("quiz_after")
    >>> first = load_bank("quiz_after").items[0]
    >>> w.children[1].children[0].children[1].value = first.answer
    >>> w.children[2].click()
    >>> "1 of 12 right" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from .checks import QUESTIONS
    from .progress import saved
    from .quiz import Bank, check_quiz, load_bank, score

    bank = bank if isinstance(bank, Bank) else load_bank(bank)
    before = saved(bank.id, {})
    before = before if isinstance(before, dict) else {}
    questions = "".join(f"<li><b>{html.escape(q)}</b> ({html.escape(lens)})</li>" for lens, q in QUESTIONS.items())
    head = W.HTML(f"<h3>{html.escape(bank.title)}</h3><p>Three questions to ask of any news story:</p>"
                  f"<ul>{questions}</ul>")
    rows = []
    radios = []
    for n, item in enumerate(bank.items, 1):
        prompt = W.HTML(f"<p style='margin:10px 0 2px 0'><b>{n}.</b> <i>{html.escape(item.text)}</i><br>"
                        f"{html.escape(item.question)}</p>")
        value = before.get(item.id) if before.get(item.id) in item.choices else None
        radio = W.RadioButtons(options=list(item.choices), value=value, layout=W.Layout(width="auto"))
        radios.append(radio)
        rows.append(W.VBox([prompt, radio]))
    submit = W.Button(description="Submit", button_style="primary", icon="check")
    result = W.HTML()

    def on_submit(_=None):
        def build():
            answers = {item.id: r.value for item, r in zip(bank.items, radios) if r.value is not None}
            fb = check_quiz(bank, answers)
            if not answers:
                return fb._repr_html_()
            scored = score(bank, answers)
            lines = []
            for n, r in enumerate(scored.results, 1):
                mark = "✅" if r.correct else ("⬜" if r.given is None else "❌")
                lines.append(f"<li>{mark} <b>{n}.</b> Answer: {html.escape(r.item.answer)}. "
                             f"{html.escape(r.item.explanation)}</li>")
            return fb._repr_html_() + f"<ol style='list-style:none;padding-left:0'>{''.join(lines)}</ol>"
        result.value = safe_html(build)

    submit.on_click(on_submit)
    return W.VBox([head, W.VBox(rows), submit, result], layout=W.Layout(max_width="900px"))
