"""The framing lens: labels, hidden actors, reframing, its widgets, checkers and chart.

Gold annotations are written by hand: for the seed article, every label and every clause
that hides (or names) a doer that a careful reader would mark; then sentences written for
these tests in the styles of other conflicts and protests, to show the rules are general.
Comments mark judgement calls.
"""

from __future__ import annotations

from collections import Counter

import pytest

import kit
from kit import framing
from kit.framing import charts as framing_charts, exercises as framing_exercises, widgets as framing_widgets
from kit.core.errors import InputError

# ---------------------------------------------------------------- seed article: labels
# (text, nth occurrence in the article, actor, stance). Judgement calls:
# * "Islamist" is marked (twice): accurate, but leading with religion is a framing choice.
# * "Kurdish forces", "combatants", "warplanes", "strikes" are NOT labels: they describe
#   without taking a side. "shock" (shock rebel offensive) is emphasis, not a side's word.
# * In "terrorist organizations" / "terrorist munitions" / "terrorist attacks" the label is
#   the word "terrorist"; in "rebel alliance/stronghold/advance(s)" it is "rebel".
# * "the Syrian government and army": "government" and "army" are two labels.
SEED_LABELS = [
    # (a snippet that occurs once in the article, the label inside it, actor, stance)
    ("start of the civil war more", "civil war", "any", "neutral"),
    ("Syrian regime forces.", "regime forces", "government", "delegitimizing"),
    ("a shock rebel offensive", "rebel offensive", "opposition", "neutral"),
    ("had seen government forces", "government forces", "government", "neutral"),
    ("civil war in the country", "civil war", "any", "neutral"),
    ("An Islamist-dominated", "Islamist", "opposition", "neutral"),
    ("rebel alliance", "rebel", "opposition", "neutral"),
    ("attacked government forces", "government forces", "government", "neutral"),
    ("The Islamist group", "Islamist", "opposition", "neutral"),
    ("allied factions", "factions", "opposition", "neutral"),
    ("Syrian government and army", "government", "government", "neutral"),
    ("government and army,", "army", "government", "neutral"),
    ("foreign-backed terrorist", "foreign-backed", "any", "delegitimizing"),
    ("backed terrorist attacks", "terrorist", "opposition", "delegitimizing"),
    ("in support of government forces", "government forces", "government", "neutral"),
    ("the rebel stronghold", "rebel", "opposition", "neutral"),
    ("helping Syrian government forces", "government forces", "government", "neutral"),
    ("repel terrorist aggression", "terrorist aggression", "opposition", "delegitimizing"),
    ("of terrorist organizations", "terrorist", "opposition", "delegitimizing"),
    ("carrying terrorist munitions", "terrorist", "opposition", "delegitimizing"),
    ("said rebel advances", "rebel", "opposition", "neutral"),
    ("The army strengthened", "army", "government", "neutral"),
    ("Rebels have captured", "Rebels", "opposition", "neutral"),
    ("the rebel advance a", "rebel", "opposition", "neutral"),
    ("the regime's weakness", "regime", "government", "delegitimizing"),
    ("lost to the regime", "regime", "government", "delegitimizing"),
    ("think the government will", "government", "government", "neutral"),
    ("a government without", "government", "government", "neutral"),
    ("functioning government", "government", "government", "neutral"),
]


def _gold_spans(text, gold):
    out = []
    for snippet, word, actor, stance in gold:
        assert text.count(snippet) == 1, snippet
        start = text.index(snippet) + snippet.index(word)
        out.append(((start, start + len(word)), word, actor, stance))
    return out


def test_seed_labels_match_the_hand_gold(seed, seed_doc):
    gold = _gold_spans(seed.text, SEED_LABELS)
    found = {(l.start_char, l.end_char): l for l in kit.find_labels(seed_doc)}
    missing = [t for (span, t, a, s) in gold if span not in found]
    assert not missing, f"labels not found: {missing}"
    extra = set(found) - {span for span, *_ in gold}
    assert not extra, f"labels a careful reader would not mark: {[found[e].text for e in extra]}"
    for span, t, actor, stance in gold:
        assert (found[span].actor, found[span].stance) == (actor, stance), t


def test_seed_labels_carry_notes_and_neutral_equivalents(seed_doc):
    labels = {l.text: l for l in kit.find_labels(seed_doc)}
    assert labels["regime forces"].neutral == "government forces"
    assert labels["terrorist aggression"].category == "event label"
    assert labels["foreign-backed"].category == "loaded adjective"
    assert all(l.note and l.source for l in labels.values())


# ---------------------------------------------------------------- other conflicts: labels
# Sentences written for these tests. Expected: [(text, actor, stance)] in order.
LABEL_CASES = [
    ("Houthi rebels fired missiles at ships in the Red Sea.", [("rebels", "opposition", "neutral")]),
    ("Myanmar's junta said its troops had repelled an attack by separatists in Shan state.",
     [("junta", "government", "delegitimizing"), ("separatists", "opposition", "neutral")]),
    ("Security forces fired tear gas at protesters in the capital.",
     [("Security forces", "government", "legitimizing"), ("protesters", "protesters", "neutral")]),
    ("Rioters torched police cars, the interior ministry said.", [("Rioters", "protesters", "delegitimizing")]),
    ("Three demonstrators were shot dead during the crackdown.",
     [("demonstrators", "protesters", "neutral"), ("crackdown", "government", "delegitimizing")]),
    # Judgement call: "jihadist" is neutral, a description wire agencies use in their own voice
    # (see its note in labels.toml); "armed opposition" too.
    ("Jihadists stormed the military base, and dozens of soldiers were killed.",
     [("Jihadists", "opposition", "neutral")]),
    ("Armed opposition fighters shelled the airport overnight.", [("Armed opposition", "opposition", "neutral")]),
    ("The army said it had neutralised 40 terrorists in the mountains.",
     [("army", "government", "neutral"), ("neutralised", "any", "legitimizing"),
      ("terrorists", "opposition", "delegitimizing")]),
    # "fighters" alone is plain description, not a label (judgement call)
    ("Kurdish fighters and Turkish-backed factions clashed near Manbij.",
     [("Turkish-backed", "any", "delegitimizing"), ("factions", "opposition", "neutral"), ("clashed", "any", "neutral")]),
    ("Freedom fighters liberated the village from the occupiers.",
     [("Freedom fighters", "opposition", "legitimizing"), ("liberated", "any", "legitimizing"),
      ("occupiers", "ally", "delegitimizing")]),
    ("Bodies lay in the streets of Bucha after Russian forces withdrew.", []),
    ("Moscow calls the war a special military operation; Kyiv calls it an invasion.",
     [("special military operation", "ally", "legitimizing"), ("invasion", "ally", "delegitimizing")]),
    ("Hamas militants crossed the border fence at dawn.", [("militants", "opposition", "neutral")]),
    ("An airstrike killed 14 members of one family, health officials said.", []),
    ("The so-called peaceful protesters were in fact paid agitators, state television claimed.",
     [("so-called", "any", "delegitimizing"), ("peaceful", "protesters", "legitimizing"),
      ("protesters", "protesters", "neutral"), ("agitators", "protesters", "delegitimizing")]),
    ("The regime's brutal crackdown on the uprising has left thousands dead.",
     [("regime", "government", "delegitimizing"), ("brutal", "any", "delegitimizing"),
      ("crackdown", "government", "delegitimizing"), ("uprising", "opposition", "legitimizing")]),
    ("Insurgents ambushed a convoy, killing six soldiers.", [("Insurgents", "opposition", "neutral")]),
    ("The junta's troops were accused of massacring villagers.",
     [("junta", "government", "delegitimizing"), ("massacring", "any", "delegitimizing")]),
    ("Government troops regained control of the town after fierce clashes with rebels.",
     [("Government", "government", "neutral"), ("clashes", "any", "neutral"), ("rebels", "opposition", "neutral")]),
    ("The dictator's heroic army crushed the mob.",
     [("dictator", "government", "delegitimizing"), ("heroic", "any", "legitimizing"),
      ("army", "government", "neutral"), ("mob", "protesters", "delegitimizing")]),
    # "riot police" is a kind of police, not a riot: not a label (lexicon [ignore])
    ("Pro-democracy activists said riot police beat peaceful demonstrators.",
     [("Pro-democracy activists", "protesters", "legitimizing"), ("peaceful", "protesters", "legitimizing"),
      ("demonstrators", "protesters", "neutral")]),
    ("Extremists linked to al-Shabab attacked a hotel in Nairobi.", [("Extremists", "any", "delegitimizing")]),
    ("A terrorist group claimed responsibility for the massacre.",
     [("terrorist", "opposition", "delegitimizing"), ("massacre", "any", "delegitimizing")]),
    ("The unrest spread to other cities as the government blamed foreign-backed saboteurs.",
     [("unrest", "protesters", "neutral"), ("government", "government", "neutral"),
      ("foreign-backed", "any", "delegitimizing"), ("saboteurs", "protesters", "delegitimizing")]),
    ("Sudan's army and the Rapid Support Forces have fought a civil war since April 2023.",
     [("army", "government", "neutral"), ("civil war", "any", "neutral")]),
    ("A mujahideen commander praised the martyrs of the revolution.",
     [("mujahideen", "opposition", "legitimizing"), ("martyrs", "any", "legitimizing"),
      ("revolution", "opposition", "legitimizing")]),
    # a proper name is not relabelled: "the Syrian Arab Army" is a name (judgement call)
    ("The Syrian Arab Army said it had retaken the town.", []),
    ("REBELS SEIZE KEY CITY AS REGIME FORCES FLEE", [("REBELS", "opposition", "neutral"),
                                                   ("REGIME FORCES", "government", "delegitimizing")]),
    ("Loyalist militias and armed groups traded fire in Tripoli.",
     [("Loyalist", "government", "neutral"), ("militias", "any", "neutral"), ("armed groups", "any", "neutral")]),
    ("Police called it a law enforcement operation against radical thugs.",
     [("law enforcement operation", "government", "legitimizing"), ("radical", "any", "delegitimizing"),
      ("thugs", "any", "delegitimizing")]),
    ("Villagers described a massacre; the military spoke of collateral damage.",
     [("massacre", "any", "delegitimizing"), ("collateral damage", "any", "legitimizing")]),
]


@pytest.mark.parametrize("text, expected", LABEL_CASES, ids=[t[:40] for t, _ in LABEL_CASES])
def test_labels_in_other_conflicts(nlp, text, expected):
    got = [(l.text, l.actor, l.stance) for l in kit.find_labels(kit.parse(text))]
    assert got == expected


def test_labels_match_inflected_and_multiword_forms_not_substrings():
    text = "The terrorists' terrorism and a regime-change plan; rebellions; the Rebel."
    got = [l.text for l in kit.find_labels(kit.parse(text))]
    assert "terrorists" in got and "rebellions" in got and "Rebel" in got
    assert "terrorism" not in got  # not a substring match of "terrorist"


def test_labels_filter_by_category():
    doc = kit.parse("Brutal terrorists launched an offensive and a massacre.")
    got = [l.text for l in kit.find_labels(doc, categories=("loaded adjective",))]
    assert got == ["Brutal"]


def test_lexicon_entries_are_complete():
    entries, ignored = framing.load_lexicon()
    assert len(entries) >= 60 and ignored
    for e in entries:
        assert e.terms and e.note and e.source
        assert e.stance in framing.STANCES
        assert e.category in {"actor label", "event label", "loaded adjective", "euphemism"}
        assert e.actor in {"government", "opposition", "ally", "protesters", "any"}
    words = {t.lower() for e in entries for t in e.terms}
    for needed in ["militant", "insurgent", "jihadist", "freedom fighter", "separatist", "regime", "junta",
                   "security forces", "crackdown", "liberation", "massacre", "clash", "unrest"]:
        assert needed in words, needed


def test_lexicon_errors_are_readable(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[label]]\nterms = ["x"]\nactor = "any"\nstance = "angry"\ncategory = "c"\nnote = "n"\nsource = "s"\n')
    with pytest.raises(InputError, match="stance must be one of"):
        framing.load_lexicon(str(bad))


def test_finders_refuse_a_string_with_a_message():
    with pytest.raises(InputError, match="kit.parse"):
        kit.find_labels("Rebels took the city.")
    with pytest.raises(InputError, match="kit.parse"):
        kit.find_passives("Rebels took the city.")


# ---------------------------------------------------------------- chart


def test_label_chart_counts_by_actor_and_stance(seed_doc):
    labels = kit.find_labels(seed_doc)
    fig = framing_charts.framing_labels_chart(labels)
    ax = fig.axes[0]
    heights = {}
    for container, stance in zip(ax.containers, framing.STANCES):
        for bar, actor in zip(container, [t.get_text() for t in ax.get_yticklabels()]):
            heights[(actor, stance)] = bar.get_width()
    gold = Counter((a, s) for *_, a, s in SEED_LABELS)
    for (actor, stance), n in gold.items():
        assert heights[(framing_charts.ACTOR_NAMES[actor], stance)] == n
    assert ax.get_title()
    # plain words and a text mark in the legend, never the technical word alone
    names = [t.get_text() for t in fig.legends[0].get_texts()]  # below the plot (issue 26)
    assert names == ["\u2212 paints them as illegitimate", "= neutral", "+ paints them as legitimate"]


@pytest.mark.parametrize("labels", [[], None])
def test_label_chart_shows_as_a_picture_in_a_notebook(labels, seed_doc):
    # a bare matplotlib Figure shows as the text "<Figure size 700x320 with 1 Axes>" in Voila
    fig = framing_charts.framing_labels_chart(kit.find_labels(seed_doc) if labels is None else labels)
    png = fig._repr_png_()
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000


def test_label_chart_with_no_labels_says_so():
    fig = framing_charts.framing_labels_chart([])
    assert "No labels" in fig.axes[0].texts[0].get_text()


# ---------------------------------------------------------------- widgets


def test_label_viewer_colours_by_stance_and_filters():
    w = framing_widgets.make_label_viewer()
    text, show, out = w.children
    assert 'data-tag="delegitimizing"' in out.value and 'data-tag="neutral"' in out.value
    show.value = ("delegitimizing",)
    assert 'data-tag="neutral"' not in out.value and "regime forces" in out.value
    text.value = "Terrorists & <b>rebels</b> clashed."
    assert "&lt;b&gt;" in out.value and "<b>rebels" not in out.value
    text.value = ""
    assert "kit-msg" in out.value


def test_label_viewer_is_live_and_speaks_plainly():
    w = framing_widgets.make_label_viewer(text="")
    text, show, out = w.children
    assert text.continuous_update  # analysed while typing (after a pause), not only on leaving the box
    text.value = "Terrorists attacked the regime's army. Rebels liberated the town."
    assert 'data-tag="delegitimizing"' in out.value
    # stance as a text mark on each span and in the legend, besides the colour
    assert 'data-cue="\u2212"' in out.value and 'data-cue="+"' in out.value
    assert "paints them as illegitimate (delegitimizing)" in out.value
    assert "..</" not in out.value and ".. " not in out.value.replace("...", "")
    labels = [o[0] for o in show.options]
    assert all("(" in l or ":" in l for l in labels)  # every technical word glossed


def test_debounce_waits_for_a_pause_in_a_running_loop(monkeypatch):
    import asyncio
    import threading
    import types

    import IPython

    # Debouncing happens only in a Jupyter kernel: pretend to be one. The loop runs in its own
    # thread, because a browser test's driver may already run an event loop in this one.
    monkeypatch.setattr(IPython, "get_ipython", lambda: types.SimpleNamespace(kernel=object()))
    calls, seen = [], {}
    f = framing_widgets.debounced(lambda v: calls.append(v), 0.05)

    async def typing():
        for ch in "abc":
            f(ch)
            await asyncio.sleep(0.01)
        seen["while typing"] = list(calls)
        await asyncio.sleep(0.15)

    thread = threading.Thread(target=lambda: asyncio.run(typing()))
    thread.start()
    thread.join(10)
    assert seen["while typing"] == [] and calls == ["c"]


def test_debounce_runs_at_once_outside_a_kernel():
    calls = []
    f = framing_widgets.debounced(lambda v: calls.append(v), 0.05)
    f("a")
    assert calls == ["a"]


def test_framing_buttons_are_wide_enough():
    import ipywidgets as W

    for w in (framing_widgets.make_reframer(text="Rebels fled."), framing_widgets.make_passive_spotter(text="Cars were burned.")):
        for b in (c for c in w.children if isinstance(c, W.Button)):
            assert b.layout.width == "auto", b.description
    style = framing_widgets.make_reframer(text="Rebels fled.").children[1]
    assert style.style.button_width == "auto"


@pytest.mark.parametrize("text, phrase", [
    ("Rebels fled.", "calls someone \u201crebels\u201d"),
    ("Fighters liberated the town.", "says they \u201cliberated\u201d a place"),
    ("Troops neutralized them.", "uses the verb \u201cneutralized\u201d"),
    ("A brutal attack.", "describes someone as \u201cbrutal\u201d"),
    ("It was a massacre.", "calls what happened \u201cmassacre\u201d"),
])
def test_usage_phrase_fits_the_kind_of_word(text, phrase):
    from kit.framing.labels import usage_phrase

    assert usage_phrase(kit.find_labels(kit.parse(text))[0]) == phrase


def test_label_tooltips_are_plain_sentences(seed_doc):
    for lab in kit.find_labels(seed_doc):
        tip = framing.label_tooltip(lab)
        assert ".." not in tip.replace("...", ""), tip
        assert tip.endswith((".", "?", "!")) and "actor label" not in tip and "names: " not in tip, tip
        if lab.stance != "neutral":
            assert f"({lab.stance})" in tip  # the technical word only as a gloss


def test_reframer_shows_both_versions_with_changes_marked():
    w = framing_widgets.make_reframer(text="Terrorists attacked regime forces.")
    text, style, _sources, button, out = w.children
    style.value = "neutral"
    button.click()
    assert "Rebels" in out.value and "Terrorists" in out.value and "government forces" in out.value
    assert out.value.count("<mark") >= 4  # two old words, two new words
    style.value = "opposition"
    button.click()
    assert "Revolutionaries" in out.value
    text.value = "x" * (kit.MAX_CHARS + 1)
    button.click()
    assert "kit-msg-error" in out.value and "Traceback" not in out.value


def test_passive_spotter_asks_who_did_it_and_checks_guesses():
    w = framing_widgets.make_passive_spotter(text="Vehicles were set on fire. Police arrested two men.")
    pick, guess, button, out = w.children
    assert len(pick.options) == 1 and "Vehicles were set" in pick.options[0][0]
    assert "Who did it" in out.value
    guess.value = "I cannot tell from the sentence"
    button.click()
    assert "kit-msg-success" in out.value
    guess.value = "the police"
    button.click()
    assert "kit-msg-warning" in out.value


# ---------------------------------------------------------------- checkers


@pytest.mark.parametrize(
    "answer, ok, words",
    [
        ("regime forces", True, "Well done"),
        ("Regime forces.", True, "Well done"),
        ("government forces", False, "neutral"),
        ("rebel offensive", False, "opposition"),
        ("xyz", False, "Who is named how?"),
        (..., False, "not answered"),
    ],
)
def test_check_loaded_label(answer, ok, words):
    fb = framing_exercises.framing_loaded_label(answer)
    assert fb.passed is ok and words in fb.message


@pytest.mark.parametrize(
    "answer, ok, words",
    [
        ({"regime forces", "government forces", "the army"}, True, "Well done"),
        (["regime forces", "government forces", "army"], True, "Well done"),
        (["regime forces", "government forces"], False, "army"),
        (["regime forces", "government forces", "army", "rebels"], False, "rebels"),
        ("regime forces", False, "list"),
        (..., False, "not answered"),
    ],
)
def test_check_same_side(answer, ok, words):
    fb = framing_exercises.framing_same_side(answer)
    assert fb.passed is ok and words in fb.message


@pytest.mark.parametrize(
    "answer, ok, words",
    [
        ("vehicles were set on fire", True, "Well done"),
        ("Vehicles were set on fire in the street", True, "Well done"),
        ("bodies lay in a hospital", True, "Well done"),
        ("The army strengthened its positions", False, "doer"),
        ("nothing", False, "Who did it"),
    ],
)
def test_check_hidden_actor(answer, ok, words):
    fb = framing_exercises.framing_hidden_actor(answer)
    assert fb.passed is ok and words in fb.message


@pytest.mark.parametrize(
    "answer, ok, words",
    [
        ("Rebels captured the town.", True, "Well done"),
        ("The rebels seized the city", True, "Well done"),
        ("Terrorists captured the town.", False, "terrorist"),
        ("Freedom fighters liberated the town.", False, "freedom fighter"),
        ("", False, "not answered"),
    ],
)
def test_check_neutral_rewrite(answer, ok, words):
    fb = framing_exercises.framing_neutral_rewrite(answer)
    assert fb.passed is ok and words.lower() in fb.message.lower()
