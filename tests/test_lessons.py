"""The teaching material states the checked facts, and the teacher guide links its briefs."""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import ROOT

LESSONS = ROOT / "lessons"
MARKDOWN = sorted(LESSONS.glob("*.md")) + sorted((LESSONS / "handouts").glob("*.md"))
TEACHER = sorted((LESSONS / "teacher").glob("0*.ipynb"))


def _markdown_of(nb_path) -> str:
    nb = nbformat.read(nb_path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _all_text() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in MARKDOWN}
    texts.update({p.name: _markdown_of(p) for p in TEACHER})
    return texts


def test_teacher_guide_links_the_briefs():
    guide = (LESSONS / "README.md").read_text(encoding="utf-8")
    for name in ("background.md", "sensitive_content.md"):
        assert f"]({name})" in guide
        assert (LESSONS / name).is_file()


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.name)
def test_relative_links_resolve(path):
    for target in re.findall(r"\]\(([^)#:\s]+\.md)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
        assert (path.parent / target).is_file(), target


def test_background_is_cited_and_dated():
    text = (LESSONS / "background.md").read_text(encoding="utf-8")
    for date in ("27 Nov", "29 Nov", "1 Dec", "5 Dec", "8 Dec"):
        assert date in text
    for fact in ("Jabhat al-Nusra", "al-Qaeda", "UN Security Council", "United States",
                 "United Kingdom", "Turkey", "SANA", "Syrian Observatory for Human Rights", "AFP"):
        assert fact in text, fact
    cited = set(re.findall(r"\[(\d+)\]", text))
    listed = set(re.findall(r"^(\d+)\. ", text, flags=re.M))
    assert cited and cited <= listed  # every citation has an entry in the source list
    assert len(re.findall(r"https://", text)) >= 30


def test_no_lesson_teaches_the_corrected_facts_as_true():
    for name, text in _all_text().items():
        flat = " ".join(text.split())
        # the observer is the Observatory, not an unnamed source
        assert not re.search(r"an observer[^.|]{0,40}\bunnamed\b", flat, re.I) or "monitor" in flat, name
        # the chain no longer runs through an AFP text in French
        assert "AFP writes the story in French" not in flat, name
        assert "French original" not in flat, name
        # "regime forces" is never the journalist's own word
        assert not re.search(r"regime forces\*\*\" \| the journalist", text), name
        # 230 km is only ever taught together with the map distance
        if "230 km" in flat or "230 kilometres" in flat:
            assert "125 km" in flat, name


def test_reframing_lesson_separates_framing_from_fabrication():
    text = (LESSONS / "01_framing.md").read_text(encoding="utf-8")
    assert "fabrication" in text and "changes what X is reported to have said" in text
    assert "direct quotation" in text


def test_sensitive_content_covers_the_three_topics():
    text = (LESSONS / "sensitive_content.md").read_text(encoding="utf-8").lower()
    for words in ("affected communities", "upset", "make, then detect", "safeguarding",
                  "never put words in a real person's mouth"):
        assert words in text, words
