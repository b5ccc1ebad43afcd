"""Attribution widgets (notebook 02): source map, unsourced claims."""

from __future__ import annotations

import html
import textwrap

import ipywidgets as W

from kit.core.errors import KitError
from kit.core.glossary import plain_count
from kit.core.render import highlight, message
from kit.core.text import load_article
from kit.core.widgets import SEED, parsed, safe_html, text_check_view

SIGNAL_COLORS = {
    "neutral": "#d6d6d6", "distancing": "#f5a3a3", "endorsing": "#a8e0c8", "conceding": "#f9c784",
    "emphatic": "#d9b8e8", "denial": "#9fd3f0", "accusing": "#f7c6e0", "appeal": "#f6ef9a",
    "speculative": "#b9d7a8",
}


def _attribution_text(article_id: str | None, text: str | None) -> str:
    return text if text is not None else load_article(article_id or SEED).text


def as_in_copies(atts, renamed=()) -> list:
    """Attributions with the speakers a copy renamed given back their original name and kind of
    source (see :class:`kit.core.provenance.RenamedSpeaker`); the words of this copy stay in
    ``resolved_from``. Without ``renamed`` (any other text) nothing changes.

    >>> from kit.attribution import find_attributions
    >>> from kit.core.provenance import RenamedSpeaker
    >>> r = RenamedSpeaker("an observer", "a monitor", "the Observatory", "monitor", "x", "u")
    >>> a = as_in_copies(find_attributions(parsed("Ten people died, an observer said.")), [r])[0]
    >>> a.speaker, a.resolved_from, a.source_type
    ('a monitor', 'an observer', 'monitor')
    """
    from dataclasses import replace

    names = {r.words.lower(): r for r in renamed}
    out = []
    for a in atts:
        r = names.get(a.speaker.lower().strip())
        out.append(replace(a, speaker=r.original, resolved_from=a.speaker, source_type=r.source_type,
                           type_confidence="sure") if r else a)
    return out


def source_map_html(text: str, *, by: str = "source_type", renamed=()) -> str:
    """HTML source map of ``text``: claims coloured by source type (or cue signal), hover
    for speaker and cue; red for contested claims with no source.

    >>> "NO SOURCE" in source_map_html("Two people died. Police said the road was closed.")
    True
    """
    from kit.attribution import SOURCE_COLORS, SOURCE_LABELS, source_map
    from kit.core.cleaning import clean_chars

    from kit.attribution import find_attributions

    text = clean_chars(text)  # the offsets are into the cleaned text (see kit.parse)
    doc = parsed(text)
    spans = source_map(doc, by=by, attributions=as_in_copies(find_attributions(doc), renamed))
    if by == "cue_signal":
        colors = dict(SIGNAL_COLORS, unattributed=SOURCE_COLORS["unattributed"])
        labels = {"unattributed": SOURCE_LABELS["unattributed"]}
    else:
        colors, labels = SOURCE_COLORS, SOURCE_LABELS
    if not spans:
        return message("The kit found no sources and no contested claims in this text.", kind="info")
    return highlight(text, spans, colors=colors, labels=labels, tooltip=None)


def attribution_detail_html(text: str, index: int, *, renamed=()) -> str:
    """Details of the ``index``-th attribution (from 0) in ``text``: speaker, cue, content.

    >>> "Police" in attribution_detail_html("Police said the road was closed.", 0)
    True
    """
    from kit.attribution import find_attributions, type_words

    atts = as_in_copies(find_attributions(parsed(text)), renamed)
    if not 0 <= index < len(atts):
        return message("Pick a claim from the list.", kind="info")
    a = atts[index]
    rows = [
        ("Who says so", a.speaker + (f" (the text says \"{a.resolved_from}\")" if a.resolved_from else "")),
        ("Kind of source", type_words(a.source_type, a.type_confidence)
         + (f" ({a.source_kind.replace('_', ' ')})" if getattr(a, "source_kind", "") and a.type_sure else "")),
        ("Cue", f"\"{a.cue}\" (what the verb suggests: {a.cue_signal})"),
        ("How direct", {"direct": "direct quote (the speaker's own words)",
                        "indirect": "reported speech (the reporter's words)",
                        "according_to": "\"according to\": the reporter passes it on"}[a.kind]),
        ("The claim", a.content),
    ]
    body = "".join(f"<tr><th style='text-align:left;padding-right:12px'>{html.escape(k)}</th>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table class='kit-attribution'>{body}</table>"


def _clip(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary (an ellipsis shows the cut).

    >>> _clip("Deputy Foreign Minister Anna Kowalczyk-Brzezinska", 30)
    'Deputy Foreign Minister Anna …'
    >>> _clip("Police", 30), _clip("https://example.org/a-very-long-path", 12)
    ('Police', 'https://exa…')
    """
    out = textwrap.shorten(text, width=width, placeholder=" …")
    return out if out.strip(" …") else text[:width - 1] + "…"  # one very long word


def make_source_map(article_id: str = SEED, *, text: str | None = None) -> W.VBox:
    """A source map of an article: every claim coloured by who makes it.

    Children: a colour-by toggle (source type / what the verb suggests), the map, a dropdown of the
    claims found, and a box with the chosen claim's speaker, cue and content.

    >>> w = make_source_map(text="Police said the road was closed. Two people died.")
    >>> w.children[0].value = "cue_signal"
    >>> w.children[2].value = 0
    >>> "Police" in w.children[3].value
    True
    """
    from kit.attribution import find_attributions

    body = _attribution_text(article_id, text)
    renamed = load_article(article_id or SEED).renamed_speakers if text is None else ()
    mode = W.ToggleButtons(options=[("source type", "source_type"), ("what the verb suggests", "cue_signal")],
                           value="source_type", description="Colour by",
                           style={"button_width": "auto"})  # each label whole, never cut off
    view = W.HTML()
    try:
        atts = as_in_copies(find_attributions(parsed(body)), renamed)
    except KitError:
        atts = []
    # cut at a word, never inside a name; the box below shows the whole claim
    options = [(f"{n + 1}. {_clip(a.speaker, 40)} {a.cue}: {_clip(a.content, 50)}", n) for n, a in enumerate(atts)]
    pick = W.Dropdown(options=options or [("(no claims found)", -1)], value=0 if options else -1,
                      description="Claim", layout=W.Layout(width="95%"))
    detail = W.HTML()

    def redraw(_=None):
        view.value = safe_html(lambda: source_map_html(body, by=mode.value, renamed=renamed))

    def show(_=None):
        detail.value = safe_html(lambda: attribution_detail_html(body, pick.value, renamed=renamed))

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
    from kit.attribution import find_unattributed

    if not any(c.isalpha() for c in text):
        return message("You have not given a text yet: paste a news text into the box, then press the button.",
                       kind="todo")
    claims = find_unattributed(parsed(text))
    if not claims:
        return message("The kit found no claim about deaths, attacks, who controls a place or blame that "
                       "comes without a source. It can miss some: read the rest yourself.", kind="info")
    items = "".join(
        f"<li><b>{html.escape(c.text)}</b><br><small>{html.escape(c.reason)}: "
        f"{html.escape(', '.join(c.cues))}. {html.escape(c.question)}</small></li>"
        for c in claims
    )
    n = plain_count(len(claims), "sentence states", "sentences state")
    return (message(f"{n} contested facts with no source:", kind="warning")
            + f"<ol class='kit-unsourced'>{items}</ol>")


def make_unsourced_view(article_id: str = SEED, *, text: str | None = None) -> W.VBox:
    """Find the claims with no source: in the article, or in text the student pastes.

    Children: a text box (the article to start with), a button, the result.

    >>> w = make_unsourced_view(text="Rebels seized the airport.")
    >>> w.children[1].click()
    >>> "seized" in w.children[2].value
    True
    """
    return text_check_view(_attribution_text(article_id, text), unsourced_html,
                            W.Button(description="Find unsourced claims", button_style="warning", icon="search"))
