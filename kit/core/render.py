"""Spans -> HTML: colour-coded highlights with a legend. User text is always escaped.

One small renderer serves every lens. It takes any objects with ``start_char`` and
``end_char`` (kit results, spaCy spans) or :class:`Highlight` records.

>>> print(highlight("Rebels took <Aleppo>.", [Highlight(13, 19, "place")], show_legend=False))
<div class="kit-hl"...>Rebels took &lt;<mark ...>Aleppo</mark>&gt;.</div>
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Iterable

#: Colour-blind-friendly palette (Okabe-Ito, lightened for a background).
PALETTE = (
    "#f9c784", "#9fd3f0", "#a8e0c8", "#f5a3a3", "#d9b8e8",
    "#f6ef9a", "#c7c7c7", "#b9d7a8", "#f7c6e0", "#a7c4f2",
)

#: Fixed colours for tags that mean the same thing in every notebook.
TAG_COLORS = {
    # stance (framing)
    "delegitimizing": "#f5a3a3",
    "neutral": "#d6d6d6",
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
    '#d6d6d6'
    """
    out: dict[str, str] = {}
    spare = iter(p for p in PALETTE * 3)
    for t in tags:
        if t in out:
            continue
        out[t] = (colors or {}).get(t) or TAG_COLORS.get(t) or next(spare)
    return out


def legend(colors: dict[str, str], *, labels: dict[str, str] | None = None) -> str:
    """HTML legend: one coloured chip per tag.

    >>> "neutral" in legend({"neutral": "#ddd"})
    True
    """
    chips = "".join(
        f'<span style="background:{html.escape(c)};padding:1px 6px;margin-right:6px;'
        f'border-radius:3px">{html.escape((labels or {}).get(t, t))}</span>'
        for t, c in colors.items()
    )
    return f'<div class="kit-legend" style="margin:4px 0 8px 0;font-size:90%">{chips}</div>'


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
    parts: list[str] = []
    pos = 0
    for h in kept:
        parts.append(html.escape(text[pos : h.start_char]))
        label = (labels or {}).get(h.tag, h.tag)
        title = h.tooltip or label
        badge = (
            f'<sub style="font-size:70%;opacity:.7;margin-left:2px">{html.escape(label)}</sub>'
            if show_tags
            else ""
        )
        parts.append(
            f'<mark class="kit-span" data-tag="{html.escape(h.tag)}" title="{html.escape(title)}" '
            f'style="background:{html.escape(palette[h.tag])};padding:0 2px;border-radius:3px">'
            f"{html.escape(text[h.start_char : h.end_char])}{badge}</mark>"
        )
        pos = h.end_char
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    out = f'<div class="kit-hl" style="line-height:1.7">{body}</div>'
    if show_legend and palette:
        out = legend(palette, labels=labels) + out
    return out


def message(text: str, *, kind: str = "info") -> str:
    """A friendly boxed message (info, warning, error or success), text escaped.

    >>> "&lt;" in message("<oops>", kind="error")
    True
    """
    colours = {
        "info": ("#eef6fc", "#2b7bb9", "ℹ️"),
        "warning": ("#fff8e5", "#b58105", "⚠️"),
        "error": ("#fdecea", "#c0392b", "✋"),
        "success": ("#eafaf1", "#1e8449", "✅"),
    }
    bg, border, icon = colours.get(kind, colours["info"])
    return (
        f'<div class="kit-msg kit-msg-{html.escape(kind)}" style="background:{bg};'
        f'border-left:4px solid {border};padding:6px 10px;margin:4px 0">'
        f"{icon} {html.escape(text)}</div>"
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
