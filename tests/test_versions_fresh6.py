"""compare_versions after batch fresh6's first run (issue 22): each general pattern on sentences written
for this test (no sentence comes from a real article)."""

from __future__ import annotations

from kit.compare.version_align import _norm
from kit.compare.versions import compare_versions


def of(kind: str, a: str, b: str) -> list:
    return [c for c in compare_versions(a, b) if c.kind == kind]


def test_a_name_with_and_without_its_accents_is_one_speaker():
    assert _norm("Jos\u00e9 Mar\u00eda N\u00fa\u00f1ez") == "jose maria nunez"
    assert len(_norm("\u0130zmir")) == len("\u0130zmir")
    a = "Judge Jos\u00e9 Ib\u00e1\u00f1ez said the hearing would resume in May."
    b = "Judge Jose Ibanez said the hearing would resume in May."
    assert compare_versions(a, b) == []
    assert of("speaker_changed", a, "Judge Ana Cruz said the hearing would resume in May.")


def test_a_credit_in_brackets_is_no_sentence_added():
    a = "The ferry sank off the cape. Ten crew swam ashore."
    assert compare_versions(a, a + " (agencies)") == []
    assert compare_versions(a, a + "\n\n(With inputs from wires)") == []
    assert [c.kind for c in compare_versions(a, a + " Two boats joined the search.")] == ["added"]


def test_a_role_word_and_its_form_that_says_nothing_of_sex_are_one_label():
    a = "Port authority spokesperson Lena Ortiz said the dock was closed."
    assert of("label_changed", a, a.replace("spokesperson", "spokeswoman")) == []
    assert of("label_changed", "The council chairperson resigned.", "The council chairman resigned.") == []
    assert of("label_changed", "Port spokesman Lena Ortiz said the dock was closed.",
              "Port spokeswoman Lena Ortiz said the dock was closed.")


def test_and_younger_and_and_under_are_one_bound():
    a = "Most of the patients are children, ages 12 and younger."
    assert of("figure_changed", a, "Most of the patients are children aged 12 and under.") == []
    assert of("figure_changed", "Visitors 70 or older enter free.", "Visitors 70 and over enter free.") == []
    assert of("figure_changed", a, "Most of the patients are children aged 14 and under.")


def test_a_speaker_the_lens_misses_on_one_side_is_read_from_the_other_sides_cue():
    a = "The Herald reports the mayor of Elmtown has quit after ten years in office."
    b = "Local officials report that the mayor of Elmtown has quit after ten years in office."
    assert [(c.a_text, c.b_text) for c in of("speaker_changed", a, b)] == [("The Herald", "Local officials")]
    assert of("attribution_dropped", a, b) == []
    same = "The Elmtown Herald reports that the mayor of Elmtown has quit after ten years in office."
    assert of("speaker_changed", a, same) == [] and of("attribution_dropped", a, same) == []


def test_a_cut_and_an_added_report_of_a_figure_in_one_place_are_one_sentence_rewritten():
    a = ("A storm flooded the river towns on Friday. The fire chief said two bodies were found. "
         "Roads to the valley stayed closed.")
    b = ("A storm flooded the river towns on Friday. Officials said five people died and nine were hurt. "
         "Roads to the valley stayed closed.")
    kinds = [c.kind for c in compare_versions(a, b)]
    assert "cut" not in kinds and "added" not in kinds
    assert [(c.a_text, c.b_text) for c in of("speaker_changed", a, b)] == [("The fire chief", "Officials")]
    assert ("two bodies", "five people") in [(c.a_text, c.b_text) for c in of("figure_changed", a, b)]
    other = a.replace("The fire chief said two bodies were found.", "The bridge was built in stone.")
    assert sorted(c.kind for c in compare_versions(other, b)) == ["added", "cut"]


def test_a_long_quotation_whose_second_half_is_kept_without_marks_has_lost_its_marks():
    a = ("\u201cWe are doing all we can, every hour counts, because the families are still waiting for news "
         "of the missing,\u201d the mayor told reporters.")
    b = "The families are still waiting for news of the missing, the mayor told reporters."
    assert len(of("quote_marks_lost", a, b)) == 1
    assert of("quote_marks_lost", a, "The mayor told reporters the town would rebuild.") == []


def test_a_fact_told_in_other_words_in_an_uneven_run_is_one_sentence_rewritten():
    a = ("Voters in Marlo chose a new council on Sunday. Turnout was low in the north. "
         "Rivas also beat Ortiz in the 2019 council race. The count ends on Friday.")
    b = ("Voters in Marlo chose a new council on Sunday. Polls opened late in two towns. "
         "Nine parties took part. Earlier, Rivas won the council race of 2019. The count ends on Friday.")
    rows = [(c.kind, c.a_text or c.b_text) for c in compare_versions(a, b) if c.kind in ("cut", "added")]
    assert ("cut", "Rivas also beat Ortiz in the 2019 council race.") not in rows
    assert ("added", "Nine parties took part.") in rows


def test_people_renamed_at_the_start_of_a_long_rewording_is_a_label_change():
    a = ("Guards pushed back several people and closed the gates of the stadium on Saturday, "
         "a reporter at the scene said.")
    b = "Guards pushed back protesters who had tried to climb over the fence of the stadium after the match."
    assert [(c.a_text, c.b_text) for c in of("label_changed", a, b)] == [("several people", "protesters")]
    c = "Guards pushed back fans who had tried to climb over the fence of the stadium after the match."
    assert of("label_changed", a, c) == []


def test_a_label_word_kept_in_the_singular_or_plural_is_still_there():
    a = "Riot police fired tear gas at the crowd in the capital on Friday."
    b = "Riots broke out in the capital on Friday as police fired tear gas at the crowd."
    assert of("label_changed", a, b) == []


def test_a_named_person_given_another_title_in_sentences_not_paired_is_a_label_change():
    a = ("The dam burst after a week of rain. It flooded 30 farms, river board spokesman Tomas Reyes told "
         "reporters on the bank.")
    b = ("The dam burst after a week of rain. River board chief Tomas Reyes said late on Monday that crews "
         "were sealing the breach.")
    assert [(c.a_text, c.b_text) for c in of("label_changed", a, b)] == [("spokesman", "chief")]
    assert of("label_changed", a, b.replace("chief", "spokesperson")) == []
    assert of("label_changed", a, b.replace("River board chief", "River board spokesman")) == []


def test_a_quotation_turned_into_reported_speech_has_lost_its_marks():
    a = "\u201cI cannot say when the road will open,\u201d the engineer said on Monday."
    b = "The engineer said on Monday he could not say when the road would open."
    lost = of("quote_marks_lost", a, b)
    assert len(lost) == 1 and lost[0].b_text.startswith("he could not say")
    assert of("quote_marks_lost", a, "The engineer said on Monday the bridge was closed for repairs.") == []
