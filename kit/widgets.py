"""Widget builders: each ``make_*`` returns an ``ipywidgets.VBox``; all logic is in the lenses.

Builders never call ``display()``; the notebook shows what they return. Every callback
goes through :func:`safe_html`, so a student sees a friendly message, never a traceback.
Tests drive the widgets through ``.value`` and ``.click()``.

>>> w = make_reader()
>>> w.children[0].value = 3  # the third paragraph (counted from 1, as students do)
>>> "kit-hl" in w.children[-1].value
True
"""

from __future__ import annotations

import html
from typing import Callable

import ipywidgets as W

from .articles import load_article
from .errors import KitError
from .nlp import parse
from .render import highlight, message

SEED = "aleppo-2024-12-02"


def safe_html(build: Callable[[], str]) -> str:
    """Run ``build`` and return its HTML; on any error, a friendly message instead.

    >>> "✋" in safe_html(lambda: 1 / 0)
    True
    """
    try:
        return build()
    except KitError as err:
        return message(str(err), kind="error")
    except Exception as err:  # never show a traceback to a class
        return message(
            f"Something went wrong inside the kit ({type(err).__name__}: {err}). "
            "Try other text, or tell your teacher.",
            kind="error",
        )


# ---------------------------------------------------------------- 00_start

ENTITY_KINDS = {
    "PERSON": "people",
    "GPE": "countries and cities",
    "LOC": "other places",
    "ORG": "organisations",
    "NORP": "nationalities and groups",
    "DATE": "dates",
}


def reader_html(paragraph: str, kinds: tuple[str, ...]) -> str:
    """HTML of one paragraph with the chosen entity kinds highlighted.

    >>> "Aleppo" in reader_html("Rebels took Aleppo.", ("GPE",))
    True
    """
    doc = parse(paragraph)
    ents = [e for e in doc.ents if e.label_ in kinds]
    return highlight(
        paragraph,
        ents,
        tag="label_",
        labels=ENTITY_KINDS,
        tooltip=lambda e: f"{ENTITY_KINDS.get(e.label_, e.label_)}: {e.text}",
    )


def make_reader(article_id: str = SEED) -> W.VBox:
    """Read an article paragraph by paragraph with people, places and organisations marked.

    Children: a paragraph slider (counting from 1), a checkbox group of entity kinds, the HTML view.
    """
    art = load_article(article_id)
    paras = art.paragraphs
    slider = W.IntSlider(value=1, min=1, max=len(paras), description="Paragraph",
                         continuous_update=False)
    kinds = W.SelectMultiple(options=[(v, k) for k, v in ENTITY_KINDS.items()],
                             value=("PERSON", "GPE", "ORG"), description="Mark", rows=6)
    out = W.HTML()

    def update(_=None):
        out.value = safe_html(lambda: reader_html(paras[slider.value - 1], tuple(kinds.value)))

    slider.observe(update, "value")
    kinds.observe(update, "value")
    update()
    return W.VBox([slider, kinds, out], layout=W.Layout(max_width="900px"))


# ---------------------------------------------------------------- 01_framing


# ---------------------------------------------------------------- 02_attribution


# ---------------------------------------------------------------- 03_numbers


# ---------------------------------------------------------------- 04_compare and 05_your_article
