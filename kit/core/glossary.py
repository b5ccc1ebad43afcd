"""The kit's words in plain English: labels for students and hover glosses.

The data is ``kit/core/data/glossary.toml`` (one ``[[term]]`` per word, with its plain label,
the kit's internal names for it, a definition and an optional text cue); ``lessons/glossary.md``
is the same list to read and print. It lives in ``core`` so that every room, and
:mod:`kit.core.render` itself, can show plain words instead of internal names.

>>> plain_label("delegitimizing")
'paints them as illegitimate'
>>> plain_label("according_to"), plain_label("cue signal"), plain_label("state_media")
('according to ...', 'what the verb suggests', 'state media')
>>> print(term_html("hedge"))
<abbr class="kit-term" title="Words that make a figure less exact: ..." tabindex="0" ...>hedge</abbr>
"""

from __future__ import annotations

import functools
import html
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

__all__ = ["KIT_CSS", "GlossaryView", "Term", "cue_for", "glossary", "glossary_view", "lookup", "plain_count", "plain_label", "plain_options", "plain_text", "plain_words", "term_html"]

#: The look of a glossed word: a dotted underline, as browsers show <abbr>, and a help cursor.
ABBR_STYLE = "text-decoration:underline dotted;text-underline-offset:2px;cursor:help"
#: Font Awesome 4 glyphs of the kit's button icons, drawn with an empty alternative text: a
#: button's name is its words ("Mark"), not a private-use glyph before them (issue 26).
_ICONS = {"balance-scale": "f24e", "check": "f00c", "eraser": "f12d", "eye": "f06e", "key": "f084",
          "pencil": "f040", "random": "f074", "refresh": "f021", "save": "f0c7", "search": "f002"}
_ICON_CSS = "".join(f'.widget-button .fa-{name}::before{{content:"\\{code}" / ""}}' for name, code in _ICONS.items())

#: The kit's shared look for keyboard and touch (issue 26): a strong focus ring on every control,
#: a glossed word (``.kit-term``, dotted underline) shows its definition on hover, on Tab focus and
#: on a tap (a tap focuses it), and long words and links wrap instead of running off the page.
#: It comes with every legend and the glossary, so one copy reaches each page.
KIT_CSS = (
    "<style>.jupyter-widgets :focus-visible,.kit-term:focus-visible,summary:focus-visible"
    "{outline:3px solid #1a5fb4 !important;outline-offset:2px}"
    ".kit-term{position:relative;text-decoration:underline dotted;text-underline-offset:2px;cursor:help}"
    ".kit-term[data-def]:hover::after,.kit-term[data-def]:focus::after{content:attr(data-def);"
    "position:absolute;left:0;top:100%;z-index:20;width:max-content;max-width:min(320px,80vw);"
    "white-space:normal;background:#fff;color:#111;border:1px solid #555;border-radius:4px;"
    "padding:4px 6px;font-size:0.9rem;font-weight:normal;line-height:1.35;text-align:left}"
    ".kit-hl,.kit-msg,.kit-table td,.kit-glossary dd,.jp-RenderedHTMLCommon a{overflow-wrap:anywhere}"
    # printed lines: JupyterLab breaks them inside words (word-break:break-all); wrap at spaces
    ".jp-RenderedText pre{word-break:normal !important;overflow-wrap:anywhere}"
    # a long choice beside a tick box wraps whole instead of ending in "..."
    ".widget-checkbox{height:auto !important;align-items:flex-start}.widget-checkbox .widget-label-basic,"
    ".widget-checkbox .widget-label-basic span{white-space:normal !important;overflow:visible !important;"
    "text-overflow:clip !important}" + _ICON_CSS + "</style>"
)


@dataclass(frozen=True)
class Term:
    """One glossary entry (see the top of ``glossary.toml``)."""

    term: str
    label: str
    definition: str
    names: tuple[str, ...] = ()
    cue: str = ""


def _key(name: str) -> str:
    """A name as looked up: lower case, ``_`` and ``-`` as spaces, spaces squeezed.

    >>> _key(" State_Media ")
    'state media'
    """
    return " ".join(str(name).replace("_", " ").replace("-", " ").lower().split())


@functools.lru_cache(maxsize=1)
def glossary() -> tuple[Term, ...]:
    """Every term of ``kit/core/data/glossary.toml``, in the file's order.

    >>> glossary()[0].term
    'framing'
    """
    raw = resources.files("kit.core").joinpath("data/glossary.toml").read_bytes()
    return tuple(Term(t["term"], t["label"], t["definition"], tuple(t.get("names", ())), t.get("cue", ""))
                 for t in tomllib.loads(raw.decode("utf-8"))["term"])


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Term]:
    out: dict[str, Term] = {}
    for t in glossary():
        for name in (*t.names, t.term):
            out.setdefault(_key(name), t)
    return out


def lookup(name: str) -> Term | None:
    """The glossary entry for a term or an internal name (any case, ``_`` or spaces), or None.

    >>> lookup("Monitor").label, lookup("nonsense") is None
    ('monitor group', True)
    """
    return _index().get(_key(name))


@functools.lru_cache(maxsize=1)
def plain_words() -> dict[str, str]:
    """Internal names that are not glossary terms and their plain words
    (``kit/core/data/plain_words.toml``), keyed as :func:`lookup` keys names.

    >>> plain_words()["event subject"]
    'an event as the doer'
    """
    raw = resources.files("kit.core").joinpath("data/plain_words.toml").read_bytes()
    return {_key(w["name"]): w["words"] for w in tomllib.loads(raw.decode("utf-8"))["word"]}


def plain_label(technical: str) -> str:
    """The student-facing words for an internal name: the glossary's label, else the plain
    words of ``plain_words.toml``; unknown names lose their underscores.

    >>> plain_label("foreign_government"), plain_label("event_subject"), plain_label("some_new_tag")
    ('foreign government', 'an event as the doer', 'some new tag')
    """
    t = lookup(technical)
    if t:
        return t.label
    return plain_words().get(_key(technical)) or " ".join(str(technical).replace("_", " ").split())


def plain_options(names) -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a dropdown or radio buttons: the student reads the plain
    words, the checker gets the internal name.

    >>> plain_options(["state_media", "monitor"])
    [('state media', 'state_media'), ('monitor group', 'monitor')]
    """
    return [(plain_label(n), n) for n in names]


def cue_for(technical: str) -> str:
    """The short text mark for a tag from the glossary ("" when it has none).

    >>> cue_for("delegitimizing"), cue_for("monitor"), cue_for("PERSON")
    ('−', 'MON', '')
    """
    t = lookup(technical)
    return t.cue if t else ""


def term_html(term: str, text: str | None = None) -> str:
    """``text`` (default: the term's plain label) as an ``<abbr>`` whose title is the definition,
    reachable with the keyboard (tabindex). Unknown terms come back escaped, without a gloss.

    >>> term_html("nonsense <b>")
    'nonsense &lt;b&gt;'
    >>> 'title="What a label does' in term_html("stance", "stance")
    True
    """
    t = lookup(term)
    shown = text if text is not None else (t.label if t else term)
    if t is None:
        return html.escape(shown)
    return (f'<abbr class="kit-term" title="{html.escape(t.definition)}" data-def="{html.escape(t.definition)}" tabindex="0" '
            f'style="{ABBR_STYLE}">{html.escape(shown)}</abbr>')


_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def plain_text(text: str) -> str:
    """``text`` with every snake_case internal name replaced by its plain label.

    >>> plain_text("3 claims from state_media, 1 according_to")
    '3 claims from state media, 1 according to ...'
    """
    return _SNAKE.sub(lambda m: plain_label(m.group(0)), text)


def plain_count(n: int, singular: str, plural: str | None = None) -> str:
    """A count with the right form of its noun (an English plural in "s" unless given).

    >>> plain_count(1, "contested claim"), plain_count(2, "contested claim"), plain_count(0, "sign")
    ('1 contested claim', '2 contested claims', '0 signs')
    >>> plain_count(1, "sentence where nobody is named", "sentences where nobody is named")
    '1 sentence where nobody is named'
    """
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


class GlossaryView:
    """The glossary as a fold-out list in a notebook (JupyterLab and Voila show its HTML).

    >>> view = glossary_view()
    >>> "<details" in view._repr_html_() and "framing" in view._repr_html_()
    True
    """

    def __init__(self, terms: tuple[Term, ...]):
        self.terms = terms

    def _repr_html_(self) -> str:
        rows = "".join(f"<dt style='font-weight:600;margin-top:6px'>{html.escape(t.term)}</dt>"
                       f"<dd style='margin:0 0 0 1.2em'>{html.escape(t.definition)}</dd>" for t in self.terms)
        return (KIT_CSS + "<details class='kit-glossary'><summary style='cursor:pointer;font-weight:600'>"
                f"Words used in this kit ({len(self.terms)}): open the glossary</summary>"
                f"<dl style='max-width:800px'>{rows}</dl></details>")

    def __repr__(self) -> str:
        return "\n".join(f"{t.term}: {t.definition}" for t in self.terms)


def glossary_view(*terms: str) -> GlossaryView:
    """The glossary (or only ``terms``) to show at the end of a notebook: ``glossary_view()``."""
    wanted = [lookup(t) for t in terms]
    return GlossaryView(tuple(t for t in wanted if t) if terms else glossary())
