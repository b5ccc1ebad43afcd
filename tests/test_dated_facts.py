"""Dated facts (kit/core/data/dated_facts.toml): every lesson quotes them as the file says, and none is stale.

A fact that can change (a designation, a death toll, who holds office) carries the date it was
checked. These tests fail when a lesson's quotation differs from the file (run
``python tools/dated_facts.py --write``) or when a fact was checked more than 12 months before
today: then check it again against a source and update the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kit.core import dated_facts as df
from kit.teacher.handouts import render_handout

ROOT = Path(__file__).resolve().parent.parent
LESSON_FILES = sorted((ROOT / "lessons").rglob("*.md"))
QUOTED = {m.fact_id for path in LESSON_FILES for m in df.marked(path.read_text(encoding="utf-8"))}


def test_every_fact_has_a_date_a_source_and_text():
    table = df.facts()
    assert {"un_hts", "us_hts", "uk_hts", "russia_hts", "president", "coastal_tolls"} <= set(table)
    for fact in table.values():
        assert isinstance(fact.checked, dt.date), fact.id
        assert "http" in fact.source and len(fact.text.split()) >= 8, fact.id
        assert fact.checked <= dt.date.today(), f"{fact.id} was 'checked' in the future"


def test_no_fact_is_older_than_twelve_months():
    old = df.stale(dt.date.today())
    assert not old, ("Check these facts again and update kit/core/data/dated_facts.toml, then run "
                     "python tools/dated_facts.py --write: " + ", ".join(f"{f.id} (checked {f.checked})" for f in old))


def test_stale_counts_from_the_day_it_is_given():
    # Invented facts: one checked a year and a day before "today", one exactly a year before.
    table = {"old": df.DatedFact("old", "A list changed.", dt.date(2025, 3, 9), "a page"),
             "edge": df.DatedFact("edge", "A list changed.", dt.date(2025, 3, 10), "a page")}
    assert [f.id for f in df.stale(dt.date(2026, 3, 10), table)] == ["old"]
    assert df.stale(dt.date(2025, 3, 10), table) == []
    assert [f.id for f in df.stale(dt.date(2031, 1, 1), table)] == ["old", "edge"]


@pytest.mark.parametrize("path", [p for p in LESSON_FILES if "<!-- fact" in p.read_text(encoding="utf-8")],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_lessons_quote_the_file_word_for_word(path):
    table = df.facts()
    for m in df.marked(path.read_text(encoding="utf-8")):
        assert m.fact_id in table, f"{path.name}: no fact {m.fact_id!r} in dated_facts.toml"
        assert m.text == df.render_fact(table[m.fact_id]), (
            f"{path.name}: the passage for {m.fact_id} differs from dated_facts.toml; "
            "run python tools/dated_facts.py --write")


def test_the_designations_and_tolls_are_quoted_where_teachers_read_them():
    brief = (ROOT / "lessons" / "background.md").read_text(encoding="utf-8")
    assert {"un_hts", "us_hts", "uk_hts", "russia_hts", "coastal_tolls", "president"} <= {
        m.fact_id for m in df.marked(brief)}
    assert "un_hts" in {m.fact_id for m in df.marked((ROOT / "lessons/handouts/framing.md").read_text(encoding="utf-8"))}
    assert set(df.facts()) <= QUOTED  # no fact sits in the file unused


def test_refresh_rewrites_only_marked_passages():
    table = {"a": df.DatedFact("a", "The committee removed the entry.", dt.date(2026, 2, 27), "a page")}
    text = "Before. <!-- fact: a -->The committee lists the group.<!-- /fact --> After: lists."
    new = df.refresh(text, table)
    assert new == ("Before. <!-- fact: a -->The committee removed the entry. (checked 27 February 2026)"
                   "<!-- /fact --> After: lists.")
    assert df.refresh(new, table) == new
    with pytest.raises(KeyError):
        df.refresh("<!-- fact: missing -->x<!-- /fact -->", table)


def test_handouts_show_the_fact_without_its_markers():
    page = render_handout((ROOT / "lessons/handouts/framing.md").read_text(encoding="utf-8"))
    assert "fact:" not in page and "&lt;!--" not in page
    assert "27 February 2026" in page


def test_the_briefs_sources_are_numbered_cited_and_not_mirrors():
    """Markdown renumbers an ordered list, so the sources must run 1, 2, 3... and each be cited;
    no mirror, scraper or state outlet as a source of fact without saying so (issue 23)."""
    import re

    brief = (ROOT / "lessons" / "background.md").read_text(encoding="utf-8")
    body, sources = brief.split("## Sources of this brief")
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", sources, re.M)]
    assert numbers == list(range(1, len(numbers) + 1))
    references = [line for line in sources.splitlines() if re.match(r"\d+\. ", line)]
    prose = body + "\n".join(line for line in sources.splitlines() if line not in references)
    assert {int(n) for n in re.findall(r"\[(\d+)\]", prose)} == set(numbers)
    # Mirrors, scrapers and an error-prone aggregator removed from the brief (issue 23): they may not come back.
    for host in ("azureedge.net", "hathalyoum.net", "sputniknews.com", "particle.news", "wikiwand.com",
                 "wikimili.com", "thebuzzinghub.com", "zero-ready.com", "newssummedup.com",
                 "globalpulseonline.com", "global-influence-ops.com"):
        assert host not in brief, host
    for line in references:
        for outlet in ("TRT World", "TASS", "Xinhua", "KUNA", "SANA ("):
            if outlet in line:
                assert "state media" in line.lower() or "state news agency" in line.lower(), line[:80]
