"""A lesson made from any article, on the student's side: the article and its exercises.

``python -m kit lesson ARTICLE -o DIR`` (:mod:`kit.teacher.lesson`) writes ``DIR/lesson.json``
beside the student notebook. That file holds the article, the questions and, for each answer,
only a salted hash: the notebook checks an answer without holding a key a student could read.
Every check is saved like any other exercise (``kit_answers.json``), under
``lesson_<lesson id>_<item id>``.

>>> data = {"id": "demo", "title": "Demo", "text": "Police said 40 people were arrested.",
...         "salt": "s", "items": [{"id": "q1", "lens": "numbers", "kind": "interval",
...         "prompt": "What does it claim?", "quote": "40 people", "start_char": 12, "end_char": 21,
...         "accept": [answer_hash("s", "q1", "40|40")]}]}
>>> lesson = Lesson(data)
>>> lesson.check("q1", ("40", "40"), save=False).passed, lesson.check("q1", ("40", ""), save=False).passed
(True, False)
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

from kit.classroom.answers import store_answer
from kit.classroom.feedback import NOT_ANSWERED, Feedback, is_blank
from kit.core.errors import InputError

LESSON_FILE = "lesson.json"

#: What a hint says when an answer is not right, per kind of item (never the answer itself).
HINTS = {
    ("source", "speaker"): "Find the verb of saying next to the claim (said, told, announced, "
                           "according to). Whose verb is it? That person or body is the source.",
    ("source", "type"): "Think about who the source is: do they speak for a government, an army, a "
                        "company or a group, a news outlet, a university or research body? Or are "
                        "they not named at all?",
    ("interval", ""): "Read the words just before and after the number. \u201cAt least\u201d and "
                      "\u201cmore than\u201d set a floor with no ceiling (leave the highest box empty); "
                      "\u201cup to\u201d and \u201cfewer than\u201d set a ceiling; \u201cbetween\u201d gives "
                      "both ends; with no such word, the lowest and highest are the number itself.",
    ("passive", ""): "Read the whole sentence, not only the marked words. Look for \u201cby \u2026\u201d "
                     "after the verb: the words after \u201cby\u201d name who or what did it. If there is "
                     "none, the sentence does not say, even when a person or a side is named nearby "
                     "(someone who speaks about it is not someone who did it).",
    ("label", ""): "Would a neutral news agency use this word? Would each side in the story accept "
                   "it for themselves?",
}

#: Said after a third wrong choice: trying every option is not the exercise (each try is saved).
TRIES = ("This is try {n}. Every try is saved for your teacher, so read the sentence "
         "again and find the words that decide it, rather than trying every option.")

SUCCESS = {
    "source": "Ask next: is this source in a position to know, and do others confirm it?",
    "interval": "A hedge is part of the claim: report it with the number.",
    "passive": "The sentence hides the doer. Ask: who did it, and does another source say?",
    "passive_agent": "The sentence names the doer after \u201cby\u201d. Compare: a sentence that leaves "
                     "it out makes the reader guess, or not ask at all.",
    "label": "Words that take a side shape how we see a story before any fact is given.",
}


def normalise(text: object) -> str:
    """An answer as the key compares it: lower case, single spaces, no thousands commas.

    >>> normalise("  At  Least 1,200 "), normalise(None)
    ('at least 1200', '')
    """
    if text is None or text is ...:
        return ""
    out = " ".join(str(text).lower().split())
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", out)


def answer_hash(salt: str, item_id: str, answer: str) -> str:
    """The salted hash a lesson stores instead of an answer.

    >>> len(answer_hash("salt", "q1", "yes"))
    24
    """
    return hashlib.sha256(f"{salt}\x1f{item_id}\x1f{normalise(answer)}".encode()).hexdigest()[:24]


def _number(text: str) -> str:
    """A typed number as the key writes it: '' for no limit, digits otherwise.

    >>> _number("1,200"), _number("no limit"), _number(" 7.0 "), _number("1.1 million"), _number("2bn")
    ('1200', '', '7', '1100000', '2000000000')
    """
    t = normalise(text)
    if t in ("", "none", "no limit", "no", "-", "nothing", "infinity", "unlimited"):
        return ""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion|m|bn|k)", t)
    scale = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
    try:
        value = round(float(m.group(1)) * scale[m.group(2)], 6) if m else float(t)
    except ValueError:
        return t
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else str(value)


class Lesson:
    """One lesson's questions (from ``lesson.json``) and the checks of the answers."""

    def __init__(self, data: dict):
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise InputError("This is not a lesson file made by `python -m kit lesson`.")
        self.data = data
        self.items = {str(it.get("id")): it for it in data["items"] if isinstance(it, dict)}
        self.tries: dict[str, int] = {}  # checks of each question in this session

    @classmethod
    def load(cls, path: str | Path = LESSON_FILE) -> "Lesson":
        """The lesson in ``path`` (``lesson.json`` beside the notebook), or a clear message."""
        try:
            return cls(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            raise InputError(f"Could not read the lesson file {str(path)!r}: ask your teacher for the "
                             f"whole lesson folder ({type(err).__name__}).") from None

    @property
    def id(self) -> str:
        return re.sub(r"[^a-z0-9_-]+", "-", str(self.data.get("id", "lesson")).lower())[:60]

    def exercise_id(self, item_id: str) -> str:
        return f"lesson_{self.id}_{item_id}"

    def _right(self, item: dict, part: str, value: str) -> bool:
        hashes = item.get(f"accept_{part}" if part else "accept") or []
        return answer_hash(self.data.get("salt", ""), item["id"], value) in hashes

    def check(self, item_id: str, answer, *, save: bool = True) -> Feedback:
        """Check ``answer`` to item ``item_id`` and save it (a hint when it is not right).

        ``answer``: ``(speaker, type)`` for a source, ``(lowest, highest)`` for a figure, the chosen
        option for a hidden doer or a label.
        """
        item = self.items.get(str(item_id))
        ex = self.exercise_id(str(item_id))
        if item is None:
            return Feedback(False, "This question is not in the lesson file.", ex)
        if is_blank(answer) or (isinstance(answer, tuple) and all(is_blank(a) or a == "" for a in answer)):
            return Feedback(False, NOT_ANSWERED, ex)
        feedback = self._feedback(item, answer, ex)
        self.tries[str(item_id)] = self.tries.get(str(item_id), 0) + 1
        if not feedback.passed and item.get("kind") != "interval" and self.tries[str(item_id)] >= 3:
            feedback = Feedback(False, f"{feedback.message}\n\n{TRIES.format(n=self.tries[str(item_id)])}", ex)
        if save:
            result = store_answer(ex, list(answer) if isinstance(answer, tuple) else answer, feedback)
            if result.notice:
                feedback = Feedback(feedback.passed, f"{feedback.message}\n\n{result.notice}", ex)
        return feedback

    def _feedback(self, item: dict, answer, ex: str) -> Feedback:
        kind = item.get("kind", "")
        if kind == "source":
            speaker, stype = (tuple(answer) + ("", ""))[:2] if isinstance(answer, (tuple, list)) else (answer, "")
            if not self._right(item, "speaker", speaker):
                return Feedback(False, "Not yet. " + HINTS[("source", "speaker")], ex)
            if not self._right(item, "type", stype):
                return Feedback(False, "The source is right. Now the kind of source: " + HINTS[("source", "type")], ex)
        elif kind == "interval":
            low, high = (tuple(answer) + ("", ""))[:2] if isinstance(answer, (tuple, list)) else (answer, "")
            if not self._right(item, "", f"{_number(low)}|{_number(high)}"):
                return Feedback(False, self._half_right(item, _number(low), _number(high)) + HINTS[("interval", "")], ex)
        elif not self._right(item, "", str(answer)):
            return Feedback(False, "Not yet. " + HINTS.get((kind, ""), "Look again at the words."), ex)
        return Feedback(True, "Well done! " + self._success(item, answer), ex)

    def _half_right(self, item: dict, low: str, high: str) -> str:
        """Which end of a figure is right, when one is ("Not yet: the lowest number is right, ...")."""
        if self._right(item, "low", "low " + low):
            return "Not yet: the lowest number is right, the highest is not. "
        if self._right(item, "high", "high " + high):
            return ("Not yet: the highest is right (empty, no limit), the lowest is not. " if not high
                    else "Not yet: the highest number is right, the lowest is not. ")
        return "Not yet. "

    @staticmethod
    def _success(item: dict, answer=None) -> str:
        """The success message; for a figure, whether its words widen it (the hedge is in the quote)."""
        pair = tuple(answer) + ("", "") if isinstance(answer, (tuple, list)) else (answer, "")
        if item.get("kind") == "interval" and _number(pair[0]) == _number(pair[1]):  # a right low == high: no hedge
            return "With no hedge, the figure claims exactly this number. Ask next: who counted, and how?"
        if item.get("kind") == "passive" and normalise(answer) != "nobody":  # the doer the sentence names
            return SUCCESS["passive_agent"]
        return SUCCESS.get(item.get("kind", ""), "")

    # ------------------------------------------------------------ what the notebook shows

    def header_html(self) -> str:
        """Title, where the article comes from, and a note when the text was simplified."""
        d = self.data
        src = " \u00b7 ".join(html.escape(str(d[k])) for k in ("source", "date", "url") if d.get(k))
        simplified = ("<p><b>Easy-read version:</b> your teacher added a simplified version of the article "
                      "(marked \u201csimplified\u201d below); the questions quote the original.</p>"
                      if d.get("easy_read") else "")
        title = str(d.get("title") or "Today\u2019s story")
        return (f"<h2>{html.escape(title)}</h2>"
                f"<p>{src}</p>{simplified}")

    def article_html(self) -> str:
        """The article with each question's words marked and numbered (no answers)."""
        from kit.core.render import Highlight, highlight

        text = str(self.data.get("text", ""))
        items = sorted((it for it in self.items.values() if "start_char" in it),
                       key=lambda it: (int(it["start_char"]), -int(it["end_char"])))
        spans, labels, end = [], {}, -1
        for it in items:  # a figure inside a claim: its number goes on the claim ("questions 1, 2")
            start, stop = int(it["start_char"]), int(it["end_char"])
            if start < end:
                continue
            inside = [str(o["id"])[1:] for o in items if start <= int(o["start_char"]) < stop]
            labels[str(it["id"])] = ("questions " if len(inside) > 1 else "question ") + ", ".join(inside)
            spans.append(Highlight(start, stop, str(it["id"]), labels[str(it["id"])]))
            end = stop
        return highlight(text, spans, colors={t: "#fff3b0" for t in labels}, labels=labels,
                         show_tags=True, show_legend=False)

    def easy_read_html(self) -> str:
        """The teacher's easy-read version of the article, or "" when there is none."""
        easy = str(self.data.get("easy_read") or "")
        return "" if not easy.strip() else "<div style=\"line-height:1.7\">" + html.escape(easy).replace("\n", "<br>") + "</div>"
