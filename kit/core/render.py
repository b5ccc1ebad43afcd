"""Spans -> HTML: colour-coded highlights with a legend. User text is always escaped.

One small renderer serves every lens. It takes any objects with ``start_char`` and
``end_char`` (kit results, spaCy spans) or :class:`Highlight` records.

Accessible to every student (issue 14): colour is never the only cue. Each highlighted span
shows a short text mark after it (``data-cue``: "−" paints them as illegitimate, "+" as
legitimate, "=" neutral, "MON" monitor group, "!" no source...; from ``kit/core/data/glossary.toml``
or made from the tag's label), and the legend shows the same mark beside each colour.
Internal names are shown in plain words (:func:`kit.core.glossary.plain_label`).

Colours: light tints of the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"),
chosen to stay apart for the common kinds of colour blindness; text on them is near-black
(:data:`TEXT_COLOR`), which gives a contrast of at least 9:1 on every tint (WCAG AA asks 4.5:1;
``tests/test_accessibility.py`` computes it for every palette in the kit). Where two tints
still look alike to some readers, the text mark tells them apart.

>>> print(highlight("Rebels took <Aleppo>.", [Highlight(13, 19, "place")], show_legend=False))
<div class="kit-hl"...>...Rebels took &lt;<mark ... data-cue="place" ...>Aleppo</mark>&gt;.</div>
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Iterable

from kit.core.glossary import KIT_CSS, cue_for, lookup, plain_label

#: Text colour on every highlight and legend chip (contrast >= 9:1 on every tint below).
TEXT_COLOR = "#111111"
#: The text mark after each span (``data-cue``), drawn by CSS so the article's text is unchanged
#: when copied; the legend shows the same mark as text. :func:`highlight` puts it before its
#: legend; :func:`with_cue_css` adds it to any page that lacks it (widgets, the report).
CUE_CSS = (
    "<style>.kit-span[data-cue]::after{content:attr(data-cue);font-size:72%;font-weight:600;"
    "margin-left:3px;padding:0 2px;border:1px solid #555;border-radius:3px;background:#fff;"
    f"color:{TEXT_COLOR};vertical-align:1px;white-space:nowrap}}</style>"
)
#: Marks for spaCy's entity kinds (notebook 00), which are not glossary terms.
ENTITY_CUES = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "area", "NORP": "group",
               "DATE": "date"}
_CHIP = "padding:1px 6px;margin-right:6px;border-radius:3px;display:inline-block"

#: Colour-blind-friendly palette (Okabe-Ito, lightened for a background).
PALETTE = (
    "#f9c784", "#9fd3f0", "#a8e0c8", "#f5a3a3", "#d9b8e8",
    "#f6ef9a", "#c7c7c7", "#b9d7a8", "#f7c6e0", "#a7c4f2",
)

#: Fixed colours for tags that mean the same thing in every notebook.
TAG_COLORS = {
    # stance (framing)
    "delegitimizing": "#f5a3a3",
    "neutral": "#ececec",  # light grey: apart from both tints for every kind of colour blindness
    "legitimizing": "#a8e0c8",
    # entity kinds (start notebook)
    "PERSON": "#f9c784",
    "ORG": "#9fd3f0",
    "GPE": "#a8e0c8",
    "LOC": "#b9d7a8",
    "NORP": "#d9b8e8",
    "DATE": "#f6ef9a",
    "unattributed": "#f5a3a3",
}


@dataclass(frozen=True)
class Highlight:
    """A span of text to mark: character offsets, a tag (the colour) and a hover note."""

    start_char: int
    end_char: int
    tag: str
    tooltip: str = ""


def _as_highlight(span, tag, tooltip) -> Highlight:
    if isinstance(span, Highlight):
        return span
    tag_value = tag(span) if callable(tag) else getattr(span, tag, None)
    if tag_value is None:
        tag_value = getattr(span, "label_", "") or "span"
    tip = tooltip(span) if callable(tooltip) else ""
    return Highlight(int(span.start_char), int(span.end_char), str(tag_value), str(tip or ""))


def colors_for(tags: Iterable[str], colors: dict[str, str] | None = None) -> dict[str, str]:
    """A colour for each tag: given ones first, then fixed ones, then the palette.

    >>> colors_for(["neutral", "x"])["neutral"]
    '#ececec'
    """
    out: dict[str, str] = {}
    spare = iter(p for p in PALETTE * 3)
    for t in tags:
        if t in out:
            continue
        out[t] = (colors or {}).get(t) or TAG_COLORS.get(t) or next(spare)
    return out


def label_of(tag: str, labels: dict[str, str] | None = None) -> str:
    """The words a student sees for a tag: the caller's label, else the glossary's plain label.

    >>> label_of("delegitimizing"), label_of("monitor", {"monitor": "monitor"}), label_of("x_y")
    ('paints them as illegitimate', 'monitor', 'x y')
    """
    return (labels or {}).get(tag) or plain_label(tag)


def cues_for(tags: Iterable[str], labels: dict[str, str] | None = None) -> dict[str, str]:
    """A short, distinct text mark for each tag: the glossary's cue, then an entity kind's,
    then the label itself when short, its first word, or its initials.

    >>> cues_for(["delegitimizing", "neutral", "doer hidden", "doer named", "PERSON"])
    {'delegitimizing': '−', 'neutral': '=', 'doer hidden': 'who?', 'doer named': 'doer', 'PERSON': 'person'}
    """
    out: dict[str, str] = {}
    for t in dict.fromkeys(tags):
        label = label_of(t, labels)
        words = label.replace(".", "").split()
        options = [cue_for(t), ENTITY_CUES.get(t, ""), label if len(label) <= 8 else "",
                   words[0] if words and len(words[0]) <= 8 else "",
                   "".join(w[0] for w in words).upper()]
        cue = next((c for c in options if c and c not in out.values()), "")
        n = 2
        while not cue or cue in out.values():
            cue = f"{(options[-1] or t[:3])}{n}"
            n += 1
        out[t] = cue
    return out


def legend(colors: dict[str, str], *, labels: dict[str, str] | None = None,
           cues: dict[str, str] | None = None) -> str:
    """HTML legend: one chip per tag, in its colour, with its text mark and plain label
    (hover for the definition when the glossary has one).

    >>> out = legend({"neutral": "#ddd"})
    >>> "neutral" in out and "=" in out
    True
    """
    cues = cues if cues is not None else cues_for(colors, labels)
    chips = []
    for t, c in colors.items():
        term = lookup(t)
        title = (f' title="{html.escape(term.definition)}" data-def="{html.escape(term.definition)}"'
                 ' tabindex="0"' if term else "")  # a glossed chip: Tab or tap shows the definition
        mark = (f'<span class="kit-cue" style="border:1px solid #555;border-radius:3px;background:#fff;'
                f'padding:0 2px;margin-right:4px;font-size:85%;font-weight:600">{html.escape(cues[t])}</span>'
                if cues.get(t) else "")
        chips.append(f'<span class="kit-chip{" kit-term" if term else ""}" data-tag="{html.escape(t)}"{title} style="background:{html.escape(c)};'
                     f'color:{TEXT_COLOR};{_CHIP}">{mark}{html.escape(label_of(t, labels))}</span>')
    return (f'{KIT_CSS}<div class="kit-legend" style="margin:4px 0 8px 0;font-size:90%">'
            f'{"".join(chips)}</div>')


def highlight(
    text: str,
    spans: Iterable,
    *,
    tag: str | Callable = "tag",
    tooltip: Callable | None = None,
    colors: dict[str, str] | None = None,
    labels: dict[str, str] | None = None,
    show_legend: bool = True,
    show_tags: bool = False,
) -> str:
    """HTML for ``text`` with ``spans`` marked in colour.

    ``tag`` is an attribute name or a function giving each span's tag (its colour);
    ``tooltip`` a function giving hover text. Overlapping spans: the earlier (then the
    longer) wins, so nothing is marked twice. Line breaks are kept.

    >>> out = highlight("a <b> c", [Highlight(2, 5, "x", "it's <b>")], show_legend=False)
    >>> "&lt;b&gt;" in out and "<b>" not in out
    True
    """
    items = sorted(
        (_as_highlight(s, tag, tooltip) for s in spans),
        key=lambda h: (h.start_char, -(h.end_char - h.start_char)),
    )
    kept: list[Highlight] = []
    last_end = 0
    for h in items:
        if h.start_char >= last_end and 0 <= h.start_char < h.end_char <= len(text):
            kept.append(h)
            last_end = h.end_char
    palette = colors_for([h.tag for h in kept], colors)
    cues = cues_for(palette, labels)
    parts: list[str] = []
    pos = 0
    for h in kept:
        parts.append(_lines(text[pos : h.start_char]))
        label = label_of(h.tag, labels)
        title = h.tooltip or label
        badge = f'<sub style="font-size:72%;margin-left:2px">{html.escape(label)}</sub>' if show_tags else ""
        cue = "" if show_tags else f' data-cue="{html.escape(cues[h.tag])}"'
        parts.append(
            f'<mark class="kit-span" data-tag="{html.escape(h.tag)}"{cue} title="{html.escape(title)}" '
            f'style="background:{html.escape(palette[h.tag])};color:{TEXT_COLOR};padding:0 2px;border-radius:3px">'
            f"{_lines(text[h.start_char : h.end_char])}{badge}</mark>"
        )
        pos = h.end_char
    parts.append(_lines(text[pos:]))
    body = "".join(parts)
    out = f'<div class="kit-hl" style="line-height:1.7">{body}</div>'
    if show_legend and palette:
        out = (CUE_CSS if not show_tags else "") + legend(palette, labels=labels, cues=None if show_tags else cues) + out
    return out


def _lines(text: str) -> str:
    """Escaped text with its line breaks kept as ``<br>`` (only in the text: a tooltip keeps its
    own line breaks, which browsers show, instead of a literal ``<br>``).

    >>> _lines("a <b>\\nc")
    'a &lt;b&gt;<br>\\nc'
    """
    return html.escape(text).replace("\n", "<br>\n")


def with_cue_css(page: str) -> str:
    """``page`` with the CSS that draws the text marks, once, when it has marks and no CSS yet
    (a highlight without its legend leaves the CSS out; widgets and the report add it here).

    >>> with_cue_css('<mark data-cue="=">x</mark>').startswith("<style>")
    True
    >>> with_cue_css("<b>no marks</b>")
    '<b>no marks</b>'
    """
    if "data-cue=" in page and CUE_CSS not in page:
        return CUE_CSS + page
    return page


def message(text: str, *, kind: str = "info", live: bool = False) -> str:
    """A friendly boxed message (info, warning, error, success or todo), text escaped. The icon
    is decoration (the words say it all; screen readers skip it). ``live``: a status region, so
    screen readers read the message when it appears (feedback after Check).

    >>> "&lt;" in message("<oops>", kind="error")
    True
    >>> 'role="status"' in message("Well done!", kind="success", live=True)
    True
    """
    colours = {
        "info": ("#eef6fc", "#2b7bb9", "ℹ️"),
        "warning": ("#fff8e5", "#b58105", "⚠️"),
        "error": ("#fdecea", "#c0392b", "✋"),
        "success": ("#eafaf1", "#1e8449", "✅"),
        "todo": ("#f4f6f7", "#7f8c8d", "✏️"),  # an exercise not answered yet: a note, not a warning
    }
    bg, border, icon = colours.get(kind, colours["info"])
    role = ' role="status" aria-live="polite"' if live else ""
    return (
        f'<div class="kit-msg kit-msg-{html.escape(kind)}"{role} style="background:{bg};'
        f'border-left:4px solid {border};padding:6px 10px;margin:4px 0">'
        f'<span aria-hidden="true">{icon}</span> {html.escape(text)}</div>'
    )


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
