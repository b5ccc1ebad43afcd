"""compare_versions patterns seen in versions batch L (sentences of our own)."""

from kit.compare.version_align import units_of
from kit.compare.version_stray import stray_line
from kit.compare.version_units import converted
from kit.compare.versions import compare_versions


def _kinds(a, b):
    return [c.kind for c in compare_versions(a, b) if c.kind != "reworded"]


def test_a_curly_quotation_closed_by_a_straight_mark_ends_there():
    a = ('\u201cWe are proud of this crew," the captain said. "We sail again in June. '
         'The boat is ready.\u201d')
    b = '\u201cWe are proud of this crew,\u201d the captain said after the race ended in Brest.'
    assert "quote_changed" not in _kinds(a, b)


def test_a_shortened_quotation_is_still_a_quote_changed():
    a = '\u201cWe are proud of this crew and of the boat," the captain said.'
    b = '\u201cWe are proud of this crew,\u201d the captain said.'
    assert _kinds(a, b) == ["quote_changed"]


def test_a_figure_in_another_house_style_is_no_misquotation():
    a = '"Our sales rose to $3.1 billion, up 14% on the year," the chief executive said.'
    b = '"Our sales rose to US$3.1 billion, up 14 per cent on the year," the chief executive said.'
    assert _kinds(a, b) == []
    c = '"Our sales rose to $3.1 billion, up 41% on the year," the chief executive said.'
    assert "quote_changed" in _kinds(a, c)


def test_a_unit_converted_by_a_copy_is_no_figure_changed():
    a = "The truck carried 2,000 pounds of grain into the valley."
    b = "The truck carried 900 kilograms of grain into the valley."
    assert _kinds(a, b) == []
    assert _kinds("The pass is 12 miles long.", "The pass is 19 kilometres long.") == []


def test_a_converted_unit_with_another_amount_is_still_a_figure_changed():
    assert "figure_changed" in _kinds("The truck carried 2,000 pounds of grain.",
                                      "The truck carried 2,000 kilograms of grain.")
    assert _kinds("The pass is 12 miles long.", "The pass is 15 miles long.") == ["figure_changed"]


def test_converted_needs_one_dimension():
    from types import SimpleNamespace as Q
    assert not converted(Q(value=5, unit="miles"), Q(value=8, unit="kilograms"))
    assert converted(Q(value=10, unit="acres"), Q(value=4, unit="hectares"))


def test_two_words_for_one_share_are_no_figure_changed():
    a = "The bank earns the majority of its income from loans to farmers."
    b = "The bank earns most of its income from loans to farmers."
    assert _kinds(a, b) == []


def test_a_bare_dateline_in_capitals_is_no_sentence_added():
    t = "LYON, France (AP)\nFloods closed the main road on Tuesday."
    units = units_of(t, [(0, 17), (18, len(t))])
    assert [stray_line(t, u) for u in units] == [True, False]


def test_a_result_moved_and_reworded_is_moved():
    a = ("The count went on late into the night. Turnout was low in the north. Observers praised the vote. "
         "Although the count was not over, the Green Party had won 61 seats and the Labour Party 47 seats.")
    b = ("Although the count was not yet over, the Green Party has won 61 seats, against the 47 won by Labour, "
         "in a house of 150. The count went on late into the night. Turnout was low in the north. "
         "Observers praised the vote.")
    kinds = _kinds(a, b)
    assert "moved" in kinds and "cut" not in kinds and "added" not in kinds


def test_the_report_dropped_while_the_spokesman_stays():
    a = ("The report said the rocket was launched from the coast and put the probe into orbit, "
         "space agency spokesman Ivo Marsh said.")
    b = "The rocket was launched from the coast. It put the probe into orbit, said Ivo Marsh, a space agency spokesman."
    assert _kinds(a, b) == ["attribution_dropped"]
    same = "The rocket was launched from the coast and put the probe into orbit, space agency spokesman Ivo Marsh said."
    assert "attribution_dropped" not in _kinds(same, b)


def test_a_distance_and_its_conversion_alone_move_no_sentence():
    a = ("The jet came down near the village of Orlo, some 30 km (19 miles) from the border. "
         "Rescuers reached the site at night. Roads were closed.")
    b = ("Rescuers reached the site at night. Roads were closed. A witness saw smoke over the fields of Vesk, "
         "about 30 km (19 miles) from the border where troops have been active.")
    assert "moved" not in _kinds(a, b)


def test_a_person_named_again_in_a_merged_sentence_keeps_the_source():
    a = ("Ten people were hurt, said Ada Okafor, the health minister. "
         "Ms Okafor said that 200 homes were flooded.")
    b = "Ada Okafor, the health minister, said that ten people were hurt and 200 homes were flooded."
    assert "attribution_dropped" not in _kinds(a, b)


def test_a_claim_cut_with_its_source_and_another_added_is_no_speaker_changed():
    a = "Lawyers argued that the driver was paid to cause the crash, but the court declined to convict him of fraud."
    b = "The court declined to convict the driver of fraud, finding him guilty only of reckless driving on the bridge."
    assert "speaker_changed" not in _kinds(a, b)
    assert _kinds("Police said three people died in the fire.", "Officials said three people died in the fire.") \
        == ["speaker_changed"]


def test_a_phrase_turned_round_around_a_role_word_is_no_label_changed():
    a = "The port has been shut for weeks, with dockers demands including higher pay."
    b = "The port has been shut for weeks, with demands from dockers that include higher pay."
    assert "label_changed" not in _kinds(a, b)
    assert _kinds("Shells were fired by militants near the town.",
                  "Shells were fired by pro-Russian militants near the town.") == ["label_changed"]
