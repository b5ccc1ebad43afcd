"""HTML views of an analysis: one per lens, the lateral-reading checklist, two versions side by side.

The notebook widgets (``kit.compare.widgets.make_compare``, ``make_your_article``) and the
teacher report (``python -m kit report``) use these views, so students and teachers see the
same thing everywhere. Each lens view prefers the lens notebook's own HTML
(``kit.<lens>.widgets``) and falls back to a simpler one of its own.

>>> "<table" in compare_html("Police said 40 people were arrested.", "Rebels said 3 died.")
True
"""

from __future__ import annotations

import html
from collections import Counter

from kit.compare.analysis import STANCES, Analysis, as_analysis, lens_function
from kit.compare.fingerprint import Fingerprint, compare_fingerprints, fingerprint
from kit.compare.translation import KINDS as ISSUE_KINDS
from kit.compare.translation import lateral_reading
from kit.core.glossary import plain_count, plain_label
from kit.core.render import highlight, message, table_html
from kit.core.text import Article

__all__ = ["VIEWS", "attribution_view", "banner_html", "checklist_html", "compare_html", "fingerprint_rows",
           "framing_view", "numbers_view", "table_html", "translation_view"]


def banner_html(an: Analysis | Article) -> str:
    """A visible notice for a text written for teaching (empty for a real article).

    >>> from kit.core.text import load_article
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


def _lens_html(an: Analysis, lens: str, name: str, records, **how) -> str:
    """The lens notebook's own highlighted text (``_shared``), else ``records`` highlighted here."""
    return _shared(lens, name, an.text) or highlight(an.text, records, **how)


def _h(title: str) -> str:
    return f"<h3 style='margin:10px 0 4px 0;font-size:1.05em'>{html.escape(title)}</h3>"


def framing_view(an: Analysis) -> str:
    """Labels highlighted by stance, with a table; agentless passives listed."""
    if "framing" in an.missing:
        return _missing(an, "framing")
    parts = [_lens_html(an, "framing", "labels_html", an.labels, tag="stance",
                        tooltip=lambda l: f"{plain_label(getattr(l, 'actor', ''))}: {plain_label(l.stance)}")]
    counts = Counter(l.stance for l in an.labels)
    parts.append(_h("Labels: how they paint each side"))
    parts.append(table_html(["how the label paints them", "how many", "words used"], [
        [plain_label(s), counts.get(s, 0), ", ".join(sorted({l.text.lower() for l in an.labels if l.stance == s}))]
        for s in dict.fromkeys([*STANCES, *counts])]))
    agentless = [p for p in an.passives if getattr(p, "agent", None) is None]
    parts.append(_h(f"Something happens, nobody is named as the doer: "
                    f"{plain_count(len(agentless), 'sentence')}"))
    if agentless:
        parts.append(table_html(["words", "who it happened to"],
                                [[p.text, getattr(p, "patient", "") or ""] for p in agentless]))
    return "".join(parts)


def _shown_tag(a) -> str:
    """The colour a claim gets: its kind of source, or "unsure" where the kit is not sure."""
    from kit.attribution.records import shown_type

    return shown_type(a) if getattr(a, "source_type", None) else "other"


def _kind_words(a) -> str:
    """The kind of source as a student reads it: a question where the kit is not sure."""
    from kit.attribution.records import type_words

    return type_words(getattr(a, "source_type", None) or "other", getattr(a, "type_confidence", "sure"))


def attribution_view(an: Analysis) -> str:
    """Attributions highlighted by source type, a table of who says what, and unsourced claims."""
    if "attribution" in an.missing:
        return _missing(an, "attribution")
    parts = [_lens_html(an, "attribution", "source_map_html", an.attributions, tag=_shown_tag,
                        tooltip=lambda a: f"{a.speaker} ({_kind_words(a)}, {plain_label(a.kind)})")]
    parts.append(_h("Who says so?"))
    parts.append(table_html(["who says so", "verb for saying", "how it is reported", "kind of source"],
                            [[a.speaker, a.cue, plain_label(a.kind), _kind_words(a)]
                             for a in an.attributions]))
    parts.append(_h(f"Contested claims with no source: {plain_count(len(an.unattributed), 'claim')}"))
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
        rows.append(["framing", f"labels: {plain_label(s)}", a.labels.get(s, 0), b.labels.get(s, 0)])
    for s in dict.fromkeys([*a.label_words, *b.label_words]):
        rows.append(["framing", f"words: {plain_label(s)}", ", ".join(a.label_words.get(s, ())) or "-",
                     ", ".join(b.label_words.get(s, ())) or "-"])
    for st in dict.fromkeys([*a.sources, *b.sources]):
        rows.append(["attribution", f"sources: {plain_label(st)}", a.sources.get(st, 0),
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
    an_a, an_b = as_analysis(a), as_analysis(b)
    fa, fb = fingerprint(an_a), fingerprint(an_b)
    rows, marked = fingerprint_rows(fa, fb)
    diffs = compare_fingerprints(fa, fb, names=names)
    parts = [banner_html(an_a) or banner_html(an_b)]
    for lens in ("framing", "attribution", "numbers"):
        if lens in an_a.missing:
            parts.append(message(an_a.missing[lens], kind="info"))
    parts.append(_h("Framing fingerprint (rows that differ are marked)"))
    parts.append(table_html(["lens", "what is compared", names[0], names[1]], rows, marked=marked))
    if diffs:
        parts.append(_h(plain_count(len(diffs), "difference")))
        parts.append("<ul>" + "".join(f"<li>{html.escape(d.note)}</li>" for d in diffs) + "</ul>")
    cols = "".join(
        f"<div style='flex:1;min-width:280px'>{_h(name)}"
        f"{highlight(an.text, an.labels, tag='stance', tooltip=lambda l: getattr(l, 'actor', ''))}</div>"
        for name, an in zip(names, (an_a, an_b)))
    parts.append(f"<div class='kit-side' style='display:flex;gap:16px;flex-wrap:wrap'>{cols}</div>")
    return "".join(parts)
