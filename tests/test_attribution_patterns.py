"""Issue 15 "Accuracy on real news": one test per pattern of the attribution lens, with
sentences written for these tests (varied topics; none copied from bench/dev/).
Issue 14 parts: the chart is a kit Chart (a PNG in notebooks), widgets speak plain words."""

from __future__ import annotations

import pytest

import kit
from kit.attribution import SOURCE_COLORS, SOURCE_LABELS, SOURCE_TYPES


def rows(text, *fields):
    fields = fields or ("speaker", "cue", "source_type")
    return [tuple(getattr(a, f) for f in fields) for a in kit.find_attributions(kit.parse(text))]


# ---------------------------------------------------------------- 1. mention chains


def test_surname_and_pronoun_keep_the_type_of_the_full_first_mention():
    text = ("Col. Dana Reyes, a spokeswoman for the coalition, spoke to reporters. "
            "Reyes said the convoy was safe. She added that nobody was hurt.")
    assert rows(text, "speaker", "resolved_from", "source_type") == [
        ("Reyes", None, "military"), ("Reyes", "She", "military")]


def test_surname_typed_by_the_appositive_of_its_first_mention():
    text = ("The chair of the national election commission, Lina Okafor, opened the count. "
            "Okafor said turnout was high.")
    assert rows(text, "speaker", "source_type") == [("Okafor", "official")]


def test_name_typed_by_the_role_subject_of_the_sentence_before():
    text = ("The head of the regional election commission has dismissed the complaints. "
            "Ana Ruiz told reporters that voting was fair.")
    assert rows(text, "speaker", "source_type") == [("Ana Ruiz", "official")]


def test_acronym_in_brackets_types_its_later_mentions():
    text = ("The Central Bank of Westland (CBW) raised its rate on Monday. "
            "The CBW said inflation was too high.")
    assert rows(text, "speaker", "source_type") == [("The CBW", "official")]


def test_the_statement_takes_the_type_of_the_statement_named_before():
    text = "A U.N. statement said shops were looted. The statement also said roads were closed."
    assert rows(text, "speaker", "source_type", "source_kind") == [
        ("A U.N. statement", "organisation", "international_body"),
        ("The statement", "organisation", "international_body")]


# ---------------------------------------------------------------- 2-3. organisations before roles


@pytest.mark.parametrize("text, stype, kind", [
    ("A nurses' union leader said pay was too low.", "organisation", "union"),
    ("Airline officials said flights would resume on Friday.", "organisation", "company"),
    ("A UN spokeswoman said aid trucks had crossed the border.", "organisation", "international_body"),
    ("The WHO said measles cases had doubled.", "organisation", "international_body"),
    ("The U.N. said the camp was full.", "organisation", "international_body"),
    ("The Economic Community of Coastal States said the vote was fair.", "organisation", "international_body"),
    ("The Danish Refugee Council said the camps were overcrowded.", "organisation", "ngo"),
    ("The national statistics centre said prices rose by 3%.", "official", "government"),
    ("Army officials said the base had been evacuated.", "military", "military"),
    ("NATO officials said two aircraft were lost.", "military", "military"),
    ("The foreign ministry said the envoy had been recalled.", "foreign_government", "government"),
    ("Myanmar's military government accused the rebels of attacking civilians.", "official", "government"),
])
def test_the_organisation_decides_the_type_and_the_role_refines_it(text, stype, kind):
    assert rows(text, "source_type", "source_kind") == [(stype, kind)]


def test_who_in_capitals_is_an_organisation_but_the_pronoun_is_not():
    assert rows("The WHO said cases fell.", "source_type") == [("organisation",)]
    assert rows("Farmers who lost cattle said the river rose fast.", "source_type") == [("eyewitness",)]


def test_a_possessive_says_whose_not_who():
    assert rows("The mayor's supporters say she rebuilt the market.", "speaker", "source_type") == [
        ("The mayor's supporters", "other")]


@pytest.mark.parametrize("text, stype", [
    ("Maria Lopez of the Financial Times said the deal was close.", "media"),
    ("CBS News reported that the plant had closed.", "media"),
])
def test_outlets_and_journalists_are_media(text, stype):
    assert rows(text, "source_type") == [(stype,)]


def test_every_source_type_has_a_label_and_a_colour():
    assert all(t in SOURCE_LABELS and t in SOURCE_COLORS for t in SOURCE_TYPES)


# ---------------------------------------------------------------- 4. cite / citing


def test_what_is_cited_is_never_the_speaker():
    text = "Analysts cited weak demand. The minister cited a survey. She said exports fell."
    assert rows(text, "speaker", "resolved_from") == [("The minister", "She")]
    assert rows("The council raised rents, citing rising costs.") == []


# ---------------------------------------------------------------- 5. pronouns and relative pronouns


@pytest.mark.parametrize("text, speaker", [
    ("The charity, which runs six shelters, said beds were scarce.", "The charity"),
    ("The protests were backed by the Coastal Tenants Association, which said the evictions were illegal.",
     "the Coastal Tenants Association"),
    ("Smith, who denies the charges, said he was at home.", "Smith"),
])
def test_a_relative_pronoun_is_never_the_speaker(text, speaker):
    found = rows(text, "speaker")
    assert found == [(speaker,)]
    assert not any(s.lower() in {"who", "which", "that"} for (s,) in found)


def test_a_pronoun_needs_an_antecedent_that_can_speak():
    text = "Police said the road was closed. The bridge was open. It said two cars crashed."
    assert [r for r in rows(text, "speaker", "resolved_from") if r[1]] == [("Police", "It")]


# ---------------------------------------------------------------- 6. cues and shapes


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Protesters chanted that the mine must close.", "Protesters", "chanted", "the mine must close"),
    ("The court ruled that the ban was illegal.", "The court", "ruled", "the ban was illegal"),
    ("The central bank ruled out a rate cut.", "The central bank", "ruled out", "a rate cut"),
    ("The governor touted the plan as a success.", "The governor", "touted", "the plan as a success"),
    ("The mayor assured residents that the water was safe.", "The mayor", "assured",
     "the water was safe"),
    ("A report found that most schools lacked heaters.", "A report", "found", "most schools lacked heaters"),
    ("Reports indicate that the driver had fallen asleep.", "Reports", "indicate", "the driver had fallen asleep"),
    ("Prices rose 4 per cent, per the agency.", "the agency", "per", "Prices rose 4 per cent"),
    ("Organisers said more than 2,000 people signed up for the race.", "Organisers", "said",
     "more than 2,000 people signed up for the race"),
    ("A spokesman, Omar Haddad, confirmed the bridge had reopened.", "A spokesman, Omar Haddad", "confirmed",
     "the bridge had reopened"),
])
def test_cues_and_shapes(text, speaker, cue, content):
    assert (speaker, cue, content) in rows(text, "speaker", "cue", "content")


def test_found_is_a_cue_only_for_studies_and_inquiries():
    assert rows("Rescuers found two survivors in the rubble.") == []
    assert rows("Costs rose to 10 dollars per day.") == []


@pytest.mark.parametrize("text, source_type", [
    ("The U.S. Geological Survey says the tremor struck at a depth of 10 km.", "official"),
    ("The National Weather Service said the storm would weaken by Friday.", "official"),
    ("The group Lawyers for Human Rights said the arrests were unlawful.", "organisation"),
    ("Reporters Without Borders said two reporters were missing.", "organisation"),
    ("The news agency said the talks had stalled.", "media"),  # an "agency" that is not the state's
    ("House Speaker Ann Lee said the bill would pass.", "official"),
    # judgement changed twice in issue 21: batch A's annotator typed forecasters at a weather agency
    # as experts, batches B and E's as officials (they speak for the agency); the kit now says
    # official, as a question, not sure (tests/test_attribution_unseen.py)
    ("National Hurricane Center forecaster Tom Hale said the storm had weakened.", "official"),
    ("The ONS figures also show that wages rose.", "official"),
    # an outlet by the words newspapers' names are made of; not the officials whose figures it used
    ("At least 40 people died, according to a Evening Courier analysis of figures from local officials.", "media"),
    ("The Herald reported that the mayor would resign.", "media"),
])
def test_state_agencies_and_rights_groups_are_typed_by_what_they_are(text, source_type):
    assert [a.source_type for a in kit.find_attributions(kit.parse(text))] == [source_type]


@pytest.mark.parametrize("text, speaker", [
    ("On Tuesday, talking to VOA, Chief of the Port Authority Maj. Gen. Lena Fox said the harbour is reopening "
     "in stages.", "Chief of the Port Authority Maj. Gen. Lena Fox"),
    ("On Wednesday, talking to VOA, Head of Provincial Disaster Relief Authority Maj. Gen. Ali Raza said the "
     "government is building shelters in several towns.", "Head of Provincial Disaster Relief Authority Maj. Gen. Ali Raza"),
])
def test_a_long_title_after_an_opening_clause_is_the_speaker(text, speaker):
    # the parser hangs the name on "talking to VOA" and leaves "said" with no subject
    assert [(a.speaker, a.cue) for a in kit.find_attributions(kit.parse(text))] == [(speaker, "said")]


@pytest.mark.parametrize("text, speaker", [
    ("Chairperson of the Commission, Ama Owusu announced that turnout was 79 percent.",
     "Chairperson of the Commission, Ama Owusu"),
    ("Head of the port authority, Dana Cole said the docks would reopen.", "Head of the port authority, Dana Cole"),
    # a time or a place before the comma is not part of the speaker
    ("Last week, Maria Ruiz said the budget was cut.", "Maria Ruiz"),
    ("In Paris, Maria Ruiz said the budget was cut.", "Maria Ruiz"),
])
def test_a_role_before_the_name_and_a_comma_is_part_of_the_speaker(text, speaker):
    assert [a.speaker for a in kit.find_attributions(kit.parse(text))] == [speaker]


@pytest.mark.parametrize("text, content", [
    ("(OSLO, Norway) \u2014 Two men stormed a bank in the city centre, killing one guard, said local police.",
     "Two men stormed a bank in the city centre, killing one guard"),
    # capitals and a dash that are no dateline stay in the claim
    ("NATO \u2014 not the UN \u2014 led the mission, officials said.", "NATO \u2014 not the UN \u2014 led the mission"),
])
def test_a_dateline_is_not_part_of_the_claim(text, content):
    assert [a.content for a in kit.find_attributions(kit.parse(text))] == [content]


def test_the_dateline_countrys_own_foreign_ministry_is_official():
    # "foreign_government" is a state speaking to the outside world about another state's story
    home = ("HARARE, Zimbabwe (AP) \u2014 Police closed the border. Tendai Moyo, head of the consular "
            "department of the Zimbabwe Foreign Ministry, said the crossing would reopen.")
    away = ("HARARE, Zimbabwe (AP) \u2014 Police closed the border. The Zambian Foreign Ministry said "
            "the crossing would reopen.")
    assert [a.source_type for a in kit.find_attributions(kit.parse(home))] == ["official"]
    assert [a.source_type for a in kit.find_attributions(kit.parse(away))] == ["foreign_government"]


def test_a_claim_is_never_the_speakers_own_title():
    # "announced this": no claim to show; the role before the name is not one
    assert rows("Head of the port authority, Dana Cole announced this during her speech on Monday.") == []


def test_disclosed_is_a_cue():
    assert rows("The council has since disclosed that 1,200 homes were empty.", "speaker", "cue") == [
        ("The council", "disclosed")]


def test_issued_a_statement_saying_names_the_issuer():
    text = 'The hospital issued a statement saying, "The patient died overnight. Staff did all they could."'
    assert rows(text, "speaker", "cue", "kind") == [("The hospital", "saying", "direct")]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Port Officials: Strike Halts Container Traffic\n\nDockers stayed home.", "Port Officials", ":",
     "Strike Halts Container Traffic"),
    ("Fuel prices will rise again - Energy minister warns\n\nDrivers queued.", "Energy minister", "warns",
     "Fuel prices will rise again"),
    # the people it was said to may follow the cue
    ("Bridge will reopen in May - Mayor assures residents\n\nThe bridge closed in 2023.", "Mayor", "assures",
     "Bridge will reopen in May"),
    ("Tap water is safe to drink - council tells residents\n\nTests were done.", "council", "tells",
     "Tap water is safe to drink"),
])
def test_headline_forms(text, speaker, cue, content):
    assert (speaker, cue, content) in rows(text, "speaker", "cue", "content")


def test_a_place_before_a_headline_colon_is_not_a_source():
    assert rows("Westland: dozens of miners trapped\n\nRescuers worked all night.") == []


def test_the_line_under_a_headline_is_read_on_its_own():
    text = "Harbour city: dozens of dock workers detained\n\nHarbour police said Friday they had detained 12 workers."
    assert rows(text, "speaker", "cue", "content") == [("Harbour police", "said", "they had detained 12 workers")]


# ---------------------------------------------------------------- 7. speech verbs on non-speech


@pytest.mark.parametrize("text", [
    "The country has admitted 300,000 refugees since 2019.",
    "The embassy is denying visas to journalists.",
    "The ministry did not estimate the cost of the repairs.",
    "The mayor declared a curfew.",
    "The senator rejected the criticism.",
    "Officials confirmed four new cases in the district.",
    "The bank announced an increase in its main rate.",  # judgement call (verbs.toml): an act
    "However, coalition officials confirmed that.",
])
def test_speech_verbs_on_non_speech(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, content", [
    ("Officials confirmed the death toll rose to 40.", "the death toll rose to 40"),
    ("Police denied reports that officers had fired on the crowd.", "reports that officers had fired on the crowd"),
    ("The mayor called the decision a disgrace.", "the decision a disgrace"),
    ("Activists demanded that the vote be counted again.", "the vote be counted again"),
    ("The charity blamed the delay on checkpoints.", "the delay on checkpoints"),
])
def test_speech_verbs_with_a_claim(text, content):
    assert [c for (c,) in rows(text, "content")] == [content]


# ---------------------------------------------------------------- 8. what is highlighted


@pytest.mark.parametrize("text, speaker", [
    ("LONDON - Hundreds of nurses said on Tuesday that wards were understaffed.", "Hundreds of nurses"),
    ("Sgt. Ana Ruiz said the road was closed.", "Sgt. Ana Ruiz"),
    ("Police said so. Dr. Omar Haddad said two people were hurt.", "Dr. Omar Haddad"),
    ("Col. Dana Reyes said the convoy was safe.", "Col. Dana Reyes"),
])
def test_speaker_highlight_keeps_titles_and_drops_datelines(text, speaker):
    atts = kit.find_attributions(kit.parse(text))
    assert speaker in [text[a.speaker_start : a.speaker_end] for a in atts]


# ---------------------------------------------------------------- issue 14: charts and plain words


def test_source_share_chart_is_a_png_in_notebooks():
    from kit.attribution.charts import source_share_chart
    from kit.core.charts import Chart

    fig = source_share_chart(kit.find_attributions(kit.parse("Police said the road was closed.")))
    assert isinstance(fig, Chart)
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_widgets_show_no_internal_names():
    from kit.attribution.widgets import attribution_detail_html, make_source_map

    page = attribution_detail_html("The road was shut, according to the WHO.", 0)
    assert "according_to" not in page and "cue signal" not in page and "international body" in page
    labels = [label for label, _ in make_source_map(text="Police said so.").children[0].options]
    assert "cue signal" not in labels and "what the verb suggests" in labels


@pytest.mark.parametrize("text", [
    "As Tom Reed reports for the BBC, the talks collapsed overnight.",
    "The talks collapsed overnight, as Tom Reed reports for the BBC.",
])
def test_as_x_reports_for_an_outlet(text):
    assert rows(text, "speaker", "cue", "source_type") == [("Tom Reed", "reports", "media")]


@pytest.mark.parametrize("text, speaker, stype", [
    ("A Navy spokesman, Lt. Omar Haddad, confirmed sailors rescued three fishermen near the reef.",
     "A Navy spokesman, Lt. Omar Haddad", "military"),
    ("A union spokeswoman, Mira Osei, confirmed workers walked out at dawn.",
     "A union spokeswoman, Mira Osei", "organisation"),
])
def test_appositive_speaker_before_the_cue(text, speaker, stype):
    assert rows(text, "speaker", "cue", "source_type") == [(speaker, "confirmed", stype)]


@pytest.mark.parametrize("text, stype", [
    ("Reports indicate that the driver had fallen asleep.", "media"),  # bare reports: the media's (settled after batch J)
    ("An early report found that the driver had fallen asleep.", "unnamed"),
    ("A UN report found that most camps lacked water.", "organisation"),
    ("A police report found that the brakes had failed.", "official"),
])
def test_a_report_is_typed_by_its_author_or_by_convention(text, stype):
    assert rows(text, "source_type") == [(stype,)]


def test_a_two_word_cue_without_a_subject_gives_no_speaker_and_no_error():
    # Found by the 100-article benchmark: a headline, then "issued a statement calling for ...":
    # the parser left "calling for" without a subject, and the finder raised AttributeError.
    # (Our own sentence with the same shape.)
    text = ('Farmers block roads over fuel tax\n\nCanada, Mexico, Chile and Peru issued a statement calling for '
            '"dialogue", a call that ministers in Lima described as an attempt to delay the reform.')
    found = kit.find_attributions(kit.parse(text))
    assert all(a.speaker.strip() for a in found)
    assert any("Canada" in a.speaker for a in found) or not found
