"""``python -m kit report FILE``: a self-contained HTML report of the three lenses.

A teacher can open it offline, project it or print it: the styles are inside the file,
the charts are PNG images inside the file, and there are no scripts or links out.
``FILE`` is a .txt or .html file, or the id of a bundled article (``python -m kit articles``).
All text from the article is escaped (Jinja2 autoescape, and :func:`kit.core.render.highlight`).

>>> html = build_report("aleppo-2024-12-02-wire")
>>> "<h2>Framing: who is named how?</h2>" in html and "data:image/png;base64," in html
True
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import datetime as _dt
from collections import Counter
from importlib import resources
from pathlib import Path

from kit.classroom.feedback import QUESTIONS
from kit.compare.analysis import LENS_TITLES, STANCES, Analysis, analyse
from kit.compare.views import VIEWS, banner_html, checklist_html
from kit.core.charts import figure_png
from kit.core.errors import InputError
from kit.core.glossary import glossary, plain_count, plain_label, plain_text
from kit.core.render import CUE_CSS, TAG_COLORS, message
from kit.core.text import Article, list_articles, load_article, read_text

#: Intros under each section heading.
INTROS = {
    "framing": "Marked: the words used for the sides (hover or see the table). Red, with the mark "
               "\u201c\u2212\u201d, paints a side as illegitimate; green, with \u201c+\u201d, as legitimate; "
               "grey, with \u201c=\u201d, is neutral. Then: sentences where something happens but nobody "
               "is said to do it.",
    "attribution": "Marked: each claim with the source the article gives for it, coloured by "
                   "kind of source. Then: contested claims with no source at all.",
    "numbers": "Marked: each figure. \u201cAt least 61\u201d means 61 or more; \u201cdozens\u201d is a "
               "range. The table says what each figure really claims and who gives it.",
    "translation": "Signs that the text was damaged in translation or copying. A sign is a reason "
                   "to check the original, not proof of a mistake.",
}


# ---------------------------------------------------------------- charts


def _png(fig) -> str:
    """A chart as base64 PNG for the report's ``<img>``: larger and cropped tighter than in a widget."""
    return base64.b64encode(figure_png(fig, dpi=110, tight=True)).decode("ascii")


def labels_figure(an: Analysis):
    """Bar chart: for each actor, how many labels of each stance (None when there are none)."""
    from matplotlib.figure import Figure

    if not an.labels:
        return None
    by_actor: dict[str, Counter] = {}
    for lab in an.labels:
        by_actor.setdefault(getattr(lab, "actor", "") or "other", Counter())[lab.stance] += 1
    actors = sorted(by_actor, key=lambda a: -sum(by_actor[a].values()))[:8]
    fig = Figure(figsize=(7, 1.3 + 0.45 * len(actors)), layout="constrained")
    ax = fig.add_subplot()
    left = [0] * len(actors)
    stances = [s for s in STANCES] + sorted({s for c in by_actor.values() for s in c} - set(STANCES))
    for stance in stances:
        vals = [by_actor[a].get(stance, 0) for a in actors]
        if any(vals):
            ax.barh(actors, vals, left=left, label=plain_label(stance), color=TAG_COLORS.get(stance, "#9fd3f0"),
                    edgecolor="#555")
            left = [l + v for l, v in zip(left, vals)]
    ax.invert_yaxis()
    ax.set_xlabel("number of labels")
    ax.set_title("Who is named how? Labels for each side, by stance")
    fig.legend(loc="outside lower center", ncols=4, fontsize=8, frameon=False)  # never over a bar
    return fig


def _kind_label(a) -> str:
    """The kind of source for counting: its plain name where the kit is sure, else "not sure"
    (the claim is counted, its kind is not stated)."""
    if getattr(a, "type_confidence", "sure") != "sure":
        return "not sure (check who)"
    return plain_label(getattr(a, "source_type", None) or "other")


def sources_figure(an: Analysis):
    """Bar chart: how many claims come from each kind of source (None when there are none)."""
    from matplotlib.figure import Figure

    if not an.attributions:
        return None
    counts = Counter(_kind_label(a) for a in an.attributions).most_common()
    fig = Figure(figsize=(7, 0.5 + 0.4 * len(counts)))
    ax = fig.add_subplot()
    ax.barh([c[0] for c in counts], [c[1] for c in counts], color="#9fd3f0", edgecolor="#555")
    ax.invert_yaxis()
    ax.set_xlabel("number of attributed claims")
    ax.set_title("Who says so? Claims by kind of source")
    return fig


def numbers_figure(an: Analysis):
    """Each counted figure as the interval it claims (an arrow: no upper limit). None if no counts."""
    from matplotlib.figure import Figure

    qs = [q for q in an.quantities if getattr(q, "kind", "count") == "count"
          and (q.low is not None or q.high is not None)][:20]
    if not qs:
        return None
    fig = Figure(figsize=(7, 0.6 + 0.35 * len(qs)))
    ax = fig.add_subplot()
    top = max(max(v for v in (q.low, q.high, q.value) if v is not None) for q in qs) * 1.25 or 1
    for i, q in enumerate(qs):
        lo = q.low if q.low is not None else 0
        if q.high is None:
            ax.annotate("", xy=(top, i), xytext=(lo, i),
                        arrowprops=dict(arrowstyle="->", color="#c0392b", lw=2))
        elif q.high == lo:
            ax.plot([lo], [i], "o", color="#2b7bb9")
        else:
            ax.plot([lo, q.high], [i, i], "-", color="#b58105", lw=4, solid_capstyle="butt")
    ax.set_yticks(range(len(qs)), [_short(q.text) for q in qs], fontsize=8)
    ax.set_xlim(0, top)
    ax.invert_yaxis()
    ax.set_xlabel("what the figure allows (dot: exact, bar: a range, arrow: no upper limit)")
    ax.set_title("What do the numbers really claim?")
    return fig


def _short(text: str, limit: int = 40) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" when cut.

    >>> _short("more than 412 dead, most of them combatants", 20)
    'more than 412 dead…'
    >>> _short("at least 61 civilians")
    'at least 61 civilians'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit].rsplit(" ", 1)[0] if " " in text[: limit] else text[: limit - 1]
    return cut.rstrip(",;:") + "\u2026"


#: The numbers chart draws one row per figure: at most this many (a pasted table can hold
#: thousands, which made a chart 363,118 pixels high); the table below lists them all.
MAX_CHART_FIGURES = 40


def _chart(lens: str, an: Analysis):
    """``(figure, note)``: the lens notebooks' own chart from kit.<lens>.charts when there is one,
    else the simple one above; ``note`` says when the chart shows only the first figures."""
    from kit.compare.analysis import lens_function

    counts = [q for q in an.quantities if getattr(q, "kind", "") == "count"]
    shared = {
        "framing": ("kit.framing.charts", "framing_labels_chart", an.labels),
        "attribution": ("kit.attribution.charts", "source_share_chart", an.attributions),
        "numbers": ("kit.numbers.charts", "plot_intervals", counts[:MAX_CHART_FIGURES]),
    }
    note = ""
    if lens == "numbers" and len(counts) > MAX_CHART_FIGURES:
        note = (f"The chart shows the first {MAX_CHART_FIGURES} of {len(counts):,} counted figures, so that it "
                "stays readable; the table below lists them all.")
    module, name, data = shared[lens]
    fn = lens_function(module, name)
    if fn is not None and data:
        try:
            return fn(list(data)), note
        except Exception:  # fall back to the simple chart
            pass
    return CHARTS[lens](an), note


CHARTS = {"framing": labels_figure, "attribution": sources_figure, "numbers": numbers_figure}
#: What each chart shows, for readers who cannot see it (the same numbers are in the tables below it).
CHART_ALT = {
    "framing": "Bar chart: for each side, how many labels paint it as illegitimate, neutral or legitimate "
               "(the same counts are in the table below).",
    "attribution": "Bar chart: how many claims come from each kind of source (listed in the table below).",
    "numbers": "Chart: each figure as the range of numbers it allows (listed in the table below).",
}


# ---------------------------------------------------------------- report


def resolve(source: str | Path | Article) -> tuple[str, dict]:
    """Text and metadata from a bundled article id, an Article, a file path or a web address
    (read by :func:`kit.core.fetch.fetch_page`: a deadline, a size cap, web pages only).

    >>> text, meta = resolve("aleppo-2024-12-02")
    >>> meta["source"]
    'AFP, translated'
    """
    if isinstance(source, Article):
        art = source
    elif isinstance(source, str) and source.strip().lower().startswith(("http://", "https://")):
        from kit.core.fetch import fetch_page

        return fetch_page(source), {"title": source.strip()[:200], "source": source.strip()[:200]}
    elif isinstance(source, str) and source in list_articles():
        art = load_article(source)
    else:
        path = Path(source)
        if not path.exists() and path.suffix.lower() not in {".txt", ".html", ".htm"}:
            raise InputError(
                f"There is no file and no bundled article called {str(source)!r}. Give a .txt or "
                f".html file, or one of: {', '.join(list_articles())}."
            )
        text = read_text(path)
        return text, {"title": path.stem, "source": path.name}
    return art.text, {"title": art.title, "source": art.source, "date": art.date,
                      "note": art.note, "constructed": art.constructed, "id": art.id}


def _summary(an: Analysis) -> list[tuple[str, str]]:
    rows = []
    if "framing" in an.missing:
        rows.append(("Framing", an.missing["framing"]))
    else:
        c = Counter(l.stance for l in an.labels)
        agentless = sum(1 for p in an.passives if getattr(p, "agent", None) is None)
        rows.append(("Framing", f"{plain_count(len(an.labels), 'label')} for the sides: "
                     + ", ".join(_stance_count(c.get(s, 0), s) for s in STANCES)
                     + f"; {plain_count(agentless, 'sentence')} where something happens and no doer is named."))
    if "attribution" in an.missing:
        rows.append(("Attribution", an.missing["attribution"]))
    else:
        types = Counter(_kind_label(a) for a in an.attributions)
        top = ", ".join(f"{t} {n}" for t, n in types.most_common(3))
        rows.append(("Attribution", f"{plain_count(len(an.attributions), 'claim')} with a source"
                     + (f" (most: {top})" if top else "")
                     + f"; {plain_count(len(an.unattributed), 'contested claim')} with no source."))
    if "numbers" in an.missing:
        rows.append(("Numbers", an.missing["numbers"]))
    else:
        amounts = [q for q in an.quantities if getattr(q, "is_amount", True)]
        hedged = sum(1 for q in amounts if q.hedge)
        rows.append(("Numbers", f"{plain_count(len(amounts), 'figure')}, {hedged} of them hedged (at least, "
                     f"about, dozens and so on); {plain_count(len(an.findings), 'consistency check')} to discuss."))
    rows.append(("Translation", f"{plain_count(len(an.issues), 'sign')} of translation damage to check."))
    return rows


def _stance_count(n: int, stance: str) -> str:
    """A count of labels of one stance in words.

    >>> _stance_count(8, "delegitimizing"), _stance_count(1, "neutral")
    ('8 that paint a side as illegitimate', '1 neutral')
    """
    label = plain_label(stance)
    if label.startswith("paints them "):
        verb = "paints" if n == 1 else "paint"
        return f"{n} that {verb} a side {label[len('paints them '):]}"
    return f"{n} {label}"


#: Terms the report uses, explained at its end (from kit/core/data/glossary.toml).
REPORT_TERMS = ("delegitimizing", "legitimizing", "neutral", "agentless", "attribution", "cue verb",
                "source type", "monitor group", "state media", "unnamed source",
                "contested claim with no source", "interval", "hedge", "lateral reading", "translation damage")


def _terms() -> list[dict]:
    """The glossary entries of :data:`REPORT_TERMS`: term, what the report calls it, the mark, the definition."""
    by_term = {t.term: t for t in glossary()}
    return [{"term": t.term, "label": t.label if t.label != t.term else "", "cue": t.cue,
             "definition": t.definition} for t in (by_term[n] for n in REPORT_TERMS if n in by_term)]


def _clean(value: str) -> str:
    """Metadata as shown: internal names in plain words, no final full stop (the template adds one).

    >>> _clean("See republisher_note.")
    'See republisher note'
    """
    return plain_text(str(value or "")).strip().rstrip(".")


def build_report(source, *, title: str = "") -> str:
    """The report's HTML for a bundled article id, an :class:`Article`, a file path or an Analysis."""
    import jinja2
    from markupsafe import Markup

    from kit import __version__
    from kit.core.nlp import model_name

    if isinstance(source, Analysis):
        an, meta = source, {"title": source.title, "source": source.source, "note": source.note,
                            "constructed": source.constructed}
    else:
        text, meta = resolve(source)
        an = analyse(text)
        an = dataclasses.replace(an, title=meta.get("title", ""), source=meta.get("source", ""),
                                 constructed=meta.get("constructed", False))
    sections = []
    for lens in ("framing", "attribution", "numbers", "translation"):
        charts = []
        if lens in CHARTS and lens not in an.missing:
            fig, note = _chart(lens, an)
            if fig is not None:
                charts.append({"data": _png(fig), "alt": CHART_ALT[lens], "note": note})
        sections.append({"id": lens, "heading": LENS_TITLES[lens], "intro": INTROS[lens],
                         "charts": charts, "body": Markup(VIEWS[lens](an))})
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(
        resources.files("kit.teacher").joinpath("templates/report.html").read_text(encoding="utf-8"))
    return template.render(
        title=title or meta.get("title") or "Article",
        source=_clean(meta.get("source", "")), date=meta.get("date", ""), note=_clean(meta.get("note", "")),
        words=f"{len(an.text.split()):,}",
        made=_dt.date.today().isoformat(),
        banner=Markup(banner_html(an)),
        warning=Markup(message(an.warning, kind="warning")) if an.warning else "",
        questions=[{"lens": k.capitalize(), "question": v} for k, v in QUESTIONS.items()],
        summary=_summary(an),
        sections=sections,
        checklist=Markup(checklist_html()),
        terms=_terms(),
        cue_css=Markup(CUE_CSS),
        version=__version__, model=model_name(),
    )


# ---------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE",
                        help="a .txt or .html file, a bundled article id (see: python -m kit articles) or a URL")
    parser.add_argument("-o", "--output", default="report.html", metavar="OUT",
                        help="where to write the report (default: report.html)")
    parser.add_argument("--title", default="", help="title at the top of the report (default: the article's)")


def run(args: argparse.Namespace) -> int:
    from kit.core.files import refuse_overwrite

    refuse_overwrite(args.output, args.file)
    page = build_report(args.file, title=args.title)
    out = Path(args.output)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as err:
        raise InputError(f"Could not write the report to {str(out)!r}: {err.strerror or err}.") from None
    print(f"Wrote {out} ({len(page.encode('utf-8')) // 1024} KB). Open it in a browser; "
          "it works offline and prints on A4.")
    return 0
