"""compare_versions patterns seen in versions batch J (sentences of our own)."""

from kit.compare.versions import compare_versions


def _kinds(a, b):
    return [c.kind for c in compare_versions(a, b) if c.kind != "reworded"]


def test_dateline_split_from_its_sentence_is_no_sentence():
    a = "(AP) --\n\nThe mayor of a small town was cleared of fraud on Monday. He had served two terms."
    b = "SPRINGFIELD, Ill. (WXYZ/AP) --\n\nThe mayor of a small town was cleared of fraud on Monday. He had served two terms."
    assert _kinds(a, b) == []
    assert _kinds(b.replace(" --", " \u2014"), a) == []


def test_currency_code_after_the_sign_is_the_same_figure():
    a = "The firm agreed a $12.5 billion purchase of a rival on Monday. It raised its offer by more than $3 billion."
    b = ("The firm agreed a $US12.5 billion ($A18.2 billion) purchase of a rival on Monday. "
         "It raised its offer by more than $US3 billion.")
    assert _kinds(a, b) == []


def test_currency_code_after_the_sign_still_shows_a_changed_figure():
    a = "The firm paid $12.5 billion for its rival."
    b = "The firm paid $US14.5 billion for its rival."
    assert _kinds(a, b) == ["figure_changed"]


def test_a_decimal_written_so_the_lens_does_not_read_it_is_no_figure_changed():
    a = "The group will buy the 61.3-percent of the firm it does not own yet."
    b = "The group will buy the 61.3-per cent of the firm it does not own yet."
    assert _kinds(a, b) == []


def test_initials_of_a_source_are_no_source_dropped():
    a = "The Supreme Court has declined to hear the appeal of a former state senator convicted of bribery."
    b = "The U.S. Supreme Court has rejected the appeal of a former state senator convicted of bribery."
    assert "attribution_dropped" not in _kinds(a, b)


def test_a_creed_word_cut_before_a_name_is_a_label_change():
    a = "Islamist Ansar Dine militants seized the town on Sunday, residents said."
    b = "Ansar Dine militants seized the town on Sunday, residents said."
    assert _kinds(a, b) == ["label_changed"]
