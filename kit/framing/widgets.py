"""Framing widgets (notebook 01): thin builders that wire the framing finders to controls."""

from __future__ import annotations

import html

import ipywidgets as W

from kit.core.errors import KitError
from kit.core.render import highlight, message
from kit.core.text import load_article
from kit.core.widgets import SEED, parsed, safe_html

#: The stances as students read them: plain words with the technical word glossed, and the
#: text mark each highlighted label carries (so colour is never the only cue).
STANCE_NAMES = {
    "delegitimizing": "paints them as illegitimate (delegitimizing)",
    "neutral": "neutral: does not judge them",
    "legitimizing": "paints them as legitimate (legitimizing)",
}
#: The reframing styles on the buttons and in the summary ("wire" glossed: a news agency's report).
STYLE_LABELS = {"government": "government view", "opposition": "opposition view",
                "neutral": "neutral news agency (wire)"}
#: Seconds the label viewer waits after the last key before it analyses the text again.
DEBOUNCE_SECONDS = 0.3
#: How the reframe view marks a label it did not change because someone is quoted.
LEFT_AS_SAID = "left as said: inside a quotation"
#: ... and one it did not change because the words were a quotation in the original copy.
LEFT_AS_QUOTED = "left as said: a quotation in the original copy, which lost its quote marks"


def labels_html(text: str, stances: tuple[str, ...] = ("delegitimizing", "neutral", "legitimizing")) -> str:
    """HTML of ``text`` with its labels coloured by stance (hover for the side and the reason).

    >>> 'data-tag="delegitimizing"' in labels_html("Terrorists attacked the town.")
    True
    """
    from kit.framing.labels import find_labels, label_tooltip

    if not text.strip():
        return message("Paste or type some text to look for labels.", kind="info")
    from kit.core.cleaning import clean_chars

    text = clean_chars(text)  # the offsets are into the cleaned text (see kit.parse)
    labels = [l for l in find_labels(parsed(text)) if l.stance in stances]
    if not labels:
        return message("No labels of the chosen kinds in this text.", kind="info") + highlight(text, [])
    return highlight(text, labels, tag="stance", tooltip=label_tooltip, labels=STANCE_NAMES)


def debounced(fn, seconds: float = DEBOUNCE_SECONDS):
    """``fn`` called ``seconds`` after the last of a burst of calls (one analysis per pause in
    typing, not one per key). In a Jupyter kernel (JupyterLab, Voila) the call waits on the
    kernel's event loop; anywhere else (tests, scripts, even with another event loop running,
    such as a browser-test driver's) it runs at once, so setting ``.value`` shows the result.

    >>> calls = []
    >>> f = debounced(lambda *_: calls.append(1))
    >>> f(); f(); calls
    [1, 1]
    """
    import asyncio

    pending: dict[str, object] = {}

    def call(*args):
        try:
            from IPython import get_ipython

            in_kernel = getattr(get_ipython(), "kernel", None) is not None
            loop = asyncio.get_running_loop() if in_kernel else None
        except (ImportError, RuntimeError):
            loop = None
        if loop is None:
            return fn(*args)
        if pending.get("handle") is not None:
            pending["handle"].cancel()
        pending["handle"] = loop.call_later(seconds, fn, *args)

    return call


def make_label_viewer(text: str | None = None) -> W.VBox:
    """Labels coloured by stance, each with a text mark. Children: the text box (analysed as the
    student types, after a short pause), the stances to show, the HTML view."""
    box = W.Textarea(value=text if text is not None else load_article(SEED).text,
                     layout=W.Layout(width="100%", height="120px"), description="Text",
                     continuous_update=True)  # live: re-analysed once the student pauses typing
    show = W.SelectMultiple(options=[(v, k) for k, v in STANCE_NAMES.items()], value=tuple(STANCE_NAMES),
                            description="Show", rows=3, layout=W.Layout(width="auto", min_width="420px"))
    out = W.HTML()

    def update(_=None):
        out.value = safe_html(lambda: labels_html(box.value, tuple(show.value)))

    box.observe(debounced(update), "value")
    show.observe(update, "value")
    update()
    return W.VBox([box, show, out], layout=W.Layout(max_width="900px"))


def reframe_html(text: str, style: str, *, quotations=(), rewrite_quoted: bool = False) -> str:
    """Both versions side by side: the original with the swapped words marked, the new one with
    the new words marked. ``quotations``: :class:`kit.core.provenance.Quotation` records whose
    words, where the text has them, are someone's quotation though no quote marks show it: left
    as said, or with ``rewrite_quoted`` changed and marked as changing what that speaker said.

    >>> out = reframe_html("Terrorists attacked.", "neutral")
    >>> "Rebels" in out and "Terrorists" in out
    True
    """
    from kit.core.provenance import quotation_spans
    from kit.core.render import Highlight
    from kit.framing.reframing import reframe

    if not any(c.isalpha() for c in str(text)):
        return message("You have not given a text yet: write or paste a few sentences into the box, then "
                       "press Reframe.", kind="todo")
    result = reframe(text, style, protected=quotation_spans(text, quotations), rewrite_protected=rewrite_quoted)
    old = [Highlight(s.start_char, s.end_char, "changed", f"becomes: {s.new}" + _voice_note(s)) for s in result.swaps]
    old += [Highlight(s.start_char, s.end_char, "left as said", _left_note(s)) for s in result.left_as_said]
    new = [Highlight(a, b, "new wording", f"was: {s.old}" + _voice_note(s)) for a, b, s in result.new_spans()]
    colors = {"changed": "#f5a3a3", "new wording": "#a8e0c8", "left as said": "#d9d9d9"}
    left = highlight(result.original, old, colors=colors, show_legend=False)
    right = highlight(result.text, new, colors=colors, show_legend=False)
    n = len(result.swaps)
    if n:
        said = f"{n} change{'s' if n != 1 else ''} for the {STYLE_LABELS[result.style]}."
    elif result.left_as_said:
        said = "Nothing changed: every label that would change is inside a quotation, left as said."
    else:
        said = f"The kit found no label to change: none of its words for people and groups differ in the {STYLE_LABELS[result.style]}."
    summary = message(said, kind="info")
    col = 'style="flex:1;min-width:0;padding:0 8px;border-left:3px solid {c}"'
    return (
        summary
        + _voices_html(result)
        + '<div class="kit-reframe" style="display:flex;gap:12px">'
        + f'<div {col.format(c="#f5a3a3")}><b>Original</b>{left}</div>'
        + f'<div {col.format(c="#a8e0c8")}><b>{html.escape(STYLE_LABELS[result.style].capitalize())}</b>{right}</div>'
        + "</div>"
    )


def _voice_note(swap) -> str:
    """What a swap does to someone's words: nothing for the narrator's own."""
    return f"; changes what {swap.speaker} is reported to have said" if swap.speaker else ""


def _left_note(swap) -> str:
    """Why a label was left as it is, and whose words it is."""
    if not swap.lost_quote:
        return LEFT_AS_SAID
    return LEFT_AS_QUOTED + (f" (the words of {swap.speaker})" if swap.speaker else "")


def _voices_html(result) -> str:
    """A list of the swaps that touch someone else's words, and the quoted labels left alone.

    >>> from kit.framing.reframing import reframe
    >>> out = _voices_html(reframe('"Terrorists fled," he said. The army said terrorists fled.', "neutral"))
    >>> "changes what The army is reported to have said" in out and "left as said: inside a quotation" in out
    True
    """
    items = [f"\u201c{s.old}\u201d \u2192 \u201c{s.new}\u201d: changes what {s.speaker} is reported to have said"
             + (" (in the original copy, a quotation)" if s.lost_quote else "")
             for s in result.swaps if s.speaker]
    items += [f"\u201c{s.old}\u201d: {_left_note(s)}" for s in result.left_as_said]
    if not items:
        return ""
    rows = "".join(f"<li>{html.escape(i)}</li>" for i in items)
    return f'<ul class="kit-reframe-voices" style="margin:4px 0 8px 0">{rows}</ul>'


def make_reframer(text: str | None = None, *, quotations=None) -> W.VBox:
    """Rewrite a text in another framing. Children: text box, style buttons, a box to tick to
    rewrite the quotations the copy lost as well, "Reframe" button, HTML view.

    ``quotations``: the lost quotations to leave as said (default: the seed article's, found
    wherever the text still has their words)."""
    seed = load_article(SEED)
    quotations = seed.quotations if quotations is None else tuple(quotations)
    box = W.Textarea(value=text if text is not None else seed.text,
                     layout=W.Layout(width="100%", height="120px"), description="Text")
    style = W.ToggleButtons(options=[(v, k) for k, v in STYLE_LABELS.items()], value="neutral", description="Style",
                            style={"button_width": "auto"})  # each label whole, never cut off
    sources = W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto"),
                         description="Also rewrite the words that were quotations in AFP's copies (rewriting a source)")
    button = W.Button(description="Reframe", button_style="primary", icon="random",
                      layout=W.Layout(width="auto", min_width="120px"))
    out = W.HTML()

    def run(_=None):
        out.value = safe_html(lambda: reframe_html(box.value, style.value, quotations=quotations,
                                                   rewrite_quoted=sources.value))

    button.on_click(run)
    run()
    return W.VBox([box, style, sources, button, out], layout=W.Layout(max_width="1100px"))


def make_passive_spotter(text: str | None = None) -> W.VBox:
    """Clauses that may hide who did something; asks "who did it?" and checks the answer.

    Children: a clause picker, an answer box, a "Check" button, the HTML view.
    """
    from kit.core.render import Highlight
    from kit.framing.passives import find_passives
    from kit.framing.who_did_it import judge_who_did_it

    from kit.core.cleaning import clean_chars

    source = clean_chars(text) if isinstance(text, str) else load_article(SEED).text
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
    button = W.Button(description="Check", button_style="primary", layout=W.Layout(width="auto", min_width="120px"))
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
            close = text_.startswith("Close")  # a defensible guess: a hint, not a "no"
            verdict["html"] = message(text_, kind="success" if ok else "info" if close else "warning")
        show()

    def new_clause(_=None):
        verdict["html"] = ""
        guess.value = ""
        show()

    pick.observe(new_clause, "value")
    button.on_click(check)
    show()
    return W.VBox([pick, guess, button, out], layout=W.Layout(max_width="900px"))
