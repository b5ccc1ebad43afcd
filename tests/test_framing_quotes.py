"""The reframer never changes a direct quotation (issue 12).

Words inside quote marks (straight or curly, over sentences and paragraphs) and the direct
quotes the attribution lens finds stay byte for byte; a label in reported speech is swapped
but carries its speaker; the narrator's own words carry speaker None. Sentences written for
these tests.
"""

from __future__ import annotations

import pytest

import kit
from kit.framing import Reframing, Swap
from kit.framing.quoted import quotation_spans
from kit.framing.widgets import LEFT_AS_SAID, reframe_html

# (text, the quoted parts that must come back unchanged, the narrator's part after reframing)
QUOTED = [
    ('"Regime forces are gone," he said.', ['"Regime forces are gone,"'], " he said."),
    ("\u201cRegime forces have fled. The terrorists are finished,\u201d a commander said. Regime forces denied it.",
     ["\u201cRegime forces have fled. The terrorists are finished,\u201d"], "Government forces denied it."),
    ('The rebels said: "Regime forces shelled us. Then the terrorists ran." Regime forces denied it.',
     ['"Regime forces shelled us. Then the terrorists ran."'], "Government forces denied it."),
    ("\u2018Regime forces left at dawn,\u2019 the mayor said. Terrorists entered at noon.",
     ["\u2018Regime forces left at dawn,\u2019"], "Rebels entered at noon."),
    ("\u2018The soldiers\u2019 regime forces left,\u2019 she said. Terrorists stayed.",
     ["\u2018The soldiers\u2019 regime forces left,\u2019"], "Rebels stayed."),
    ("\u201cWe were shelled by regime forces.\n\n\u201cThen the terrorists came,\u201d she said.\n\nRegime forces withdrew.",
     ["\u201cWe were shelled by regime forces.\n\n\u201cThen the terrorists came,\u201d"], "Government forces withdrew."),
    ("\u201cRegime forces came at night and\nthe terrorists fled,\u201d he said. Terrorists denied it.",
     ["\u201cRegime forces came at night and\nthe terrorists fled,\u201d"], "Rebels denied it."),
    ('Police called the crowd "rioters" and "thugs" on Sunday. Thugs beat two reporters.',
     ['"rioters"', '"thugs"'], "Attackers beat two reporters."),
    ("\u00abRegime forces are here\u00bb, a villager shouted. Terrorists fled.",
     ["\u00abRegime forces are here\u00bb"], "Rebels fled."),
]


@pytest.mark.parametrize("text, quotes, narrator", QUOTED, ids=[t[:30] for t, _, _ in QUOTED])
@pytest.mark.parametrize("style", ["neutral", "government", "opposition"])
def test_direct_quotations_come_back_byte_for_byte(text, quotes, narrator, style):
    r = kit.reframe(text, style)
    for q in quotes:
        assert q in r.text, f"{style}: the quotation {q!r} was changed: {r.text!r}"
        assert r.text.index(q) == text.index(q) or r.text.count(q) == text.count(q)
    for s in r.swaps:  # nothing made touches a quotation
        assert not any(text.index(q) < s.end_char and s.start_char < text.index(q) + len(q) for q in quotes)
    if style == "neutral":
        assert r.text.endswith(narrator)


def test_the_issue_example_is_left_alone():
    r = kit.reframe('"Regime forces are gone," he said.', "neutral wire")
    assert str(r) == '"Regime forces are gone," he said.' and r.swaps == ()
    [kept] = r.left_as_said
    assert (kept.old, kept.new, kept.speaker) == ("Regime forces", "Government forces", "he")
    assert r.original[kept.start_char : kept.end_char] == kept.old


def test_a_direct_quote_found_by_the_attribution_lens_without_marks_is_left_alone():
    text = "I don't think the regime will recover, said a diplomat in Beirut. The regime rejected that."
    r = kit.reframe(text, "neutral")
    quote_is_direct = any(a.kind == "direct" for a in kit.find_attributions(kit.parse(text)))
    if quote_is_direct:  # only as good as the attribution lens; marks are the sure sign
        assert r.text.startswith("I don't think the regime will recover")
    assert r.text.endswith("The government rejected that.")


@pytest.mark.parametrize("text, old, new, speaker", [
    ("The interior minister said terrorists had attacked a checkpoint.", "terrorists", "rebels", "The interior minister"),
    ("According to state media, terrorists shelled the suburb.", "terrorists", "rebels", "state media"),
    ("Terrorists shelled the suburb, the governor claimed.", "Terrorists", "Rebels", "the governor"),
    ("Witnesses said regime forces opened fire near the bridge.", "regime forces", "government forces", "Witnesses"),
])
def test_a_label_in_reported_speech_is_swapped_and_marked_with_its_speaker(text, old, new, speaker):
    r = kit.reframe(text, "neutral")
    [s] = r.swaps
    assert (s.old, s.new, s.speaker) == (old, new, speaker)
    assert r.left_as_said == ()


@pytest.mark.parametrize("text", [
    "Terrorists shelled the suburb on Monday.",
    "Regime forces withdrew from the port overnight.",
    "Police fired tear gas at rioters in the capital.",
])
def test_the_narrators_own_words_are_swapped_with_no_speaker(text):
    r = kit.reframe(text, "neutral")
    assert r.swaps and all(s.speaker is None for s in r.swaps)


def test_narrator_reported_and_quoted_in_one_text():
    text = ('Regime forces entered the town. The mayor said terrorists had fled. '
            '"Regime forces saved us," a shopkeeper said.')
    r = kit.reframe(text, "neutral")
    assert [(s.old, s.speaker) for s in r.swaps] == [("Regime forces", None), ("terrorists", "The mayor")]
    assert [s.old for s in r.left_as_said] == ["Regime forces"]
    assert r.text.endswith('"Regime forces saved us," a shopkeeper said.')
    for start, end, s in r.new_spans():
        assert r.text[start:end] == s.new


def test_swap_and_reframing_records():
    s = Swap("terrorists", "rebels", 0, 10)
    assert s.speaker is None and Swap("a", "b", 0, 1, speaker="The mayor").speaker == "The mayor"
    assert Reframing("x", "neutral").left_as_said == ()
    with pytest.raises(AttributeError):
        s.speaker = "someone"  # frozen


def test_quotation_spans():
    t = 'He said "we left. We came back" and \u201cthey\u2019re gone\u201d, not the regime\u2019s men.'
    assert [t[a:b] for a, b in quotation_spans(t)] == ['"we left. We came back"', "\u201cthey\u2019re gone\u201d"]
    open_ = "\u201cThe army left.\n\nTerrorists fled, the mayor said."
    assert [open_[a:b] for a, b in quotation_spans(open_)] == ["\u201cThe army left."]
    stray = "Terrorists came\u201d and left."
    assert [stray[a:b] for a, b in quotation_spans(stray)] == ["Terrorists came\u201d"]  # when unsure: quoted
    assert quotation_spans("The regime\u2019s forces and the soldiers\u2019 families.") == []


def test_the_reframe_view_says_whose_words_change_and_which_are_left_as_said():
    out = reframe_html('The mayor said terrorists had fled. "Regime forces saved us," a shopkeeper said.', "neutral")
    assert "changes what The mayor is reported to have said" in out
    assert LEFT_AS_SAID == "left as said: inside a quotation" and LEFT_AS_SAID in out
    assert 'data-tag="left as said"' in out


def test_the_reframe_view_escapes_a_speaker():
    out = reframe_html("<b>The mayor</b> said terrorists had fled.", "neutral")
    assert "<b>The mayor</b>" not in out


def test_the_reframe_view_does_not_say_a_quoted_text_already_uses_neutral_words():
    out = reframe_html('"Regime forces are gone," he said.', "neutral")
    assert "already uses" not in out and "Nothing changed: every label that would change is inside a quotation" in out
