"""The teacher's review of a lesson before students see it: accept, correct or drop each key item.

:func:`make_lesson_builder` is the whole tool of ``lessons/tools/lesson_builder.ipynb``: give an
article (a file, a bundled id, a web address, or pasted text), press *Find questions*, review
every item with its words highlighted in its sentence, then *Export the lesson*. The exported key
and notebook follow the review: a dropped item is gone, a corrected answer is the new key.

>>> import tempfile
>>> tool = make_lesson_builder(out_dir=tempfile.mkdtemp())
>>> tool.source.value = "aleppo-2024-12-02"
>>> tool.find.click()
>>> rows = tool.rows
>>> rows[0].keep.value = False           # drop the first item
>>> tool.export.click()
>>> "Wrote the lesson" in tool.status.value
True
"""

from __future__ import annotations

import dataclasses
import html

import ipywidgets as W

from kit.core.render import message
from kit.core.widgets import safe_html
from kit.teacher.lesson_export import STANCE_WORDS, TYPE_CHOICES, answer_words, student_item, write_lesson
from kit.teacher.lesson_key import KeyItem, LessonKey, build_key

_STYLE = {"description_width": "initial"}


def _number(text: str):
    """A typed bound: None when empty, else an int (or a float).

    >>> _number(""), _number("1,200"), _number("2.5")
    (None, 1200, 2.5)
    """
    t = str(text).replace(",", "").strip()
    if not t:
        return None
    value = float(t)
    return int(value) if value.is_integer() else value


def _choices(key: LessonKey, item: KeyItem) -> str:
    """The names students choose from, so that the teacher can see when another one is right too."""
    if item.kind not in ("source", "passive"):
        return ""
    data = student_item(key, item, "review")
    names = [str(label) for label, _ in data.get("options_speaker") or data.get("options", [])]
    return "<br><i>Students choose from:</i> " + html.escape(" \u00b7 ".join(names))


class ItemRow(W.VBox):
    """One key item: its sentence with the words marked, keep or drop, and the answer to correct."""

    def __init__(self, key: LessonKey, item: KeyItem):
        self.item = item
        sentence = html.escape(item.context).replace(html.escape(item.quote), f"<mark>{html.escape(item.quote)}</mark>", 1)
        head = W.HTML(f"<b>{item.id[1:]}. {html.escape(item.lens.capitalize())}</b> ({item.difficulty}, "
                      f"kit confidence {item.confidence:.2f}): {html.escape(item.prompt)}<br>"
                      f"<span style='color:#333'>{sentence}</span><br><i>Kit's answer:</i> {html.escape(answer_words(item))}"
                      f"{_choices(key, item)}")
        self.keep = W.Checkbox(value=True, description="Keep this question", indent=False)
        self.fields = self._fields(item)
        super().__init__([head, W.HBox([self.keep, *self.fields.values()])],
                         layout=W.Layout(border="1px solid #ccc", padding="6px", margin="4px 0", max_width="950px"))

    @staticmethod
    def _fields(item: KeyItem) -> dict:
        a = item.answer
        if item.kind == "source":
            types = list(TYPE_CHOICES)
            return {"speaker": W.Text(value=a["speaker"], description="Source", style=_STYLE),
                    "source_type": W.Dropdown(options=types, value=a["source_type"], description="Kind", style=_STYLE)}
        if item.kind == "interval":
            show = lambda v: "" if v is None else str(v)  # noqa: E731
            return {"low": W.Text(value=show(a["low"]), description="Lowest", style=_STYLE, layout=W.Layout(width="160px")),
                    "high": W.Text(value=show(a["high"]), description="Highest", placeholder="no limit",
                                   style=_STYLE, layout=W.Layout(width="170px"))}
        if item.kind == "passive":  # the doer the sentence names after "by", or empty when it hides it
            return {"agent": W.Text(value=a.get("agent") or "", description="Doer named after \u201cby\u201d",
                                    placeholder="empty: the sentence does not say", style=_STYLE)}
        if item.kind == "label":
            return {"stance": W.Dropdown(options=[(w, s) for s, w in STANCE_WORDS.items()], value=a["stance"],
                                         description="Stance", style=_STYLE)}
        return {}

    def reviewed(self) -> KeyItem | None:
        """The item as the teacher left it (None when dropped); corrected answers are marked."""
        if not self.keep.value:
            return None
        answer = dict(self.item.answer)
        for name, field in self.fields.items():
            answer[name] = _number(field.value) if name in ("low", "high") else field.value.strip()
        if not answer.get("agent", "x"):  # no doer: the answer of an agentless passive, {"passive": true}
            answer.pop("agent")
        if answer == self.item.answer:
            return dataclasses.replace(self.item, answer=answer)
        return dataclasses.replace(self.item, answer=answer, confidence=1.0)


def reviewed_key(key: LessonKey, rows: list[ItemRow]) -> LessonKey:
    """The key after review: dropped items removed, the rest numbered again in text order."""
    kept = [it for it in (row.reviewed() for row in rows) if it is not None]
    kept = [dataclasses.replace(it, id=f"q{n}") for n, it in enumerate(kept, 1)]
    return dataclasses.replace(key, items=tuple(kept))


class LessonBuilder(W.VBox):
    """Article in, reviewed lesson out (see the module's docstring)."""

    def __init__(self, out_dir: str = "my_lesson"):
        self.key: LessonKey | None = None
        self.rows: list[ItemRow] = []
        self.source = W.Text(description="Article", placeholder="a .txt/.html file, a web address or a bundled id",
                             style=_STYLE, layout=W.Layout(width="100%", max_width="700px"))
        self.pasted = W.Textarea(description="or paste it", placeholder="paste the article text here",
                                 style=_STYLE, layout=W.Layout(width="100%", max_width="700px", height="90px"))
        self.easy = W.Textarea(description="Easy-read version (optional)", placeholder="your simplified text",
                               style=_STYLE, layout=W.Layout(width="100%", max_width="700px", height="60px"))
        self.out = W.Text(value=str(out_dir), description="Lesson folder", style=_STYLE)
        self.find = W.Button(description="Find questions", button_style="primary")
        self.export = W.Button(description="Export the lesson", button_style="success", disabled=True)
        self.status = W.HTML()
        self.items_box = W.VBox()
        self.find.on_click(lambda _=None: self._find())
        self.export.on_click(lambda _=None: self._export())
        super().__init__([self.source, self.pasted, self.find, self.status, self.items_box, self.easy, self.out,
                          self.export], layout=W.Layout(max_width="1000px"))

    def _find(self) -> None:
        def build() -> str:
            from kit.teacher.lesson import make_key

            text = self.pasted.value.strip()
            self.key = build_key(text) if text else make_key(self.source.value.strip())
            self.rows = [ItemRow(self.key, it) for it in self.key.items]
            self.items_box.children = self.rows
            self.export.disabled = not self.rows
            notes = "".join(message(n, kind="warning") for n in self.key.notes)
            return message(f"{len(self.rows)} questions found. Check each one: untick it to drop it, or "
                           "correct the answer. Then export.", kind="info") + notes

        self.status.value = safe_html(build)

    def _export(self) -> None:
        def build() -> str:
            key = reviewed_key(self.key, self.rows)
            written = write_lesson(key, self.out.value.strip() or "my_lesson", easy_read=self.easy.value)
            folder = written[0].parent
            return message(f"Wrote the lesson ({len(key.items)} questions) to {folder}: give students the folder "
                           f"{folder / 'student'}; keep key.json and key.html for yourself.", kind="success")

        self.status.value = safe_html(build)


def make_lesson_builder(*, out_dir: str = "my_lesson") -> LessonBuilder:
    """The lesson builder widget (a thin builder over :func:`build_key` and :func:`write_lesson`)."""
    return LessonBuilder(out_dir)
