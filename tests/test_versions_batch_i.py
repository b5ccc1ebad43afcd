"""compare_versions patterns seen in versions batch I (sentences of our own)."""

from kit.compare.version_align import best_pairs
from kit.compare.versions import compare_versions


def _kinds(a, b):
    return [c.kind for c in compare_versions(a, b) if c.kind != "reworded"]


def test_pair_at_exactly_the_threshold_is_kept():
    assert best_pairs([[0.1, 0.2], [0.3, 0.5]], 0.5) == [(1, 1)]
    assert best_pairs([[0.5, 0.2], [0.3, 0.5]], 0.5) == [(0, 0), (1, 1)]


def test_bare_link_is_no_added_sentence():
    a = "The council met on Tuesday. It approved the budget."
    b = "The council met on Tuesday. It approved the budget. https://example.com/council-budget-2024"
    assert _kinds(a, b) == []
    assert _kinds(a, a + "\n\nwww.example.org/budget") == []


def test_a_sentence_with_a_link_is_still_a_sentence():
    a = "The council met on Tuesday."
    b = "The council met on Tuesday. The full budget is at https://example.com/budget for anyone to read."
    assert _kinds(a, b) == ["added"]


def test_place_and_agency_line_is_a_dateline():
    a = "Lagos - NAN\nThe governor opened the new bridge on Sunday, officials said."
    b = "The governor opened the new bridge on Sunday, officials said."
    assert _kinds(a, b) == []
    assert _kinds(b, "BEIRUT \u2013 AFP\n" + b) == []


def test_two_sentences_joined_into_one_are_no_cut():
    a = ("Rescue teams searched the valley on Sunday. The flood tore away the bridge near the old Carter Mill and cut "
         "the village off from the main road. The village's only clinic was closed on Monday. Volunteers brought food "
         "by boat.")
    b = ("Rescue teams searched the valley on Sunday. With its bridge and road cut by the flood, the remote village's "
         "only clinic was closed on Monday. Volunteers brought food by boat.")
    assert _kinds(a, b) == []


def test_unrelated_neighbour_of_a_joined_pair_is_still_cut():
    a = ("Rescue teams searched the valley on Sunday. The village's only clinic was closed on Monday. The mayor "
         "promised a new hospital by next spring. Volunteers brought food by boat.")
    b = ("Rescue teams searched the valley on Sunday. With its road cut by the flood, the remote village's only clinic "
         "was closed on Monday. Volunteers brought food by boat.")
    assert _kinds(a, b) == ["cut"]


def test_army_and_military_are_one_source():
    a = "Troops drove the raiders back across the river, the military statement said."
    b = "Troops drove the raiders back across the river, the army statement said."
    assert "speaker_changed" not in _kinds(a, b)
    c = "Troops drove the raiders back across the river, the rebels' statement said."
    assert "speaker_changed" in _kinds(a, c)


def test_short_subheading_in_sentence_case_is_no_added_sentence():
    a = "The river burst its banks on Friday.\n\nAbout 40 roads are shut across the county."
    b = "The river burst its banks on Friday.\n\nRoads to be closed\n\nAbout 40 roads are shut across the county."
    assert _kinds(a, b) == []
    c = "The river burst its banks on Friday.\n\nThe mayor resigned.\n\nAbout 40 roads are shut across the county."
    assert _kinds(a, c) == ["added"]


def test_one_big_figure_told_elsewhere_is_a_moved_sentence():
    a = ("The city finished the housing plan in May. Builders handed over the last flats on time. "
         "That's 12,400 more homes than the plan set out. The mayor thanked the crews.")
    b = ("The plan beat its target by 12,400 homes, the city's figures show. The city finished the housing plan in May. "
         "Builders handed over the last flats on time. The mayor thanked the crews.")
    kinds = _kinds(a, b)
    assert "moved" in kinds and "cut" not in kinds and "added" not in kinds


def test_a_year_moves_nothing():
    a = "Rain fell all day. The dam was built in 1998. Crews checked it at dawn."
    b = "Crews checked it at dawn. Rain fell all day. Its old gates date from 1998 and were replaced."
    found = {(c.kind, c.a_text or c.b_text) for c in compare_versions(a, b)}
    assert ("cut", "The dam was built in 1998.") in found
    assert ("added", "Its old gates date from 1998 and were replaced.") in found


def test_a_big_figure_in_a_third_sentence_moves_nothing():
    a = "About 12,400 homes were planned. Builders worked all year. That's 12,400 more than before."
    b = "About 12,400 homes were planned. The target of 12,400 was beaten, officials said. Builders worked all year."
    assert "moved" not in _kinds(a, b)
