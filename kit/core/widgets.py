"""What every widget builder shares. Builders live in each room's ``widgets`` module.

Each ``make_*`` builder returns an ``ipywidgets.VBox``; all logic is in the lenses. Builders
never call ``display()``; the notebook shows what they return. Every callback goes through
:func:`safe_html`, so a student sees a friendly message, never a traceback. Tests drive the
widgets through ``.value`` and ``.click()``.

>>> box = text_check_view("Rebels advanced.", lambda t: f"<b>{len(t)}</b>", W.Button(description="Count"))
>>> box.children[-1].value
'<b>16</b>'
"""

from __future__ import annotations

import functools
from typing import Callable

import ipywidgets as W

from kit.core.errors import KitError
from kit.core.nlp import parse
from kit.core.render import message, with_cue_css

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
    """Run ``build`` and return its HTML; on any error, a friendly message instead. HTML with
    highlights gets the CSS that draws their text marks (:func:`kit.core.render.with_cue_css`).

    >>> "✋" in safe_html(lambda: 1 / 0)
    True
    """
    try:
        return with_cue_css(build())
    except KitError as err:
        return message(str(err), kind="error")
    except Exception as err:  # never show a traceback to a class
        return message(
            f"Something went wrong inside the kit ({type(err).__name__}: {err}). "
            "Try other text, or tell your teacher.",
            kind="error",
        )



def text_check_view(text: str, view: Callable[[str], str], button: W.Button) -> W.VBox:
    """A text box, a button, and ``view(text)`` as HTML below them (shown at once, and again
    on each click): the shape of the unsourced-claims and consistency views."""
    box = W.Textarea(value=text, placeholder="Paste or type a news text here", description="Text",
                     layout=W.Layout(width="100%", height="150px"))
    out = W.HTML()

    def run(_=None):
        out.value = safe_html(lambda: view(box.value))

    button.on_click(run)
    run()
    return W.VBox([box, button, out], layout=W.Layout(max_width="900px"))
