"""Batch L's first run: patterns of attribution and source type the kit read wrongly, one test
each, with sentences written for these tests (none copied from bench/ data)."""

from __future__ import annotations

import pytest

import kit


def found(text):
    """speaker -> (source type, cue) of every attribution the kit finds in ``text``."""
    return {a.speaker: (a.source_type, a.cue) for a in kit.find_attributions(kit.parse(text))}


@pytest.mark.parametrize("text, speaker", [
    ("Union Finance Minister Rhea Das said tariffs serve many aims.", "Union Finance Minister Rhea Das"),
    ("Union Home Minister Arun Pal said the border was calm.", "Union Home Minister Arun Pal"),
    ("The union minister said the talks would go on.", "The union minister"),
])
def test_a_union_minister_is_a_federal_minister_not_a_trade_unions(text, speaker):
    # India's central government is "the Union"; a trade union has no ministers.
    assert found(text)[speaker][0] == "official"


@pytest.mark.parametrize("text, speaker", [
    ("A trade union leader said the strike would continue.", "A trade union leader"),
    ("The union's general secretary said pay talks had failed.", "The union's general secretary"),
])
def test_a_trade_unions_leaders_still_speak_for_the_union(text, speaker):
    assert found(text)[speaker][0] == "organisation"


def test_the_second_of_two_coordinated_roles_counts_too():
    # "a former pilot AND an aviation expert": the second role says why the speaker is quoted
    text = "Ken Vale, a former pilot and an aviation expert, said the recorder data would help."
    assert found(text)["Ken Vale, a former pilot and an aviation expert"][0] == "expert"


@pytest.mark.parametrize("text", [
    "A jury found her guilty of fraud last week.",
    "The panel found the firm not liable for the losses.",
    "Rangers found one of the hikers dead near the river.",
    "Divers found the missing sailor alive on Sunday.",
])
def test_finding_someone_in_a_state_reports_no_claim(text):
    assert found(text) == {}


@pytest.mark.parametrize("text, speaker", [
    ("Researchers found that the drug lowered blood pressure.", "Researchers"),
    ("The audit found the agency had overspent by millions.", "The audit"),
])
def test_a_finding_with_a_clause_of_its_own_is_still_a_claim(text, speaker):
    assert found(text)[speaker][1] == "found"


@pytest.mark.parametrize("text", [
    "As per the trade norms, the duties are allowed.",
    "The duties are lawful as per the new rules.",
    "The bridge opened on time, according to the plan.",
])
def test_as_per_a_rule_book_or_a_plan_names_no_source(text):
    assert found(text) == {}


def test_per_a_body_still_names_a_source():
    assert found("Per the ministry, 40 people died in the floods.") == {"the ministry": ("official", "Per")}


@pytest.mark.parametrize("text, speaker", [
    ("The minister observed that prices had risen sharply.", "The minister"),
    ("Observing that exports had fallen, the minister said new markets were needed.", "the minister"),
])
def test_observed_with_a_clause_is_a_cue(text, speaker):
    assert speaker in found(text)


@pytest.mark.parametrize("text", [
    "Troops observed the ceasefire on Sunday.",
    "Fans observed a minute's silence before the match.",
])
def test_observing_a_rule_or_a_silence_is_no_speech(text):
    assert found(text) == {}


def test_a_re_mention_keeps_the_type_of_the_coordinated_roles():
    text = ("Ken Vale, a former pilot and an aviation expert, said the data would help. "
            "Vale said the recorders were intact.")
    assert found(text)["Vale"][0] == "expert"


@pytest.mark.parametrize("text, stype", [
    ("Tom Reed, who is the city's fire chief, said the blaze was out.", "official"),
    ('"We are short of staff," said Tom Reed, who as deputy mayor oversees the budget.', "official"),
    ("Tom Reed, who teaches economics at Brook University, said prices would rise.", "expert"),
    ("Tom Reed, who served as mayor for a decade, said the plan was sound.", "official"),
])
def test_a_relative_clause_says_who_a_named_speaker_is(text, stype):
    assert found(text)["Tom Reed"][0] == stype


def test_a_relative_clause_with_no_role_leaves_the_speaker_unknown():
    text = "Tom Reed, who was at the scene, said the car caught fire."
    assert found(text)["Tom Reed"][0] == "other"


@pytest.mark.parametrize("text, speaker", [
    ("But the Mayor\u2019s Office said there will be only $10 million for the plan.", "the Mayor\u2019s Office"),
    ("The governor\u2019s office said the roads would reopen on Friday.", "The governor\u2019s office"),
    ("The Prime Minister's Office said the visit was off.", "The Prime Minister's Office"),
])
def test_an_office_of_a_state_role_is_official_with_either_apostrophe(text, speaker):
    assert found(text)[speaker][0] == "official"


def test_word_lists_match_a_curly_apostrophe_as_a_straight_one():
    # "union's" in a word list matches the text's "union’s" (spaCy's NORM makes them one)
    assert found("The union\u2019s general secretary said pay talks had failed.") == {
        "The union\u2019s general secretary": ("organisation", "said")}


def test_a_role_given_only_later_in_the_story_is_a_guess():
    # the quote comes first; the title only with a later, possessive mention of the name
    text = ('"We cannot pay for this," Brooks said on Monday. Council Member Jane Brooks\'s motion '
            'to cut the budget failed. "It is a start," Brooks said later.')
    atts = kit.find_attributions(kit.parse(text))
    assert [(a.source_type, a.type_confidence) for a in atts] == [("official", "unsure"), ("official", "sure")]


def test_a_name_with_no_role_anywhere_stays_unknown():
    text = '"We cannot pay for this," Brooks said on Monday. Jane Brooks\'s motion failed.'
    assert [a.source_type for a in kit.find_attributions(kit.parse(text))] == ["other"]


def test_word_lists_still_match_british_spellings_in_capitals():
    # spaCy's NORM spells "defence" as "defense" only in lower case: the lists match LOWER too
    assert found("THE DEFENCE MINISTRY SAID THE BORDER WAS CALM.") == {"THE DEFENCE MINISTRY": ("military", "SAID")}
