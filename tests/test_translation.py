"""Translation-damage signs (kit.compare.translation) and the lateral-reading checklist."""

from __future__ import annotations

import dataclasses

import pytest

import kit
from kit.compare.translation import KINDS, Issue, lateral_reading, lexicon, translation_issues

from conftest import span_of

# Gold for the seed article, written by reading it line by line (not from the code's output).
SEED_GOLD = [
    ("doubled_word", "Hezbollah-backed Hezbollah"),
    ("stray_stop", "Hezbollah. by"),            # "...backed Hezbollah. by Iran": a broken phrase
    ("space_before_punct", "Rights ,"),          # "Human Rights , based in Great Britain"
    ("repeated_across_stop", "will. will"),
    ("stray_stop", "government. of"),            # "a functioning government. of Syria"
    # A name made only of ordinary words, to check: "American Institute for Foreign Policy
    # Research" is a word-by-word rendering (Aaron Stein heads the Foreign Policy Research
    # Institute). Not flagged (issue 14, no visible false alarms): the Syrian Observatory for
    # Human Rights is its real English name (a source the kit knows), and "Century
    # International" names no kind of body a translator would render (it is real, too).
    ("literal_name", "American Institute for Foreign Policy Research"),
]


def test_seed_gold(seed, seed_doc):
    found = [(i.kind, i.text) for i in translation_issues(seed_doc)]
    assert sorted(found) == sorted(SEED_GOLD)


def test_seed_offsets_point_into_text(seed, seed_doc):
    for issue in translation_issues(seed_doc):
        assert seed.text[issue.start_char : issue.end_char] == issue.text
        assert issue.kind in KINDS
        assert issue.message


def test_text_and_doc_give_the_same(seed, seed_doc):
    assert translation_issues(seed.text) == translation_issues(seed_doc)


# Sentences written for these tests, from other conflicts, protests and news.
POSITIVE = [
    ("Protesters in Santiago said the police would. would not stop the march.",
     "repeated_across_stop", "would. would"),
    ("The ministry in Nairobi announced. that schools would close on Monday.",
     "stray_stop", "announced. that"),
    ("Farmers in Punjab blocked the highway for the the third day.", "doubled_word", "the the"),
    ("Hamas-led Hamas fighters crossed the fence at dawn.", "doubled_word", "Hamas-led Hamas"),
    ("Rescuers in Turkey said the death toll had risen ; more bodies were found.",
     "space_before_punct", "risen ;"),
    ("Police in Lagos arrested 12 people (including two journalists ).",
     "space_before_punct", "journalists )"),
    ("A spokesman for the Ukrainian Center for Strategic Studies said the dam was hit.",
     "literal_name", "Ukrainian Center for Strategic Studies"),
    ("Researchers at the Global Institute for Peace and Development counted displaced families.",
     "literal_name", "Global Institute for Peace and Development"),
]


@pytest.mark.parametrize("text, kind, expected", POSITIVE)
def test_finds_signs(text, kind, expected):
    issues = translation_issues(text)
    assert (kind, expected) in [(i.kind, i.text) for i in issues]
    issue = next(i for i in issues if i.kind == kind)
    assert (issue.start_char, issue.end_char) == span_of(text, expected)


NEGATIVE = [
    "The U.S. military said troops left at 5 p.m. on Tuesday.",       # abbreviations
    "He said that that was the end. al-Sadr agreed later.",           # allowed doubling, name particle
    "She had had enough of the war, she told Reuters.",
    "The price of bread rose to 3.5 dollars... and then fell.",       # decimals, ellipsis
    "The Iranian Foreign Ministry rejected the claim.",               # a standard body name
    "Officials from the European Union met in Brussels on Friday.",
    "The Red Cross said the bridge in Kherson was safe.",             # "Red" is no org word
    "Amnesty International published its report in London.",         # a distinctive word
    "Election officials in Nairobi said turnout was high.\nVoters queued for hours.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_false_alarm(text):
    assert translation_issues(text) == []


# Real names are names (issue 14): the pattern, not one sentence. Sentences written for these tests.
REAL_NAMES = [
    # a source the kit knows, anywhere in a sentence, with or without "the"
    "Rami Abdel Rahman, head of the Syrian Observatory for Human Rights, counted the dead in Idlib.",
    "Syrian Observatory for Human Rights figures were disputed by the ministry.",
    "The toll rose to 30, said the Syrian Observatory for Human Rights.",
    # a real name from translation.toml's organisations list
    "Analysts at the International Crisis Group warned of famine in Darfur.",
    # the text gives the name's initials: the organisation uses this name
    "The Institute for Peace and Security Studies (IPSS) in Addis Ababa hosted the talks.",
    # no word for a kind of body: nothing a translator would render word by word
    "Anna Berg of the think tank Future Global said the talks would fail.",
    "said Aron Lund of the think tank Century International.",
]


@pytest.mark.parametrize("text", REAL_NAMES)
def test_real_names_are_not_flagged(text):
    assert [i for i in translation_issues(text) if i.kind == "literal_name"] == []


def test_an_unknown_name_of_the_same_shape_is_still_flagged():
    # Same shape as the Observatory's name, but not a name the kit knows and no initials given.
    text = "The Sudanese Observatory for Human Rights said 40 people died in Khartoum."
    assert [(i.kind, i.text) for i in translation_issues(text)] == [
        ("literal_name", "Sudanese Observatory for Human Rights")]
    with_initials = "The Sudanese Observatory for Human Rights (SOHR) said 40 people died in Khartoum."
    assert translation_issues(with_initials) == []


def test_known_organisations_come_from_the_data_files():
    from kit.compare.translation import known_organisations

    names = known_organisations()
    assert "syrian observatory for human rights" in names   # kit/attribution source_types.toml
    assert "international crisis group" in names            # translation.toml
    assert all(n == n.lower() and "  " not in n for n in names)


def test_issue_is_frozen():
    issue = translation_issues("Fighting resumed , witnesses said.")[0]
    assert isinstance(issue, Issue)
    with pytest.raises(dataclasses.FrozenInstanceError):
        issue.kind = "x"


def test_kinds_filter():
    text = "The the army said the city will. will hold , officials said."
    assert {i.kind for i in translation_issues(text, kinds=("doubled_word",))} == {"doubled_word"}
    assert {i.kind for i in translation_issues(text)} == {
        "doubled_word", "repeated_across_stop", "space_before_punct"}
    with pytest.raises(ValueError):
        translation_issues(text, kinds=("nonsense",))


def test_messages_never_claim_certainty(seed_doc):
    for issue in translation_issues(seed_doc, kinds=("literal_name",)):
        assert "Check" in issue.message or "check" in issue.message
        assert "wrong" not in issue.message.lower()


def test_contrast_versions_are_clean():
    # The constructed versions were written in careful English: no broken sentences.
    for aid in kit.list_articles():
        art = kit.load_article(aid)
        if art.constructed:
            kinds = {i.kind for i in translation_issues(art.text)}
            assert not kinds & {"repeated_across_stop", "stray_stop", "doubled_word",
                                "space_before_punct"}, aid


def test_lexicon_has_notes():
    lex = lexicon()
    for group in lex["name_words"]:
        assert group["note"] and group["words"]
    assert lex["doubles"]["note"] and lex["stops"]["note"] and lex["known_names"]["note"]


def test_lateral_reading_checklist():
    steps = lateral_reading()
    assert len(steps) >= 5
    for step in steps:
        assert step["question"].endswith("?")
        assert step["how"] and step["why"]
    steps[0]["question"] = "changed"  # callers get copies
    assert lateral_reading()[0]["question"] != "changed"


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"], object()])
def test_non_text_gives_a_clear_error(bad):
    with pytest.raises(kit.InputError):
        translation_issues(bad)
    with pytest.raises(kit.InputError):
        kit.analyse(bad)
