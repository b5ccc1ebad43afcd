"""Two versions side by side, changes marked: the HTML view, a printable page, and the widget.

All text from either version is escaped (:func:`kit.core.render.highlight`, ``html.escape``,
Jinja2 autoescape). The widget is a thin builder: two menus and the view (notebook 06).

>>> page = versions_page("Police said <b>40</b> were hurt.", "<b>40</b> were hurt.")
>>> "&lt;b&gt;40&lt;/b&gt;" in page and "<b>40</b>" not in page
True
"""

from __future__ import annotations

import html

from kit.compare.versions import KINDS, Alignment, Change, Row, align_versions, count_kinds
from kit.core.render import Highlight, highlight, legend, message

#: One colour per kind of change (the sentence-level kinds colour the row, not words).
KIND_COLORS = {
    "attribution_dropped": "#f5a3a3",
    "speaker_changed": "#f9c784",
    "quote_marks_lost": "#d9b8e8",
    "quote_changed": "#f2b5d4",
    "label_changed": "#9fd3f0",
    "figure_changed": "#a8e0c8",
    "reworded": "#f6ef9a",
}
_ROW_STYLE = {"same": "color:#666", "cut": "background:#fdecea", "added": "background:#eafaf1",
              "moved": "background:#eef6fc", "paired": ""}
_WORD_KINDS = tuple(KIND_COLORS)


def _row_of(rows: tuple[Row, ...], c: Change) -> int | None:
    for i, r in enumerate(rows):
        if c.a_start is not None and r.a_start is not None and r.a_start <= c.a_start <= r.a_end:
            return i
        if c.b_start is not None and r.b_start is not None and r.b_start <= c.b_start <= r.b_end:
            return i
    return None


def _cell(text: str, start: int | None, end: int | None, marks: list[Highlight]) -> str:
    if start is None:
        return '<td style="color:#999;text-align:center">\u2014</td>'
    spans = [Highlight(h.start_char - start, h.end_char - start, h.tag, h.tooltip) for h in marks
             if start <= h.start_char < h.end_char <= end and (h.start_char, h.end_char) != (start, end)]
    body = highlight(text[start:end], spans, tag="tag", tooltip=lambda h: h.tooltip,
                     colors=KIND_COLORS, labels=KINDS, show_legend=False)
    return f'<td style="vertical-align:top;padding:4px 8px">{body}</td>'


def _marks(al: Alignment, row: Row, changes: list[Change], side: str) -> list[Highlight]:
    out = [Highlight(getattr(c, f"{side}_start"), getattr(c, f"{side}_end"), c.kind, c.note)
           for c in changes if c.kind in _WORD_KINDS and c.kind != "reworded"
           and getattr(c, f"{side}_start") is not None]
    edits = row.a_edits if side == "a" else row.b_edits
    return out + [Highlight(s, e, "reworded", "words changed") for s, e in edits]


def _notes(changes: list[Change], status: str, names: tuple[str, str]) -> str:
    if not changes:
        return '<td style="vertical-align:top;padding:4px 8px;color:#666">same</td>' if status == "same" else "<td></td>"
    items = "".join(f'<li><b>{html.escape(KINDS.get(c.kind, c.kind))}</b>: {html.escape(c.note)}</li>'
                    for c in changes)
    return f'<td style="vertical-align:top;padding:4px 8px"><ul style="margin:0;padding-left:18px">{items}</ul></td>'


#: One version is a short excerpt of the other when it has at most this share of the other's
#: sentences and at least EXCERPT_COVERED of its own sentences are found in the other.
EXCERPT_SHARE, EXCERPT_COVERED = 0.5, 0.7


def is_excerpt(al: Alignment) -> bool:
    """True when one version is a short excerpt of the other (then the sentences only the longer
    one has are noise: a teacher hides them).

    >>> is_excerpt(align_versions("Rebels took the town. Talks failed. Rain fell. Roads closed.", "Talks failed."))
    True
    >>> is_excerpt(align_versions("Rebels took the town. Talks failed.", "Rebels took the city. Talks stalled."))
    False
    """
    both = sum(r.status not in ("cut", "added") for r in al.rows)
    a = both + sum(r.status == "cut" for r in al.rows)
    b = both + sum(r.status == "added" for r in al.rows)
    short, long_ = min(a, b), max(a, b)
    return 0 < short <= EXCERPT_SHARE * long_ and both >= EXCERPT_COVERED * short


_TOGGLE = ("<style>.kit-hide-one:checked ~ table tr.kit-row-cut, .kit-hide-one:checked ~ table tr.kit-row-added"
           "{display:none}</style><input type=\"checkbox\" class=\"kit-hide-one\" id=\"kit-hide-one\"{checked}> "
           "<label for=\"kit-hide-one\">Hide the sentences only one version has (when one version is a short "
           "excerpt of the other)</label>")


def versions_html(a, b=None, *, names: tuple[str, str] = ("A", "B"), changed_only: bool = False,
                  shared_only: bool = False, toggle: bool | None = None) -> str:
    """HTML table: version A, version B and what changed, one sentence a row.

    ``a`` is an :class:`~kit.compare.versions.Alignment`, or text (then ``b`` is the other
    version). ``changed_only`` leaves out the rows that are the same in both; ``shared_only``
    the sentences only one version has (to set a whole article beside a short excerpt).
    ``toggle`` adds a box (no script: plain HTML and CSS) that hides those sentences on the page,
    ticked when ``toggle`` is True, unticked when False; None = no box.

    >>> out = versions_html("Rebels took <Aleppo>.", "Jihadists took <Aleppo>.")
    >>> "kit-versions" in out and "&lt;Aleppo&gt;" in out and "<Aleppo>" not in out
    True
    """
    al = a if isinstance(a, Alignment) else align_versions(a, b, names=names)
    hidden = 0
    if shared_only:
        before = len(al.rows)
        al = _shared(al)
        hidden = before - len(al.rows)
    A, B = (html.escape(n) for n in al.names)
    by_row: dict[int | None, list[Change]] = {}
    for c in al.changes:
        by_row.setdefault(_row_of(al.rows, c), []).append(c)
    lines = []
    for i, row in enumerate(al.rows):
        if changed_only and row.status == "same":
            continue
        changes = by_row.get(i, [])
        lines.append(
            f'<tr class="kit-row kit-row-{row.status}" style="{_ROW_STYLE.get(row.status, "")};'
            f'border-top:1px solid #ddd">'
            + _cell(al.a_text, row.a_start, row.a_end, _marks(al, row, changes, "a"))
            + _cell(al.b_text, row.b_start, row.b_end, _marks(al, row, changes, "b"))
            + _notes(changes, row.status, al.names) + "</tr>")
    counts = count_kinds(al.changes)
    rest = f" ({hidden} sentences that only one version has are not shown.)" if hidden else ""
    if not al.rows:
        head = message("The two versions have no sentence in common. Are they the same story? Show every "
                       "sentence to see them side by side.", kind="warning")
    elif not al.changes:
        head = message(f"No changes: {al.names[0]} and {al.names[1]} say the same, word for word.{rest}",
                       kind="success")
    else:
        said = ", ".join(f"{n} {KINDS[k]}" for k, n in counts.items())
        head = message(f"{len(al.changes)} changes from {al.names[0]} to {al.names[1]}: {said}.{rest}", kind="info")
    chips = legend({k: KIND_COLORS[k] for k in KIND_COLORS if k in counts}, labels=KINDS) if counts else ""
    box = "" if toggle is None else _TOGGLE.replace("{checked}", " checked" if toggle else "")
    return (f'<div class="kit-versions">{head}{chips}{box}'
            '<table style="border-collapse:collapse;width:100%;font-size:95%;table-layout:fixed">'
            f'<tr><th style="text-align:left;width:34%">{A}</th><th style="text-align:left;width:34%">{B}</th>'
            '<th style="text-align:left">What changed</th></tr>' + "".join(lines) + "</table></div>")


def _shared(al: Alignment) -> Alignment:
    """The alignment without the sentences only one version has."""
    import dataclasses

    keep = tuple(i for i, r in enumerate(al.rows) if r.status not in ("cut", "added"))
    changes = tuple(c for c in al.changes if _row_of(al.rows, c) in keep)
    return dataclasses.replace(al, rows=tuple(al.rows[i] for i in keep), changes=changes)


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 1200px; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.5em; } .meta { color: #555; }
@media print { body { margin: 0; max-width: none; } tr { page-break-inside: avoid; } }
</style></head>
<body>
<h1>{{ title }}</h1>
<p class="meta">{{ names[0] }}: {{ about[0] }}<br>{{ names[1] }}: {{ about[1] }}<br>Made {{ made }} with the media-literacy kit.</p>
<p>Trace it to the original: read each marked change and ask <b>Who says so?</b>, <b>Who is named how?</b>
and <b>What do the numbers really claim?</b></p>
{{ body }}
</body></html>
"""


def versions_page(a, b: str | None = None, *, names: tuple[str, str] = ("A", "B"),
                  about: tuple[str, str] = ("", ""), title: str = "Two versions of a story",
                  hide_one_sided: bool | None = None) -> str:
    """A self-contained HTML page (no scripts, no links out) with the side-by-side view.

    ``a``/``b`` as for :func:`versions_html` (two texts, or an Alignment); ``about`` says
    where each version comes from. The page has a box that hides the sentences only one version
    has; ``hide_one_sided`` ticks it (None: ticked when one version is a short excerpt of the other)."""
    import datetime

    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    al = a if isinstance(a, Alignment) else align_versions(a, b, names=names)
    return env.from_string(_PAGE).render(
        title=title, names=al.names, about=about, made=datetime.date.today().isoformat(),
        body=Markup(versions_html(al, toggle=is_excerpt(al) if hide_one_sided is None else bool(hide_one_sided))))


# ---------------------------------------------------------------- the widget


def _options(a, b, choices: dict[str, str] | None) -> tuple[list[tuple[str, str]], dict[str, str], str, str]:
    """Menu entries (label, key), the texts of the given choices by key, and the keys for A and B."""
    from kit.compare.trace import copy_choices
    from kit.core.text import list_articles, load_article
    from kit.core.widgets import SEED

    texts = {f"text:{k}": v for k, v in (copy_choices(load_article(SEED)) if choices is None else choices).items()}
    keys = []
    for which, given in (("A", a), ("B", b)):
        if isinstance(given, str) and f"text:{given}" in texts:
            keys.append(f"text:{given}")
        elif isinstance(given, str) and given in list_articles():
            keys.append(f"article:{given}")
        elif isinstance(given, str) and given.strip():
            texts[f"text:Your text {which}"] = given
            keys.append(f"text:Your text {which}")
        else:
            keys.append(None)
    options = [(k[5:], k) for k in texts] + [
        (f"{load_article(i).title} ({load_article(i).source})", f"article:{i}") for i in list_articles()]
    first_text = next(iter(texts), f"article:{SEED}-wire")
    key_a = keys[0] or f"article:{SEED}"
    key_b = keys[1] or (first_text if first_text != key_a else f"article:{SEED}-wire")
    valid = {k for _, k in options}
    return options, texts, key_a if key_a in valid else options[0][1], key_b if key_b in valid else options[-1][1]


def make_versions(a: str | None = None, b: str | None = None, *, choices: dict[str, str] | None = None):
    """Two versions side by side, changes marked (notebook 06: trace it to the original).

    ``a``/``b``: a name from ``choices``, a bundled article id, or a text. ``choices``
    (name -> text) fills the menus; by default, the copies of the seed article that carry
    an excerpt. Children: menu A, menu B, the "only sentences both have" box (ticked by itself
    when one version is a short excerpt of the other), a box to paste each version given as a
    text, the view.

    >>> w = make_versions("Police said 40 were hurt.", "40 were hurt.")
    >>> "speaker dropped" in w.children[-1].value
    True
    >>> w.children[3].value = "Rebels said 40 were hurt."  # pasted in app mode
    >>> "Rebels said" in w.children[-1].value
    True
    """
    import ipywidgets as W

    from kit.core.text import load_article
    from kit.core.widgets import safe_html

    options, texts, key_a, key_b = _options(a, b, choices)
    pick_a = W.Dropdown(options=options, value=key_a, description="A", layout=W.Layout(width="auto"))
    pick_b = W.Dropdown(options=options, value=key_b, description="B", layout=W.Layout(width="auto"))
    shared = W.Checkbox(value=False, description="Only the sentences both versions have", indent=False)
    out = W.HTML()
    seen: dict = {}

    def text_of(key: str) -> str:
        return texts[key] if key.startswith("text:") else load_article(key.split(":", 1)[1]).text

    def alignment():
        key = (pick_a.value, pick_b.value)
        if key not in seen:
            seen.clear()
            seen[key] = align_versions(text_of(key[0]), text_of(key[1]))
        return seen[key]

    def update(_=None):
        out.value = safe_html(lambda: versions_html(alignment(), shared_only=shared.value))

    def new_pair(_=None):  # a short excerpt beside a whole article: hide what only one has
        try:
            ticked = is_excerpt(alignment())
        except Exception:  # noqa: BLE001 - the view below says what went wrong, in plain words
            ticked = False
        if shared.value != ticked:
            shared.value = ticked  # updates the view
        else:
            update()

    for pick in (pick_a, pick_b):
        pick.observe(new_pair, "value")
    shared.observe(update, "value")
    new_pair()

    def pasted():  # the same menu entry with a new text: align again
        seen.clear()
        new_pair()

    areas = [_paste_box(which, pick, texts, pasted) for which, pick in (("A", pick_a), ("B", pick_b))
             if f"text:Your text {which}" in texts]
    return W.VBox([pick_a, pick_b, shared, *areas, out], layout=W.Layout(max_width="1200px"))


def _paste_box(which: str, pick, texts: dict, refresh):
    """A box for the student's own version ``which`` (app mode has no code to edit): what is
    pasted there becomes "Your text A" (or B), chosen in its menu."""
    import ipywidgets as W

    key = f"text:Your text {which}"
    area = W.Textarea(value=texts[key], description=f"Your text {which}", continuous_update=False,
                      placeholder=f"Paste a version of a story here: it becomes {which}",
                      layout=W.Layout(width="100%", height="90px"))

    def changed(change):
        texts[key] = change["new"]
        if pick.value == key:
            refresh()
        else:
            pick.value = key

    area.observe(changed, "value")
    return area
