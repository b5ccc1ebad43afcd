"""bench/score_dev.py's matching on tiny hand-made gold/found pairs, and the dev set's files.

The kit is not run here: the scorer's rules are tested on plain dicts, so a change in a lens
cannot hide a bug in the scorer, and the dev set's offsets and metadata are checked as data.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "bench" / "dev"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


sd = _load("score_dev", ROOT / "bench" / "score_dev.py")
annotate = _load("dev_annotate", DEV / "annotate.py")

TEXT = 'Officials say five people were killed. "It was bad," a resident said.'


def gold_att(speaker, heads, cue, content, **kw):
    g = {"speaker": speaker, "heads": heads, "cue": cue, "content": content, "kind": "indirect",
         "source_type": "official", "comment": ""}
    g.update(kw)
    return annotate.fill({"id": "t", "attributions": [g]}, TEXT)["attributions"][0]


def found_att(speaker, cue, content, *, resolved_from=None, source_type="official", kind="indirect"):
    ss = TEXT.find(resolved_from or speaker)
    cs = TEXT.find(cue)
    ts = TEXT.find(content)
    return {"speaker": speaker, "resolved_from": resolved_from, "cue": cue, "content": content, "kind": kind,
            "source_type": source_type, "speaker_start": ss, "speaker_end": ss + len(resolved_from or speaker),
            "cue_start": cs, "cue_end": cs + len(cue), "content_start": ts, "content_end": ts + len(content)}


# ---------------------------------------------------------------- attributions

def test_attribution_matches_on_head_and_overlap():
    g = gold_att("Officials", ["officials"], "say", "five people were killed")
    p = found_att("Officials", "say", "five people were killed")
    r = sd.match_attributions([g], [p])
    assert len(r["matched"]) == 1 and not r["misses"] and not r["extras"]


def test_attribution_partial_content_overlap_is_enough():
    g = gold_att("Officials", ["officials"], "say", "five people were killed")
    p = found_att("Officials", "say", "five people")
    assert len(sd.match_attributions([g], [p])["matched"]) == 1


def test_attribution_cue_overlap_alone_is_enough():
    g = gold_att("Officials", ["officials"], "say", "five people were killed")
    p = found_att("Officials", "say", "It was bad")  # wrong content, same cue span
    p["cue_start"], p["cue_end"] = TEXT.find("say"), TEXT.find("say") + 3
    assert len(sd.match_attributions([g], [p])["matched"]) == 1


def test_attribution_wrong_head_is_a_miss_and_a_false_positive():
    g = gold_att("Officials", ["officials"], "say", "five people were killed")
    p = found_att("people", "say", "five people were killed")
    r = sd.match_attributions([g], [p])
    assert not r["matched"] and len(r["misses"]) == 1 and len(r["extras"]) == 1
    groups = sd.error_patterns([("t", TEXT, {"attributions": r, "figures": sd.match_figures([], []),
                                             "passives": sd.match_passives([], [])})])
    assert "attribution: span found, speaker head differs" in groups


def test_attribution_no_overlap_is_no_match():
    g = gold_att("Officials", ["officials"], "say", "five people were killed")
    p = found_att("resident", "said", "It was bad")
    r = sd.match_attributions([g], [p])
    assert not r["matched"] and len(r["misses"]) == 1 and len(r["extras"]) == 1


def test_attribution_pronoun_resolved_name_or_pronoun_both_count():
    g = gold_att("a resident", ["resident"], "said", "It was bad", kind="direct")
    p = found_att("Jane Doe", "said", "It was bad", resolved_from="a resident")
    assert len(sd.match_attributions([g], [p])["matched"]) == 1


def test_head_words_ignore_dots_and_case():
    assert sd.head_ok({"heads": ["U.N."]}, {"speaker": "the UN refugee agency", "resolved_from": None})
    assert sd.head_ok({"heads": ["un"]}, {"speaker": "The U.N.", "resolved_from": None})
    assert not sd.head_ok({"heads": ["council"]}, {"speaker": "the Taliban", "resolved_from": None})


def test_optional_gold_is_neither_miss_nor_false_positive():
    g = gold_att("Officials", ["officials"], "say", "five people were killed", optional=True)
    r = sd.match_attributions([g], [found_att("Officials", "say", "five people were killed")])
    assert not r["matched"] and not r["misses"] and not r["extras"]
    r = sd.match_attributions([g], [])
    assert not r["misses"]


def test_greedy_pairs_largest_overlap_first():
    g1 = gold_att("Officials", ["officials"], "say", "five people were killed")
    g2 = gold_att("a resident", ["resident"], "said", "It was bad")
    p1 = found_att("a resident", "said", "It was bad")
    p2 = found_att("Officials", "say", "five people were killed")
    r = sd.match_attributions([g1, g2], [p1, p2])
    assert {(g["speaker"], p["speaker"]) for g, p in r["matched"]} == {("Officials", "Officials"), ("a resident", "a resident")}


def test_source_type_mapping_and_accuracy():
    assert sd.kit_type("international_body") == "organisation"
    assert sd.kit_type("ngo") == "organisation"
    assert sd.kit_type("politician") == "other"
    assert sd.kit_type("official") == "official"
    assert sd.kit_type("something_new") == "other"
    g = gold_att("Officials", ["officials"], "say", "five people were killed", source_type="ngo")
    p = found_att("Officials", "say", "five people were killed", source_type="official")
    res = {"attributions": sd.match_attributions([g], [p]), "figures": sd.match_figures([], []),
           "passives": sd.match_passives([], [])}
    m = sd.measures([res])
    assert m["attribution_f1"] == 1.0 and m["source_type"] == 0.0


def test_attribution_precision_recall_f1():
    g1 = gold_att("Officials", ["officials"], "say", "five people were killed")
    g2 = gold_att("a resident", ["resident"], "said", "It was bad")
    p1 = found_att("Officials", "say", "five people were killed")
    p2 = found_att("people", "were", "were killed")  # nonsense extra, wrong head
    res = {"attributions": sd.match_attributions([g1, g2], [p1, p2]), "figures": sd.match_figures([], []),
           "passives": sd.match_passives([], [])}
    m = sd.measures([res])
    assert m["attribution_precision"] == 0.5 and m["attribution_recall"] == 0.5
    assert m["attribution_f1"] == pytest.approx(0.5)


# ---------------------------------------------------------------- figures

def fig(text, start, low, high, amount=True, kind="count", **kw):
    d = {"text": text, "start": start, "end": start + len(text), "low": low, "high": high,
         "amount": amount, "kind": kind, "counted": None}
    d.update(kw)
    return d


def test_figure_found_and_interval_right():
    r = sd.match_figures([fig("more than 30", 10, 30, None)], [fig("more than 30", 10, 30, None)])
    assert len(r["matched"]) == 1 and len(r["interval_ok"]) == 1 and not r["false_pos"]


def test_figure_interval_wrong_when_one_limit_differs():
    r = sd.match_figures([fig("more than 30", 10, 30, None)], [fig("30", 20, 30, 30)])
    assert len(r["matched"]) == 1 and len(r["interval_wrong"]) == 1


def test_interval_check_false_skips_the_interval():
    g = fig("nearly a decade", 0, 9, 10, kind="duration", interval_check=False)
    r = sd.match_figures([g], [fig("a decade", 7, 1, 1, kind="duration")])
    assert len(r["matched"]) == 1 and not r["interval_ok"] and not r["interval_wrong"]


def test_date_found_as_amount_is_a_false_positive():
    gold = [fig("2003", 50, None, None, amount=False, kind="year")]
    r = sd.match_figures(gold, [fig("2003", 50, 2003, 2003)])
    assert r["false_pos"] and r["false_pos"][0][1] == "year read as an amount"


def test_date_found_as_a_date_is_fine():
    gold = [fig("2003", 50, None, None, amount=False, kind="year")]
    r = sd.match_figures(gold, [fig("2003", 50, None, None, amount=False, kind="year")])
    assert not r["false_pos"] and not r["misses"]


def test_open_reading_counts_neither_way():
    gold = [fig("55-year-old", 0, None, None, amount=None)]
    assert not sd.match_figures(gold, [fig("55", 0, 55, 55)])["false_pos"]
    assert not sd.match_figures(gold, [])["misses"]


def test_split_range_gives_one_match_and_one_false_positive():
    g = fig("between 5 and 10", 0, 5, 10)
    r = sd.match_figures([g], [fig("5", 8, 5, 5), fig("10", 14, 10, 10)])
    assert len(r["matched"]) == 1 and len(r["false_pos"]) == 1 and len(r["interval_wrong"]) == 1
    assert "split" in r["false_pos"][0][1]


def test_extra_amount_not_in_gold():
    r = sd.match_figures([], [fig("seven", 3, 7, 7)])
    assert r["false_pos"][0][1] == "amount not in gold"


def test_figures_recall_precision():
    gold = [fig("41", 0, 41, 41), fig("two", 10, 2, 2), fig("24", 20, None, None, amount=False, kind="date")]
    pred = [fig("41", 0, 41, 41), fig("24", 20, 24, 24)]
    res = {"attributions": sd.match_attributions([], []), "figures": sd.match_figures(gold, pred),
           "passives": sd.match_passives([], [])}
    m = sd.measures([res])
    assert m["figures_recall"] == 0.5 and m["figures_precision"] == 0.5 and m["interval"] == 1.0


# ---------------------------------------------------------------- passives

def test_passive_found_only_when_agentless_and_overlapping():
    gold = [{"verb": "were killed", "start": 26, "end": 37, "kind": "passive"}]
    hit = {"text": "five people were killed", "start": 14, "end": 37, "verb": "kill", "agent": None, "kind": "passive"}
    with_agent = dict(hit, agent="police")
    elsewhere = dict(hit, start=40, end=50)
    assert len(sd.match_passives(gold, [hit])["found"]) == 1
    r = sd.match_passives(gold, [with_agent])
    assert r["misses"] and r["with_agent"]
    assert sd.match_passives(gold, [elsewhere])["misses"]


def test_passive_precision_counts_agentless_passives_and_participles_only():
    gold = [{"verb": "were killed", "start": 26, "end": 37, "kind": "passive"}]
    hit = {"text": "five people were killed", "start": 14, "end": 37, "verb": "kill", "agent": None, "kind": "passive"}
    stray = dict(hit, text="It was bad", start=40, end=50)
    with_agent = dict(stray, agent="police")
    intransitive = dict(stray, kind="intransitive")
    r = sd.match_passives(gold, [hit, stray, with_agent, intransitive])
    assert r["listed"] == 2 and r["extras"] == [stray]
    res = {"attributions": sd.match_attributions([], []), "figures": sd.match_figures([], []), "passives": r}
    assert sd.measures([res])["passives_precision"] == 0.5
    groups = sd.error_patterns([("t", TEXT, res)])
    assert groups["(info) passive not in gold: passive"] == ["t: 'It was bad'"]
    assert sd.measures([{**res, "passives": sd.match_passives([], [])}])["passives_precision"] is None


# ---------------------------------------------------------------- the dev set's files

ARTICLES = sorted(p.name[: -len(".gold.json")] for p in DEV.glob("*.gold.json"))


def test_dev_set_size_and_spread():
    # issue 21: at least 40 real articles from at least 15 outlets and 8 topics
    assert len(ARTICLES) >= 40
    metas = [json.loads((DEV / f"{a}.json").read_text(encoding="utf-8")) for a in ARTICLES]
    assert len({m["outlet"].split(" (")[0] for m in metas}) >= 15
    assert len({m["date"][:4] for m in metas}) >= 5
    assert len({m["topic"].split(" / ")[0] for m in metas}) >= 8


def test_every_batch_record_lists_articles_of_the_dev_set():
    # a batch that joined bench/dev/ after its first run keeps its record; its ids must all be there
    records = sorted((DEV / "batches").glob("batch_*.md"))
    assert len(records) >= 6
    for record in records:
        ids = sd.batch_ids(record.stem.removeprefix("batch_"))
        assert len(ids) >= 8, record.name
        assert ids <= set(ARTICLES), f"{record.name}: {sorted(ids - set(ARTICLES))} not in bench/dev"


@pytest.mark.parametrize("aid", ARTICLES)
def test_dev_article_has_text_metadata_and_licence(aid):
    text = (DEV / f"{aid}.txt").read_text(encoding="utf-8")
    assert text.strip()
    meta = json.loads((DEV / f"{aid}.json").read_text(encoding="utf-8"))
    for field in ("outlet", "url", "date", "topic", "licence"):
        assert meta.get(field), f"{aid}: no {field}"
    assert meta["id"] == aid


@pytest.mark.parametrize("aid", ARTICLES)
def test_dev_gold_offsets_give_back_the_quoted_text(aid):
    text = (DEV / f"{aid}.txt").read_text(encoding="utf-8")
    gold = json.loads((DEV / f"{aid}.gold.json").read_text(encoding="utf-8"))
    assert gold["id"] == aid
    assert annotate.check(gold, text) == []
    for a in gold["attributions"]:
        assert a["heads"] and a["kind"] in ("direct", "indirect", "according_to")
        assert sd.kit_type(a["source_type"]) in sd.KIT_TYPES
        assert "comment" in a
        if a["speaker"] is not None:
            assert text[a["speaker_start"]:a["speaker_end"]] == a["speaker"]
        assert text[a["content_start"]:a["content_end"]] == a["content"]
    for f in gold["figures"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["amount"] in (True, False, None)
        if f["amount"] is True:
            assert "low" in f and "high" in f and f.get("counted")
            if f["low"] is not None and f["high"] is not None:
                assert f["low"] <= f["high"]
        elif f["amount"] is False:
            assert f["kind"] in ("year", "date", "time", "ordinal", "identifier")
        else:
            assert f["comment"], "an open reading needs a comment"
    for p in gold["passives"]:
        assert text[p["start"]:p["end"]] == p["verb"]


@pytest.mark.parametrize("aid", ARTICLES)
def test_dev_gold_offsets_are_reproducible(aid):
    """Re-filling the offsets from the quoted strings gives the stored ones."""
    text = (DEV / f"{aid}.txt").read_text(encoding="utf-8")
    gold = json.loads((DEV / f"{aid}.gold.json").read_text(encoding="utf-8"))
    again = annotate.fill(json.loads(json.dumps(gold)), text)
    assert again == gold


# ---------------------------------------------------------------- issue 21: confidence and fresh batches

def test_source_type_where_sure_and_share_sure():
    g1 = gold_att("Officials", ["officials"], "say", "five people were killed")
    g2 = gold_att("a resident", ["resident"], "said", "It was bad", source_type="eyewitness")
    p1 = found_att("Officials", "say", "five people were killed")
    p2 = dict(found_att("a resident", "said", "It was bad", source_type="expert"), type_confidence="unsure")
    m = sd.measures([{"attributions": sd.match_attributions([g1, g2], [p1, p2]),
                      "figures": sd.match_figures([], []), "passives": sd.match_passives([], [])}])
    assert m["source_type"] == 0.5  # strict: the unsure one counts, and it is wrong
    assert m["source_type_sure"] == 1.0 and m["sure_share"] == 0.5


def test_select_only_some_articles():
    arts = [("a", "", {}, {}), ("b", "", {}, {}), ("c", "", {}, {})]
    assert [x[0] for x in sd.select(arts, "a, c", "", DEV)] == ["a", "c"]
    assert [x[0] for x in sd.select(arts, "", "", DEV)] == ["a", "b", "c"]


def test_scorer_reads_another_folder(tmp_path, capsys):
    text = "Police said two people died."
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    (tmp_path / "x.json").write_text(json.dumps({"outlet": "Test outlet"}), encoding="utf-8")
    gold = {"attributions": [], "figures": [], "passives": []}
    (tmp_path / "x.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert [a[0] for a in sd.load_set(tmp_path)] == ["x"]
    assert sd.main(["--dir", str(tmp_path / "missing")]) == 2
    assert "No gold files" in capsys.readouterr().err
