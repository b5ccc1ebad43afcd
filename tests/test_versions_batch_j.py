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
