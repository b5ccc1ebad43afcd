"""The attribution lens grows about linearly with the text (issue 13: at 100,000 characters
"Police said officials said ..." took most of a minute, one long sentence or "according to"
repeated half a minute).

Small sizes, generous ratios: a quadratic step makes 4x the text cost about 16x the time,
a linear one about 4x; the tests fail only well above linear. Beside the timings, checks
that the windowed steps look at a bounded number of things.
"""

from __future__ import annotations

import functools

import pytest
from conftest import best_seconds

import kit
from kit.attribution import index as attribution_index
from kit.attribution.speakers import SpeakerHistory
from kit.attribution.summaries import MAX_INSIDE, _inner

SMALL, BIG = 3_000, 12_000  # characters; BIG is 4x SMALL


def _text(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n].strip()


@functools.cache
def _docs(unit: str):
    """The unit repeated to SMALL and to BIG characters, parsed (once for all finders)."""
    return kit.parse(_text(unit, SMALL)), kit.parse(_text(unit, BIG))


def _fresh(doc):
    """Forget what the lens remembered about ``doc`` (its results and its index)."""
    for key in [k for k in doc.user_data if isinstance(k, tuple) and k and k[0] == "kit.attributions"]:
        del doc.user_data[key]
    attribution_index._INDEXES.pop(doc, None)
    return doc


def _seconds(fn, doc) -> float:
    return best_seconds(fn, doc, runs=3, reset=_fresh)


FINDERS = {
    "find_attributions": kit.find_attributions,
    "find_unattributed": kit.find_unattributed,
    "source_map": kit.attribution.source_map,
}

UNITS = [
    "Police said officials said ",  # cues nested thousands deep
    "the army said that rebels claimed that ",  # one very long sentence of clauses
    "according to police the road was closed and ",  # "according to" in one long sentence
    "According to police, six people were killed. ",
    '"We will not leave this place," he said. She said it was false. ',  # quotes, pronouns
    'He said: "No comment at all." It said (again) that it had [not] ',  # colon quotes, brackets
    "al-Assad said Syrian President Bashar al-Assad said ",  # surnames and their full mentions
    "The workers, the union said, had not been paid, ",  # parenthetical cues
]


@pytest.mark.parametrize("finder", list(FINDERS))
@pytest.mark.parametrize("unit", UNITS)
def test_attribution_lens_grows_about_linearly(finder, unit):
    fn = FINDERS[finder]
    small, big = _docs(unit)
    fn(small)  # warm the caches (word lists, matchers)
    ratio = _seconds(fn, big) / _seconds(fn, small)
    assert ratio < 10, f"{finder} on {unit!r}: 4x the text took {ratio:.1f}x the time"


def test_long_nested_chain_is_found_and_its_hover_text_stays_short():
    doc = kit.parse(_text("Police said officials said ", 2_000))
    atts = kit.find_attributions(doc)
    assert len(atts) > 100
    assert atts[0].content.startswith("officials said Police said")
    first = next(h for h in kit.attribution.source_map(doc) if h.start_char == 0)
    assert first.tooltip.count("inside:") == MAX_INSIDE
    assert first.tooltip.endswith("and more inside")


def test_inner_stops_looking_once_enough_are_found():
    atts = kit.find_attributions(kit.parse(_text("Police said officials said ", 2_000)))
    assert all(len(found) <= MAX_INSIDE + 1 for found in _inner(atts))


def test_pronoun_look_up_reads_only_the_window():
    class Counting(dict):
        reads = 0

        def __getitem__(self, key):
            Counting.reads += 1
            return super().__getitem__(key)

    history = SpeakerHistory(window=3)
    history._last = Counting()
    for unit in range(5_000):
        history.add(unit, f"speaker {unit}", speaker_start=10 * unit, speaker_end=10 * unit + 5)
    Counting.reads = 0
    assert history.antecedent(4_000, pronoun_start=40_001) == "speaker 3999"
    assert Counting.reads <= 3


@pytest.mark.parametrize("window, he_is", [(0, None), (2, None), (3, "The army"), (10**9, "The army")])
def test_the_window_bounds_how_far_back_a_pronoun_looks(window, he_is):
    text = ("The army said the bridge was safe. The town was quiet. The road was open. He said the town "
            "had fallen. The mayor said the school was closed, and she said it would reopen.")
    atts = kit.find_attributions(kit.parse(text), window=window)
    assert [a.speaker for a in atts if a.resolved_from == "she"] == ["The mayor"]  # same sentence: any window
    assert [a.speaker for a in atts if a.resolved_from == "He"] == ([he_is] if he_is else [])
