"""The framing lens: labels, hidden actors, reframing, its widgets, checkers and chart.

Gold annotations are written by hand: for the seed article, every label and every clause
that hides (or names) a doer that a careful reader would mark; then sentences written for
these tests in the styles of other conflicts and protests, to show the rules are general.
Comments mark judgement calls.
"""

from __future__ import annotations

import re
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


# ---------------------------------------------------------------- seed article: hidden actors
# (words the clause contains, kind, verb lemma, patient, agent). Judgement calls:
# * "backed by", "controlled by", "published by", "issued by" are passives WITH a doer.
# * "Aleppo appears to be lost to the regime": "to the regime" says who gained, not who
#   took it; agent None.
# * "The strikes killed ...", "strikes in the area killed ...", "The latest fighting left ...
#   dead": the doer hides behind an event word. (For "The strikes killed", the sentence
#   before names the planes: a good question for class.)
# * "an injured baby girl" (an adjective) and "based in Great Britain" (no harm) are not marked.
SEED_PASSIVES = [
    ("government forces backed by Iran and Russia", "participle", "back", "government forces", "Iran and Russia"),
    ("neighborhoods controlled by Kurdish forces", "participle", "control", "neighborhoods", "Kurdish forces"),
    # the victims: both groups the sentence names
    ("The strikes killed at least 12 people", "event_subject", "kill", "at least 12 people in Aleppo and nine civilians", None),
    # the parser attaches "SANA" to the main verb, so the agent stops at "agency" (accepted)
    ("a military statement published by the official Syrian news agency", "participle", "publish",
     "a military statement", "the official Syrian news agency"),
    ("bodies lay", "intransitive", "lay", "bodies", None),
    ("vehicles were set", "passive", "set", "vehicles", None),
    ("strikes in the area killed her daughter-in-law", "event_subject", "kill", "her daughter-in-law", None),
    ("The latest fighting left more than 412 dead", "event_subject", "leave", "more than 412", None),
    ("the Russian presence had been significantly reduced", "passive", "reduce", "the Russian presence", None),
    ("Aleppo appears to be lost", "passive", "lose", "Aleppo", None),
    ("a statement issued by the US State Department", "participle", "issue", "a statement", "the US State Department"),
]


def test_seed_passives_match_the_hand_gold(seed_doc):
    found = kit.find_passives(seed_doc)
    got = [(p.kind, p.verb, p.patient, p.agent) for p in found]
    want = [(k, v, pa, ag) for _, k, v, pa, ag in SEED_PASSIVES]
    assert Counter(got) == Counter(want), (got, want)
    for words, *_ in SEED_PASSIVES:
        assert any(words in p.text or p.text in words for p in found), words


def test_passive_offsets_point_into_the_text(seed, seed_doc):
    for p in kit.find_passives(seed_doc):
        assert seed.text[p.start_char : p.end_char] == p.text
        assert p.hides_actor is (p.agent is None)
        assert ("Who did it" in p.question) or ("who caused" in p.question) or p.agent


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
    ("Jihadists stormed the military base, and dozens of soldiers were killed.",
     [("Jihadists", "opposition", "delegitimizing")]),
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


# ---------------------------------------------------------------- other conflicts: hidden actors
# Expected: [(kind, verb lemma, patient, agent)] in order.
PASSIVE_CASES = [
    # two passive clauses joined by "and": each has its own subject, even where the parser
    # hangs the second subject on the first clause's object
    ("A checkpoint was set on fire and cars were looted.",
     [("passive", "set", "A checkpoint", None), ("passive", "loot", "cars", None)]),
    ("Three demonstrators were shot dead during the crackdown.", [("passive", "shoot", "Three demonstrators", None)]),
    ("Jihadists stormed the military base, and dozens of soldiers were killed.",
     [("passive", "kill", "dozens of soldiers", None)]),
    ("Bodies lay in the streets of Bucha after Russian forces withdrew.", [("intransitive", "lay", "Bodies", None)]),
    ("An airstrike killed 14 members of one family, health officials said.",
     [("event_subject", "kill", "14 members of one family", None)]),
    ("A car bomb exploded near a market in Mogadishu.", [("intransitive", "explode", "A car bomb", None)]),
    ("The regime's brutal crackdown on the uprising has left thousands dead.",
     [("event_subject", "leave", "thousands", None)]),
    # the doer "by the militia" belongs to both verbs (judgement call)
    ("Several houses were looted and burned by the militia.",
     [("passive", "loot", "Several houses", "the militia"), ("passive", "burn", "Several houses", "the militia")]),
    ("The junta's troops were accused of massacring villagers.", [("passive", "accuse", "The junta's troops", None)]),
    ("Mosul fell to the militants in 2014.", [("intransitive", "fall", "Mosul", None)]),
    ("Two journalists were detained in Minsk on Sunday.", [("passive", "detain", "Two journalists", None)]),
    ("The village was shelled overnight by government artillery.",
     [("passive", "shell", "The village", "government artillery")]),
    # "linked to al-Shabab" is a participle without harm: not marked
    ("Extremists linked to al-Shabab attacked a hotel in Nairobi.", []),
    ("Civilians killed in the shelling were buried on Friday.",
     [("participle", "kill", "Civilians", None), ("passive", "bury", "Civilians", None)]),
    ("Israeli troops killed three Palestinian militants in a raid on Jenin, the army said.", []),
    ("Protesters died after the security operation in the capital.", [("intransitive", "die", "Protesters", None)]),
    ("The convoy was hit by a drone.", [("passive", "hit", "The convoy", "a drone")]),
    # the doer is an event ("the fighting"): named grammatically, still no person (judgement call)
    ("Thousands of people were displaced by the fighting.",
     [("passive", "displace", "Thousands of people", "the fighting")]),
    ("Police arrested 40 people who were later released.", [("passive", "release", "40 people", None)]),
    ("Prices fell sharply in March.", []),  # "fall" counts only for places
]


@pytest.mark.parametrize("text, expected", PASSIVE_CASES, ids=[t[:40] for t, _ in PASSIVE_CASES])
def test_passives_in_other_conflicts(text, expected):
    got = [(p.kind, p.verb, p.patient, p.agent) for p in kit.find_passives(kit.parse(text))]
    assert got == expected


def test_passive_kinds_filter():
    doc = kit.parse("Bodies lay in the street. Cars were burned.")
    assert [p.kind for p in kit.find_passives(doc, kinds=("passive",))] == ["passive"]


# ---------------------------------------------------------------- reframe
REFRAME_CASES = [
    ("Terrorists attacked regime forces.", "neutral", "Rebels attacked government forces."),
    ("Terrorists attacked regime forces.", "opposition view", "Revolutionaries attacked regime forces."),
    ("A terrorist aggression was repelled.", "neutral wire", "A rebel offensive was repelled."),
    ("Rebels launched a rebel offensive.", "government", "Terrorists launched a terrorist aggression."),
    ("Government forces repelled terrorist aggression.", "neutral", "Government forces repelled a rebel offensive."),
    ("An insurgent was killed at the checkpoint.", "government", "A terrorist was killed at the checkpoint."),
    ("A rebel was killed at the checkpoint.", "opposition", "A revolutionary was killed at the checkpoint."),
    ("The junta arrested protesters.", "neutral", "The military government arrested protesters."),
    ("The junta arrested protesters.", "government view", "The government arrested rioters."),
    ("Militants fired rockets from militant positions.", "opposition",
     "Resistance fighters fired rockets from resistance positions."),
    ("The riots spread to the north.", "opposition", "The uprisings spread to the north."),
    ("The riot spread.", "neutral", "The protest spread."),
    ("THE REGIME HAS FALLEN", "neutral", "THE GOVERNMENT HAS FALLEN"),
    ("Rebels Seize Aleppo In Lightning Offensive", "government", "Terrorists Seize Aleppo In Lightning Offensive"),
    ("Freedom fighters liberated the town.", "neutral", "Rebels captured the town."),
    ("The army is liberating villages.", "neutral", "The army is capturing villages."),
    ("It was an uprising, not a plot.", "government", "It was a conspiracy, not a plot."),
    ("A gunman opened fire.", "government", "A gunman opened fire."),  # no side named: unchanged
    ("The Syrian Arab Army said riot police left.", "opposition", "The Syrian Arab Army said riot police left."),
    ("The mob attacked the gunmen.", "neutral", "The crowd attacked the gunmen."),
    # judgement: a loaded verb whose neutral word is a noun phrase ("massacre" -> "mass killing")
    # is left as it is rather than turned into "mass killinged"; the noun is still swapped
    ("Troops massacred dozens of farmers.", "neutral", "Troops massacred dozens of farmers."),
    ("The massacre shocked the region.", "neutral", "The mass killing shocked the region."),
    # judgement: the state being framed is the one named most often; another country's
    # government keeps its name ("the Kenyan government" is not the regime in a story about Sudan)
    ("Sudanese army units shelled the market while the Sudanese government blamed rebels. "
     "The Kenyan government called for calm.", "opposition",
     "Sudanese regime army units shelled the market while the Sudanese regime blamed revolutionaries. "
     "The Kenyan government called for calm."),
    ("Myanmar's army raided the village.", "opposition", "Myanmar's regime army raided the village."),
    # judgement: the neutral word for "thugs" says what they did, not whose side they are on
    ("Thugs beat two reporters.", "neutral", "Attackers beat two reporters."),
]


@pytest.mark.parametrize("text, style, expected", REFRAME_CASES, ids=[f"{s}:{t[:30]}" for t, s, _ in REFRAME_CASES])
def test_reframe(text, style, expected):
    assert str(kit.reframe(text, style)) == expected


def test_reframe_reports_each_swap_with_offsets():
    text = "Terrorists attacked an army post; a terrorist aggression followed."
    r = kit.reframe(text, "neutral")
    assert r.style == "neutral" and r.original == text
    assert [(s.old, s.new) for s in r.swaps] == [("Terrorists", "Rebels"), ("terrorist aggression", "rebel offensive")]
    for s in r.swaps:
        assert text[s.start_char : s.end_char] == s.old
    for start, end, s in r.new_spans():
        assert r.text[start:end] == s.new


def test_reframe_article_change_is_one_swap():
    r = kit.reframe("He saw an insurgent.", "government")
    assert [(s.old, s.new) for s in r.swaps] == [("an insurgent", "a terrorist")]


def test_reframe_seed_article_each_style(seed, seed_doc):
    gov = kit.reframe(seed.text, "government")
    opp = kit.reframe(seed_doc, "opposition")  # a Doc works too
    neu = kit.reframe(seed.text, "neutral")
    assert "repel a rebel offensive" in neu.text
    # "regime" is left only where someone is quoted (issue 12), and each such word is reported
    regimes = [m.start() for m in re.finditer(r"\bregime\b", neu.original, re.I)]
    quoted = [i for i in regimes if any(s.start_char <= i < s.end_char for s in neu.left_as_said)]
    assert len(re.findall(r"\bregime\b", neu.text, re.I)) == len(quoted) < len(regimes)
    assert "Terrorists have captured dozens of towns" in gov.text
    assert "shock terrorist aggression" in gov.text
    assert "Revolutionaries have captured" in opp.text
    for r in (gov, opp, neu):  # the quoted words are the same in every version
        for s in r.left_as_said:
            assert s.old in r.text and r.original[s.start_char : s.end_char] == s.old
    # reframing a neutral text to neutral again changes nothing
    assert kit.reframe(neu.text, "neutral").swaps == ()
    # only label words change: the rest of the article is identical
    assert len(gov.text.split("\n")) == len(seed.text.split("\n"))


def test_reframe_unknown_style_lists_the_styles():
    with pytest.raises(InputError) as err:
        kit.reframe("Rebels took the city.", "pirate view")
    for style in ("government", "opposition", "neutral"):
        assert style in str(err.value)


def test_reframe_refuses_bad_input():
    with pytest.raises(InputError):
        kit.reframe(b"bytes", "neutral")


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
        assert heights[(actor, stance)] == n
    assert ax.get_title()


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


def test_reframer_shows_both_versions_with_changes_marked():
    w = framing_widgets.make_reframer(text="Terrorists attacked regime forces.")
    text, style, button, out = w.children
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


def test_passive_text_finishes_the_verb_phrase():
    # students read "were set on fire", not "were set"
    texts = [p.text for p in kit.find_passives(kit.parse("Two buses were set on fire. A guard was beaten to death."))]
    assert texts == ["Two buses were set on fire", "A guard was beaten to death"]
