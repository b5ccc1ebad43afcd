"""Issue 21, batch D patterns: speech the finder missed ("informed that", "cited X as saying",
a quote in single marks before "X tweeted", a caller "saying ...") and words it took for speech
("responded to a call", "condemned X as Y", a page section before a headline colon). Sentences
written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import kit


def rows(text):
    return [(a.speaker, a.cue, a.content) for a in kit.find_attributions(kit.parse(text))]


def test_informed_that_is_a_cue():
    assert rows("Officials in the district informed that four people were rescued.") == [
        ("Officials in the district", "informed", "four people were rescued")]


def test_informed_without_a_clause_is_no_claim():
    assert rows("The hotel informed the guests at breakfast.") == []


def test_media_cited_x_as_saying():
    assert rows("\u201cThe bridge shook and then it fell,\u201d the state news agency cited Maria Lopez, "
                "a shopkeeper nearby, as saying.") == [
        ("Maria Lopez, a shopkeeper nearby", "saying", "The bridge shook and then it fell")]


def test_media_quoted_x_as_saying_after_the_quote():
    assert rows("\u201cThe bridge shook,\u201d local radio quoted Maria Lopez as saying.") == [
        ("Maria Lopez", "saying", "The bridge shook")]


def test_single_marked_quote_before_tweeted():
    found = rows("\u2018Four more patients, who are isolated in the ward, recovered from the fever\u2026\u2019 "
                 "Okello tweeted.")
    assert [(s, c) for s, c, _ in found] == [("Okello", "tweeted")]
    assert found[0][2].startswith("Four more patients")


def test_caller_saying_is_the_speaker():
    assert rows("A woman called 9-1-1 late Sunday night saying she had been robbed.") == [
        ("A woman", "saying", "she had been robbed")]


def test_responded_to_an_event_is_no_speech():
    assert rows("Hours later, the fire brigade responded to a call from the station.") == []


def test_condemned_as_without_a_clause_is_no_claim():
    assert rows("The opposition condemned the count as rigged.") == []
    assert rows("The opposition condemned the arrests, saying they were illegal.") == [
        ("The opposition", "saying", "they were illegal")]


def test_section_label_before_a_headline_colon_is_no_source():
    assert rows("Regional News in Brief: Council Approves New Park\n\nThe council met on Monday.") == []
    assert rows("City Update: Mayor Opens Bridge\n\nThe bridge opened.") == []


def test_headline_claim_comma_says_a_country():
    found = rows("Two more Zika cases confirmed in Lagos hospital, says Nigeria\n\n"
                 "Two more persons tested positive, the ministry said.")
    assert ("Nigeria", "says", "Two more Zika cases confirmed in Lagos hospital") in found


def test_headline_list_with_commas_is_no_source():
    assert rows("Prices rose in May, June and July\n\nShops closed.") == []


def test_caller_saying_when_called_is_tagged_a_participle():
    assert rows("A woman called 9-1-1 around 3:40 Sunday morning saying she had been robbed.") == [
        ("A woman", "saying", "she had been robbed")]


def test_denied_with_only_a_gerund_is_no_claim():
    assert rows("The harbour master denied receiving any warnings about the storm.") == []
    assert [c for _, c, _ in rows("The harbour master denied that any warnings had been sent.")] == ["denied"]
