"""Which country a speaker names (places.py, demonyms.toml), and the source types that follow.
Sentences written for these tests (invented names; none copied from bench/, ../shared/eval/ or
the seed)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

import kit
from kit.attribution.places import country_words, names_home_country


def types(text):
    """The source type of every attribution the kit finds in ``text``."""
    return [a.source_type for a in kit.find_attributions(kit.parse(text))]


@pytest.mark.parametrize("home, near", [
    ("Niger", "Nigerian"), ("Nigeria", "Nigerien"), ("Austria", "Australian"), ("Australia", "Austrian"),
    ("Guinea", "Guinea-Bissau"), ("Dominica", "Dominican Republic"), ("Iran", "Iraqi"), ("Sudan", "South Sudanese"),
])
def test_a_country_is_not_a_neighbour_with_the_same_first_letters(home, near):
    doc = kit.parse(f"CAPITAL, {home} (AP) - The {near} foreign ministry said the border was shut.")
    span = next(a for a in kit.find_attributions(doc))
    assert not names_home_country(doc.char_span(span.speaker_start, span.speaker_end, alignment_mode="expand"))


@pytest.mark.parametrize("home, word", [
    ("Niger", "Nigerien"), ("Austria", "Austrian"), ("Afghanistan", "Afghan"), ("Netherlands", "Dutch"),
    ("Myanmar", "Burmese"), ("Ivory Coast", "Ivorian"), ("United Kingdom", "British"), ("Sudan", "Sudanese"),
])
def test_the_home_countrys_own_foreign_ministry_is_official(home, word):
    text = f"CAPITAL, {home} (AP) - The {word} foreign ministry said the border was shut."
    assert types(text) == ["official"]


def test_a_neighbours_foreign_ministry_is_a_foreign_government():
    assert types("NIAMEY, Niger (AP) - The Nigerian foreign ministry said the border was shut.") == ["foreign_government"]
    assert types("VIENNA, Austria (AP) - The Australian foreign ministry said the border was shut.") == ["foreign_government"]


def test_initials_keep_their_case():
    assert "US" in country_words("United States")
    doc = kit.parse("CAPITAL, United States (AP) - Let us wait, he said.")
    assert not names_home_country(doc[6:9])


def test_every_country_lists_words_for_it():
    with resources.files("kit.attribution").joinpath("data", "en", "demonyms.toml").open("rb") as fh:
        table = tomllib.load(fh)["countries"]
    assert len(table) >= 195  # the UN's member and observer states, and the places datelines use
    assert all(words and all(isinstance(w, str) and w.strip() == w and w for w in words) for words in table.values())
    assert country_words("niger") == ("Niger", "Nigerien")


def typed(text):
    """(speaker, source type, confidence) of every attribution the kit finds in ``text``."""
    return [(a.speaker, a.source_type, a.type_confidence) for a in kit.find_attributions(kit.parse(text))]


def test_an_envoy_to_a_world_body_speaks_for_the_state_that_sends_them():
    text = ("The council voted on Monday. Ruvalian Ambassador to the United Nations Ivo Petran said the vote "
            "was unfair. \"We cannot accept it,\" Petran said.")
    assert [t for _, t, _ in typed(text)] == ["foreign_government", "foreign_government"]


def test_another_states_minister_of_foreign_affairs_is_a_foreign_government():
    text = "The talks went on for hours, the Minister of Foreign Affairs of Ruvalia Ana Petran said on Friday."
    assert [t for _, t, _ in typed(text)] == ["foreign_government"]


def test_a_government_spokesman_speaks_for_the_government_not_for_the_army_in_his_claim():
    text = "The army retook the town of Dorvo on Monday, government spokesman Ana Lutu said in a statement."
    assert typed(text)[0][1:] == ("official", "sure")
    # a spokesman who names no body still speaks for the body the claim is about (a guess)
    assert typed("The army retook the town of Dorvo on Monday, a spokesman said.")[0][1:] == ("military", "unsure")


@pytest.mark.parametrize("text, stype", [
    ("Kestrel Hospital said it had no beds left for new patients.", "organisation"),
    ("Health officials at three local hospitals said they had no beds left.", "organisation"),
    ("The Brookfield Medical Center said it had no beds left.", "organisation"),
])
def test_a_hospital_is_a_body_whose_owner_the_kit_does_not_know(text, stype):
    assert typed(text)[-1][1:] == (stype, "unsure")


@pytest.mark.parametrize("text, stype", [
    ("Students said the fees were far too high this year.", "eyewitness"),
    ("A local teacher said the river rose overnight.", "eyewitness"),
    ("The competition watchdog said the merger would raise prices.", "monitor"),
])
def test_a_trade_or_a_watchdog_gives_a_type_the_kit_is_unsure_of(text, stype):
    assert typed(text)[-1][1:] == (stype, "unsure")


def test_a_resident_is_an_eyewitness_the_kit_is_sure_of():
    assert typed("Residents said the river rose overnight.")[-1][1:] == ("eyewitness", "sure")


def test_a_release_or_an_email_speaks_for_the_body_that_issued_it():
    release = ("Kestrel Power, which serves the valley, asked the state regulator to cut rates, according to "
               "a press release. Bills will drop by 5 percent, the release said.")
    email = ("Frustrated by rumours, Kestrel Health has sent an email to police departments, saying it has no "
             "cases. \"We have been contacted repeatedly,\" said the email.")
    assert [t[1:] for t in typed(release)] == [("organisation", "unsure")] * 2
    assert typed(email)[-1] == ("the email", "organisation", "unsure")
    assert typed("Prices rose in May, according to a statement.")[0][1] == "other"  # nobody issued it in the text


@pytest.mark.parametrize("text", [
    "\"We will never know,\" board of finance Chairman Tom Vale said. The board met on Monday. Vale said the vote was close.",
    "The school board chairwoman, Ana Ruiz, said the vote was close.",
])
def test_the_chair_of_a_towns_board_is_official(text):
    assert {t for _, t, _ in typed(text)} == {"official"}


def test_a_firms_chairman_stays_with_the_firm():
    assert typed("Kestrel Office Supplies chairman Tom Vale said sales rose.")[0][1] == "organisation"


def test_a_foreign_ministry_without_a_dateline_is_a_question():
    # with no dateline the kit cannot tell which state the story is about: foreign or home?
    assert typed("Talks stalled on Monday. The Ruvalian Foreign Ministry said the border stays shut.")[0][1:] == (
        "foreign_government", "unsure")
    dated = "CAPITAL, Austria (AP) - The Ruvalian Foreign Ministry said the border stays shut."
    assert typed(dated)[0][1:] == ("foreign_government", "sure")


@pytest.mark.parametrize("text", [
    "Opposition sources said the vote would be delayed.",
    "The Westbury member of parliament said the vote would be delayed.",
    "Tom Vale, the leader of the rival Harvest Party, said the vote would be delayed.",
])
def test_a_politician_or_a_party_gets_a_type_the_kit_is_unsure_of(text):
    assert typed(text)[0][2] == "unsure"


def test_an_opposition_leader_is_a_politician_shown_as_a_question():
    # even-handed: a governing lawmaker's type is a question ("an official?"), so the opposition's is too
    assert typed("Opposition leader Ana Ruiz said the vote would be delayed.")[0][1:] == ("other", "unsure")


def test_a_state_departments_type_is_not_lent_to_a_firm_with_the_same_last_word():
    text = ("The Department of Health said the case was confirmed. Kestrel Health said it had no patients "
            "with the virus.")
    assert [t for _, t, _ in typed(text)] == ["official", "organisation"]


@pytest.mark.parametrize("text", [
    "Caretaker Minister for Energy, Power and Petroleum Ana Petran said the reserves were large.",
    "Rainfall fell by half in May, according to data from the Environmental Protection Agency.",
    "White House aides said the bill would pass.",
])
def test_a_state_role_or_body_is_official(text):
    assert typed(text)[0][1] == "official"


def test_a_firm_named_for_its_trade_stays_a_firm():
    assert typed("Kestrel Power and Petroleum said profits rose.")[0][1] == "organisation"


def test_a_spokesman_named_by_his_countrys_initials_speaks_for_its_state():
    text = "Seventy people were killed in clashes in the north, a CAR spokesman said on Thursday."
    assert typed(text)[0][1:] == ("official", "unsure")
    # initials the kit does not know as a country stay a body's
    assert typed("MLPD spokesman Oto Ren said the rebels had taken the town.")[0][1] == "organisation"


def test_without_a_dateline_the_country_a_story_names_most_is_home_and_a_guess():
    # Chile by its name and its people's word five times, Peru three times: the story is about Chile.
    text = ("Chile recalls envoys over new tariffs\n\nChile has recalled its ambassador from Peru. "
            "Chilean officials called the tariffs unlawful. Peru did not reply. "
            "Chilean Foreign Minister Tomas Brel said the tariffs had no legal basis. "
            "A Peruvian foreign ministry spokesman said the talks were over.")
    found = {a.speaker: (a.source_type, a.type_confidence) for a in kit.find_attributions(kit.parse(text))}
    assert found["Chilean Foreign Minister Tomas Brel"] == ("official", "unsure")
    assert found["A Peruvian foreign ministry spokesman"][0] == "foreign_government"


def test_a_country_is_counted_by_all_its_words():
    from kit.attribution.places import _most_named_place

    # "Iran" once, "Iranian" twice; "Oman" twice: Iran's words win, as the story is about it.
    doc = kit.parse("Iran spoke. Iranian envoys left Oman. Iranian ships stayed. Oman said nothing.")
    assert _most_named_place(doc) == "Iran"
