"""Two versions of a story (kit.compare_versions), the side-by-side view and page, the
``python -m kit versions`` command, and the trace-it-to-the-original helpers (notebook 06).

No test needs the internet: fetching a page is tested against a local HTTP server.
"""

from __future__ import annotations

import html
import http.server
import threading
from html.parser import HTMLParser

import pytest

import kit
from kit.compare import trace, trace_exercises
from kit.compare.versions import KINDS, align_versions, compare_versions, count_kinds, similarity
from kit.compare.versions_view import make_versions, versions_html, versions_page
from kit.teacher.cli import main


def kinds(a, b) -> list[str]:
    return [c.kind for c in compare_versions(a, b)]


def only(kind: str, a: str, b: str):
    found = [c for c in compare_versions(a, b) if c.kind == kind]
    assert len(found) == 1, f"expected one {kind} in {compare_versions(a, b)}"
    return found[0]


# ---------------------------------------------------------------- each kind, on pairs of our own

CUT = [
    ("The mayor opened the new bridge. Traffic resumed at noon.", "The mayor opened the new bridge.",
     "Traffic resumed at noon."),
    ("The match ended 2-1. Fans celebrated in the streets. The coach resigned.",
     "The match ended 2-1. The coach resigned.", "Fans celebrated in the streets."),
    ("Scientists measured the glacier. It has lost a third of its ice since 1990, the study found. "
     "The team will return next year.",
     "Scientists measured the glacier. The team will return next year.",
     "It has lost a third of its ice since 1990, the study found."),
]


@pytest.mark.parametrize("a, b, gone", CUT)
def test_a_sentence_cut(a, b, gone):
    c = only("cut", a, b)
    assert c.a_text == gone and a[c.a_start:c.a_end] == gone
    assert c.b_text is None and c.b_start is None and c.b_end is None
    assert "not in" in c.note


@pytest.mark.parametrize("a, b, gone", CUT)
def test_a_sentence_added(a, b, gone):
    c = only("added", b, a)
    assert c.b_text == gone and c.a_text is None and c.a_start is None


def test_a_cut_sentence_says_what_it_carried():
    c = only("cut", "The bridge opened. Police said at least 40 people were hurt.", "The bridge opened.")
    assert "Police" in c.note and "at least 40" in c.note


@pytest.mark.parametrize("a, b, old, new", [
    ("The storm damaged hundreds of homes in the coastal town.",
     "The storm wrecked hundreds of homes in the coastal town.", "damaged", "wrecked"),
    ("Students gathered outside the school on Monday morning.",
     "Students assembled outside the school on Monday morning.", "gathered", "assembled"),
    ("The company will close its factory in the north next spring.",
     "The company is going to close its factory in the north next spring.", "will", "is going to"),
])
def test_a_sentence_reworded(a, b, old, new):
    assert kinds(a, b) == ["reworded"]
    c = compare_versions(a, b)[0]
    assert (c.a_text, c.b_text) == (a, b)
    assert f"\u201c{old}\u201d became \u201c{new}\u201d" in c.note


@pytest.mark.parametrize("a, b, speaker", [
    ("Police said 40 protesters were arrested.", "40 protesters were arrested.", "Police"),
    ("The vaccine is safe for children, health officials said.", "The vaccine is safe for children.",
     "health officials"),
    ("According to the ministry, exports fell sharply in March.", "Exports fell sharply in March.", "ministry"),
    ("The river will flood the valley by Friday, the weather service warned.",
     "The river will flood the valley by Friday.", "weather service"),
])
def test_attribution_dropped(a, b, speaker):
    c = only("attribution_dropped", a, b)
    assert speaker in c.a_text and a[c.a_start:c.a_end] == c.a_text
    assert c.b_text == b  # the sentence that lost its speaker
    assert "no speaker" in c.note and "Who says so?" in c.note


def test_attribution_dropped_the_other_way_round():
    c = only("attribution_dropped", "Exports fell sharply in March.",
             "Exports fell sharply in March, the ministry said.")
    assert "ministry" in c.b_text and c.a_text == "Exports fell sharply in March."


def test_a_speaker_still_named_is_not_dropped():
    assert "attribution_dropped" not in kinds("Police said 40 people were arrested.",
                                              "40 people were arrested by police on Monday.")


@pytest.mark.parametrize("a, b, quoted", [
    ('The minister called the plan "a betrayal of voters".', "The minister called the plan a betrayal of voters.",
     "a betrayal of voters"),
    ("Residents described the flood as \u201cthe worst in living memory\u201d, the mayor said.",
     "Residents described the flood as the worst in living memory, the mayor said.", "the worst in living memory"),
    ("The coach said the team had \u2018given everything on the pitch\u2019 in the final.",
     "The coach said the team had given everything on the pitch in the final.", "given everything on the pitch"),
])
def test_quote_marks_lost(a, b, quoted):
    c = only("quote_marks_lost", a, b)
    assert quoted in c.a_text and c.a_text[0] in "\"\u201c\u2018" and c.b_text == quoted
    assert b[c.b_start:c.b_end] == quoted
    assert "quotation marks" in c.note


def test_quote_marks_found_in_the_second_version_too():
    c = only("quote_marks_lost", "Officials called it a success.", 'Officials called it "a success".')
    assert c.a_text == "a success" and c.b_text == '"a success"'


def test_quote_marks_kept_is_no_change():
    assert kinds('He called it "a disaster".', "He called it \u201ca disaster\u201d.") == []


@pytest.mark.parametrize("a, b, old, new", [
    ("Jihadist groups took control of the town.", "Islamist groups took control of the town.", "Jihadist", "Islamist"),
    ("Rebel fighters shelled the airport overnight.", "Armed opposition fighters shelled the airport overnight.",
     "Rebel", "Armed opposition"),
    ("Protesters blocked the main road into the capital.", "Rioters blocked the main road into the capital.",
     "Protesters", "Rioters"),
    ("Terrorists attacked a checkpoint near the border.", "Militants attacked a checkpoint near the border.",
     "Terrorists", "Militants"),
])
def test_label_changed(a, b, old, new):
    c = only("label_changed", a, b)
    assert (c.a_text, c.b_text) == (old, new)
    assert "Who is named how?" in c.note
    assert "reworded" not in kinds(a, b)  # the label explains the whole change


@pytest.mark.parametrize("a, b, old, new", [
    ("Hama lies about 120 km south of Aleppo.", "Hama lies about 210 km south of Aleppo.", "about 120 km", "about 210 km"),
    ("The floods killed at least 61 civilians.", "The floods killed 61 civilians.", "at least 61 civilians", "61 civilians"),
    ("Turnout was 45% in the capital.", "Turnout was 54% in the capital.", "45%", "54%"),
    ("The fire destroyed 12 houses.", "The fire destroyed twenty-one houses.", "12 houses", "twenty-one houses"),
])
def test_figure_changed(a, b, old, new):
    c = only("figure_changed", a, b)
    assert old in c.a_text and new in c.b_text
    assert "What do the numbers really claim?" in c.note
    assert "reworded" not in kinds(a, b)


def test_the_same_figure_in_other_words_is_no_figure_change():
    assert "figure_changed" not in kinds("Hama is about 230 km away.", "Hama is about 230 kilometres away.")


@pytest.mark.parametrize("a, b", [
    ("After a monitor said the town had fallen, the army withdrew.",
     "After an observer said the town had fallen, the army withdrew."),
    ("Police said the fire started in the kitchen.", "Witnesses said the fire started in the kitchen."),
])
def test_speaker_changed(a, b):
    c = only("speaker_changed", a, b)
    assert c.a_text in a and c.b_text in b and c.a_text != c.b_text


def test_moved_sentence():
    a = "The dam broke at night. Thousands fled. Rescue teams arrived by morning."
    b = "Rescue teams arrived by morning. The dam broke at night. Thousands fled."
    assert kinds(a, b) == ["moved"]


def test_a_sentence_split_in_two_stays_one_pair():
    a = "The ceasefire took effect between Israel and Hezbollah after two months of war."
    b = "The ceasefire took effect between Israel and Hezbollah. after two months of war."
    al = align_versions(a, b)
    assert [r.status for r in al.rows] == ["paired"]
    assert not any(c.kind in ("cut", "added", "figure_changed") for c in al.changes)


# ---------------------------------------------------------------- identical, empty, odd input


@pytest.mark.parametrize("text", ["", "Rebels took the city.", "Line one.\n\nLine two. And three!",
                                  kit.load_article("aleppo-2024-12-02-wire").text])
def test_identical_texts_give_no_changes(text):
    if text:
        assert compare_versions(text, text) == []


def test_whitespace_and_line_breaks_are_no_change():
    assert compare_versions("Rebels took the city.  Talks failed.", "Rebels took the city.\nTalks failed.") == []


def test_both_empty_is_a_clear_error():
    with pytest.raises(kit.InputError, match="Both versions are empty"):
        compare_versions("", "  \n")


def test_one_empty_version_gives_every_sentence_cut_or_added():
    text = "The bridge opened. Traffic resumed."
    assert kinds(text, "") == ["cut", "cut"]
    assert kinds("", text) == ["added", "added"]


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_not_text_is_a_clear_error(bad):
    with pytest.raises(kit.InputError, match="must be text"):
        compare_versions(bad, "Some text.")


def test_too_long_text_is_refused_with_the_limit():
    with pytest.raises(kit.InputError, match="at most"):
        compare_versions("word " * 30_000, "Short.")


def test_docs_work_and_offsets_index_each_text(seed_doc):
    afp = trace.copy_choices(kit.load_article("aleppo-2024-12-02"))["Taipei Times (2024-12-03)"]
    changes = compare_versions(seed_doc, afp)
    for c in changes:
        assert c.kind in KINDS
        if c.a_start is not None:
            assert seed_doc.text[c.a_start:c.a_end] == c.a_text
        if c.b_start is not None:
            assert afp[c.b_start:c.b_end] == c.b_text


def test_any_two_unrelated_texts_are_all_cuts_and_adds():
    got = count_kinds(compare_versions("Bees make honey in summer.", "The stock market fell on Tuesday."))
    assert got == {"cut": 1, "added": 1}
    assert similarity((), ("a",)) == 0.0


# ---------------------------------------------------------------- the real case: the seed and AFP's copies


@pytest.fixture(scope="module")
def copies():
    return trace.copy_choices(kit.load_article("aleppo-2024-12-02"))


def test_seed_dropped_rahmans_speaker_and_quote_marks(seed, copies):
    changes = compare_versions(copies["Taipei Times (2024-12-03)"], seed.text,
                               names=("the AFP copy", "the republished copy"))
    dropped = only_one(changes, "attribution_dropped", "he said")
    assert "Rami Abdel Rahman" in dropped.note
    lost = only_one(changes, "quote_marks_lost", "Syrian regime forces")
    assert lost.note.startswith("The AFP copy puts") and "control of Syrian regime forces" in lost.b_text
    assert "escapes the control" in dropped.b_text


def only_one(changes, kind: str, words: str):
    found = [c for c in changes if c.kind == kind and words in (c.a_text or "")]
    assert len(found) == 1, found
    return found[0]


def test_seed_observer_is_afps_monitor(seed, copies):
    part = trace.matching_part(seed.text, copies["The Japan Times (2024-12-02)"])
    c = only("speaker_changed", copies["The Japan Times (2024-12-02)"], part)
    assert (c.a_text, c.b_text) == ("a monitor", "an observer")


def test_seed_lost_the_russian_militarys_quote_marks(seed, copies):
    khaleej = copies["Khaleej Times (2024-12-02)"]
    c = next(c for c in compare_versions(khaleej, seed.text) if c.kind == "quote_marks_lost"
             and "terrorist aggression" in c.a_text)
    assert "repel terrorist aggression" in c.b_text


def test_matching_part_keeps_only_shared_sentences(seed, copies):
    part = trace.matching_part(seed.text, copies["Khaleej Times (2024-12-02)"])
    assert "repel terrorist aggression" in part and "Araghchi" not in part
    with pytest.raises(kit.InputError):
        trace.matching_part(None, "x")


def test_copy_choices_on_an_article_without_copies():
    assert trace.copy_choices(kit.load_article("aleppo-2024-12-02-wire")) == {}
    assert trace.copy_choices(object()) == {}


def test_km_between():
    assert 120 <= trace.km_between((36.2021, 37.1343), (35.1318, 36.7578)) <= 130
    with pytest.raises(kit.InputError, match="latitude"):
        trace.km_between("Aleppo", "Hama")
    with pytest.raises(kit.InputError, match="-90 to 90"):
        trace.km_between((100, 0), (0, 0))


# ---------------------------------------------------------------- views: escaped, side by side


HOSTILE = 'Police said <script>alert("x")</script> & <b>40</b> were hurt.'


def test_view_escapes_text_and_notes():
    out = versions_html(HOSTILE, '<script>alert("x")</script> & <b>40</b> were hurt.')
    assert "<script" not in out and "<b>40" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert "speaker dropped" in out


def test_view_of_identical_texts_says_so():
    assert "No changes" in versions_html("Same.", "Same.")


def test_view_shared_only_leaves_out_one_sided_sentences():
    a, b = "The bridge opened. Talks failed.", "The bridge opened."
    assert "Talks failed" in versions_html(a, b)
    assert "Talks failed" not in versions_html(a, b, shared_only=True)


def test_widget_defaults_and_menus():
    w = make_versions()
    pick_a, pick_b, shared, out = w.children
    assert pick_a.value == "article:aleppo-2024-12-02" and pick_b.value.startswith("text:")
    assert "kit-versions" in out.value
    pick_b.value = "text:Khaleej Times (2024-12-02)"
    assert "quotation marks lost" in out.value
    shared.value = False
    assert "sentence added" in out.value or "sentence cut" in out.value


def test_widget_takes_texts_and_escapes_them():
    w = make_versions(HOSTILE, "Nothing & <i>else</i>.")
    assert w.children[0].value == "text:Your text A"
    assert w.children[2].value is False  # neither is an excerpt of the other: every sentence shown
    assert "<script" not in w.children[-1].value and "&lt;i&gt;" in w.children[-1].value
    w.children[2].value = True
    assert "no sentence in common" in w.children[-1].value
    w2 = make_versions(choices={"one": "A cat sat.", "two": "A cat sat down."}, a="one", b="two")
    assert "reworded" in w2.children[-1].value


class _Checker(HTMLParser):
    """Collects tags to check a page is whole: every opened table, tr, td and div closed."""

    def __init__(self):
        super().__init__()
        self.stack, self.tags, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("table", "tr", "td", "div", "ul", "li", "mark", "html", "body"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in ("table", "tr", "td", "div", "ul", "li", "mark", "html", "body"):
            if not self.stack or self.stack.pop() != tag:
                self.errors.append(tag)


def _valid(page: str) -> _Checker:
    assert page.lstrip().lower().startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    checker = _Checker()
    checker.feed(page)
    assert not checker.errors and not checker.stack, (checker.errors, checker.stack)
    assert "script" not in checker.tags and "link" not in checker.tags
    return checker


def test_page_is_whole_and_escaped():
    _valid(versions_page(HOSTILE, "A cat sat.", about=("<x> & y", "z")))


# ---------------------------------------------------------------- the command and fetching a page


def test_cli_writes_valid_html_with_escaped_user_text(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The minister said <b>the plan</b> & \"the budget\" would pass. Trains ran late.", encoding="utf-8")
    b.write_text("<b>the plan</b> & the budget would pass.", encoding="utf-8")
    out = tmp_path / "v.html"
    assert main(["versions", str(a), str(b), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    _valid(page)
    assert "<b>the plan" not in page and "&lt;b&gt;the plan&lt;/b&gt;" in page
    assert "speaker dropped" in page and "quotation marks lost" in page and "sentence cut" in page
    assert "Wrote" in capsys.readouterr().out


def test_cli_with_bundled_ids_and_a_missing_file(tmp_path, capsys):
    out = tmp_path / "v.html"
    assert main(["versions", "aleppo-2024-12-02-wire", "aleppo-2024-12-02-opposition", "-o", str(out)]) == 0
    assert "label changed" in out.read_text(encoding="utf-8")
    assert main(["versions", str(tmp_path / "nope.txt"), "aleppo-2024-12-02", "-o", str(out)]) == 2
    assert "no file" in capsys.readouterr().err


ARTICLE = ("<html><head><title>Floods in the valley</title><script>track()</script></head><body>"
           "<nav>Home | World | Sport</nav><article><h1>Floods in the valley</h1>"
           + "".join(f"<p>The river rose {i} metres overnight, the weather service said, and rescue teams "
                     f"moved families from the lower streets of the town before dawn.</p>" for i in range(2, 8))
           + "</article><footer>Copyright</footer></body></html>")


@pytest.fixture
def local_site():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/story":
                body = ARTICLE.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_text_from_a_local_page(local_site):
    text = trace.fetch_text(f"{local_site}/story")
    assert "The river rose 2 metres overnight" in text
    assert "track()" not in text


def test_fetch_text_missing_page_and_bad_address(local_site):
    with pytest.raises(kit.InputError, match="Could not fetch"):
        trace.fetch_text(f"{local_site}/missing", timeout=3)
    with pytest.raises(kit.InputError, match="not a web address"):
        trace.fetch_text("file:///etc/passwd")


def test_cli_takes_a_web_address(local_site, tmp_path):
    b = tmp_path / "b.txt"
    b.write_text("The river rose 9 metres overnight, the weather service said.", encoding="utf-8")
    out = tmp_path / "v.html"
    assert main(["versions", f"{local_site}/story", str(b), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    _valid(page)
    assert "figure changed" in page and html.escape(local_site) in page


# ---------------------------------------------------------------- exercises


@pytest.mark.parametrize("checker, right, wrong", [
    (trace_exercises.trace_speaker, "Rami Abdel Rahman", "the journalist"),
    (trace_exercises.trace_observer, "b", "a"),
    (trace_exercises.trace_quote, "Russia's military", "the Syrian army"),
    (trace_exercises.trace_distance, 124, 230),
    (trace_exercises.trace_what_changed, ["speaker", "quote marks"], ["quote marks"]),
    (trace_exercises.trace_stop, "BIG LOSS", "regime forces"),
    (trace_exercises.trace_monitor, "b: https://www.reuters.com/article/uk-britain-syria", "a"),
])
def test_trace_checkers_pass_and_hint(checker, right, wrong):
    assert checker(right).passed
    fb = checker(wrong)
    assert not fb.passed and fb.message.startswith("Not yet.")
    assert not checker(...).passed


@pytest.mark.parametrize("content, words", [
    (b"", "empty"), (b"\x00\x01binary\x00" * 10, "binary"), (("word " * 30_000).encode(), "at most"),
])
def test_cli_refuses_bad_files_with_one_clear_line(tmp_path, capsys, content, words):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["versions", str(bad), "aleppo-2024-12-02", "-o", str(tmp_path / "v.html")]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "v.html").exists()


@pytest.mark.parametrize("answer, ok, words", [
    ("b", False, "show how you know"),                       # the right letter, no evidence
    (("b", "my opinion"), False, "show how you know"),
    (("b", "Reuters"), True, "kept the evidence"),
    ("b, Associated Press 2013", True, "Coventry"),
    ("a https://www.reuters.com", False, "UN body"),          # evidence does not rescue a wrong letter
    ("c", False, "called its reports lies"),
    (..., False, "not answered"),
])
def test_trace_monitor_needs_evidence(answer, ok, words):
    fb = trace_exercises.trace_monitor(answer)
    assert fb.passed is ok and words.lower() in fb.message.lower()


@pytest.mark.parametrize("answer, ok, words", [
    ("BIG LOSS:", True, "republisher"), ("big loss", True, "feeling"),
    ("For the first time", False, "fact you can check"), ("Aleppo", False, "very first line"),
])
def test_trace_stop_on_the_hook(answer, ok, words):
    fb = trace_exercises.trace_stop(answer)
    assert fb.passed is ok and words in fb.message


@pytest.mark.parametrize("answer, ok, words", [
    ("Express & Star", True, "second agency"), ("the AP report", True, "Associated Press"),
    ("CNA", False, "carries AFP's text"), ("Khaleej Times", False, "carries AFP's text"),
    ("the one with Assad", False, "other words"), (..., False, "not answered"),
])
def test_trace_coverage_tells_copies_from_other_reporting(answer, ok, words):
    fb = trace_exercises.trace_coverage(answer)
    assert fb.passed is ok and words.lower() in fb.message.lower()


@pytest.mark.parametrize("answer, ok, words", [
    ("b", True, "3 December"), ("a", False, "Monday 2 December"), ("c", False, "printed"),
])
def test_trace_yesterday_belongs_to_its_page(answer, ok, words):
    fb = trace_exercises.trace_yesterday(answer)
    assert fb.passed is ok and words in fb.message
