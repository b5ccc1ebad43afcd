"""Write a lesson made from any article: the student notebook and its data, the key, two pages.

:func:`write_lesson` writes to a folder:

* ``student/lesson.ipynb``: the student notebook; it runs in JupyterLab and as an app (Voila),
  since every answer is given with widgets. It holds no key.
* ``student/lesson.json``: the article and the questions for the notebook; each answer only as a salted
  hash (:func:`kit.classroom.lesson.answer_hash`), so checking works and reading does not.
* ``key.json``: the teacher's key, ``{"source": {...}, "items": [...]}``, each item with ``id``,
  ``lens``, ``kind``, ``prompt``, ``start_char``, ``end_char``, ``answer``, ``confidence``
  (and ``difficulty``, ``quote``).
* ``handout.html`` (the article and the questions, to print) and ``key.html`` (the teacher's key).

Give students the ``student`` folder only (its two files); the key stays beside it, never inside it.

>>> import tempfile
>>> from kit.teacher.lesson_key import build_key
>>> key = build_key("Police said at least 40 people were arrested in the capital on Monday.")
>>> out = tempfile.mkdtemp()
>>> sorted(p.relative_to(out).as_posix() for p in write_lesson(key, out))
['handout.html', 'key.html', 'key.json', 'student/lesson.ipynb', 'student/lesson.json']
"""

from __future__ import annotations

import html
import json
import re
import secrets
from pathlib import Path

from kit.attribution.records import SOURCE_LABELS
from kit.classroom.lesson import LESSON_FILE, answer_hash, normalise
from kit.core.errors import InputError
from kit.teacher.lesson_key import KeyItem, LessonKey
from kit.teacher.lesson_options import NOBODY, passive_options, speaker_options

#: The folder (inside the lesson folder) with the two files students get.
STUDENT_DIR = "student"
STANCE_WORDS = {"delegitimizing": "It paints them as illegitimate or dangerous",
                "neutral": "It is neutral: a word most sides would accept",
                "legitimizing": "It paints them as legitimate or deserving support"}
#: The kinds of source a student chooses from: every kind the kit names, not its own markers
#: ("NO SOURCE", "who is it? check"), which are no kind of source.
TYPE_CHOICES = tuple((label, t) for t, label in SOURCE_LABELS.items() if t not in ("unattributed", "unsure"))
RIGHTS = ("Use an article you may share with your class: a public-domain or openly licensed text, "
          "or a short excerpt for teaching, with the outlet and link credited.")


def _interval_answers(answer: dict) -> list[str]:
    """Every ``low|high`` a careful reader may give ("more than 412": 412 or 413 as the lowest).

    >>> _interval_answers({"low": 412, "high": None, "hedge": "more than"})
    ['412|', '413|']
    """
    def ends(value, step, exclusive):
        if value is None:
            return [""]
        v = int(value) if float(value).is_integer() else value
        return [str(v)] + ([str(v + step)] if exclusive and isinstance(v, int) else [])

    hedge = answer.get("hedge") or ""
    lows = ends(answer.get("low"), 1, hedge in ("more than", "over"))
    highs = ends(answer.get("high"), -1, hedge in ("fewer than", "less than", "under"))
    return [f"{lo}|{hi}" for lo in lows for hi in highs]


def student_item(key: LessonKey, item: KeyItem, salt: str) -> dict:
    """What the student's ``lesson.json`` holds for one item: the question, options, hashes."""
    out = {k: getattr(item, k) for k in ("id", "lens", "kind", "prompt", "start_char", "end_char", "difficulty", "quote")}
    h = lambda value: answer_hash(salt, item.id, value)  # noqa: E731
    if item.kind == "source":
        options, right = speaker_options(key, item)
        out["options_speaker"] = options
        out["accept_speaker"] = [h(o) for o in right]
        out["options_type"] = [list(choice) for choice in TYPE_CHOICES]
        out["accept_type"] = [h(item.answer["source_type"])]
    elif item.kind == "interval":
        pairs = _interval_answers(item.answer)
        out["accept"] = [h(a) for a in pairs]
        out["accept_low"] = sorted({h("low " + a.split("|")[0]) for a in pairs})  # half right: say which half
        out["accept_high"] = sorted({h("high " + a.split("|")[1]) for a in pairs})
    elif item.kind == "passive":
        out["options"], right = passive_options(key, item)
        out["accept"] = [h(right)]
    elif item.kind == "label":
        out["options"] = [[words, stance] for stance, words in STANCE_WORDS.items()]
        out["accept"] = [h(item.answer["stance"])]
    return out


def student_data(key: LessonKey, *, lesson_id: str, easy_read: str = "", salt: str | None = None) -> dict:
    """Everything ``lesson.json`` holds: the article, the questions, hashed answers, no key."""
    salt = salt or secrets.token_hex(8)
    src = key.source
    return {"id": lesson_id, "title": key.title or src.get("title", ""), "source": src.get("source", ""),
            "date": src.get("date", ""), "url": src.get("url", ""), "text": key.text,
            "easy_read": easy_read, "salt": salt,
            "items": [student_item(key, it, salt) for it in key.items]}


def key_data(key: LessonKey) -> dict:
    """The teacher's key as ``key.json`` holds it."""
    return {"source": {**key.source, "title": key.title}, "notes": list(key.notes),
            "items": [it.to_json() for it in key.items]}


def answer_words(item: KeyItem) -> str:
    """The answer of an item in plain words (for the key page).

    >>> answer_words(KeyItem("q1", "numbers", "interval", "", 0, 1, {"low": 61, "high": None, "hedge": "at least"}, 0.9))
    '61 or more (\u201cat least\u201d)'
    """
    a = item.answer
    if item.kind == "source":
        return f"{a['speaker']}: {SOURCE_LABELS.get(a['source_type'], a['source_type'])}"
    if item.kind == "interval":
        low, high = a.get("low"), a.get("high")
        low, high = (f"{v:,}" if isinstance(v, (int, float)) else v for v in (low, high))  # 300,000
        span = (f"exactly {low}" if low == high else f"{low} or more" if high is None
                else f"at most {high}" if low is None else f"from {low} to {high}")
        return span + (f" (\u201c{a['hedge']}\u201d)" if a.get("hedge") else "")
    if item.kind == "passive":
        return f"The sentence names the doer: {a['agent']}." if a.get("agent") else "The sentence does not say who did it."
    return f"{STANCE_WORDS.get(a.get('stance'), a.get('stance'))}."


def notebook(key: LessonKey) -> "nbformat.NotebookNode":  # noqa: F821
    """The student notebook: widgets only, so it works the same in JupyterLab and in app mode."""
    import nbformat.v4 as v4

    title = key.title or "Today\u2019s story"
    md, code = v4.new_markdown_cell, v4.new_code_cell
    setup = code("from kit.classroom.lesson import Lesson\nfrom kit.classroom import lesson_widgets as L\n"
                 "lesson = Lesson.load()", metadata={"tags": ["setup"]})
    cells = [md(f"# A lesson on today\u2019s story: {title}\n\nRead the article, then answer each question and "
                "press **Check**. The marked words and their numbers show what each question is about. "
                "The three lenses ask: *Who is named how? Who says so? What do the numbers really claim?*"),
             setup, code("L.article_view(lesson)")]
    for lens, intro in (("framing", "Which words name the sides, and which sentences hide who did something?"),
                        ("attribution", "Who is the source of each claim, and what kind of source is it?"),
                        ("numbers", "What does each figure really claim? \u201cAt least 61\u201d is 61 or more.")):
        cells += [md(f"## {lens.capitalize()}\n\n{intro}"), code(f'L.lens_section(lesson, "{lens}")')]
    cells += [md("## SIFT: check the article against the world\n\nUse a search engine in another tab."),
              code("L.sift_section(lesson)"),
              md("## When you are done\n\nYour answers are saved as you check them. Your teacher will go "
                 "through the answers with the class.")]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _marked_article(key: LessonKey) -> str:
    """The article with each item's words marked; an item inside another's words (a figure in a
    claim) gets its number beside the outer one's: [1, 2]."""
    parts, pos = [], 0
    items = sorted(key.items, key=lambda i: (i.start_char, -i.end_char))
    for it in items:
        if it.start_char < pos:
            continue
        inside = [i.id[1:] for i in items if it.start_char <= i.start_char < it.end_char]
        parts.append(html.escape(key.text[pos:it.start_char]))
        parts.append(f"<mark>{html.escape(key.text[it.start_char:it.end_char])}</mark><sup>[{', '.join(inside)}]</sup>")
        pos = it.end_char
    parts.append(html.escape(key.text[pos:]))
    return "<p>" + "".join(parts).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"


def _paper_choices(key: LessonKey, item: KeyItem) -> str:
    """The handout's answer space: the same choices as the notebook (circle one), or number blanks."""
    data = student_item(key, item, "paper")
    circle = lambda opts: " \u00b7 ".join(html.escape(str(label)) for label, _ in opts)  # noqa: E731
    if item.kind == "source":
        return (f"<br><small>Who (circle one): {circle(data['options_speaker'])}<br>"
                f"What kind (circle one): {circle(data['options_type'])}</small>")
    if item.kind == "interval":
        return "<br>Lowest: __________ &nbsp; Highest: __________ <small>(leave empty when there is no limit)</small>"
    return f"<br><small>Circle one: {circle(data.get('options', []))}</small>"


def page_html(key: LessonKey, *, teacher: bool) -> str:
    """The printable handout (``teacher=False``) or the teacher's key page, all text escaped."""
    from markupsafe import Markup

    from kit.teacher.handouts import FOOTER, _template

    title = key.title or "Today\u2019s story"
    src = " \u00b7 ".join(html.escape(str(key.source[k])) for k in ("source", "date", "url") if key.source.get(k))
    body = [f"<h1>{'Key: ' if teacher else ''}{html.escape(title)}</h1><p>{src}</p>"]
    if teacher:
        body.append(f"<p><b>Before class:</b> check every answer below against the article, and that no other "
                    f"choice is right too (drop or correct the question in the builder if one is). {html.escape(RIGHTS)}</p>")
        body += [f"<p>\u26a0 {html.escape(n)}</p>" for n in key.notes]
    body.append("<h2>The article</h2>" + _marked_article(key) + "<h2>Questions</h2><ol>")
    for it in key.items:
        line = f"<li value=\"{it.id[1:]}\"><b>{html.escape(it.lens.capitalize())}</b> ({it.difficulty}): {html.escape(it.prompt)}"
        line += _paper_choices(key, it)
        if teacher:
            line += (f"<br><b>Answer:</b> {html.escape(answer_words(it))} <i>(kit confidence {it.confidence:.2f})"
                     f"</i><br><small>{html.escape(it.context)}</small>")
        body.append(line + "</li>")
    body.append("</ol>")
    if not teacher:
        body.append("<h2>SIFT</h2><ol><li>Stop: what does the story want you to feel?</li><li>Investigate the "
                    "source: who runs the outlet?</li><li>Find other coverage: a copy or independent?</li>"
                    "<li>Trace one claim to the original.</li></ol>")
    return _template().render(title=("Key: " if teacher else "") + title, body=Markup("".join(body)), footer=FOOTER)


def write_lesson(key: LessonKey, out_dir: str | Path, *, easy_read: str = "", lesson_id: str = "") -> list[Path]:
    """Write the lesson's five files into ``out_dir`` (created if needed); return their paths."""
    import nbformat

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file. Give a folder name for the lesson (it will be created).")
    try:
        (out / STUDENT_DIR).mkdir(parents=True, exist_ok=True)
        lesson_id = lesson_id or re.sub(r"[^a-z0-9]+", "-", (key.title or out.name).lower()).strip("-")[:40] or "lesson"
        files = {
            f"{STUDENT_DIR}/{LESSON_FILE}": json.dumps(student_data(key, lesson_id=lesson_id, easy_read=easy_read), indent=1, ensure_ascii=False),
            "key.json": json.dumps(key_data(key), indent=1, ensure_ascii=False),
            f"{STUDENT_DIR}/lesson.ipynb": nbformat.writes(notebook(key)),
            "handout.html": page_html(key, teacher=False),
            "key.html": page_html(key, teacher=True),
        }
        written = []
        for name, content in files.items():
            (out / name).write_text(content, encoding="utf-8")
            written.append(out / name)
    except OSError as err:
        raise InputError(f"Could not write the lesson into {out}: {err.strerror or err}.") from None
    return written


__all__ = ["write_lesson", "student_data", "key_data", "notebook", "page_html", "answer_words", "normalise"]
