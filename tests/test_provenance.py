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


# ---------------------------------------------------------------- constructed versions (issue 23)
# A constructed version may frame as it likes in its own voice, but every quotation and every
# claim it credits to a real speaker must come from a published copy, cited in its metadata.

CONTRAST_IDS = ["aleppo-2024-12-02-state-media", "aleppo-2024-12-02-opposition", "aleppo-2024-12-02-wire"]


def _span(text: str, words: str) -> tuple[int, int]:
    assert text.count(words) == 1, f"not exactly once in the version: {words!r}"
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize("article_id", CONTRAST_IDS)
def test_constructed_version_cites_every_quotation_it_uses(article_id):
    from kit.framing.quoted import quotation_spans

    art = kit.load_article(article_id)
    assert art.quotations, "a constructed version lists the real words it uses"
    for q in art.quotations:
        assert q.speaker and q.original and q.outlet and q.url.startswith("https://"), q.text
        assert re.fullmatch(r"2024-1[12]-\d\d", q.date), q.text
    cited = [(*_span(art.text, q.text), q) for q in art.quotations]
    for a, b in quotation_spans(art.text):
        words = art.text[a + 1 : b - 1].strip(",. ")
        hosts = [q for s, e, q in cited if s <= a and b <= e and q.quoted]
        assert hosts, f"quotation with no cited copy: {art.text[a:b]!r}"
        # word for word as the cited copy has it (straight quote marks in both)
        assert words in hosts[0].original, (words, hosts[0].outlet)


@pytest.mark.parametrize("article_id", CONTRAST_IDS)
def test_constructed_version_credits_no_words_a_real_speaker_did_not_say(article_id):
    art = kit.load_article(article_id)
    cited = [_span(art.text, q.text) for q in art.quotations] + [_span(art.text, v) for v in art.own_voice]
    found = kit.find_attributions(kit.parse(art.text))
    assert found
    for att in found:
        assert att.source_type != "unnamed", f"an unnamed source: {att.speaker!r}"
        start, end = att.content_start, att.content_end
        assert any(s < end and start < e for s, e in cited), (
            f"{att.speaker!r} is credited with words no copy shows: {art.text[start:end]!r}")


def test_constructed_versions_drop_the_invented_sources():
    """The sources issue 23 found invented stay out (judgement: named phrases, not a word list)."""
    texts = " ".join(kit.load_article(a).text for a in CONTRAST_IDS)
    for invented in ("observers in Damascus", "a military source", "local activists", "rescue workers",
                     "opposition spokesman", "war on terrorism", "bodies lay on the floor"):
        assert invented not in texts, invented
    wire = kit.load_article("aleppo-2024-12-02-wire")
    assert "about 125 kilometres" in wire.text and "130" not in wire.text


def test_easy_read_version_quotes_no_one_the_seed_does_not():
    """The easy-read version keeps the seed's sources: no speaker the seed does not name."""
    simple, seed = kit.load_article("aleppo-2024-12-02-simple"), kit.load_article(SEED_ID)
    found = kit.find_attributions(kit.parse(simple.text))
    assert len(found) >= 10
    for att in found:
        assert att.source_type != "unnamed" or "observer" in att.speaker.lower(), att.speaker  # the seed's own
        head = att.speaker.split(",")[0].split()[-1].lower()  # "Rami Abdel Rahman, head of ..." -> "rahman"
        assert head in seed.text.lower(), att.speaker
    # its lost quotations are the seed's, found in its own wording
    assert len(simple.quotation_spans()) == len(simple.quotations) >= 5
    assert {q.url for q in simple.quotations} <= {q.url for q in seed.quotations}
