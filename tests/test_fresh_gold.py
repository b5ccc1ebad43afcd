"""The fresh batch's gold files (bench/fresh/, issue 21) checked as data, as bench/dev's are.

The kit is never run here: a fresh batch must not be seen by the kit before its first scored
run (bench/fresh/README.md). These tests only check that every quoted string sits at its
offsets, that the offsets can be filled again from the quotes, and that metadata and labels
are complete, so a typo cannot reach the headline figure.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRESH = ROOT / "bench" / "fresh"
DEV = ROOT / "bench" / "dev"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


sd = _load("score_dev_for_fresh", ROOT / "bench" / "score_dev.py")
annotate = _load("annotate_for_fresh", DEV / "annotate.py")

ARTICLES = sorted(p.name[: -len(".gold.json")] for p in FRESH.glob("*.gold.json"))


def _read(aid: str) -> tuple[str, dict, dict]:
    text = (FRESH / f"{aid}.txt").read_text(encoding="utf-8")
    gold = json.loads((FRESH / f"{aid}.gold.json").read_text(encoding="utf-8"))
    meta = json.loads((FRESH / f"{aid}.json").read_text(encoding="utf-8"))
    return text, gold, meta


def test_fresh_batch_is_big_and_varied_enough():
    # issue 21: a fresh batch holds at least 8 articles; this one was chosen from new outlets.
    assert len(ARTICLES) >= 8
    metas = [_read(a)[2] for a in ARTICLES]
    assert len({m["outlet"].split(" (")[0] for m in metas}) >= 6
    assert len({m["topic"] for m in metas}) >= 5


def test_fresh_ids_are_not_in_the_dev_set():
    dev = {p.name[: -len(".gold.json")] for p in DEV.glob("*.gold.json")}
    assert not set(ARTICLES) & dev


@pytest.mark.parametrize("aid", ARTICLES)
def test_fresh_article_has_text_metadata_and_licence(aid):
    text, gold, meta = _read(aid)
    assert text.strip() and gold["id"] == aid and meta["id"] == aid
    for field in ("outlet", "url", "date", "topic", "licence", "extent"):
        assert meta.get(field), f"{aid}: no {field}"


@pytest.mark.parametrize("aid", ARTICLES)
def test_fresh_gold_offsets_give_back_the_quoted_text(aid):
    text, gold, _ = _read(aid)
    assert annotate.check(gold, text) == []
    for a in gold["attributions"]:
        assert a["heads"] and a["kind"] in ("direct", "indirect", "according_to")
        assert sd.kit_type(a["source_type"]) in sd.KIT_TYPES
        assert "comment" in a
    for f in gold["figures"]:
        assert f["amount"] in (True, False, None)
        if f["amount"] is True:
            assert "low" in f and "high" in f and f.get("counted")
            if f["low"] is not None and f["high"] is not None:
                assert f["low"] <= f["high"]
        elif f["amount"] is False:
            assert f["kind"] in ("year", "date", "time", "ordinal", "identifier")
        else:
            assert f["comment"], "an open reading needs a comment"


@pytest.mark.parametrize("aid", ARTICLES)
def test_fresh_gold_offsets_are_reproducible(aid):
    text, gold, _ = _read(aid)
    assert annotate.fill(json.loads(json.dumps(gold)), text) == gold
