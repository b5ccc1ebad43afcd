"""compare_versions patterns seen in versions batch H (sentences of our own)."""

from kit.compare.versions import compare_versions


def _kinds(a, b):
    return [c.kind for c in compare_versions(a, b) if c.kind != "reworded"]


def test_body_named_more_fully_is_the_same_speaker():
    a = "Flooding closed two bridges on Monday, Peru's transport ministry said."
    b = "Flooding closed two bridges on Monday, the Federal Republic of Peru's transport ministry said."
    assert "speaker_changed" not in _kinds(a, b)


def test_plural_role_for_a_titled_role_is_the_same_speaker():
    a = "A Harbour Patrol Unit officer said nine boats had sunk near the pier."
    b = "The officers said nine boats had sunk near the pier."
    assert "speaker_changed" not in _kinds(a, b)


def test_person_for_a_body_is_still_a_change():
    a = "Transport spokesman Lee Varga said nine boats had sunk near the pier."
    b = "The transport ministry said nine boats had sunk near the pier."
    assert "speaker_changed" in _kinds(a, b)


def test_mixed_quote_marks_are_one_quotation():
    a = 'The storm passed at noon.\n\n"We lost the roof and the barn,\u201d said farmer Ada Moss.'
    b = 'The storm passed at noon.\n\n\u201cWe lost the roof and the barn,\u201d said farmer Ada Moss.'
    assert _kinds(a, b) == []


def test_wh_subheading_is_not_an_added_sentence():
    a = "The council met on Tuesday.\n\nThe mayor said the budget would pass."
    b = "The council met on Tuesday.\n\nWhat the mayor said\n\nThe mayor said the budget would pass."
    assert _kinds(a, b) == []


def test_slash_dateline_starts_its_sentence():
    a = "LIMA //\nHeavy rain closed the coastal road on Friday.\n\nTraffic was diverted."
    b = "Heavy rain closed the coastal road on Friday.\n\nTraffic was diverted."
    assert "cut" not in _kinds(a, b)


def test_actor_explaining_itself_does_not_replace_the_source():
    a = "Norway's state oil fund sold its shares in the miner on Friday, the fund's ethics council said."
    b = "Norway's state oil fund sold its shares in the miner on Friday, saying the risks were too high."
    kinds = _kinds(a, b)
    assert "speaker_changed" not in kinds and "attribution_dropped" in kinds
