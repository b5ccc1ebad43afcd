"""A fresh batch's gold files (bench/fresh*/, issue 21) checked as data, as bench/dev's are.

The kit is never run here: a fresh batch must not be seen by the kit before its first scored
run (bench/first_runs.md). These tests only check that every quoted string sits at its
offsets, that the offsets can be filled again from the quotes, and that metadata and labels
are complete, so a typo cannot reach the headline figure. After its first run a batch joins
bench/dev/ (its README becomes bench/dev/batches/batch_<letter>.md) and tests/test_dev_scorer.py
checks it from then on; with no batch waiting, these tests are skipped.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "bench" / "dev"
#: Every fresh batch waiting for its first run, by folder name; each is checked the same way.
BATCHES = {p.name: p for p in sorted((ROOT / "bench").glob("fresh*")) if p.is_dir() and any(p.glob("*.gold.json"))}

pytestmark = pytest.mark.skipif(not BATCHES, reason="no fresh batch is waiting for its first run")


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


sd = _load("score_dev_for_fresh", ROOT / "bench" / "score_dev.py")
annotate = _load("annotate_for_fresh", DEV / "annotate.py")

def _ids(folder: Path) -> list[str]:
    return sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))


#: (batch name, article id) for every article of every fresh batch.
ARTICLES = [(name, aid) for name, folder in BATCHES.items() for aid in _ids(folder)]


def _read(aid: str, batch: str) -> tuple[str, dict, dict]:
    folder = BATCHES[batch]
    text = (folder / f"{aid}.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / f"{aid}.gold.json").read_text(encoding="utf-8"))
    meta = json.loads((folder / f"{aid}.json").read_text(encoding="utf-8"))
    return text, gold, meta


@pytest.mark.parametrize("batch", sorted(BATCHES))
def test_fresh_batch_is_big_and_varied_enough(batch):
    # issue 21: a fresh batch holds at least 8 articles; each was chosen from new outlets.
    ids = _ids(BATCHES[batch])
    assert len(ids) >= 8
    metas = [_read(a, batch)[2] for a in ids]
    assert len({m["outlet"].split(" (")[0] for m in metas}) >= 6
    assert len({m["topic"] for m in metas}) >= 5


def test_fresh_ids_are_not_in_the_dev_set_nor_in_another_batch():
    dev = set(_ids(DEV))
    seen: set[str] = set()
    for folder in BATCHES.values():
        ids = set(_ids(folder))
        assert not ids & dev, f"{folder.name}: ids also in bench/dev: {sorted(ids & dev)}"
        assert not ids & seen, f"{folder.name}: ids also in another fresh batch: {sorted(ids & seen)}"
        seen |= ids


def test_every_fresh_file_belongs_to_a_complete_triple():
    # a stray .txt without its gold (or a gold without metadata) would silently drop out of the figure
    for folder in BATCHES.values():
        stems = {p.name.split(".")[0] for p in folder.iterdir() if p.suffix in (".txt", ".json")}
        for stem in stems:
            for ext in (".txt", ".json", ".gold.json"):
                assert (folder / f"{stem}{ext}").exists(), f"{folder.name}/{stem}{ext} missing"


@pytest.mark.parametrize("batch,aid", ARTICLES)
def test_fresh_article_has_text_metadata_and_licence(batch, aid):
    text, gold, meta = _read(aid, batch)
    assert text.strip() and gold["id"] == aid and meta["id"] == aid
    for field in ("outlet", "url", "date", "topic", "licence", "extent"):
        assert meta.get(field), f"{aid}: no {field}"


@pytest.mark.parametrize("batch,aid", ARTICLES)
def test_fresh_gold_offsets_give_back_the_quoted_text(batch, aid):
    text, gold, _ = _read(aid, batch)
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


@pytest.mark.parametrize("batch,aid", ARTICLES)
def test_fresh_gold_offsets_are_reproducible(batch, aid):
    text, gold, _ = _read(aid, batch)
    assert annotate.fill(json.loads(json.dumps(gold)), text) == gold
