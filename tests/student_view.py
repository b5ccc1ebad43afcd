"""What a student sees in an executed notebook, and what in it must not be there (issue 26).

A student (in app mode especially) reads cell outputs and widgets: their labels, options,
descriptions, tooltips and placeholders. :func:`seen_texts` collects those texts from a
notebook executed with its widget state stored; :func:`leaks` names what in a text is an
internal name, code-speak or a Python repr.
"""

from __future__ import annotations

import html
import re

#: Widget state keys whose text a student reads.
WIDGET_TEXT_KEYS = ("description", "tooltip", "description_tooltip", "placeholder", "_options_labels",
                    "_titles", "titles", "button_text")
#: Widgets whose ``value`` is shown as text (HTML, labels) or put in a box for the student.
VALUE_WIDGETS = ("HTMLModel", "HTMLMathModel", "LabelModel", "TextModel", "TextareaModel")

TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"\b(?:https?://|www\.)\S+")
ATTR = re.compile(r"""\b(?:title|aria-label|alt|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.I | re.S)

#: Internal names: snake_case words (file names such as kit_answers.json are allowed).
SNAKE = re.compile(r"(?<![\w./-])[a-z]+(?:_[a-z0-9]+)+(?![\w(]|\.(?:json|md|txt|ipynb|csv|html|py))")
#: Python reprs: dicts, lists and tuples of strings, None/True/False/Ellipsis, object reprs,
#: dataclass reprs (Name(field=...)).
REPR = re.compile(r"""\{'|\{"\w+":|\['|\[\]|\(\)|\bNone\b(?! of)|\bEllipsis\b|\bTrue\b|\bFalse\b|<[\w.]+ object at|\b[A-Z]\w+\(\w+=""")
#: Code-speak in a hint or a label: instructions only code can follow, markup shown as text.
CODE_SPEAK = [
    (re.compile(r"without quotes", re.I), "'without quotes'"),
    (re.compile(r"""\blike \[["']"""), "a Python list as an example"),
    (re.compile(r"""e\.g\. \[["']"""), "a Python list as an example"),
    (re.compile(r"\bkit\.\w+"), "a kit function name"),
    (re.compile(r"""title=["']null["']"""), "title=\"null\""),
    (re.compile(r"&lt;/?(?:br|b|i|em)\s*/?&gt;|<br\s*/?>", re.I), "markup shown as text"),
    (re.compile(r"\bfor the any\b|\bthe any\b"), "a garbled internal name ('the any')"),
    (re.compile(r"\w\(\w*\)|\w\(\)"), "a function call"),
]


def visible(markup: str) -> str:
    """The text a browser shows for HTML (tags dropped, entities read), plus its tooltips.

    >>> visible('<b title="a tip">x &amp; y</b><style>p{}</style>')
    'x & y a tip'
    """
    tips = " ".join(a or b for a, b in ATTR.findall(markup))
    text = html.unescape(TAG.sub(" ", STYLE.sub(" ", markup)))
    return " ".join((text + " " + html.unescape(tips)).split())


def output_texts(output) -> list[str]:
    """Texts one cell output shows: HTML if it has any (as a browser shows it), else plain text."""
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    data = output.get("data", {})
    if "text/html" in data:
        return [visible(str(data["text/html"]))]
    if "application/vnd.jupyter.widget-view+json" in data:
        return []  # the widget's own texts come from the widget state
    return [str(data["text/plain"])] if "text/plain" in data else []


def widget_texts(nb) -> list[str]:
    """Texts the notebook's widgets show: labels, options, descriptions, tooltips, HTML values."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    out: list[str] = []
    for model in state.values():
        values = model.get("state", {})
        for key in WIDGET_TEXT_KEYS:
            got = values.get(key)
            if isinstance(got, str) and got:
                out.append(visible(got) if "<" in got else got)
            elif isinstance(got, list):
                out.extend(visible(str(g)) for g in got if g)
        if model.get("model_name") in VALUE_WIDGETS and isinstance(values.get("value"), str):
            out.append(visible(values["value"]))
    return out


def seen_texts(nb) -> list[str]:
    """Everything a student reads in an executed notebook: cell outputs and widget texts."""
    texts = [t for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
             for t in output_texts(o)]
    return texts + widget_texts(nb)


def leaks(text: str) -> list[str]:
    """What in ``text`` a student must not see, each with a few words around it.

    >>> leaks("3 from state_media: {'delegitimizing': 0}")
    ["internal name 'state_media'", "Python repr: ...from state_media: {'delegitimizing': 0}..."]
    >>> leaks("Save it in kit_answers.json, then press Check.")
    []
    """
    text = URL.sub(" ", text)  # a web address is what it is
    found = [f"internal name {m.group(0)!r}" for m in SNAKE.finditer(text)]
    for m in REPR.finditer(text):
        found.append(f"Python repr: ...{text[max(0, m.start() - 20):m.end() + 20]}...")
    for pattern, why in CODE_SPEAK:
        for m in pattern.finditer(text):
            found.append(f"{why}: ...{text[max(0, m.start() - 30):m.end() + 30]}...")
    return found
