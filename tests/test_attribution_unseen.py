"""Issue 21 "Right on news it has never seen": one test per pattern, with sentences written
for these tests (invented names and places; none copied from bench/, ../shared/eval/ or the seed).

Speech: what looks like a cue but reports no claim; source types that generalise (roles by
their head noun, organisations by the structure of their names, one type per speaker across
its mentions) and the confidence students see."""

from __future__ import annotations

import pytest

import kit


def rows(text, *fields):
    fields = fields or ("speaker", "cue", "source_type")
    return [tuple(getattr(a, f) for f in fields) for a in kit.find_attributions(kit.parse(text))]


# ---------------------------------------------------------------- speech or not


@pytest.mark.parametrize("text", [
    "Bus fares rose 50 per cent in the northern towns.",  # a rate, not "per X" as a source
    "Farmers earn about 3 dollars per day, per capita income is lower.",
    "The water board did not say how many homes were cut off.",  # nothing was said
    "The festival organisers would not confirm that the show was cancelled.",
    "The harbour master declined to say whether the ferry had sunk.",
    "The village, formerly called Millbrook, lies by the river.",  # naming
    "The lake, once called Silver Water, has shrunk.",
    "The headteacher called a meeting to discuss the fire.",  # calling an event
    "The dockers' union called a strike for Thursday.",
    "Researchers used the rain gauge records to predict that the dam would overflow.",  # a purpose
])
def test_no_speech_in(text):
    assert rows(text) == []


def test_a_forecaster_forecasting_is_speech():
    assert rows("Harbour Analytics forecast that freight costs would double.", "speaker", "cue", "content") == [
        ("Harbour Analytics", "forecast", "freight costs would double")]


def test_per_a_source_is_still_according_to():
    assert rows("Bread prices rose 9 per cent, per the statistics office.", "speaker", "kind") == [
        ("the statistics office", "according_to")]


def test_calling_something_a_name_is_still_a_claim():
    got = rows("The senator called the budget a disgrace.", "speaker", "cue")
    assert got == [("The senator", "called")]


# ---------------------------------------------------------------- source types that generalise


@pytest.mark.parametrize("text, stype", [
    # a person by the head noun of the role (roles.toml, SOC major groups)
    ("A hydrologist said the river would crest on Sunday.", "expert"),
    ("Omar Field, a seismologist, said aftershocks were likely.", "expert"),
    ("Ines Park, a statistician at the census desk, said the count was late.", "expert"),
    ("Lieutenant Sara Voss said the convoy had turned back.", "military"),
    ("General Tomas Berg, chairman of the Joint Chiefs of Staff, said the drills would go on.", "military"),
    ("A program administrator at Hillcrest University said fees would rise.", "expert"),
    ("Karl Fenn, a trader at a regional bank, said the currency was falling.", "expert"),
    # an organisation by the structure of its name
    ("The Regional Water Agency said reservoirs were low.", "official"),
    ("The Northern Health Board said two clinics had shut.", "organisation"),  # no state's mark: an organisation, not sure it is a state body
    ("Officials at Dunmore Holdings said the mine would reopen.", "organisation"),
    ("Staff at Brightwater Inc. said the plant would close.", "organisation"),
    ("The Westland Centre for Disease Control said cases were rising.", "official"),
    ("The central bank said inflation would ease.", "official"),
    ("Harbour Bank said profits fell.", "organisation"),
    ("Analysts at Vantage Consulting said demand would slow.", "expert"),
    ("A source in the armed group said the leader had fled.", "unnamed"),
])
def test_source_type_generalises(text, stype):
    assert rows(text, "source_type")[0] == (stype,)


@pytest.mark.parametrize("text, expected", [
    ("Dana Cole, a physician at the city hospital, said the ward was full. Cole added that staff were tired.",
     [("Dana Cole, a physician at the city hospital", "expert"), ("Cole", "expert")]),
    ("Dana Cole, a physician at the city hospital, said the ward was full. She added that staff were tired.",
     [("Dana Cole, a physician at the city hospital", "expert"), ("Dana Cole, a physician at the city hospital", "expert")]),
    ("The Regional Water Agency cut supplies on Monday. The agency said rain was needed.",
     [("The agency", "official")]),
    ("Northgate Utilities shut two plants. The utility said power would return by Friday.",
     [("The utility", "organisation")]),
    ("A report by the National Flood Agency was published on Monday. The report said 40 homes were lost.",
     [("The report", "official")]),
    ("Governor Ana Ruiz said roads were closed. Her office said schools would reopen.",
     [("Governor Ana Ruiz", "official"), ("Her office", "official")]),
    ("Mark Hollis said the exercise was routine. General Hollis added that no shots were fired.",
     [("Mark Hollis", "military"), ("General Hollis", "military")]),
])
def test_one_speaker_one_type_across_mentions(text, expected):
    assert rows(text, "speaker", "source_type") == expected


@pytest.mark.parametrize("text, confidence", [
    ("A hydrologist said the river would crest.", "sure"),
    ("The Regional Water Agency said reservoirs were low.", "sure"),
    ("Jo Marsh said the bridge was unsafe.", "unsure"),  # a name with no role: who is this?
    ("Dr. Lena Ortiz, a paediatrician, said the clinic was full.", "unsure"),  # expert or eyewitness
    ("Karl Fenn, a trader, said the currency was falling.", "unsure"),
    ("National Hurricane Center forecaster Tom Hale said the storm had weakened.", "unsure"),  # expert or official
])
def test_type_confidence(text, confidence):
    assert rows(text, "type_confidence")[0] == (confidence,)


# ---------------------------------------------------------------- patterns after batch A's first run


@pytest.mark.parametrize("text, stype", [
    # Judgement call changed after batch E: two of three annotators typed a state agency's forecasters
    # official (they speak for the agency); the kit says so, as a question (not sure; see test_type_confidence).
    ("Forecasters with the National Weather Agency predict that the rains will come late.", "official"),
    ("The National Maritime and Coastal Administration said the port was shut.", "official"),
    ("The Ohio State Department of Agriculture said the harvest was late.", "official"),  # not the US foreign ministry
    ("A State Department spokesman said talks would resume.", "foreign_government"),
    ("Veteran election observer Tomas Vek said the count was slow.", "monitor"),
    ("The national team coach said the striker would miss the final.", "organisation"),
    ("Lena Park, president of Park Asset Management, said bond prices would fall.", "expert"),
    ("Ana Reyes, Deputy High Commissioner for Refugees, said shelters were full.", "organisation"),
    ("Both Dr. Lund and Dr. Okoro said the trial worked.", "expert"),
])
def test_source_type_patterns_after_batch_a(text, stype):
    assert rows(text, "source_type")[0] == (stype,)


@pytest.mark.parametrize("text, expected", [
    # the subject that made a bare "study" is what "the study" stands for
    ("The Westland Department of Health conducted the study last year. The study said the vaccine worked.",
     [("The study", "official")]),
    # "the agency's chair": the agency named before, even under another name
    ("Investigators from the National Road Safety Board arrived on Monday, according to the agency's chair.",
     [("the agency's chair", "official")]),
    # "the company" after a state body and a firm: a company, not the state body
    ("The National Rail Board opened an inquiry into Velora Freight Inc. The company said its crews were safe.",
     [("The company", "organisation")]),
])
def test_definite_mentions_after_batch_a(text, expected):
    assert rows(text, "speaker", "source_type") == expected


def test_signs_suggest_nothing_anyone_said():
    assert rows("Turnout was low as early signs suggested that voters stayed home.") == []


@pytest.mark.parametrize("text, speaker", [
    ("Dozens of homes evacuated as brush fire spreads: officials\n\nA fire broke out on Sunday.", "officials"),
    ("Govt: Dry spell could hit wheat output\n\nFarmers are worried.", "Govt"),
])
def test_headline_source_after_or_before_a_colon(text, speaker):
    assert rows(text, "speaker", "cue")[0] == (speaker, ":")


def test_a_headline_colon_before_a_list_is_no_source():
    assert rows("Storm leaves city dark: 3 things to know\n\nPower failed.") == []


# ---------------------------------------------------------------- what students see


SURE_AND_UNSURE = ("Jo Marsh said the bridge was unsafe. "
                   "A hydrologist said the river would crest on Sunday. "
                   "Dr. Lena Ortiz, a paediatrician, said the clinic was full.")


def test_type_words_state_a_kind_only_when_sure():
    from kit.attribution import type_words

    assert type_words("official") == "official"
    assert type_words("official", "unsure") == "an official? check who this is"
    assert type_words("monitor", "unsure") == "a monitor group? check who this is"
    assert type_words("other", "unsure") == "not clear: check who this is"
    assert type_words("media", "unsure") == "news media? check who this is"  # not "a news media"
    assert type_words("state_media", "unsure") == "state media? check who this is"


def test_source_map_colours_only_sure_kinds():
    from kit.attribution import source_map

    assert [h.tag for h in source_map(kit.parse(SURE_AND_UNSURE))] == ["unsure", "expert", "unsure"]


def test_a_role_in_the_sentence_before_is_a_guess():
    text = "A hydrologist warned of floods. Jo Marsh said the bridge was unsafe."
    assert rows(text, "source_type", "type_confidence") == [("expert", "unsure")]


def test_source_map_hover_asks_the_question():
    from kit.attribution import source_map

    hl = source_map(kit.parse(SURE_AND_UNSURE))
    tips = [getattr(h, "tooltip", None) or getattr(h, "title", None) or str(h) for h in hl]
    assert "(expert)" in tips[1] and "check who this is" not in tips[1]
    assert "not clear: check who this is" in tips[0]
    assert "an expert? check who this is" in tips[2]


def test_source_map_widget_shows_the_question_not_the_kind():
    from kit.attribution.widgets import attribution_detail_html, source_map_html

    page = source_map_html(SURE_AND_UNSURE)
    assert "who is it? check" in page  # the legend's entry for claims of an unsure kind
    detail = attribution_detail_html(SURE_AND_UNSURE, 2)
    assert "an expert? check who this is" in detail
    assert "check who this is" not in attribution_detail_html(SURE_AND_UNSURE, 1)


def test_notebook_05_view_and_teacher_report_ask_the_question():
    from kit.compare import analyse
    from kit.compare.views import attribution_view
    from kit.teacher.report import _summary

    an = analyse(SURE_AND_UNSURE)
    view = attribution_view(an)
    assert "not clear: check who this is" in view and "an expert? check who this is" in view
    summary = dict(_summary(an))["Attribution"]
    assert "not sure (check who) 2" in summary and "expert 1" in summary


# ---------------------------------------------------------------- source types, before batch D
# Patterns found on batches B and C after their first runs (now in bench/dev: --batch B, C), fixed
# as patterns and tested here on invented sentences, before batch D was scored.


@pytest.mark.parametrize("text, stype", [
    ("Transport Secretary Ada Nwosu said the line would reopen.", "official"),  # "X Secretary": a minister
    ("Lakeland Gov. Ravi Osei said the roads were closed.", "official"),  # an abbreviated title
    ("Sen. Mara Quill said the bill would pass.", "official"),
    ("The Head of State said prices would fall.", "official"),
    ("Leaders in the river town of Oakvale said the bridge was unsafe.", "official"),  # leaders of a place
    ("Leaders of Brant County said the budget was short.", "official"),
    ("Community leaders said the bridge was unsafe.", "other"),  # no place: no government
    ("Assistant U.S. Attorney Len Price said the fraud lasted years.", "official"),  # a state's prosecutor
    ("Tess Orr, a district attorney, said the case would go to trial.", "official"),
    ("Kestrel Customs and Border Service said two guards were hurt.", "official"),  # customs: a state body
    ("The Department for Rural Affairs said the grants were paid.", "official"),
    ("Tourism industry officials said bookings were down.", "organisation"),  # industry: companies
    ("Jo Lane, president of California-based Brightline, said sales grew.", "organisation"),  # a company's president
    ("Ivo Marsh, chief executive of Marsh Valuations, an appraisal firm, said rents would rise.", "expert"),
    ("The ferry captain, Ben Sills, said the boat was full.", "eyewitness"),  # a ship's captain on board
    ("Union general secretary Pat Roe said the strike would go on.", "organisation"),  # not a state secretary
    ("A study published in a medical journal found that the drug worked.", "expert"),  # a study: researchers
    ("A federal report seen by the Tribune said the checks were skipped.", "official"),  # a state's document
    ("The head of the country's food safety agency said the meat was safe.", "official"),  # a state's body
    ("Councilwoman Rae Dunn said the library would close.", "official"),  # local government titles
    ("The district magistrate said the camps were open.", "official"),
    ("Sheriff's deputies said the driver fled.", "official"),
    ("The police force said the driver fled.", "official"),  # not "forces": the police stay police
    ("A spokesman for the militants said they fired the shells.", "organisation"),  # an armed group
    ("A senior security official said the guards were armed.", "official"),  # not "securities" (a trade)
    ("A KWA spokesperson said the dam was safe.", "organisation"),  # an acronym no list knows
    ("A US official said the talks failed.", "official"),  # ... but a place's is a state's
    ("Residents and a Reuters witness said the hotel was burning.", "eyewitness"),  # who saw it, not who employs
    ("A Reuters reporter said the hotel was burning.", "media"),
    ("Passengers said the cabin filled with smoke.", "eyewitness"),  # people who were there
    ("The rowing club said the race was cancelled.", "organisation"),
])
def test_source_type_patterns_before_batch_d(text, stype):
    assert rows(text, "source_type")[0] == (stype,)


def test_a_study_is_typed_by_whoever_made_it():
    # The bare noun says "expert?" (not sure); a study a named body carried out is that body's.
    text = ("The Kestrel Health Department carried out the study over two years. "
            "The study found that clinics were full.")
    assert rows(text, "speaker", "source_type")[-1] == ("The study", "official")
    assert rows("A study found that clinics were full.", "source_type", "type_confidence") == [("expert", "unsure")]


def test_a_title_alone_gives_way_to_the_role_of_the_fuller_mention():
    # "Dr." alone suggests an expert (not sure); the same person's sure role earlier decides.
    text = ("President Dr. Lena Moss opened the bridge on Monday. "
            "Dr. Moss said the bridge had cost less than planned.")
    assert rows(text, "speaker", "source_type")[-1] == ("Dr. Moss", "official")


def test_an_acronym_defined_before_is_that_body():
    text = ("The Office for Rural Transport (ORT) opened two bus lines. "
            "The ORT said more lines would follow.")
    assert rows(text, "speaker", "source_type")[-1] == ("The ORT", "official")


def test_a_name_based_somewhere_is_an_organisation_in_every_mention():
    text = ("The satellite was built by Texas-based Orbix. "
            "Orbix said the launch had gone well.")
    assert rows(text, "speaker", "source_type")[-1] == ("Orbix", "organisation")


# ---------------------------------------------------------------- source types, after batch D's first run
# Patterns seen on batch D (bench/dev, --batch D) after its first run was recorded; invented sentences.


@pytest.mark.parametrize("text, stype", [
    ("The police cordon stayed up all night. Sgt. Ines Vale said the suspect was armed.", "official"),
    ("Sgt. Ines Vale said the rebels had fled the valley.", "military"),  # no police in the story
    ("The U.S.-led coalition said the strike hit a depot.", "military"),  # "U.S.-led" is one token
    ("Ivo Tan, Denver's chief financial officer, said the budget was short.", "official"),  # a city's officer
    ("An official drought report said the wells were dry.", "official"),  # an official document
    ("Dana Cole, president and chief executive officer of KFA-UK, said the reefs were dying.", "organisation"),
])
def test_source_type_patterns_after_batch_d(text, stype):
    assert rows(text, "source_type")[-1] == (stype,)


def test_according_to_a_title_keeps_the_name_the_parser_cut_off():
    assert rows("According to Sgt. Ines Vale, the road was shut.", "speaker") == [("Sgt. Ines Vale",)]


def test_a_neighbour_named_by_where_they_live_is_an_eyewitness():
    text = 'Ada Cole lives two doors down. "It was very loud," said Cole.'
    assert rows(text, "speaker", "source_type")[-1] == ("Cole", "eyewitness")


def test_a_name_after_a_role_is_a_person_whatever_the_parsers_label():
    # "magistrate Ravi Kapoor": the parser may label the name an organisation (seen on real text);
    # the label is set by hand here, so the test does not depend on one model's guess.
    from spacy.tokens import Span

    from kit.attribution.sources import typed_source

    doc = kit.parse("Six carriages left the track, magistrate Ravi Kapoor said.")
    name = next(t.i for t in doc if t.text == "Ravi")
    doc.set_ents([Span(doc, name, name + 2, label="ORG")])
    assert typed_source(doc[name - 1 : name + 2])[0] == "official"


# ---------------------------------------------------------------- source types, after batch E's first run
# Patterns seen on batch E (bench/dev, --batch E) after its first run was recorded; invented sentences.


@pytest.mark.parametrize("text, stype", [
    ('Ana Ruiz is the chief forecaster at the National Weather Service. "Expect hail," Ruiz said.', "official"),
    ('One of the houses the crew checked is owned by Ed Vane. "It shook," Vane said.', "eyewitness"),
    ("Justice Lena Ober said the ban was lawful.", "official"),  # a judge's title
    ("Rescue crews said the boat was full.", "eyewitness"),
    ("Sprinter Ola Dane said she had never cheated.", "other"),  # an athlete speaks for herself
    ("KWPA said power would return on Monday.", "organisation"),  # initials no list knows
    ("Kestrel's lawyer Ana Bloom said the advert was lawful.", "organisation"),  # a firm's lawyer
    ("Her lawyer Ana Bloom said she was innocent.", "other"),  # a person's lawyer
    ("Kestrel's owners said the sale was fair.", "organisation"),
    ("Athletics Federation (AAF) President Ana Ruiz said the ban was unfair.", "organisation"),
    ("The federally owned utility faces outages at two plants, according to spokesperson Ana Brook.",
     "organisation"),  # a spokesperson for the body the claim is about
    ("The army said the town fell. A spokesman said the talks had failed.", "official"),
    ("Ravi Dutt, a man living near the tracks, said the train was fast.", "eyewitness"),  # a resident
    # Two people with one surname: the second is not typed by the first's role.
    ("Railway official Anil Dutt said the signal failed. Ravi Dutt, a man who sells tea nearby, said it was fast.",
     "other"),
])
def test_source_type_patterns_after_batch_e(text, stype):
    assert rows(text, "source_type")[-1] == (stype,)


# ---------------------------------------------------------------- source types, after batch F's first run
# Patterns seen on batch F (bench/dev, --batch F) after its first run was recorded; invented sentences.


@pytest.mark.parametrize("text, stype", [
    ("The Dalton Fire Service checked the site. Ana Bloom, of the service, said the smoke was toxic.", "official"),
    ("A survey of 400 nurses by the Kestrel Health Trust found that most were tired.", "organisation"),  # its author
    ("Local media reports said the plant was shut.", "media"),  # who reports decides
    ("Police reports said the plant was shut.", "official"),
    ("Reports said the plant was shut.", "media"),  # bare reports: the media's (settled after batch J)
    ("Ivo Marsh, network operations director, said the outage was short.", "organisation"),  # a manager
    ("A WITNESS told the court she saw the car.", "eyewitness"),  # capitals are no acronym
])
def test_source_type_patterns_after_batch_f(text, stype):
    assert rows(text, "source_type")[-1] == (stype,)
