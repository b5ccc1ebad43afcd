"""Provenance of the bundled articles: who wrote the story first, and copies to check it against."""

from __future__ import annotations

import dataclasses
import re

import pytest

import kit
from kit.core.text import Article, Copy
from conftest import SEED_ID

EXCERPT_MAX = 700  # a few sentences, never a whole article


@pytest.fixture(scope="module")
def copies():
    return kit.load_article(SEED_ID).copies


def test_copy_is_exported_and_frozen(copies):
    assert kit.Copy is Copy
    assert all(isinstance(c, Copy) for c in copies)
    with pytest.raises(dataclasses.FrozenInstanceError):
        copies[0].outlet = "changed"


def test_seed_names_its_original_author_and_republisher():
    seed = kit.load_article(SEED_ID)
    assert seed.original_author.startswith("AFP")
    note = seed.republisher_note
    # what the republisher changed, as the lessons teach it
    for words in ("Rami Abdel Rahman", "a monitor said", "repel terrorist aggression", "jihadist",
                  "125 km", "exbulletin.com"):
        assert words in note, words


def test_seed_has_at_least_three_dated_copies_with_urls(copies):
    dated = [c for c in copies if re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.date)]
    assert len(dated) >= 3
    for c in copies:
        assert c.outlet and c.url.startswith("https://") and c.note
        assert c.date == "" or re.fullmatch(r"\d{4}-12-0[1-3]", c.date)
    assert len({c.url for c in copies}) == len(copies)


def test_excerpts_are_short(copies):
    seed = kit.load_article(SEED_ID)
    for c in copies:
        assert 0 < len(c.excerpt) <= EXCERPT_MAX, c.outlet
        assert len(c.excerpt) < len(seed.text) / 4


def test_copies_show_the_quotation_and_the_monitor(copies):
    """The facts the lessons correct are on record in the copies themselves."""
    text = " ".join(c.excerpt for c in copies)
    assert "\"Aleppo city is out of control of Syrian regime forces\", he said" in text
    assert "after a monitor said" in text
    assert "\"repel terrorist aggression in the provinces of Idlib, Hama and Aleppo\"" in text
    names = {w for w in ("jihadist", "Islamist", "militant") if f"The {w} Hayat Tahrir" in text}
    assert names == {"jihadist", "Islamist", "militant"}  # one AFP text, three names for HTS
    assert "armed opposition forces" in text  # a republisher's rewrite of AFP's "rebel"


def test_the_republished_wording_is_the_bundled_wording(copies):
    seed = kit.load_article(SEED_ID)
    exbulletin = [c for c in copies if "exbulletin.com" in c.url]
    assert exbulletin and exbulletin[0].excerpt in seed.text


@pytest.mark.parametrize("article_id", [a for a in kit.list_articles() if a != SEED_ID])
def test_constructed_versions_say_so(article_id):
    art = kit.load_article(article_id)
    assert art.constructed and not art.copies
    assert "constructed" in art.original_author


def test_article_defaults_keep_old_callers_working():
    art = Article(id="x", title="t", date="2024-01-01", source="s", text="Body.\n")
    assert (art.copies, art.original_author, art.republisher_note) == ((), "", "")


def test_seed_records_its_lost_quotations_with_a_copy_each():
    """Spans of the seed that were quotations in AFP's copies: exact text, speaker, cited copy."""
    seed = kit.load_article(SEED_ID)
    assert isinstance(seed.quotations[0], kit.Quotation)
    for q in seed.quotations:
        assert seed.text.count(q.text) == 1, q.text
        assert q.speaker and q.url.startswith("https://") and q.outlet, q.text
        assert re.fullmatch(r"2024-12-0[1-3]", q.date), q.text
        assert q.quoted and '"' in q.original  # the cited copy has quote marks
        # every label in the span is the speaker's word: the cited copy has it too
        for label in kit.find_labels(kit.parse(q.text)):
            assert label.text.lower() in q.original.lower(), (label.text, q.original)
    speakers = " ".join(q.speaker for q in seed.quotations)
    for who in ("Rami Abdel Rahman", "al-Assad", "Russian military", "Araghchi", "Umm Mohamed"):
        assert who in speakers, who
    assert "regime forces" in seed.quotations[0].text  # the standfirst's word is the monitor's
