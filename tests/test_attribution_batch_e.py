"""Issue 21, batch E attribution patterns: "described X as <adjective>" is a label, not a
claim; an object with only a relative clause ("touting a discount, which ...") holds no claim.
Sentences written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import kit


def found(text):
    return [(a.speaker, a.cue, a.content) for a in kit.find_attributions(kit.parse(text))]


def test_described_as_an_adjective_is_no_attribution():
    assert found("A ranger, Tom Hale, described the trail conditions as dangerous after the storm.") == []


def test_described_as_a_quote_is_still_an_attribution():
    assert [c for _, c, _ in found('She described the result as "a disaster for the town".')] == ["described"]


def test_touting_an_object_with_a_relative_clause_is_no_claim():
    assert found("The chain ran ads touting a new discount, which its rival was famous for offering.") == []


def test_an_object_with_a_that_clause_still_holds_a_claim():
    assert [c for _, c, _ in found("Critics denied reports that troops fired on the crowd.")] == ["denied"]


def test_expressed_that_is_a_cue_but_expressed_concern_is_not():
    assert [c for _, c, _ in found("The forecaster expressed that heavy rain can flood the valley.")] == ["expressed"]
    assert found("The mayor expressed concern about the budget.") == []


def test_two_quoted_phrases_in_one_claim_make_one_attribution():
    text = ("The flyer said the rival had the honesty of a \u201cused car salesman\u201d and that its offer "
            "was a trick that \u201cfools nobody at all.\u201d")
    assert [c for _, c, _ in found(text)] == ["said"]


def test_a_quote_in_the_next_sentence_is_still_given_to_the_speaker():
    text = "The mayor said the plan was \u201ca disgrace to the city.\u201d \u201cWe will fight it in court,\u201d she added."
    assert [c for _, c, _ in found(text)] == ["said", "added"]
