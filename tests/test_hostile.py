"""Hostile input: what a class of thirty will paste, type and click, and some of what nobody should.

Every public function, every widget callback, every checker and the teacher commands get:
empty text, whitespace, 1 MB and 10 MB of text, only numbers, other languages and scripts,
right-to-left text, emoji, zero-width and combining characters, HTML with <script> and
<img onerror>, control characters, binary bytes and values of the wrong type.

Each must give a correct result or a clear message (a :class:`kit.KitError` for
functions, a friendly HTML message in widgets, a ``Feedback`` from checkers, one line and
exit code 2 from commands): no traceback reaches a student, and nothing hangs. Huge input
is refused quickly with a message that says what the limit is.

The lens functions (``kit.find_labels`` and friends) are looked up by name, so each is
tested as soon as its module exists; only the ones not written yet are skipped, with the
reason. Widget builders and checkers are found through ``kit.catalog``
automatically too: a new one is tested without editing this file (builders that need
arguments get them from ``BUILDER_ARGS``; a builder that cannot be built fails here).
"""

from __future__ import annotations

import html
import inspect
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit import catalog
from kit.classroom import start
from kit.core.cleaning import clean_chars
from kit.core.errors import InputError, KitError

from conftest import ROOT

# ---------------------------------------------------------------- the hostile inputs

_SENTENCE = "Protesters marched through the capital on Monday, police said. "


def _big(n: int) -> str:
    return (_SENTENCE * (n // len(_SENTENCE) + 1))[:n]


MB1 = _big(1_000_000)
MB10 = _big(10_000_000)
HUGE = {"1MB": MB1, "10MB": MB10}

#: name -> hostile text. Small ones should get a result; huge ones a "too long" message.
TEXTS = {
    "empty": "",
    "whitespace": " \t\n\u00a0\u2003 \r\n ",
    "only_numbers": "12 345 6.78 -9 1e10 3/4 100% 2,000,000 0x1F 7",
    "chinese": "抗议者周一在首都游行，警方称至少有12人受伤。",
    "russian": "Протестующие прошли маршем по столице в понедельник, сообщила полиция.",
    "arabic_rtl": "قال مسؤولون إن 12 شخصا على الأقل قتلوا في الاشتباكات يوم الاثنين.",
    "hebrew_bidi_marks": "\u202eThe army said\u202c \u05d4\u05e6\u05d1\u05d0 \u05d0\u05de\u05e8 12 \u200f.",
    "emoji": "🔥🔥 Protesters 👮 clashed with police 💥 in 🇫🇷 Paris 😱 at least 12 hurt 🚑👨‍👩‍👧",
    "zero_width": "Pro\u200bte\u200cst\u200ders\u2060 marched, po\ufefflice said.\u200b",
    "combining": "Re\u0301fugie\u0301s cro\u0336s\u0336sed the Z\u0351\u0363a\u0300\u0364l\u036ag\u0351o border, officials said.",
    "html_script": '<p>Police said <script>alert("x")</script> 12 were hurt.'
                   '<img src=x onerror="alert(1)"></p>',
    "html_attr_break": '"><svg onload=alert(1)> \' onmouseover=alert(2) x=\'',
    "control_chars": "Police\x00 said\x07 12\x1b[31m were hurt.\x7f\r\n",
    "one_char": ".",
    "long_word": "x" * 5000,
    "many_newlines": "\n" * 20_000 + "Police said 3 were hurt.",
}
ALL_TEXTS = {**TEXTS, **HUGE}

BYTES = {
    "binary": bytes(range(256)) * 8,
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "latin1": "Caf\xe9 r\xe9fugi\xe9s, police said.".encode("latin-1"),
    "utf16": "Police said 12 were hurt.".encode("utf-16"),
    "10MB_bytes": MB10.encode(),
}

WRONG_TYPES = {
    "None": None, "int": 42, "float": float("nan"), "list": ["Police said."],
    "dict": {"text": "x"}, "object": object(), "ellipsis": ..., "bool": True,
}

#: Seconds any single call may take on any of these inputs (the 10 MB ones included). A hang
#: detector, not a speed test (speed is measured in bench/): a call that is quadratic or worse on
#: 10 MB takes far longer than this, while a machine loaded by other work (seen: 17 s for a call
#: that takes under 1 s alone) must not fail the suite.
TIME_LIMIT = 60.0
LIMIT_WORDS = re.compile(r"at most|too (long|big|large)|up to|limit", re.I)
TRACEBACK = re.compile(r"Traceback|Something went wrong inside the kit|File \"[^\"]+\", line \d+")


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    try:
        return fn(*args, **kwargs)
    finally:
        took = time.perf_counter() - start
        assert took < TIME_LIMIT, f"{getattr(fn, '__name__', fn)} took {took:.1f} s (limit {TIME_LIMIT} s)"


def ids(d: dict) -> list[str]:
    return list(d)


# ---------------------------------------------------------------- parse


@pytest.mark.parametrize("name", ids(ALL_TEXTS))
def test_parse_gives_a_doc_or_a_clear_message(name):
    text = ALL_TEXTS[name]
    try:
        doc = timed(kit.parse, text)
    except InputError as err:
        assert name in HUGE, f"{name}: refused a text the kit should read: {err}"
        assert LIMIT_WORDS.search(str(err)) and f"{kit.MAX_CHARS:,}" in str(err)
        return
    assert name not in HUGE, "a huge text must be refused, not parsed for minutes"
    # Offsets refer to doc.text: the text itself, or the text after kit.parse's cleaning step
    # (no invisible marks, no no-break spaces) when it had such characters (kit/core/cleaning.py).
    assert doc.text == clean_chars(text)
    assert doc.text == text or name in ("whitespace", "zero_width", "combining", "hebrew_bidi_marks", "emoji")


@pytest.mark.parametrize("name", ids(WRONG_TYPES) + ids(BYTES))
def test_parse_refuses_what_is_not_text(name):
    value = {**WRONG_TYPES, **BYTES}[name]
    with pytest.raises(InputError, match="needs text"):
        timed(kit.parse, value)


def test_parse_many_refuses_a_huge_text_in_a_batch():
    with pytest.raises(InputError, match="at most"):
        timed(kit.parse_many, ["Fine.", MB1])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_parse_any_short_text(text):
    doc = kit.parse(text)
    assert doc.text == clean_chars(text)  # offsets into the cleaned text (kit/core/cleaning.py)
    assert clean_chars(doc.text) == doc.text  # cleaning twice changes nothing


# ---------------------------------------------------------------- read_text


@pytest.mark.parametrize("name", ids(ALL_TEXTS))
def test_read_text_cleans_or_refuses(name):
    try:
        out = timed(kit.read_text, ALL_TEXTS[name])
    except InputError as err:
        if name in HUGE:
            assert LIMIT_WORDS.search(str(err)), f"{name}: the message must say the limit: {err}"
        return
    assert name not in HUGE
    assert out.strip() and out == out.strip()
    assert not re.search("[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", out)
    if name == "html_script":  # an HTML page: its scripts are dropped, its text kept
        assert "alert(" not in out and "<script" not in out.lower() and "onerror" not in out
        assert out == "Police said 12 were hurt."


@pytest.mark.parametrize("name", ["empty", "whitespace"])
def test_read_text_empty_says_so(name):
    with pytest.raises(InputError, match="empty"):
        kit.read_text(TEXTS[name])


@pytest.mark.parametrize("size", [1_000_000, 10_000_000])
def test_read_text_huge_html_is_refused_quickly_and_clearly(size):
    # A page of many paragraphs (what a saved web page looks like), and one giant paragraph.
    page = ("<p>" + _SENTENCE + "</p>\n") * (size // (len(_SENTENCE) + 8))
    for html_text in (page, "<p>" + _big(size) + "</p>"):
        with pytest.raises(InputError) as err:
            timed(kit.read_text, html_text)
        assert LIMIT_WORDS.search(str(err.value)), str(err.value)


@pytest.mark.parametrize("name", ids(BYTES))
def test_read_text_bytes(name):
    data = BYTES[name]
    try:
        out = timed(kit.read_text, data, name="upload.txt")
    except InputError as err:
        assert name in {"binary", "png", "latin1", "10MB_bytes"}, f"{name}: {err}"
        expected = {"binary": "binary", "png": "binary", "latin1": "UTF-8", "10MB_bytes": "MB"}[name]
        assert expected in str(err)
        return
    assert name == "utf16" and out == "Police said 12 were hurt."


@pytest.mark.parametrize("name", ids(WRONG_TYPES))
def test_read_text_wrong_types(name):
    with pytest.raises(InputError, match="reads text"):
        kit.read_text(WRONG_TYPES[name])


def test_read_text_paths(tmp_path):
    with pytest.raises(InputError, match="no file"):
        kit.read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        kit.read_text(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text(MB10)
    with pytest.raises(InputError, match="MB"):
        timed(kit.read_text, big)
    bin_file = tmp_path / "photo.jpg"
    bin_file.write_bytes(BYTES["binary"])
    with pytest.raises(InputError, match="binary"):
        kit.read_text(bin_file)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_read_text_never_raises_anything_but_input_error(text):
    try:
        out = kit.read_text(text)
    except InputError:
        return
    assert isinstance(out, str) and out.strip()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=5000))
def test_read_text_bytes_never_raise_anything_but_input_error(data):
    try:
        assert isinstance(kit.read_text(data), str)
    except InputError:
        pass


# ---------------------------------------------------------------- highlight and messages

_KIT_TAGS = re.compile(r"</?(div|mark|sub|span)\b[^>]*>|<br>\n")


def _strip_kit_markup(out: str) -> str:
    """What remains of highlight()'s output once its own tags are removed: the user's text, escaped."""
    return _KIT_TAGS.sub(lambda m: "\n" if m.group(0) == "<br>\n" else "", out)


@pytest.mark.parametrize("name", ids(TEXTS) + ["1MB"])
def test_highlight_escapes_every_text(name):
    text = ALL_TEXTS[name]
    n = len(text)
    spans = [kit.Highlight(0, n // 2, '<img src=x onerror="alert(1)">', '"><script>alert(2)</script>'),
             kit.Highlight(n // 2, n, "tag\u202e", "tip\u200b")] if n > 1 else []
    out = timed(kit.highlight, text, spans)
    body = _strip_kit_markup(out.split('<div class="kit-hl"', 1)[1].split(">", 1)[1])
    assert "<" not in body.replace("</div>", ""), "raw < from user text in the HTML"
    assert "<script" not in out and "<img" not in out and "<svg" not in out


@settings(max_examples=300, deadline=None)
@given(
    st.text(),
    st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300), st.text(max_size=12),
                       st.text(max_size=12)), max_size=6),
)
def test_highlight_round_trips_any_text(text, raw_spans):
    """Remove the kit's own tags and unescape: the user's text comes back exactly."""
    spans = [kit.Highlight(a, b, tag, tip) for a, b, tag, tip in raw_spans]
    out = kit.highlight(text, spans, show_legend=False, show_tags=False)
    inner = out[len('<div class="kit-hl" style="line-height:1.7">'):-len("</div>")]
    stripped = _strip_kit_markup(inner)
    assert "<" not in stripped and ">" not in stripped
    assert html.unescape(stripped) == text


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=20), st.text(max_size=20), max_size=5))
def test_legend_escapes_tags_and_labels(labels):
    from kit.core.glossary import KIT_CSS

    out = kit.legend({t: "#fff" for t in labels}, labels=labels)
    assert out.count(KIT_CSS) == 1  # the kit's own style sheet, once; everything else is the labels' text
    text_only = re.sub(r"</?(div|span)\b[^>]*>", "", out.replace(KIT_CSS, ""))
    assert "<" not in text_only


@pytest.mark.parametrize("name", ids(TEXTS))
def test_message_escapes(name):
    from kit.core.render import message

    out = message(TEXTS[name], kind='"><script>')
    assert "<script" not in out and "<img" not in out


# ---------------------------------------------------------------- small public helpers


@pytest.mark.parametrize("name", ids(ALL_TEXTS))
def test_language_warning_any_text(name):
    out = timed(kit.language_warning, ALL_TEXTS[name])
    assert out is None or "English" in out


@pytest.mark.parametrize("name", ["chinese", "russian", "arabic_rtl"])
def test_language_warning_other_scripts_are_flagged(name):
    assert "does not look like English" in kit.language_warning(TEXTS[name] * 3)


@pytest.mark.parametrize("name", ids(WRONG_TYPES) + ["binary"])
def test_language_warning_wrong_types(name):
    value = {**WRONG_TYPES, **BYTES}[name]
    try:
        out = kit.language_warning(value)
    except KitError:
        return
    assert out is None or isinstance(out, str)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_language_warning_never_raises(text):
    assert kit.language_warning(text) in (None,) or isinstance(kit.language_warning(text), str)


@pytest.mark.parametrize("name", ids(TEXTS) + ids(WRONG_TYPES))
def test_load_article_unknown_id_is_clear(name):
    value = {**TEXTS, **WRONG_TYPES}[name]
    with pytest.raises(KitError, match="No article called"):
        kit.load_article(value)


@pytest.mark.parametrize("name", ids(TEXTS))
def test_saved_answers_any_exercise_id(name):
    assert kit.saved(TEXTS[name]) is ...


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_any_text(text):
    out = kit.clean_text(text)
    assert "\r" not in out and "\u200b" not in out


# ---------------------------------------------------------------- lens functions (as they arrive)

#: Finders: public name -> True when it takes a Doc (all of them, by the API contract).
FINDERS = ["find_labels", "find_passives", "find_attributions", "find_unattributed",
           "find_numbers", "check_numbers"]


def _lens(name: str):
    fn = getattr(kit, name, None)
    assert fn is not None, f"kit.{name} is part of the public API (../shared/DESIGN.md) but is missing"
    return fn


@pytest.fixture(scope="module")
def hostile_docs():
    return {name: kit.parse(text) for name, text in TEXTS.items()}


def _check_results(results, text: str, where: str):
    assert isinstance(results, list), f"{where}: returned {type(results).__name__}, not a list"
    for r in results:
        s, e = getattr(r, "start_char", None), getattr(r, "end_char", None)
        if s is None:
            continue  # Finding records point at quantities instead
        assert 0 <= s <= e <= len(text), f"{where}: offsets {s}:{e} outside the text"


@pytest.mark.parametrize("finder", FINDERS)
@pytest.mark.parametrize("name", ids(TEXTS))
def test_finder_on_hostile_text(finder, name, hostile_docs):
    fn = _lens(finder)
    _check_results(timed(fn, hostile_docs[name]), TEXTS[name], f"{finder}({name})")


@pytest.mark.parametrize("finder", FINDERS)
@pytest.mark.parametrize("name", ["a_str"] + ids(WRONG_TYPES) + ["bytes", "1MB"])
def test_finder_given_something_else_than_a_doc(finder, name):
    """A student may pass article.text (a str) instead of kit.parse(...): a clear message or a result."""
    fn = _lens(finder)
    value = {"a_str": "Police said 12 people were hurt.", "bytes": b"Police said.", "1MB": MB1,
             **WRONG_TYPES}[name]
    try:
        out = timed(fn, value)
    except KitError as err:
        assert str(err).strip(), "empty message"
        return
    assert name == "a_str", f"{finder}({name}) returned {out!r} instead of a clear message"
    _check_results(out, value, f"{finder}(str)")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_finders_on_any_short_text(text):
    doc = kit.parse(text)
    for name in FINDERS:
        _check_results(_lens(name)(doc), text, name)


@pytest.mark.parametrize("name", ids(ALL_TEXTS) + ids(WRONG_TYPES))
def test_reframe_text(name):
    reframe = _lens("reframe")
    value = {**ALL_TEXTS, **WRONG_TYPES}[name]
    styles = _reframe_styles()
    try:
        out = timed(reframe, value, styles[0])
    except KitError as err:
        assert name in HUGE or name in WRONG_TYPES, f"reframe refused {name}: {err}"
        return
    assert name not in HUGE and name not in WRONG_TYPES, f"reframe({name}) gave {out!r}"
    assert isinstance(str(out), str)


def _reframe_styles() -> list:
    framing = __import__("kit.framing", fromlist=["STYLES"])
    styles = getattr(framing, "STYLES", None) or getattr(framing, "styles", None)
    if callable(styles):
        styles = styles()
    return list(styles) if styles else ["neutral"]


@pytest.mark.parametrize("style", ["", "nonsense", '<script>', None, 3])
def test_reframe_unknown_style_is_clear(style):
    reframe = _lens("reframe")
    with pytest.raises(KitError):
        reframe("Rebels took the city.", style)


# ---------------------------------------------------------------- widgets (every builder, every callback)

#: Builders that need arguments: name -> (args, kwargs) of a small, valid example.
BUILDER_ARGS = {
    "make_annotator": (("Rebels took the city. Gunmen fled.", ["loaded", "neutral"], []), {}),
    "make_detector": (("Protesters marched.",), {}),
    "make_model_answer": (("hostile_open", "QSBtb2RlbCBhbnN3ZXIu"), {}),
}


def _builders() -> list[str]:
    return sorted(catalog.builders())


def _build(name: str):
    args, kwargs = BUILDER_ARGS.get(name, ((), {}))
    try:
        return catalog.builders()[name](*args, **kwargs)
    except TypeError as err:
        if name not in BUILDER_ARGS and "argument" in str(err):
            pytest.fail(f"widgets.{name} needs arguments: add an example to BUILDER_ARGS in "
                        f"tests/test_hostile.py ({err})")
        raise


def _walk(w):
    yield w
    for c in getattr(w, "children", ()) or ():
        yield from _walk(c)


def _shown(root) -> str:
    """Everything the widget shows as text: HTML values, labels, Output contents."""
    import ipywidgets as W

    parts = []
    for w in _walk(root):
        if isinstance(w, (W.HTML, W.HTMLMath, W.Label)):
            parts.append(str(w.value))
        elif isinstance(w, W.Output):
            for o in w.outputs:
                parts.append(str(o.get("text", "")) + str(o.get("traceback", "")) + str(o.get("data", "")))
                if o.get("output_type") == "error":
                    parts.append("Traceback (error output)")
    return "\n".join(parts)


class _CallbackErrors(logging.Handler):
    """ipywidgets logs exceptions raised in on_click callbacks instead of raising them."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record):
        if record.exc_info or "Exception in callback" in record.getMessage():
            self.errors.append(record.getMessage())


@pytest.fixture
def callback_errors():
    handler = _CallbackErrors()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler.errors
    root.removeHandler(handler)


def _act(root, errors: list[str], what: str, action) -> None:
    try:
        timed(action)
    except Exception as err:  # an observer that raises: the student's cell shows a traceback
        pytest.fail(f"{what}: a callback raised {type(err).__name__}: {err}")
    assert not errors, f"{what}: a button callback raised: {errors}"
    shown = _shown(root)
    bad = TRACEBACK.search(shown)
    assert not bad, f"{what}: the widget shows an error: ...{shown[max(0, bad.start() - 200):bad.end() + 200]}"


def _buttons(root):
    import ipywidgets as W

    return [w for w in _walk(root) if isinstance(w, W.Button)]


def _text_inputs(root):
    import ipywidgets as W

    return [w for w in _walk(root) if isinstance(w, (W.Text, W.Textarea, W.Combobox))]


@pytest.mark.parametrize("builder", _builders())
def test_widget_builds_without_error(builder, callback_errors):
    w = timed(_build, builder)
    import ipywidgets as W

    assert isinstance(w, W.VBox), f"{builder} must return a VBox"
    _act(w, callback_errors, f"{builder}()", lambda: None)


# The builders whose widgets have a text box (Text, Textarea, Combobox). Declared rather than
# found at collection time (that would load the model to collect); the test below it fails
# when a builder gains or loses a text box, so the list cannot go stale.
TEXT_BOX_BUILDERS = ("make_annotator", "make_consistency_view", "make_detector", "make_label_viewer",
                     "make_model_answer", "make_passive_spotter", "make_quiz", "make_reframer",
                     "make_transfer_task", "make_unsourced_view", "make_your_article")


@pytest.mark.parametrize("builder", _builders())
def test_text_box_builders_are_listed(builder):
    has_box = bool(_text_inputs(_build(builder)))
    assert has_box == (builder in TEXT_BOX_BUILDERS), (
        f"{builder} {'has' if has_box else 'has no'} text box: update TEXT_BOX_BUILDERS in tests/test_hostile.py")


@pytest.mark.parametrize("builder", TEXT_BOX_BUILDERS)
@pytest.mark.parametrize("name", ids(ALL_TEXTS))
def test_widget_text_boxes_take_hostile_text(builder, name, callback_errors):
    """Type hostile text into every text box, then press every button."""
    w = _build(builder)
    boxes = _text_inputs(w)
    assert boxes, f"{builder} is listed in TEXT_BOX_BUILDERS but has no text box"
    for box in boxes:
        _act(w, callback_errors, f"{builder}: typing {name}", lambda: setattr(box, "value", ALL_TEXTS[name]))
    for b in _buttons(w):
        _act(w, callback_errors, f"{builder}: {name} then {b.description!r}", b.click)


def _choices(w):
    """A few legal values of a selection widget: first, last and the middle (or every option)."""
    import ipywidgets as W

    if isinstance(w, (W.IntSlider, W.FloatSlider, W.BoundedIntText, W.BoundedFloatText)):
        return [w.min, w.max, (w.min + w.max) / 2 if isinstance(w.value, float) else (w.min + w.max) // 2]
    if isinstance(w, W.SelectMultiple):
        values = [o[1] if isinstance(o, tuple) else o for o in w.options]
        return [(), tuple(values), tuple(values[:1])]
    if isinstance(w, (W.Dropdown, W.RadioButtons, W.Select, W.ToggleButtons, W.SelectionSlider)):
        values = [o[1] if isinstance(o, tuple) else o for o in w.options]
        return values if len(values) <= 8 else values[:3] + values[-3:]
    if isinstance(w, (W.Checkbox, W.ToggleButton)):
        return [True, False]
    return []


@pytest.mark.parametrize("builder", _builders())
def test_widget_every_control_at_its_edges(builder, callback_errors):
    """Move every slider to its ends, pick no/all/each option, toggle boxes, press every button."""
    w = _build(builder)
    controls = [c for c in _walk(w) if _choices(c)]
    for c in controls:
        for value in _choices(c):
            _act(w, callback_errors, f"{builder}: {type(c).__name__} {getattr(c, 'description', '')!r} = {value!r}",
                 lambda: setattr(c, "value", value))
            for b in _buttons(w):
                _act(w, callback_errors, f"{builder}: press {b.description!r}", b.click)


def test_reader_callbacks_show_the_chosen_paragraph(callback_errors):
    w = start.make_reader()
    slider, kinds, out = w.children
    slider.value = slider.max
    assert kit.load_article(start.SEED).paragraphs[-1][:30] in html.unescape(out.value)
    kinds.value = ()
    assert "<mark" not in out.value  # nothing chosen, nothing marked
    assert not callback_errors


def test_detector_refuses_huge_text_with_the_limit(callback_errors):
    w = catalog.builders()["make_detector"]("Protesters marched.")
    box = next(b for b in _text_inputs(w))
    box.value = MB1
    for b in _buttons(w):
        timed(b.click)
    assert not callback_errors, callback_errors
    assert LIMIT_WORDS.search(_shown(w)), "the message must say the text is too long"


# ---------------------------------------------------------------- checkers


def _checkers() -> list[str]:
    return sorted(c.__name__ for c in catalog.checkers())


def _checker(name: str):
    return next(c for c in catalog.checkers() if c.__name__ == name)


HOSTILE_ANSWERS = {**TEXTS, **HUGE, **WRONG_TYPES, "bytes": BYTES["binary"],
                   "nested": [[["x"]], {"a": None}], "set": {"a", "b"}, "negative": -1, "huge_int": 10**400}


@pytest.mark.parametrize("checker", _checkers())
@pytest.mark.parametrize("name", ids(HOSTILE_ANSWERS))
def test_checker_gives_feedback_on_hostile_answers(checker, name):
    fn = _checker(checker)
    required = [p for p in list(inspect.signature(fn).parameters.values())[1:]
                if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    # Checkers with two answers (e.g. low and high of an interval) get the hostile value twice.
    fb = timed(fn, *[HOSTILE_ANSWERS[name]] * (1 + len(required)))
    assert isinstance(fb, kit.Feedback), f"{checker} returned {type(fb).__name__}"
    assert fb.message.strip() and not TRACEBACK.search(fb.message)
    assert not fb.passed or name not in ("empty", "whitespace", "None", "ellipsis")
    assert "<script" not in fb._repr_html_()


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.lists(st.text(max_size=5), max_size=3)))
def test_checkers_never_raise(answer):
    for name in _checkers():
        fn = _checker(name)
        n = len([p for p in inspect.signature(fn).parameters.values() if p.default is p.empty])
        assert isinstance(fn(*[answer] * max(1, n)), kit.Feedback)


# ---------------------------------------------------------------- teacher commands


def _run_kit(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), KIT_ANSWERS=str(cwd / "answers.json"))
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _assert_clear(proc: subprocess.CompletedProcess, what: str) -> None:
    assert "Traceback" not in proc.stderr, f"{what}: traceback:\n{proc.stderr[-2000:]}"
    assert proc.returncode in (0, 2), f"{what}: exit code {proc.returncode}\n{proc.stderr[-500:]}"
    if proc.returncode == 2:
        assert proc.stderr.strip(), f"{what}: failed without saying why"


@pytest.mark.parametrize("argv", [
    ["nonsense-command"], ["\u202e<script>alert(1)</script>"], ["articles", "--bogus"],
    ["articles", "🔥"], ["articles", "--ids", "x" * 10_000],
], ids=["unknown", "rtl_html", "bad_option", "emoji", "long_arg"])
def test_command_line_hostile_arguments(argv, tmp_path):
    proc = _run_kit(argv, tmp_path)
    _assert_clear(proc, " ".join(argv)[:60])
    assert proc.returncode == 2


def test_command_line_main_in_process_never_raises_but_system_exit():
    from kit.teacher.cli import main

    for argv in (["articles", "--ids"], ["articles", "\x00"], ["\u202e"]):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code
        assert code in (0, 2)


REPORT_FILES = {
    "empty": b"", "whitespace": b" \n\t ", "1MB": MB1.encode(), "10MB": MB10.encode(),
    "binary": BYTES["binary"], "latin1": BYTES["latin1"],
    "html_script": TEXTS["html_script"].encode(), "arabic_rtl": TEXTS["arabic_rtl"].encode(),
    "emoji": TEXTS["emoji"].encode(), "only_numbers": TEXTS["only_numbers"].encode(),
    "zero_width_combining": (TEXTS["zero_width"] + TEXTS["combining"]).encode(),
}


def _report_argv(path: Path, out_dir: Path) -> list[str]:
    help_text = _run_kit(["report", "--help"], out_dir).stdout
    argv = ["report", str(path)]
    if re.search(r"(^|\s)(-o|--out)\b", help_text):
        argv += ["-o", str(out_dir / "report.html")]
    return argv


@pytest.mark.parametrize("name", ids(REPORT_FILES))
def test_report_command_on_hostile_files(name, tmp_path):
    from kit.teacher.cli import COMMANDS

    assert "report" in COMMANDS, "`python -m kit report` is missing"
    src = tmp_path / f"article-{name}.txt"
    src.write_bytes(REPORT_FILES[name])
    start = time.perf_counter()
    proc = _run_kit(_report_argv(src, tmp_path), tmp_path)
    took = time.perf_counter() - start
    _assert_clear(proc, f"report {name}")
    assert took < 60, f"report on {name} took {took:.0f} s"
    if name in {"empty", "whitespace", "1MB", "10MB", "binary"}:
        assert proc.returncode == 2, f"report accepted {name}"
    if name in {"1MB", "10MB"}:
        assert LIMIT_WORDS.search(proc.stderr), proc.stderr
    for page in tmp_path.rglob("*.htm*"):
        text = page.read_text(errors="replace")
        assert "<script>alert" not in text and 'onerror="alert' not in text, f"{page.name} runs user script"


# ---------------------------------------------------------------- runs of marks (issue 13)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet='"\'()[]{}!?-.,$*a 🔥\n«»', max_size=3000))
def test_parse_runs_of_marks_exactly_and_quickly(text):
    """Runs of quote marks or brackets made spaCy's tokenizer quadratic (100,000 took 16 minutes)."""
    doc = timed(kit.parse, text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


@pytest.mark.parametrize("text", ['"' * 30_000, "(" * 30_000, "🔥" * 30_000, '"a" ' * 2_500, "a," * 4_000],
                         ids=["quotes", "brackets", "emoji", "quoted_letters", "commas"])
def test_parse_pathological_text_within_the_time_limit(text):
    """(The last two are token-dense: their cost is the tokens', linear; sizes keep a loaded machine in time.)"""
    doc = timed(kit.parse, text)
    assert doc.text == text
