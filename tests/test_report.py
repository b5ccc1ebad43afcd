"""The teacher report (python -m kit report) and the command line, on good and hostile input."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import kit
from kit.teacher.cli import COMMANDS, main
from kit.teacher.report import build_report

ROOT = __import__("conftest").ROOT


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


class Tags(HTMLParser):
    """Collects every start tag and attribute name, to prove no user markup got through."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def parsed(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    return t


@pytest.fixture(scope="module")
def seed_report():
    return build_report("aleppo-2024-12-02")


def test_seed_report_has_every_section(seed_report):
    for heading in ("Framing: who is named how?", "Attribution: who says so?",
                    "Numbers: what do the numbers really claim?", "Translation: signs of damage",
                    "Before you trust it: read laterally"):
        assert f"<h2>{heading}</h2>" in seed_report
    assert "Lens" not in re.findall(r"is not installed", seed_report)  # every lens ran
    assert "not installed" not in seed_report
    # three charts (framing, attribution, numbers) embedded as PNG, nothing loaded from outside
    assert seed_report.count('src="data:image/png;base64,') == 3
    assert not re.search(r'(src|href)="(https?:)?//', seed_report)
    assert "<script" not in seed_report.lower()


def test_seed_report_content(seed_report):
    # facts of the seed that each lens must surface (hand-picked from the article)
    assert 'data-tag="delegitimizing"' in seed_report and ">terrorist aggression<" in seed_report
    assert "Syrian Observatory for Human Rights" in seed_report
    assert "more than 412" in seed_report and "at least 61 civilians" in seed_report
    assert "will. will" in seed_report  # the translation section shows the broken sentence
    assert "AFP, translated" in seed_report
    assert "Constructed for teaching" not in seed_report  # the seed is a real article


def test_constructed_article_report_says_so():
    page = build_report("aleppo-2024-12-02-state-media")
    assert "Constructed for teaching" in page


def test_title_option_is_escaped():
    page = build_report("aleppo-2024-12-02-wire", title="<b>Class 9B</b>")
    assert "&lt;b&gt;Class 9B&lt;/b&gt;" in page and "<b>Class 9B" not in page


HOSTILE = (
    "Police said <script>alert(1)</script> at least 40 protesters were arrested in Lima.\n"
    "<img src=x onerror=alert(2)> Witnesses said the march was peaceful , organisers said.\n"
    "A spokesman said \"<b onmouseover=alert(3)>nothing</b>\" happened <iframe src=x></iframe>& more.\n"
)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_report_escapes_user_markup(tmp_path, suffix):
    src = tmp_path / f"story{suffix}"
    body = HOSTILE if suffix == ".txt" else f"<html><body><p>{HOSTILE}</p></body></html>"
    src.write_text(body, encoding="utf-8")
    out = tmp_path / "r.html"
    res = run_cli("report", str(src), "-o", str(out))
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    tags = parsed(page)
    assert "script" not in tags.tags and "iframe" not in tags.tags
    assert all(not a.startswith("on") for a in tags.attrs), "an event handler attribute got through"
    # every <img> in the report is one of our charts
    assert page.count("<img") == page.count('src="data:image/png;base64,')
    assert "<script" not in page.lower()
    assert "alert(1)" not in page  # kit.read_text drops scripts from anything that looks like HTML
    assert "40 protesters" in page


def test_markup_kept_as_text_is_escaped_everywhere():
    # Text that reaches the lenses with markup still in it (pasted, or a title) shows as text.
    page = build_report(kit.analyse(HOSTILE), title="<script>alert(9)</script>")
    tags = parsed(page)
    assert "script" not in tags.tags and "iframe" not in tags.tags
    assert tags.tags.count("img") == page.count('src="data:image/png;base64,')
    assert all(not a.startswith("on") for a in tags.attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("Caf\xe9 au lait".encode("latin-1"), "UTF-8"),
        (b"word " * 2_100_000, "MB"),  # about 10 MB
    ],
    ids=["empty", "blank", "binary", "latin-1", "10MB"],
)
def test_bad_files_exit_2_with_one_clear_line(tmp_path, content, words):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    res = run_cli("report", str(src), "-o", str(tmp_path / "r.html"))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    lines = [l for l in res.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("kit: ") and words in lines[0]
    assert not (tmp_path / "r.html").exists()


def test_missing_file_and_unknown_id(tmp_path):
    res = run_cli("report", str(tmp_path / "nope.txt"))
    assert res.returncode == 2 and "no file" in res.stderr and "Traceback" not in res.stderr
    res = run_cli("report", "no-such-article", "-o", str(tmp_path / "r.html"))
    assert res.returncode == 2 and "aleppo-2024-12-02" in res.stderr  # lists the real ids


def test_too_long_text_in_process(tmp_path, capsys):
    src = tmp_path / "long.txt"
    src.write_text("Crowds gathered. " * (kit.MAX_CHARS // 10), encoding="utf-8")  # < 5 MB, > MAX_CHARS
    assert main(["report", str(src), "-o", str(tmp_path / "r.html")]) == 2
    assert "at most" in capsys.readouterr().err


def test_unwritable_output(tmp_path, capsys):
    assert main(["report", "aleppo-2024-12-02-wire", "-o", str(tmp_path / "no" / "dir" / "r.html")]) == 2
    assert "Could not write" in capsys.readouterr().err


def test_report_writes_file_from_bundled_id(tmp_path):
    out = tmp_path / "wire.html"
    res = run_cli("report", "aleppo-2024-12-02-wire", "-o", str(out), "--title", "Lesson 4")
    assert res.returncode == 0 and out.exists()
    assert "<title>Lesson 4: three lenses</title>" in out.read_text(encoding="utf-8")
    assert str(out.name) in res.stdout


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_for_each_command(command):
    res = run_cli(command, "--help")
    assert res.returncode == 0 and "usage: python -m kit " + command in res.stdout


def test_top_level_help_lists_report():
    res = run_cli("--help")
    assert res.returncode == 0 and "report" in res.stdout and "articles" in res.stdout


def test_articles_command_marks_constructed_versions():
    res = run_cli("articles")
    assert res.returncode == 0
    lines = {l.split()[0]: l for l in res.stdout.splitlines() if l.strip()}
    assert "constructed" not in lines["aleppo-2024-12-02"]
    for voice in ("state-media", "opposition", "wire"):
        assert "[constructed for teaching]" in lines[f"aleppo-2024-12-02-{voice}"]


# ---------------------------------------------------------------- what a reader sees (issue 14)


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, no styles, no <code> (a package name is not jargon)."""

    HIDDEN = {"style", "script", "code", "title"}

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    v = VisibleText()
    v.feed(page)
    return re.sub(r"\s+", " ", " ".join(v.parts))


INTERNAL = re.compile(r"\b(according_to|state_media|foreign_government|source_type|cue_signal|"
                      r"[a-z]+_[a-z_]+)\b")


@pytest.mark.parametrize("article", ["aleppo-2024-12-02", "aleppo-2024-12-02-state-media",
                                     "aleppo-2024-12-02-simple"])
def test_report_shows_no_internal_names(article):
    text = visible_text(build_report(article))
    assert not INTERNAL.findall(text), INTERNAL.findall(text)
    # stance names only with their gloss: "paints them as illegitimate (delegitimizing)", or in
    # the report's word list ("delegitimizing (shown as: paints them as illegitimate)")
    for word, plain in (("delegitimizing", "illegitimate"), ("legitimizing", "legitimate")):
        found = [m.start() for m in re.finditer(rf"\b{word}\b", text)]
        glossed = [m.start() for m in re.finditer(rf"\b{word} \(shown as", text)] + \
                  [m.start() + len(plain) + 2 for m in re.finditer(rf"\b{plain} \({word}\)", text)]
        bare = sorted(set(found) - set(glossed))
        assert not bare, (word, text[bare[0] - 80: bare[0] + 40] if bare else "")


def test_report_counts_agree_in_number_and_stops_are_single():
    text = visible_text(build_report("aleppo-2024-12-02"))
    assert not re.search(r"(?<![\d,.])1 [a-z]+s\b(?! of)", text), re.findall(r".{30}\b1 [a-z]+s\b.{10}", text)
    assert not re.search(r"(?<!\.)\.\s*\.(?!\.)", text), re.findall(r".{40}(?<!\.)\.\s*\.(?!\.).{5}", text)
    assert "paint a side as illegitimate" in text and "with no source" in text


def test_report_chart_labels_are_never_cut_mid_word():
    from kit.teacher.report import _short

    for text in ["more than 412 dead, most of them combatants", "a" * 60, "at least 61 civilians"]:
        short = _short(text, 20)
        assert len(short) <= 21
        assert short == text or short.endswith("\u2026")
        if short != text and " " in text[:20]:
            assert text.startswith(short[:-1])
            assert text[len(short) - 1] in " ,"


def test_report_explains_its_words_and_describes_its_charts(seed_report):
    assert '<section id="words">' in seed_report
    assert "paints them as illegitimate" in seed_report and "Leaving a text to check" in seed_report
    for alt in re.findall(r'<img[^>]*alt="([^"]*)"', seed_report):
        assert len(alt.split()) >= 8 and "table below" in alt
