"""Compare widgets (notebooks 04 and 05): versions side by side, your own article."""

from __future__ import annotations

import ipywidgets as W

from kit.core.cleaning import clean_chars, mixed_script_warning
from kit.core.render import highlight, message
from kit.core.text import load_article
from kit.core.widgets import parsed, safe_html


def _article_options(blind: bool) -> list[tuple[str, str]]:
    from kit.compare.analysis import CONTRAST

    if blind:
        return [(f"Version {letter}", aid) for letter, aid in CONTRAST.items()]
    from kit.core.text import list_articles

    options = []
    for aid in list_articles():
        art = load_article(aid)
        options.append((f"{art.title} ({'constructed' if art.constructed else art.source})", aid))
    return options


def make_compare(a: str | None = None, b: str | None = None, *, blind: bool = False) -> W.VBox:
    """Two versions of the same events side by side: framing fingerprints, differences marked.

    Children: dropdown A, dropdown B, the HTML view. ``blind=True`` hides which version is
    which (Version A, B, C) for the guessing exercise; constructed versions always show a
    banner saying they were written for teaching.

    >>> w = make_compare("aleppo-2024-12-02-state-media", "aleppo-2024-12-02-opposition")
    >>> "kit-diff" in w.children[-1].value and "Constructed for teaching" in w.children[-1].value
    True
    """
    options = _article_options(blind)
    ids = [v for _, v in options]
    a = a if a in ids else ids[0]
    b = b if b in ids else ids[1 if len(ids) > 1 else 0]
    pick_a = W.Dropdown(options=options, value=a, description="A", layout=W.Layout(width="auto"))
    pick_b = W.Dropdown(options=options, value=b, description="B", layout=W.Layout(width="auto"))
    out = W.HTML()

    def update(_=None):
        from kit.compare.analysis import analyse_article
        from kit.compare.views import compare_html

        names = tuple(dict((v, k) for k, v in options).get(x, x)
                      for x in (pick_a.value, pick_b.value)) if blind else ("A", "B")
        out.value = safe_html(lambda: compare_html(analyse_article(pick_a.value),
                                                   analyse_article(pick_b.value), names=names))

    pick_a.observe(update, "value")
    pick_b.observe(update, "value")
    update()
    return W.VBox([pick_a, pick_b, out], layout=W.Layout(max_width="1100px"))


#: Tabs of the 05_your_article widget, in order.
ARTICLE_TABS = ("Framing", "Attribution", "Numbers", "Translation", "Check the source")


def analysis_tabs_html(text: str, *, name: str = "") -> list[str]:
    """HTML for each tab of :func:`make_your_article` (see :data:`ARTICLE_TABS`)."""
    from kit.compare.analysis import analyse
    from kit.compare.views import VIEWS, checklist_html

    an = analyse(parsed(text))  # the tabs' own views parse the same text: parse it once
    warning = an.warning or mixed_script_warning(text)  # look-alike letters are gone from the parsed text
    warn = message(warning, kind="warning") if warning else ""
    return [warn + VIEWS[lens](an) for lens in ("framing", "attribution", "numbers", "translation")] + [
        checklist_html()]


def _your_article_controls() -> tuple:
    """The controls of :func:`make_your_article`, in order: examples, text box, upload, button, status, tabs.

    >>> [type(c).__name__ for c in _your_article_controls()]
    ['Dropdown', 'Textarea', 'FileUpload', 'Button', 'HTML', 'Tab']
    """
    examples = W.Dropdown(options=[("(choose an example, or paste your own below)", "")]
                          + _article_options(False), value="", description="Example",
                          layout=W.Layout(width="auto"))
    box = W.Textarea(description="Article", placeholder="Paste the article here (English text), or upload a .txt or .html file.",
                     layout=W.Layout(width="100%", height="160px"))
    upload = W.FileUpload(accept=".txt,.html,.htm", multiple=False, description="Upload file")
    button = W.Button(description="Analyse", button_style="primary", icon="search")
    tabs = W.Tab(children=[W.HTML() for _ in ARTICLE_TABS])
    for i, title in enumerate(ARTICLE_TABS):
        tabs.set_title(i, title)
    return examples, box, upload, button, W.HTML(), tabs


def _example_banner(article_id: str, text: str | None = None) -> str:
    """The constructed-for-teaching banner of a bundled example ("" for a real article, or when
    ``text`` is given and is no longer the example's text).

    >>> "Constructed for teaching" in _example_banner("aleppo-2024-12-02-wire")
    True
    >>> _example_banner("aleppo-2024-12-02-wire", "My own text.")
    ''
    """
    from kit.compare.views import banner_html

    art = load_article(article_id)
    if text is not None and art.text.strip() != text.strip():
        return ""
    return banner_html(art)


def _example_loaded(article_id: str) -> tuple[str, str]:
    """The text of a bundled example, and the status line once it is in the text box.

    >>> text, status = _example_loaded("aleppo-2024-12-02")
    >>> "Press Analyse" in status and len(text) > 100
    True
    """
    art = load_article(article_id)
    return art.text, _example_banner(article_id) + message(
        f"Loaded \u201c{art.title}\u201d. Press Analyse.", kind="info")


def _read_upload(files) -> tuple[str | None, str]:
    """The text of an uploaded file (a FileUpload value: ipywidgets 8 tuple or 7 dict) and the
    status line; ``(None, "")`` when there is no file. Bad files raise :class:`InputError`.

    >>> text, status = _read_upload(({"name": "a.txt", "content": b"Police said 40 people were arrested."},))
    >>> text, "Read a.txt: 6 words" in status
    ('Police said 40 people were arrested.', True)
    """
    from kit.core.text import read_text

    if not files:
        return None, ""
    f = files[0] if isinstance(files, (tuple, list)) else next(iter(files.values()))
    name = str(f.get("name", ""))
    text = read_text(bytes(f["content"]), name=name)
    return text, message(f"Read {name or 'the file'}: {len(text.split()):,} words. Press Analyse.", kind="info")


def _analysed_status(text: str) -> str:
    """The status line after an analysis: done, or a warning for text that is not English or very short.

    >>> "very short" in _analysed_status("Police said 40 people were arrested.")
    True
    """
    from kit.core.text import language_warning

    words = len(text.split())
    done = f"Analysed {words:,} word{'s' if words != 1 else ''}."
    if language_warning(text):
        return message(f"{done} But this does not look like English, so the results will "
                       "be wrong: read the warning in each tab.", kind="warning")
    if words < 12:
        return message(f"{done} That is very short: paste a whole article (or at least a "
                       "paragraph) to see the lenses at work.", kind="info")
    return message(f"{done} Open each tab below.", kind="success")


def _analyse_into(tabs: W.Tab, pasted: str, example: str = "") -> str:
    """Analyse ``pasted`` into the ``tabs`` (each with the example's banner if it is still the
    example's text); return the status line. Bad input raises :class:`InputError`.

    >>> tabs = W.Tab(children=[W.HTML() for _ in ARTICLE_TABS])
    >>> status = _analyse_into(tabs, "Police said 40 people were arrested in Lima on Monday night after the march.")
    >>> "Open each tab" in status and "kit-table" in tabs.children[2].value
    True
    """
    from kit.core.text import read_text

    text = read_text(pasted)
    banner = _example_banner(example, text) if example else ""
    for child, page in zip(tabs.children, analysis_tabs_html(text)):
        child.value = banner + page
    return banner + _analysed_status(text)


def make_your_article() -> W.VBox:
    """Paste a text or upload a .txt/.html file, press Analyse, read all three lenses.

    Children: a dropdown of bundled examples, the text box, the file upload, the Analyse
    button, a status line, and the tabs (framing, attribution, numbers, translation,
    lateral-reading checklist). Bad input (empty, binary, too long...) shows a friendly message.

    >>> w = make_your_article()
    >>> w.children[1].value = ""
    >>> w.children[3].click()
    >>> "empty" in w.children[4].value
    True
    """
    examples, box, upload, button, status, tabs = _your_article_controls()

    def pick_example(_=None):
        if examples.value:
            box.value, status.value = _example_loaded(examples.value)

    def uploaded(_=None):
        def build():
            text, note = _read_upload(upload.value)
            if text is not None:
                box.value = text
            return note

        status.value = safe_html(build)

    def analyse_clicked(_=None):
        for child in tabs.children:
            child.value = ""
        status.value = message("Reading the text with all three lenses... (a long text takes a few seconds)",
                               kind="info")
        button.disabled = True  # one analysis at a time, however often it is clicked
        try:
            status.value = safe_html(lambda: _analyse_into(tabs, box.value, examples.value))
        finally:
            button.disabled = False

    examples.observe(pick_example, "value")
    upload.observe(uploaded, "value")
    button.on_click(analyse_clicked)
    return W.VBox([examples, box, upload, button, status, tabs], layout=W.Layout(max_width="1000px"))



def make_detector(original: str = "", *, expect=(), lenses=None, exercise: str = "make_then_detect",
                  prompt: str = "") -> W.VBox:
    """Make, then detect: the student rewrites a paragraph (or writes their own) and the
    kit's detectors say what they find in it, compared with the original.

    Children: 0 instructions, 1 the text box (starts with ``original``, or the saved
    version), 2 the Check button, 3 feedback, 4 the student's text with what was found marked.

    >>> import os, tempfile; os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(), "a.json")
    >>> w = make_detector("Protesters marched.")
    >>> w.children[1].value = "Rioters marched."
    >>> w.children[2].click()
    >>> "kit-msg" in w.children[3].value
    True
    >>> _ = os.environ.pop("KIT_ANSWERS")
    """
    from kit.classroom.answers import saved
    from kit.compare.detect import detect, detect_feedback
    from kit.core.render import Highlight

    before = saved(exercise, None)
    box = W.Textarea(value=before if isinstance(before, str) and before.strip() else original,
                     placeholder="Your rewritten text", description="Your text",
                     layout=W.Layout(width="100%", height="120px"))
    intro = W.HTML(message(prompt or "Rewrite the text to push the reader one way, then press "
                           "Check: the kit says what it finds.", kind="info"))
    check = W.Button(description="Check my version", button_style="primary", icon="search",
                     layout=W.Layout(width="auto"))  # wide enough for its words
    feedback = W.HTML()
    marked = W.HTML()

    def on_check(_=None):
        fb = detect_feedback(box.value, expect=expect, original=original or None,
                                      lenses=lenses, exercise=exercise)
        feedback.value = fb.as_html()

        def build():
            if not box.value.strip():
                return ""
            shown = clean_chars(box.value)  # the offsets are into the cleaned text (see kit.parse)
            spans = [Highlight(i.start_char, i.end_char, f.what, d)
                     for f in detect(shown, lenses=lenses)
                     for i, d in zip(f.items, f.details)
                     if isinstance(getattr(i, "start_char", None), int)]
            return highlight(shown, spans, tag="tag", tooltip=lambda h: h.tooltip)
        marked.value = safe_html(build)

    check.on_click(on_check)
    return W.VBox([intro, box, check, feedback, marked], layout=W.Layout(max_width="900px"))
