"""compare_versions patterns seen in versions batch K (sentences of our own)."""

from kit.compare.versions import compare_versions


def _kinds(a, b):
    return [c.kind for c in compare_versions(a, b) if c.kind != "reworded"]


def test_titles_of_works_set_without_marks_are_no_quote_marks_lost():
    a = ('The singer toured for decades and recorded "Rivers of the North," "Night Train to Lyon" and '
         '"A Song for the Harbour" in the same year.')
    b = ('The singer toured for decades and recorded Rivers of the North, Night Train to Lyon and '
         'A Song for the Harbour in the same year.')
    assert _kinds(a, b) == []
    assert _kinds(b, a) == []


def test_spoken_words_set_without_marks_are_still_quote_marks_lost():
    a = 'The coach said "we played badly and we lost the match" after the game on Sunday.'
    b = 'The coach said we played badly and we lost the match after the game on Sunday.'
    assert _kinds(a, b) == ["quote_marks_lost"]


def test_a_title_is_no_misquote_of_another_quotation():
    a = 'She starred in "The Long Way Home," a film about exiles, and in two plays.'
    b = 'She starred in The Long Way Home, a film critics called "the way home" for exiles, and in two plays.'
    assert "quote_changed" not in _kinds(a, b)


def test_dateline_whose_dash_became_a_quotation_mark_is_no_sentence():
    a = 'LAGOS, Nigeria (AP) "\n\nA ferry carrying traders sank on a river on Tuesday. Ten people were rescued.'
    b = 'LAGOS \u2013 A ferry carrying traders sank on a river on Tuesday. Ten people were rescued.'
    assert _kinds(a, b) == []


def test_a_dateline_and_ticker_before_a_company_are_no_speaker_changed():
    a = ("OSLO (Reuters) - Fjordline Ltd reported a smaller quarterly loss on Tuesday as cost cuts began "
         "to pay off.")
    b = ("OSLO, Norway and BERGEN -- Fjordline (FJRD) reported a smaller quarterly loss Tuesday as cost cuts "
         "began to pay off.")
    assert "speaker_changed" not in _kinds(a, b)


def test_a_dateline_and_ticker_before_a_company_the_lens_missed_are_no_speaker_changed():
    a = "OSLO (Reuters) - Fjordline Ltd reported a smaller quarterly loss on Tuesday."
    b = "OSLO, Norway and BERGEN -- Fjordline (FJRD) reported a smaller quarterly loss Tuesday."
    assert "speaker_changed" not in _kinds(a, b)
