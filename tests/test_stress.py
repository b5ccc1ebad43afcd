"""Stress: text that made spaCy's tokenizer quadratic, and HTML that made the old fallback
quadratic, stays fast, small and exact (character offsets into the text unchanged).

Sizes are kept small so the suite stays quick; the growth checks catch a quadratic
path coming back (4 times the text must not take 16 times as long).
"""

from __future__ import annotations

import time

import pytest

import kit
from kit.core import nlp as kit_nlp

FINDERS = ["find_labels", "find_passives", "find_attributions", "find_unattributed",
           "find_numbers", "check_numbers"]

#: name -> text of n characters. Before the fix each took seconds to minutes at 20,000.
PATTERNS = {
    "quotes": lambda n: '"' * n,
    "brackets": lambda n: "(" * n,
    "closing": lambda n: ")" * n,
    "dashes": lambda n: "-" * n,
    "emoji": lambda n: "🔥" * n,
    "mixed_marks": lambda n: ('"([{!?$*' * n)[:n],
    "quoted_letters": lambda n: ('"a" ' * n)[:n],
    "quoted_no_space": lambda n: ('"a(' * n)[:n],
    "commas": lambda n: ("a," * n)[:n],
    "sentence_then_run": lambda n: "Police said 12 people were hurt. " + '"' * n + " Officials said 3 died.",
}


def _seconds(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", list(PATTERNS))
def test_pathological_text_parses_exactly_and_fast(name):
    text = PATTERNS[name](3000)
    kit.parse("Warm up.")
    start = time.perf_counter()
    doc = kit.parse(text)
    assert time.perf_counter() - start < 30  # a hang detector (parsing takes well under a second alone; speed is measured in bench/)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    for finder in FINDERS:
        for r in getattr(kit, finder)(doc):
            s, e = getattr(r, "start_char", 0), getattr(r, "end_char", 0)
            assert 0 <= s <= e <= len(text)


@pytest.mark.parametrize("name", ["quotes", "brackets", "quoted_letters", "quoted_no_space", "commas"])
def test_parse_time_grows_linearly(name):
    kit.parse("Warm up.")
    small = min(_seconds(kit.parse, PATTERNS[name](2500)) for _ in range(2))
    big = min(_seconds(kit.parse, PATTERNS[name](10000)) for _ in range(2))
    assert big < 8 * small + 0.5, f"{name}: 4x the text took {big / max(small, 1e-6):.0f}x as long"


def test_a_run_of_marks_is_one_token_and_words_around_it_are_kept():
    doc = kit.parse("Police said" + "!" * 50 + " 12 people were hurt.")
    assert [t.text for t in doc][:4] == ["Police", "said", "!" * 50, "12"]
    assert kit.parse("Wait!!! What?").text == "Wait!!! What?"
    assert [t.text for t in kit.parse("Wait!!! What?")][:4] == ["Wait", "!", "!", "!"]   # short runs as before


def test_long_text_is_parsed_in_sections_with_the_same_annotations():
    para = "Rebels entered Aleppo on Friday, the army said. About 3,000 people fled the city.\n"
    text = para * 400                                           # ~33,000 characters, ~7,600 tokens
    doc = kit.parse(text)
    assert doc.text == text and len(list(doc.sents)) >= 800
    assert doc[0:3].text == "Rebels entered Aleppo" and doc.has_annotation("DEP")
    one = kit.parse(para)
    assert {e.text for e in doc.ents} == {e.text for e in one.ents}
    # Each paragraph is parsed as it would be alone (sections are cut at paragraph ends).
    last = doc[len(doc) - len(one):]
    assert [(t.tag_, t.dep_, t.head.i - t.i) for t in last] == [(t.tag_, t.dep_, t.head.i - t.i) for t in one]


def test_parse_many_mixes_plain_and_pathological_texts_in_order():
    texts = ["One.", '"' * 2000, "Two words."]
    docs = kit.parse_many(texts)
    assert [d.text for d in docs] == texts and len(docs[1]) == 1


def test_sections_never_exceed_the_limit():
    doc = kit_nlp._tokenize(kit.load_model(), "word " * 9000)
    cuts = kit_nlp._sections(doc)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(doc)
    assert all(b - a <= kit_nlp.SECTION_TOKENS for a, b in cuts)
    assert all(cuts[i][1] == cuts[i + 1][0] for i in range(len(cuts) - 1))


# ---------------------------------------------------------------- HTML

XML = '<?xml version="1.0" encoding="utf-8"?>\n'


def _page(paragraphs: int, *, declaration: str = XML) -> str:
    body = "".join(f"<p>Paragraph {i}: rebels entered the city and the army said it withdrew.</p>\n"
                   for i in range(paragraphs))
    return (declaration + '<!DOCTYPE html><html><head><title>Rebels enter Aleppo</title>'
            "<style>body { color: red } .css-leak {}</style><script>var jsLeak = 1;</script></head><body>"
            '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
            f"<article><h1>Rebels enter Aleppo</h1>{body}</article>"
            "<script>trackLeak()</script><noscript>Enable JavaScript</noscript><footer>Copyright</footer></body></html>")


@pytest.mark.parametrize("paragraphs", [1, 3, 40, 400])
@pytest.mark.parametrize("declaration", [XML, '<?xml version="1.0" encoding="ISO-8859-1"?>', ""])
def test_html_with_or_without_xml_declaration_gives_only_the_article(paragraphs, declaration):
    text = kit.read_text(_page(paragraphs, declaration=declaration), name="page.html")
    assert text.startswith("Rebels enter Aleppo\nParagraph 0: rebels entered the city")
    assert f"Paragraph {paragraphs - 1}:" in text
    for leak in ("color", "css-leak", "jsLeak", "trackLeak", "JavaScript", "<", "xml version"):
        assert leak not in text, leak
    assert "Home" not in text and "Sport" not in text                # the menu is left out


@pytest.mark.parametrize("html", [
    XML + "<p>Fighting <style>p { color: red }</style>resumed.<script>alert(1)</script></p>",
    "<p>Fighting <style>p { color: red }</style>resumed.<script>alert(1)</script></p>",
    XML + "<div>Fighting resumed.</div><script>document.write('<p>alert</p>')</script>",
    "<?xml version='1.0'?><?xml-stylesheet href='x.css'?><p>Fighting resumed.</p>",
])
def test_script_and_style_never_leak(html):
    assert kit.read_text(html) == "Fighting resumed."


@pytest.mark.parametrize("make", [
    lambda n: XML + "<html><body><p>" + "< x " * (n // 4),          # the old regex fallback was quadratic here
    lambda n: XML + "<html><body>" + "<b>word</b> " * (n // 12),
    lambda n: XML + "<html><body>" + "<div>" * (n // 5) + "text",
])
def test_html_time_grows_linearly(make):
    from kit.core.text import html_to_text

    html_to_text(make(1000))
    small = min(_seconds(html_to_text, make(40_000)) for _ in range(2))
    big = min(_seconds(html_to_text, make(160_000)) for _ in range(2))
    assert big < 8 * small + 0.5, f"4x the page took {big / max(small, 1e-6):.0f}x as long"
