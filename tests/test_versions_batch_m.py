"""compare_versions patterns seen in versions batch M (sentences of our own)."""

from kit.compare.versions import compare_versions


def _kinds(a, b):
    return [c.kind for c in compare_versions(a, b) if c.kind != "reworded"]


def test_an_editors_bracketed_word_in_a_quotation_is_no_misquotation():
    a = 'The coach said the team had "held on in second half and deserved the win."'
    b = 'The coach said the team had "held on in (the) second half and deserved the win"'
    assert "quote_changed" not in _kinds(a, b)
    c = 'The coach said the team had "held on in [the] second half and earned the win"'
    assert "quote_changed" in _kinds(a, c)


def test_ticked_up_to_a_figure_is_where_it_went_not_a_ceiling():
    a = "Inflation in the province ticked up to 4 percent in March, the statistics office said."
    b = "The statistics office said a small rise in inflation in the province to 4 percent in March."
    assert "figure_changed" not in _kinds(a, b)
    c = "Up to 40 homes in the valley were flooded on Sunday."
    d = "Forty homes in the valley were flooded on Sunday."
    assert "figure_changed" in _kinds(c, d)


def test_identical_texts_still_give_no_changes():
    a = 'Prices edged up to 3 percent, "a small (but real) rise," the minister said.'
    assert not list(compare_versions(a, a))


def test_who_backs_a_side_given_or_taken_away_is_a_label_change():
    a = "A Turkish-backed militia said on Friday that it had taken the bridge."
    b = "A militia said on Friday that it had taken the bridge."
    assert "label_changed" in _kinds(a, b)
    c = "The state-run broadcaster showed the flood on Friday."
    d = "The broadcaster showed the flood on Friday."
    assert "label_changed" in _kinds(c, d)
    e = "A well-run shelter took in the families on Friday."
    f = "A shelter took in the families on Friday."
    assert "label_changed" not in _kinds(e, f)
