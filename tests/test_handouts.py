"""Printable handouts: lessons/handouts/*.md -> standalone HTML pages (kit.teacher.handouts, python -m kit handouts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.teacher.cli import main
from kit.core.errors import InputError
from kit.teacher.handouts import HANDOUTS_DIR, build_handouts, handout_title, render_handout

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "lessons" / "handouts").glob("*.md"))
#: The handouts the lessons point to (lessons/README.md and the lesson plans name them).
EXPECTED = {"framing", "attribution", "numbers", "three_questions"}


def first_heading(markdown: str) -> str:
    return next(line[2:].strip() for line in markdown.splitlines() if line.startswith("# "))


def test_handouts_folder_is_the_repositorys():
    assert HANDOUTS_DIR == ROOT / "lessons" / "handouts"
    assert EXPECTED <= {p.stem for p in SOURCES}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    return out, build_handouts(out)


def test_one_page_per_markdown_file(built):
    out, written = built
    assert sorted(p.name for p in written) == sorted(p.stem + ".html" for p in SOURCES)
    assert all(p.parent == out and p.is_file() for p in written)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_page_is_standalone_html_with_title_and_heading(built, source):
    out, _ = built
    page = (out / (source.stem + ".html")).read_text(encoding="utf-8")
    heading = first_heading(source.read_text(encoding="utf-8"))
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert page.rstrip().endswith("</html>")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and title.group(1).strip() == heading
    assert f"<h1>{heading}</h1>" in page
    assert "@media print" in page  # the print style is inside: the page prints on its own
    assert "<script" not in page.lower()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_handouts_ask_their_lens_question(source):
    """Each handout ends up at one of the three questions students learn."""
    text = source.read_text(encoding="utf-8").lower()
    assert any(q in text for q in ("who is named how?", "who says so?", "what do the numbers really claim?"))


def test_raw_html_in_markdown_is_escaped(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "evil.md").write_text(
        "# Careful <script>alert('title')</script>\n\n"
        "A paragraph with <script>alert('x')</script> and <img src=x onerror=alert(1)>.\n",
        encoding="utf-8",
    )
    (written,) = build_handouts(tmp_path / "out", src_dir=src)
    page = written.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_title_is_escaped_by_the_template():
    page = render_handout("# Rebels & <b>regime</b>\n\nText.")
    assert "<title>Rebels &amp; &lt;b&gt;regime&lt;/b&gt;</title>" in page
    assert "<b>" not in page


def test_markdown_features_handouts_use_are_rendered():
    page = render_handout("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n1. **bold** *it*\n")
    for tag in ("<table>", "<td>1</td>", "<blockquote>", "<ol>", "<strong>bold</strong>", "<em>it</em>"):
        assert tag in page


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Who says so?\n\ntext", "Who says so?"),
        ("Intro line\n\n## Not this\n\n# This one `code`", "This one code"),
        ("No heading at all", "fallback"),
        ("## Only a second-level heading", "fallback"),
    ],
)
def test_handout_title(markdown, expected):
    assert handout_title(markdown, default="fallback") == expected


def test_title_falls_back_to_file_name(tmp_path):
    (tmp_path / "no_heading.md").write_text("Just a list:\n\n* one\n", encoding="utf-8")
    (written,) = build_handouts(tmp_path / "out", src_dir=tmp_path)
    assert "<title>no_heading</title>" in written.read_text(encoding="utf-8")


def test_missing_folder_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match="handouts folder"):
        build_handouts(tmp_path / "out", src_dir=tmp_path / "nope")


def test_empty_folder_is_a_clear_input_error(tmp_path):
    with pytest.raises(InputError, match="no Markdown"):
        build_handouts(tmp_path / "out", src_dir=tmp_path)


def test_cli_writes_the_pages(tmp_path, capsys):
    out = tmp_path / "printme"
    assert main(["handouts", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.glob("*.html")) == sorted(p.stem + ".html" for p in SOURCES)
    assert str(len(SOURCES)) in capsys.readouterr().out


def test_cli_default_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["handouts"]) == 0
    assert (tmp_path / "handouts_html" / "numbers.html").is_file()


def test_cli_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["handouts", "--help"])
    assert exit_info.value.code == 0
    assert "--out" in capsys.readouterr().out


def test_cli_lists_the_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "handouts" in capsys.readouterr().out
