"""Bundled articles and user text (pasted, .txt or .html).

>>> art = load_article("aleppo-2024-12-02")
>>> art.source, art.date
('AFP, translated', '2024-12-02')
>>> "aleppo-2024-12-02" in list_articles()
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kit.core.cleaning import clean_text, mixed_script_warning
from kit.core.errors import InputError, UnknownArticle
from kit.core.nlp import MAX_CHARS
from kit.core.provenance import Copy, Quotation, RenamedSpeaker, copy_from, quotation_from, quotation_spans, renamed_from

#: Largest file read_text() opens, in bytes. A saved web page with its scripts and
#: styles can be ten times longer than its article; the text left after extraction
#: must still fit in kit.core.nlp.MAX_CHARS.
MAX_FILE_BYTES = 5_000_000

_ARTICLES = "data/articles"


@dataclass(frozen=True)
class Article:
    """One article: its text and where it comes from.

    ``original_author`` is who first wrote the story (for the seed, AFP);
    ``republisher_note`` says what is known of the copy the kit bundles and how it differs;
    ``copies`` are other published copies of the same story (see :class:`Copy`);
    ``quotations`` the spans of the text that are someone else's words, each with the copy that
    shows it (see :class:`Quotation`); ``own_voice`` the spans of a constructed version that are
    the constructed outlet's own words although they read like a report.
    """

    id: str
    title: str
    date: str
    source: str
    text: str
    note: str = ""
    constructed: bool = False  # True for versions written for teaching, not published
    original_author: str = ""
    republisher_note: str = ""
    copies: tuple[Copy, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    own_voice: tuple[str, ...] = ()
    renamed_speakers: tuple[RenamedSpeaker, ...] = ()  # speakers this copy names otherwise than AFP

    @property
    def paragraphs(self) -> list[str]:
        """The article's non-empty lines, one paragraph each.

        >>> load_article("aleppo-2024-12-02").paragraphs[0]
        'Syria, al-Assad seeks to strengthen his support'
        """
        return [line for line in self.text.splitlines() if line.strip()]

    def quotation_spans(self) -> list[tuple[int, int, str]]:
        """Where the :attr:`quotations` stand in the text: ``(start, end, speaker)``, for
        :func:`kit.reframe`'s ``protected``.

        >>> art = load_article("aleppo-2024-12-02")
        >>> a, b, who = art.quotation_spans()[0]
        >>> art.text[a:b], who.split(",")[0]
        ('escapes the control of Syrian regime forces', 'Rami Abdel Rahman')
        """
        return quotation_spans(self.text, self.quotations)


def _article_dir():
    return resources.files("kit.core").joinpath(_ARTICLES)


def list_articles() -> list[str]:
    """Ids of the bundled articles, sorted.

    >>> list_articles()[0]
    'aleppo-2024-12-02'
    """
    return sorted(p.name[:-5] for p in _article_dir().iterdir() if p.name.endswith(".json"))


def load_article(article_id: str) -> Article:
    """Load a bundled article by id (see :func:`list_articles`).

    The text file is kept exactly as published; a first line of the form
    ``date YYYY-MM-DD Section`` is metadata and is left out of ``Article.text``.

    >>> load_article("aleppo-2024-12-02").text.startswith("Syria, al-Assad")
    True
    """
    folder = _article_dir()
    if not isinstance(article_id, str) or article_id not in list_articles():
        raise UnknownArticle(
            f"No article called {article_id!r}. Bundled articles: {', '.join(list_articles())}."
        )
    meta = json.loads(folder.joinpath(f"{article_id}.json").read_text(encoding="utf-8"))
    raw = folder.joinpath(f"{article_id}.txt").read_text(encoding="utf-8")
    lines = raw.splitlines()
    if lines and re.match(r"^\s*date \d{4}-\d{2}-\d{2}\b", lines[0]):
        lines = lines[1:]
    return Article(
        id=meta["id"],
        title=meta["title"],
        date=meta["date"],
        source=meta["source"],
        text="\n".join(lines).strip() + "\n",
        note=meta.get("note", ""),
        constructed=bool(meta.get("constructed", False)),
        original_author=meta.get("original_author", ""),
        republisher_note=meta.get("republisher_note", ""),
        copies=tuple(copy_from(c) for c in meta.get("copies", ())),
        quotations=tuple(quotation_from(q) for q in meta.get("quotations", ())),
        own_voice=tuple(meta.get("own_voice", ())),
        renamed_speakers=tuple(renamed_from(r) for r in meta.get("renamed_speakers", ())),
    )


# ---------------------------------------------------------------- user text

_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|head|script|span|br)\b", re.I)


def read_text(source: str | bytes | Path, *, name: str = "") -> str:
    """Turn what a user gives (pasted text, a .txt/.html path, uploaded bytes) into clean text.

    Raises :class:`kit.core.errors.InputError` with a message for a student when the input
    is empty, binary, not UTF-8, or too long. HTML is reduced to its article text.

    >>> read_text("  Rebels entered the city.  ")
    'Rebels entered the city.'
    >>> read_text("<p>Hello <script>alert(1)</script>world</p>")
    'Hello world'
    >>> read_text("   ")
    Traceback (most recent call last):
    ...
    kit.core.errors.InputError: The text is empty. Paste an article or choose a .txt or .html file.
    """
    if isinstance(source, Path):
        data = _read_file(source)
        name = name or source.name
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > MAX_FILE_BYTES:
            raise InputError(_too_big(len(data)))
    elif isinstance(source, str):
        if len(source) > MAX_FILE_BYTES:  # bound the work before cleaning or HTML parsing
            raise InputError(_too_long(len(source)))
        text = source
        data = None
    else:
        raise InputError(
            f"The kit reads text, a file path or file bytes, not {type(source).__name__}."
        )
    if data is not None:
        text = _decode(data, name)
    text = clean_text(text)
    is_html = name.lower().endswith((".html", ".htm")) or bool(_HTML_HINT.search(text[:5000]))
    if is_html:
        had_text = bool(text.strip())
        text = html_to_text(text)
        if had_text and not text.strip():
            raise InputError("This HTML has no readable text, only code or markup. Paste the article's "
                             "words, or save the article's own page (File > Save page as... > HTML only).")
    if not text.strip():
        raise InputError("The text is empty. Paste an article or choose a .txt or .html file.")
    if len(text) > MAX_CHARS:
        raise InputError(_too_long(len(text)))
    return text.strip()


def _too_long(n: int) -> str:
    return (
        f"This text is {n:,} characters long; the kit analyses at most {MAX_CHARS:,} "
        "(about 15,000 words) at once. Use one article, or a part of it."
    )


def _too_big(n: int) -> str:
    """The message for a file of ``n`` bytes over the limit (never "5.0 MB; up to 5 MB").

    >>> _too_big(5_000_001)[:60]
    'This file is just over 5 MB; the kit opens files up to 5 MB.'
    """
    size = f"{n / 1e6:.1f} MB" if round(n / 1e6, 1) > MAX_FILE_BYTES / 1e6 else f"just over {MAX_FILE_BYTES / 1e6:g} MB"
    return (
        f"This file is {size}; the kit opens files up to {MAX_FILE_BYTES / 1e6:g} MB. "
        "Save just the article as text and try again."
    )


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"There is no file called {path.name!r}. Check the name and folder.")
    if path.is_dir():
        raise InputError(f"{path.name!r} is a folder, not a file. Choose a .txt or .html file.")
    if not path.is_file():
        raise InputError(f"{path.name!r} is not an ordinary file (a device, a pipe or a socket). "
                         "Choose a .txt or .html file.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(_too_big(size))
    return path.read_bytes()


def _decode(data: bytes, name: str) -> str:
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{name or 'This file'} looks like a binary file (a picture, PDF or Word file?), "
            "not text. Save the article as .txt or .html and try again."
        )
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            if encoding == "utf-16" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{name or 'This file'} is not in UTF-8, the text encoding the kit reads. "
        "Open it in a text editor and save it as UTF-8, or copy and paste the text."
    )


def html_to_text(html: str) -> str:
    """The readable article text of an HTML page (scripts, styles and markup removed).

    Uses trafilatura's article extraction, which drops menus and footers, and keeps the
    headline as the first line (headlines carry the strongest framing); falls back to all
    visible text (without scripts, styles and ``<nav>`` menus) when it finds no article.
    Every path parses with lxml, in linear time; an XML declaration
    (``<?xml version="1.0" encoding="..."?>``, as XHTML pages start) is removed first.

    >>> html_to_text("<html><body><p>Fighting <b>resumed</b>.</p><script>x()</script></body></html>")
    'Fighting resumed.'
    >>> html_to_text('<?xml version="1.0" encoding="iso-8859-1"?><p>Caf\u00e9 <style>p{}</style>open.</p>')
    'Café open.'
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = _html_tree(html)
    visible = _visible_text(tree) if tree is not None else _text_by_events(html)
    if len(visible) < 500:  # a fragment, not a page: trafilatura splits inline tags apart
        return visible
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False)
        title = (trafilatura.extract_metadata(html).title or "").strip() if text else ""
    except Exception:  # a broken page must not stop the lesson; fall back below
        text, title = None, ""
    if not text or len(text) < 0.2 * len(visible):
        return visible
    if title and title not in text[: len(title) + 200]:
        text = f"{title}\n{text}"
    return text


#: An XML declaration or other processing instruction at the start of a page; lxml refuses
#: a str that declares an encoding, and the text is already decoded.
_XML_DECLARATION = re.compile(r"\A\s*(?:<\?[^<>]{0,500}\?>\s*)+")

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
           "section", "blockquote", "header", "footer", "nav", "figure", "figcaption")
_HIDDEN = ("//script|//style|//noscript|//template|//head|//nav|//*[@role='navigation']"
           "|//svg|//math|//iframe|//object|//select|//button")
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "nav", "svg", "math", "iframe",
              "object", "select", "button", "title"}


def _html_tree(html: str):
    """An lxml tree of ``html`` (parsed as UTF-8 bytes, so no declared encoding gets in the way), or None
    when lxml cannot read it whole (then :func:`_text_by_events` reads the page)."""
    import lxml.html

    if not html.strip():
        return None
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        tree = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # lxml refuses empty or markup-free documents
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        return None  # nested more than 256 deep: libxml2 drops the rest; the tokenizer keeps it
    return tree


def _visible_text(tree) -> str:
    for bad in tree.xpath(_HIDDEN):
        if bad.getparent() is not None:
            bad.drop_tree()
    for block in tree.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    return _lines(tree.text_content())


def _lines(text: str) -> str:
    blocks = []
    for line in text.splitlines():
        line = " ".join(line.replace("\u00a0", " ").split())
        if line:
            blocks.append(line)
    return "\n".join(blocks)


def _text_by_events(html: str) -> str:
    """Visible text by the standard library's HTML tokenizer (linear), when lxml gives up."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.hidden = [], []

        def handle_starttag(self, tag, attrs):
            if tag in _SKIP_TAGS:
                self.hidden.append(tag)
            elif tag in _BLOCKS:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if self.hidden and self.hidden[-1] == tag:
                self.hidden.pop()
            elif tag in _BLOCKS:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.hidden:
                self.parts.append(data)

    parser = Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:
        return ""
    return _lines("".join(parser.parts))


# ---------------------------------------------------------------- language check

_EN_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it said were has have be "
    "are this an which not but had his their they he she its after who been".split()
)


def language_warning(text: str) -> str | None:
    """A friendly warning when ``text`` does not look like English (or mixes alphabets inside
    words: see :func:`kit.core.cleaning.mixed_script_warning`), else ``None``.

    The lenses use an English model and English word lists: on other languages they
    find little or nonsense. The test is simple: how many of the words are common
    English function words ("the", "of", "said"...); English news has about a third.

    >>> language_warning("The army said the city was taken.") is None
    True
    >>> print(language_warning("Les rebelles ont pris la ville d'Alep dimanche soir."))
    This text does not look like English...
    """
    if not isinstance(text, str):
        raise InputError(f"The kit needs text (a str), not {type(text).__name__}.")
    return _language(text) or mixed_script_warning(text[:MAX_CHARS])


def _language(text: str) -> str | None:
    words = re.findall(r"\w+", text[:MAX_CHARS].lower())
    if len(words) < 5:
        return None
    latin = sum(1 for w in words if w.isascii())
    english = sum(1 for w in words if w in _EN_WORDS)
    if latin / len(words) < 0.5 or english / len(words) < 0.08:
        return (
            "This text does not look like English. The kit's lenses use English word lists and "
            "an English language model, so their results on other languages will be wrong. "
            "Try an English translation of the article."
        )
    return None
