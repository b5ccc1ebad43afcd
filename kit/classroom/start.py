"""Notebook 00: the reader with people, places and organisations marked, and the first question.

>>> w = make_reader()
>>> w.children[0].value = 3  # the third paragraph (counted from 1, as students do)
>>> "kit-hl" in w.children[-1].value
True
>>> start_observatory("the Syrian Observatory for Human Rights").passed, start_observatory("SOHR").passed
(True, True)
"""

from __future__ import annotations

import re

import ipywidgets as W

from kit.classroom.checking import checker
from kit.classroom.feedback import Feedback, hint, norm, passed
from kit.core.render import highlight
from kit.core.text import load_article
from kit.core.widgets import SEED, parsed, safe_html

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
    doc = parsed(paragraph)
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


#: How the page works, in JupyterLab (cells the student runs) and in app mode (code hidden).
HOW_LAB = (
    "<ul><li>A notebook is made of <b>cells</b>. Grey boxes hold code; the rest is text like this.</li>"
    "<li>Click a grey cell and press <b>Shift + Enter</b> to run it. The result appears below it.</li>"
    "<li>Run the cells <b>from top to bottom</b>. The first cell must run before the others.</li>"
    "<li>If something looks stuck, use the menu <b>Kernel \u2192 Restart Kernel and Run All Cells</b>.</li>"
    "<li>You cannot break anything: the article and the kit are never changed by what you do here.</li></ul>")
HOW_APP = (
    "<ul><li>This page has run for you: read it from top to bottom and use its boxes and buttons.</li>"
    "<li>To answer a question, choose or type in the box under it and press <b>Check</b>. You get a hint "
    "when it is not right yet.</li>"
    "<li>Your answers are saved on this computer: close the page whenever you like, and they are "
    "still there when you come back.</li>"
    "<li>Each page ends with a link to the next one; the list of all steps is further down this page.</li>"
    "<li>You cannot break anything: the article and the kit are never changed by what you do here.</li></ul>")


def how_it_works():
    """How to use the page: running cells in JupyterLab, boxes and buttons in app mode.

    >>> "Shift + Enter" in how_it_works()._repr_html_()
    True
    """
    from kit.core.appmode import lab_or_app

    return lab_or_app(HOW_LAB, HOW_APP)


# Each notebook's checkers live in a section like this one, decorated with
# @exercise("<id>") from kit.classroom.answers so answers are saved beside the notebook.



@checker("start_observatory")
def start_observatory(answer: object) -> Feedback:
    """00_start: which organisation does the article rely on for the death toll?"""
    ex = "start_observatory"
    given = norm(answer)
    if "observatory" in given or re.search(r"\b(sohr|osdh)\b", given):
        return passed(
            "The Syrian Observatory for Human Rights, a monitoring group based in Britain, "
            "gives the figures. It is also the \"observer\" of the second paragraph (AFP wrote "
            "\"a monitor\"). Later you will ask: how could it know?",
            ex,
        )
    if given in {"afp", "agence france-presse", "agence france presse"}:
        return hint(
            "AFP wrote the story, but who does AFP say counted the dead? Find the sentence "
            "with \"more than 412 dead\" and read to its end. (Who says so?)",
            ex,
        )
    if "sana" in given or "news agency" in given:
        return hint(
            "SANA published the army's statement about strikes. The total death toll comes "
            "from someone else: read the end of the sentence with \"more than 412\".",
            ex,
        )
    return hint(
        "Look for the sentence with \"more than 412 dead\". Its last words say according to "
        "whom. (Who says so?)",
        ex,
    )
