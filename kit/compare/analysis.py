"""All three lenses at once: one analysis, a "framing fingerprint", and side-by-side comparison.

:func:`analyse` runs every lens (framing, attribution, numbers) and the translation check
on one text. :func:`fingerprint` sums an analysis up: labels by stance, source types,
which figures the text keeps. :func:`compare_fingerprints` lists what differs between two
versions of the same events. The notebook widgets (``kit.compare.widgets.make_compare``,
``make_your_article``) and the teacher report (``python -m kit report``) use the views
below, so students and teachers see the same thing everywhere.

>>> fp = fingerprint("Police said 40 people were arrested.")
>>> fp.figures, fp.words
({'40': '40 people'}, 6)

A lens whose module is not installed is reported in ``Analysis.missing`` instead of
stopping the rest.
"""

from __future__ import annotations

import functools
import html
import importlib
from collections import Counter
from dataclasses import dataclass, field

from kit.compare.translation import KINDS as ISSUE_KINDS
from kit.compare.translation import lateral_reading, translation_issues
from kit.core.errors import InputError
from kit.core.nlp import parse
from kit.core.render import highlight, message
from kit.core.text import Article, language_warning, load_article

#: lens -> [(result name, module, function)]: what :func:`analyse` runs.
LENSES = {
    "framing": [("labels", "kit.framing", "find_labels"), ("passives", "kit.framing", "find_passives")],
    "attribution": [
        ("attributions", "kit.attribution", "find_attributions"),
        ("unattributed", "kit.attribution", "find_unattributed"),
    ],
    "numbers": [("quantities", "kit.numbers", "find_numbers"), ("findings", "kit.numbers", "check_numbers")],
}

#: The lens questions, shown above each view.
LENS_TITLES = {
    "framing": "Framing: who is named how?",
    "attribution": "Attribution: who says so?",
    "numbers": "Numbers: what do the numbers really claim?",
    "translation": "Translation: signs of damage",
}

STANCES = ("delegitimizing", "neutral", "legitimizing")

#: The three constructed contrast versions, in a fixed "blind" order for the guessing
#: exercise of 04_compare (the letters hide which voice is which).
CONTRAST = {
    "A": "aleppo-2024-12-02-opposition",
    "B": "aleppo-2024-12-02-wire",
    "C": "aleppo-2024-12-02-state-media",
}


def lens_function(module: str, name: str):
    """The lens function ``module.name``, or None while that lens is not installed.

    >>> lens_function("kit.compare.translation", "translation_issues").__name__
    'translation_issues'
    >>> lens_function("kit.no_such_lens", "find") is None
    True
    """
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


# ---------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Analysis:
    """The results of every lens on one text (lists of the lenses' records)."""

    text: str
    title: str = ""
    source: str = ""
    constructed: bool = False
    note: str = ""
    id: str = ""
    labels: tuple = ()
    passives: tuple = ()
    attributions: tuple = ()
    unattributed: tuple = ()
    quantities: tuple = ()
    findings: tuple = ()
    issues: tuple = ()
    #: lens -> why it has no results (not installed yet, or it failed on this text)
    missing: dict = field(default_factory=dict)
    warning: str | None = None
    doc: object = field(default=None, compare=False, repr=False)


def analyse(source, *, title: str = "") -> Analysis:
    """Run all lenses and the translation check on an article, a text or a parsed Doc.

    >>> an = analyse("Officials said at least 3 people died , witnesses said.")
    >>> [i.kind for i in an.issues]
    ['space_before_punct']
    """
    meta: dict = {}
    if isinstance(source, Article):
        meta = dict(title=source.title, source=source.source, constructed=source.constructed,
                    note=source.note, id=source.id)
        text = source.text
        doc = parse(text)
    elif isinstance(source, str):
        text, doc = source, parse(source)
    elif hasattr(source, "vocab") and hasattr(source, "text"):  # a spaCy Doc
        text, doc = source.text, source
    else:
        raise InputError(f"The kit analyses text, an article or a parsed text, not {type(source).__name__}.")
    if title:
        meta["title"] = title
    results: dict = {}
    missing: dict = {}
    for lens, parts in LENSES.items():
        for name, module, func in parts:
            fn = lens_function(module, func)
            if fn is None:
                missing[lens] = f"The {lens} lens is not installed in this copy of the kit yet."
                results[name] = ()
                continue
            try:
                results[name] = tuple(fn(doc))
            except Exception as err:  # one lens failing must not hide the others
                missing[lens] = f"The {lens} lens could not read this text ({type(err).__name__}: {err})."
                results[name] = ()
    return Analysis(text=text, doc=doc, issues=tuple(translation_issues(doc)), missing=missing,
                    warning=language_warning(text), **meta, **results)


@functools.lru_cache(maxsize=16)
def analyse_article(article_id: str) -> Analysis:
    """:func:`analyse` for a bundled article, cached (the widgets switch between them often)."""
    return analyse(load_article(article_id))


def _as_analysis(x) -> Analysis:
    if isinstance(x, Analysis):
        return x
    if isinstance(x, Article):
        return analyse_article(x.id) if x.id else analyse(x)
    return analyse(x)


# ---------------------------------------------------------------- fingerprint


@dataclass(frozen=True)
class Fingerprint:
    """A short summary of how a text frames events.

    ``labels``: stance -> number of actor labels; ``label_words``: stance -> the label
    words used (lower case); ``sources``: source type -> number of attributions;
    ``figures``: each amount the text gives (its value, as a key) -> the words it uses;
    ``unattributed``: sentences stating contested facts with no source; ``words``: length.
    """

    id: str
    title: str
    labels: dict
    label_words: dict
    sources: dict
    figures: dict
    unattributed: int
    words: int
    missing: tuple = ()


def _figure_key(q) -> str:
    from kit.numbers.lens import fmt

    if q.value is not None:
        return fmt(q.value)
    if getattr(q, "kind", "") == "proportion":  # "most", "half": the words say it best
        return q.text
    return f"{fmt(q.low)}\u2013{fmt(q.high)}"


def fingerprint(x) -> Fingerprint:
    """The framing fingerprint of an article, text, Doc or :class:`Analysis`.

    >>> fp = fingerprint(load_article("aleppo-2024-12-02-wire"))
    >>> fp.id, fp.words > 200
    ('aleppo-2024-12-02-wire', True)
    """
    an = _as_analysis(x)
    labels = Counter(getattr(lab, "stance", "neutral") for lab in an.labels)
    words: dict[str, set] = {}
    for lab in an.labels:
        words.setdefault(getattr(lab, "stance", "neutral"), set()).add(lab.text.lower())
    sources = Counter(getattr(a, "source_type", None) or "other" for a in an.attributions)
    figures: dict[str, str] = {}
    for q in an.quantities:
        if getattr(q, "is_amount", True) and (q.value is not None or q.low is not None):
            figures.setdefault(_figure_key(q), q.text)
    n_words = sum(1 for t in an.doc if not (t.is_punct or t.is_space)) if an.doc is not None else len(an.text.split())
    return Fingerprint(
        id=an.id, title=an.title,
        labels={s: labels.get(s, 0) for s in (*STANCES, *sorted(set(labels) - set(STANCES)))},
        label_words={s: tuple(sorted(w)) for s, w in sorted(words.items())},
        sources=dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))),
        figures=figures,
        unattributed=len(an.unattributed),
        words=n_words,
        missing=tuple(sorted(an.missing)),
    )


@dataclass(frozen=True)
class Difference:
    """One way two fingerprints differ: the lens, the item, the value in A and in B, a note."""

    lens: str
    item: str
    a: object
    b: object
    note: str


def compare_fingerprints(a: Fingerprint, b: Fingerprint, *, names: tuple[str, str] = ("A", "B")
                         ) -> list[Difference]:
    """What differs between two fingerprints, lens by lens (framing, attribution, numbers).

    ``names`` are the names of the two versions used in the notes ("Only A calls...").

    >>> fa = fingerprint("Police said 40 people were arrested.")
    >>> fb = fingerprint("Police said 40 people were arrested, and 3 were hurt.")
    >>> [(d.item, d.a, d.b) for d in compare_fingerprints(fa, fb) if d.lens == "numbers"]
    [('3', 'dropped', 'kept')]
    """
    na, nb = names
    out: list[Difference] = []
    for stance in dict.fromkeys([*a.labels, *b.labels]):
        x, y = a.labels.get(stance, 0), b.labels.get(stance, 0)
        if x != y:
            out.append(Difference("framing", f"{stance} labels", x, y,
                                  f"{stance} labels: {x} in {na}, {y} in {nb}."))
    for stance in dict.fromkeys([*a.label_words, *b.label_words]):
        wa, wb = set(a.label_words.get(stance, ())), set(b.label_words.get(stance, ()))
        for w in sorted(wa ^ wb):
            out.append(Difference(
                "framing", f"\u201c{w}\u201d ({stance})", "used" if w in wa else "not used",
                "used" if w in wb else "not used",
                f"Only {na if w in wa else nb} calls someone \u201c{w}\u201d ({stance}).",
            ))
    for st in dict.fromkeys([*a.sources, *b.sources]):
        x, y = a.sources.get(st, 0), b.sources.get(st, 0)
        if x != y:
            out.append(Difference("attribution", f"{st} sources", x, y,
                                  f"Claims from {st.replace('_', ' ')} sources: {x} in {na}, {y} in {nb}."))
    if a.unattributed != b.unattributed:
        out.append(Difference("attribution", "claims with no source", a.unattributed, b.unattributed,
                              f"Contested claims with no source: {a.unattributed} in {na}, "
                              f"{b.unattributed} in {nb}."))
    for key in dict.fromkeys([*a.figures, *b.figures]):
        if (key in a.figures) != (key in b.figures):
            keeper, words = (na, a.figures[key]) if key in a.figures else (nb, b.figures[key])
            out.append(Difference(
                "numbers", key, "kept" if key in a.figures else "dropped",
                "kept" if key in b.figures else "dropped",
                f"Only {keeper} gives the figure \u201c{words}\u201d.",
            ))
    return out


# ---------------------------------------------------------------- HTML views


def table_html(headers: list[str], rows: list[list], *, marked: set[int] | None = None) -> str:
    """A small HTML table; every cell escaped; rows whose index is in ``marked`` highlighted.

    >>> table_html(["word"], [["<b>"]])
    '<table class="kit-table"...&lt;b&gt;...</table>'
    """
    head = "".join(f'<th style="text-align:left;padding:2px 8px;border-bottom:1px solid #999">'
                   f"{html.escape(str(h))}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        style = ' style="background:#fff3b0;font-weight:bold"' if marked and i in marked else ""
        cells = "".join(f'<td style="padding:2px 8px;vertical-align:top">{html.escape(str(c))}</td>'
                        for c in row)
        body.append(f'<tr class="{"kit-diff" if style else "kit-same"}"{style}>{cells}</tr>')
    return (f'<table class="kit-table" style="border-collapse:collapse;margin:4px 0 10px 0">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def banner_html(an: Analysis | Article) -> str:
    """A visible notice for a text written for teaching (empty for a real article).

    >>> "constructed" in banner_html(load_article("aleppo-2024-12-02-wire")).lower()
    True
    >>> banner_html(load_article("aleppo-2024-12-02"))
    ''
    """
    if not getattr(an, "constructed", False):
        return ""
    return message(
        "Constructed for teaching: this version was written for the kit to show how framing "
        "works. It is not a real article, and no real outlet published it.", kind="warning")


def _missing(an: Analysis, lens: str) -> str:
    return message(an.missing[lens], kind="info") if lens in an.missing else ""


def _shared(lens: str, name: str, *args, **kwargs) -> str | None:
    """The HTML of a lens notebook's own view (``kit.<lens>.widgets.<name>``), so notebook 05 and
    the report look like notebooks 01-03; None when that view is missing or fails (ours is used)."""
    fn = lens_function(f"kit.{lens}.widgets", name)
    if fn is None:
        return None
    try:
        return fn(*args, **kwargs)
    except Exception:  # fall back to the simpler view below
        return None


def _h(title: str) -> str:
    return f"<h4 style='margin:10px 0 4px 0'>{html.escape(title)}</h4>"


def framing_view(an: Analysis) -> str:
    """Labels highlighted by stance, with a table; agentless passives listed."""
    if "framing" in an.missing:
        return _missing(an, "framing")
    parts = [_shared("framing", "labels_html", an.text) or highlight(
        an.text, an.labels, tag="stance", tooltip=lambda l: f"{getattr(l, 'actor', '')}: {l.stance}")]
    counts = Counter(l.stance for l in an.labels)
    parts.append(_h("Labels by stance"))
    parts.append(table_html(["stance", "how many", "words used"], [
        [s, counts.get(s, 0), ", ".join(sorted({l.text.lower() for l in an.labels if l.stance == s}))]
        for s in dict.fromkeys([*STANCES, *counts])]))
    agentless = [p for p in an.passives if getattr(p, "agent", None) is None]
    parts.append(_h(f"Passives with no doer ({len(agentless)})"))
    if agentless:
        parts.append(table_html(["words", "who it happened to"],
                                [[p.text, getattr(p, "patient", "") or ""] for p in agentless]))
    return "".join(parts)


def attribution_view(an: Analysis) -> str:
    """Attributions highlighted by source type, a table of who says what, and unsourced claims."""
    if "attribution" in an.missing:
        return _missing(an, "attribution")
    parts = [_shared("attribution", "source_map_html", an.text) or highlight(
        an.text, an.attributions, tag="source_type",
        tooltip=lambda a: f"{a.speaker} ({a.source_type}, {a.kind})")]
    parts.append(_h("Who says so?"))
    parts.append(table_html(["speaker", "verb", "kind", "type of source"],
                            [[a.speaker, a.cue, a.kind, a.source_type] for a in an.attributions]))
    parts.append(_h(f"Contested claims with no source ({len(an.unattributed)})"))
    shared = _shared("attribution", "unsourced_html", an.text)
    if shared:
        parts.append(shared)
    elif an.unattributed:
        parts.append(table_html(["sentence"], [[getattr(u, "text", str(u))] for u in an.unattributed]))
    return "".join(parts)


def numbers_view(an: Analysis) -> str:
    """Figures highlighted (hedged or exact), a table of their intervals, and consistency findings."""
    if "numbers" in an.missing:
        return _missing(an, "numbers")
    amounts = [q for q in an.quantities if getattr(q, "is_amount", True)]
    shared = _shared("numbers", "numbers_html", an.text, amounts_only=True)
    if shared:
        parts = [shared]
    else:
        parts = [highlight(an.text, amounts, tag=lambda q: "hedged" if q.hedge else "exact",
                           tooltip=lambda q: q.describe() if hasattr(q, "describe") else q.text)]
        parts.append(_h("What each figure claims"))
        parts.append(table_html(["figure", "interval", "what is counted", "who says so"], [
            [q.text, q.interval() if hasattr(q, "interval") else f"{q.low}\u2013{q.high}",
             q.counted or "", getattr(q, "source", None) or "no source in the sentence"]
            for q in amounts]))
    if an.findings:
        parts.append(_h("Checks"))
        parts.append(_shared("numbers", "consistency_html", an.text)
                     or "".join(message(f.message, kind="info") for f in an.findings))
    return "".join(parts)


def translation_view(an: Analysis) -> str:
    """Signs of translation damage highlighted, with what to check for each."""
    if not an.issues:
        return message("No signs of translation damage found. (That does not prove the "
                       "translation is good: compare with the original if you can.)", kind="success")
    return highlight(an.text, an.issues, tag="kind", labels=ISSUE_KINDS,
                     tooltip=lambda i: i.message) + table_html(
        ["sign", "words", "what to check"],
        [[ISSUE_KINDS[i.kind], i.text, i.message] for i in an.issues])


def checklist_html() -> str:
    """The lateral-reading checklist as an HTML list with tick boxes (from the data file).

    >>> "Who is behind this source?" in checklist_html()
    True
    """
    items = "".join(
        f"<li style='margin-bottom:6px'><label><input type='checkbox'> <b>{html.escape(s['question'])}</b>"
        f"</label><br>{html.escape(s['how'])}<br><i>{html.escape(s['why'])}</i></li>"
        for s in lateral_reading())
    return (f"<div class='kit-checklist'>{_h('Lateral reading: check the source outside the article')}"
            f"<ol style='padding-left:20px'>{items}</ol></div>")


VIEWS = {"framing": framing_view, "attribution": attribution_view, "numbers": numbers_view,
         "translation": translation_view}


def fingerprint_rows(a: Fingerprint, b: Fingerprint) -> tuple[list[list], set[int]]:
    """Rows ``[lens, item, A, B]`` for a side-by-side table, and the indexes that differ."""
    rows: list[list] = []
    for s in dict.fromkeys([*a.labels, *b.labels]):
        rows.append(["framing", f"{s} labels", a.labels.get(s, 0), b.labels.get(s, 0)])
    for s in dict.fromkeys([*a.label_words, *b.label_words]):
        rows.append(["framing", f"{s} words", ", ".join(a.label_words.get(s, ())) or "-",
                     ", ".join(b.label_words.get(s, ())) or "-"])
    for st in dict.fromkeys([*a.sources, *b.sources]):
        rows.append(["attribution", f"{st.replace('_', ' ')} sources", a.sources.get(st, 0),
                     b.sources.get(st, 0)])
    rows.append(["attribution", "claims with no source", a.unattributed, b.unattributed])
    for key in dict.fromkeys([*a.figures, *b.figures]):
        rows.append(["numbers", f"figure {key}", a.figures.get(key, "dropped"),
                     b.figures.get(key, "dropped")])
    rows.append(["", "words", a.words, b.words])
    marked = {i for i, r in enumerate(rows) if r[0] and str(r[2]) != str(r[3])}
    return rows, marked


def compare_html(a, b, *, names: tuple[str, str] = ("A", "B")) -> str:
    """Two versions side by side: fingerprint table (differences marked) and both texts by stance."""
    an_a, an_b = _as_analysis(a), _as_analysis(b)
    fa, fb = fingerprint(an_a), fingerprint(an_b)
    rows, marked = fingerprint_rows(fa, fb)
    diffs = compare_fingerprints(fa, fb, names=names)
    parts = [banner_html(an_a) or banner_html(an_b)]
    for lens in ("framing", "attribution", "numbers"):
        if lens in an_a.missing:
            parts.append(message(an_a.missing[lens], kind="info"))
    parts.append(_h("Framing fingerprint (rows that differ are marked)"))
    parts.append(table_html(["lens", "", names[0], names[1]], rows, marked=marked))
    if diffs:
        parts.append(_h(f"{len(diffs)} differences"))
        parts.append("<ul>" + "".join(f"<li>{html.escape(d.note)}</li>" for d in diffs) + "</ul>")
    cols = "".join(
        f"<div style='flex:1;min-width:280px'>{_h(name)}"
        f"{highlight(an.text, an.labels, tag='stance', tooltip=lambda l: getattr(l, 'actor', ''))}</div>"
        for name, an in zip(names, (an_a, an_b)))
    parts.append(f"<div class='kit-side' style='display:flex;gap:16px;flex-wrap:wrap'>{cols}</div>")
    return "".join(parts)
