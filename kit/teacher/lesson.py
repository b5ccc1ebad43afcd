"""``python -m kit lesson ARTICLE -o DIR``: a three-lens lesson from any article, with a checked key.

ARTICLE is a .txt or .html file, a bundled article id, or a web address (needs the internet).
The kit keeps only the findings it is surest of (:mod:`kit.teacher.lesson_key`) and writes the
student notebook, its data, the key and two printable pages (:mod:`kit.teacher.lesson_export`).
Review the key before class: open ``key.html``, or use the review widget in
``lessons/tools/lesson_builder.ipynb``, which rewrites the lesson after your changes.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> main_args = ["aleppo-2024-12-02", "-o", out]
>>> run(build_args(main_args))  # doctest: +ELLIPSIS
Wrote a lesson with ... questions (... framing, ... attribution, ... numbers) to ...
0
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from kit.core.errors import InputError
from kit.teacher.lesson_export import RIGHTS, write_lesson
from kit.teacher.lesson_key import LessonKey, build_key


def load_source(source: str) -> tuple[str, dict]:
    """Text and metadata of ARTICLE: a web address, a bundled id or a .txt/.html file.

    >>> load_source("aleppo-2024-12-02")[1]["source"]
    'AFP, translated'
    """
    from kit.teacher.report import resolve

    if str(source).strip().lower().startswith(("http://", "https://")):
        from kit.compare.trace import fetch_text

        url = str(source).strip()
        try:
            return fetch_text(url), {"title": "", "source": url, "url": url}
        except InputError as err:  # offline or refused: say how to make the lesson from a saved copy
            why = str(err).split(" Use the excerpts")[0]  # the reader's advice is for notebooks
            raise InputError(f"{why} Save the page in your browser (File > Save page as, HTML only) and "
                             "run: python -m kit lesson saved-page.html -o DIR") from None
    return resolve(source)


def headline(text: str) -> str:
    """The article's first line when it reads as a headline (short, no full stop), else "".

    >>> headline("Aid worker killed in Darfur" + chr(10) + "The UN says ..."), headline("Police said 4 died. More.")
    ('Aid worker killed in Darfur', '')
    """
    first = text.strip().split("\n", 1)[0].strip()
    one_line = 0 < len(first.split()) <= 16 and not re.search(r"[.!?](\s|$)", first)  # no sentence ends in it
    return first if one_line else ""


def make_key(source: str, *, title: str = "") -> LessonKey:
    """The reviewed-before-class key for ARTICLE (see :func:`kit.teacher.lesson_key.build_key`).

    The lesson's title: ``title``, else the bundled article's, else the article's headline (its
    first line), else the file's name.
    """
    text, meta = load_source(source)
    is_file = meta.get("title") and meta.get("source", "").startswith(meta["title"])  # "story.txt" -> "story"
    title = title or (headline(text) if is_file or not meta.get("title") else "") or meta.get("title", "")
    key = build_key(text, title=title)
    info = {k: str(meta[k]) for k in ("source", "date", "url", "id") if meta.get(k)}
    return LessonKey(text=key.text, items=key.items, title=key.title, source=info, notes=key.notes)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="a .txt/.html file, a bundled article id or a URL")
    parser.add_argument("-o", "--out", metavar="DIR", default="lesson",
                        help="the folder to write the lesson into (default: lesson)")
    parser.add_argument("--title", default="", help="the lesson's title (default: the article's)")
    parser.add_argument("--easy-read", metavar="FILE", default="",
                        help="a simplified version of the article you wrote (.txt), shown beside it, marked as simplified")


def build_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kit lesson")
    add_arguments(parser)
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    from kit.core.text import read_text

    out = Path(args.out)
    if Path(args.article).exists() and out.resolve() == Path(args.article).resolve():
        raise InputError("The lesson folder (-o) is the article itself. Give a new folder name.")
    easy = read_text(args.easy_read) if args.easy_read else ""
    key = make_key(args.article, title=args.title)
    if not key.items and len(key.notes) == 1:  # one reason for all (the text is not English)
        raise InputError(key.notes[0])
    if not key.items:
        raise InputError("The kit found nothing in this article it is sure enough of to ask about. "
                         "Try a news report of 300 words or more that quotes sources and gives figures.")
    write_lesson(key, out, easy_read=easy)
    counts = {lens: len(key.by_lens(lens)) for lens in ("framing", "attribution", "numbers")}
    print(f"Wrote a lesson with {len(key.items)} questions ({counts['framing']} framing, "
          f"{counts['attribution']} attribution, {counts['numbers']} numbers) to {out}.")
    for note in key.notes:
        print(f"  Note: {note}")
    print(f"  Check the key before class: open {out / 'key.html'} in a browser.")
    print(f"  Give students the folder {out / 'student'} (the notebook and its lesson.json); keep the key.")
    print(f"  {RIGHTS}")
    return 0
