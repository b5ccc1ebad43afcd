"""Printable handouts: every ``lessons/handouts/*.md`` becomes one standalone HTML page.

Teachers write handouts in Markdown; :func:`build_handouts` turns each into an HTML page
with a small print style (A4, one page), ready to open in a browser and print. Raw HTML in
the Markdown is shown as text, never run (``markdown-it`` with ``html=False``), and the
title goes through a Jinja2 template with autoescape.

    python -m kit handouts -o build/handouts

>>> import tempfile
>>> src = Path(tempfile.mkdtemp()); _ = (src / "demo.md").write_text("# Who says so?\\n\\nAsk <b>twice</b>.")
>>> [p.name for p in build_handouts(tempfile.mkdtemp(), src_dir=src)]
['demo.html']
>>> render_handout("# A & B\\n\\nText.").count("<title>A &amp; B</title>")
1
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kit.core.dated_facts import unmark
from kit.core.errors import InputError

#: The handouts' Markdown sources, found relative to the repository (the kit is installed
#: editable, so ``kit/`` sits next to ``lessons/``).
HANDOUTS_DIR = Path(__file__).resolve().parents[2] / "lessons" / "handouts"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
FOOTER = "Reading the news with three lenses: a media-literacy kit. Who is named how? Who says so? What do the numbers really claim?"


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    # html=False: raw HTML in a handout is escaped, so a handout can never run a script.
    return MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
        ["table", "strikethrough", "replacements", "smartquotes"]
    )


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    )
    return env.get_template("handout.html")


def handout_title(markdown: str, default: str = "Handout") -> str:
    """The text of the first ``# heading`` of a Markdown handout (or ``default``).

    >>> handout_title("Intro\\n\\n# Who says so?\\n## Part 1")
    'Who says so?'
    >>> handout_title("no heading", default="numbers")
    'numbers'
    """
    tokens = _markdown().parse(markdown)
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type == "heading_open" and opening.tag == "h1":
            text = "".join(c.content for c in inline.children or [] if c.type in {"text", "code_inline"})
            return text.strip() or default
    return default


def render_handout(markdown: str, *, title: str | None = None) -> str:
    """One handout as a standalone HTML page (title escaped, raw HTML in ``markdown`` escaped).

    >>> page = render_handout("# Numbers\\n\\n<script>alert(1)</script>")
    >>> "<script>" in page, "&lt;script&gt;" in page
    (False, True)
    >>> "fact:" in render_handout("# N\\n\\nHTS <!-- fact: un_hts -->was delisted.<!-- /fact -->")
    False
    """
    from markupsafe import Markup

    body = _markdown().render(unmark(markdown))  # dated facts keep their text, lose their markers
    return _template().render(
        title=title or handout_title(markdown),
        body=Markup(body),  # already rendered and escaped by markdown-it (html=False)
        footer=FOOTER,
    )


def build_handouts(out_dir: str | Path, *, src_dir: str | Path | None = None) -> list[Path]:
    """Write ``<out_dir>/<name>.html`` for every ``<src_dir>/<name>.md``; return the paths written.

    ``src_dir`` defaults to the kit's ``lessons/handouts`` folder. Raises
    :class:`~kit.core.errors.InputError` when that folder is missing or holds no ``.md`` file.
    """
    src = Path(src_dir) if src_dir is not None else HANDOUTS_DIR
    if not src.is_dir():
        raise InputError(
            f"The handouts folder {src} was not found. The handouts live in lessons/handouts/ "
            "of the kit's folder: run this command from a copy of the whole kit (installed with "
            "`pip install -e .`), or give the folder with src_dir."
        )
    sources = sorted(src.glob("*.md"))
    if not sources:
        raise InputError(f"The handouts folder {src} holds no Markdown (.md) files to print.")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"Cannot create the folder {out} for the handouts ({err.strerror}).") from err
    written = []
    for md_path in sources:
        try:
            markdown = md_path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"The handout {md_path.name} is not UTF-8 text; save it as UTF-8 and try again.") from err
        page = render_handout(markdown, title=handout_title(markdown, default=md_path.stem))
        target = out / (md_path.stem + ".html")
        target.write_text(page, encoding="utf-8")
        written.append(target)
    return written
