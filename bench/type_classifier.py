"""Does a small trained classifier type sources better than the kit's rules? (issue 21)

    python bench/type_classifier.py               # held-out test (batch F) and 5-fold CV
    python bench/type_classifier.py --no-cv       # held-out test only

Measurement only: nothing in kit/ uses it and no model is written to disk.

Examples: every non-optional gold attribution of bench/dev/ except batches F and G (the set the
experiment trained on, before batches B-G were moved into bench/dev/); the test is batch F.
Its text is the speaker phrase, then ``||``, then the ~40 tokens before the speaker's sentence and
the sentence itself (so a re-mention such as a bare surname sees who was introduced before).
The variant "+rules" prefixes a feature token with the rules' type, ``RULE_<type>`` (``RULE_none``
when the rules found no attribution matching that gold item). Label: the gold type mapped to the
kit's types by ``kit_type()`` of bench/score_dev.py.

Model: a blank English pipeline with spaCy's ``textcat`` (exclusive classes, bag-of-words
unigrams + bigrams, ``spacy.TextCatBOW.v3``), trained 20 epochs, seeds fixed.

Scoring: strict type accuracy over the attributions the rules matched (bench/score_dev.py's
``match_attributions``), i.e. exactly the set the rules' "source type" figure is taken over.
"confident" columns: accuracy where the classifier's top score is >= 0.7, and the share of such.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("score_dev", ROOT / "bench" / "score_dev.py")
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)

TEST_BATCH = "F"  # bench/dev/batches/batch_F.md; batch G came after the experiment and is left out
LEFT_OUT = "G"
WINDOW = 40
EPOCHS = 20
SEED = 0
CONFIDENT = 0.7


def article_items(text: str, gold: dict) -> list[dict]:
    """One item per non-optional gold attribution: context text, rules' type, gold type, matched?"""
    import kit

    doc = kit.parse(text)
    pred = [sd.attribution_dict(a) for a in kit.find_attributions(doc)]
    matched = sd.match_attributions(gold["attributions"], pred)["matched"]
    rule_of = {id(g): p["source_type"] for g, p in matched}
    items = []
    for g in gold["attributions"]:
        if g.get("optional"):
            continue
        start = g.get("speaker_start")
        span = doc.char_span(start, g["speaker_end"], alignment_mode="expand") if start is not None else None
        if span is not None:
            sent = span.sent
            context = doc[max(0, sent.start - WINDOW): sent.end].text
        else:
            context = g.get("content") or ""
        items.append({"speaker": g["speaker"], "context": context.replace("\n", " "),
                      "rule": rule_of.get(id(g), "none"), "matched": id(g) in rule_of,
                      "gold": sd.kit_type(g["source_type"])})
    return items


def load_articles(keep) -> list[list[dict]]:
    """Items grouped by article (bench/dev/ articles whose id ``keep`` accepts), in a fixed order."""
    return [article_items(text, gold) for aid, text, gold, _ in sd.load_set(ROOT / "bench" / "dev") if keep(aid)]


def as_text(item: dict, with_rule: bool) -> str:
    feat = f"RULE_{item['rule']} " if with_rule else ""
    return f"{feat}{item['speaker']} || {item['context']}"


def train(items: list[dict], with_rule: bool):
    """A fresh blank English textcat trained on the items."""
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    nlp = spacy.blank("en")
    cfg = {"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                     "ngram_size": 2, "no_output_layer": False}}
    textcat = nlp.add_pipe("textcat", config=cfg)
    labels = sorted(sd.KIT_TYPES)
    for lab in labels:
        textcat.add_label(lab)
    examples = [Example.from_dict(nlp.make_doc(as_text(it, with_rule)),
                                  {"cats": {lab: float(lab == it["gold"]) for lab in labels}})
                for it in items]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(EPOCHS):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def evaluate(nlp, items: list[dict], with_rule: bool) -> dict:
    """Counts over the matched items: right, confident, right where confident."""
    test = [it for it in items if it["matched"]]
    n = ok = conf = conf_ok = 0
    for it, doc in zip(test, nlp.pipe(as_text(it, with_rule) for it in test)):
        lab, score = max(doc.cats.items(), key=lambda kv: kv[1])
        n += 1
        ok += lab == it["gold"]
        if score >= CONFIDENT:
            conf += 1
            conf_ok += lab == it["gold"]
    return {"n": n, "ok": ok, "conf": conf, "conf_ok": conf_ok}


def rules_score(items: list[dict]) -> dict:
    test = [it for it in items if it["matched"]]
    return {"n": len(test), "ok": sum(it["rule"] == it["gold"] for it in test)}


def add(a: dict, b: dict) -> dict:
    return {k: a.get(k, 0) + b.get(k, 0) for k in set(a) | set(b)}


def row(name: str, c: dict) -> str:
    acc = c["ok"] / c["n"] if c["n"] else 0.0
    cells = f"| {name} | {acc:.3f} ({c['ok']}/{c['n']}) |"
    if "conf" in c:
        cacc = c["conf_ok"] / c["conf"] if c["conf"] else 0.0
        cells += f" {cacc:.3f} ({c['conf_ok']}/{c['conf']}) | {c['conf'] / c['n']:.3f} |"
    else:
        cells += " - | - |"
    return cells


def header(title: str) -> None:
    print(f"\n{title}\n")
    print("| system | strict accuracy | confident: accuracy | confident: share |")
    print("| --- | --- | --- | --- |")


def held_out(train_arts: list[list[dict]], test_arts: list[list[dict]]) -> None:
    tr = [it for art in train_arts for it in art]
    te = [it for art in test_arts for it in art]
    header(f"Held-out test: batch {TEST_BATCH} ({len(tr)} training examples)")
    print(row("rules", rules_score(te)))
    for with_rule in (False, True):
        nlp = train(tr, with_rule)
        print(row("textcat" + (" +rules" if with_rule else ""), evaluate(nlp, te, with_rule)))


def cross_validation(arts: list[list[dict]], k: int = 5) -> None:
    order = list(range(len(arts)))
    random.Random(SEED).shuffle(order)
    folds = [order[i::k] for i in range(k)]
    rules, clf = {"n": 0, "ok": 0}, {False: {}, True: {}}
    for fold in folds:
        tr = [it for i, art in enumerate(arts) if i not in fold for it in art]
        te = [it for i in fold for it in arts[i]]
        rules = add(rules, rules_score(te))
        for with_rule in (False, True):
            clf[with_rule] = add(clf[with_rule], evaluate(train(tr, with_rule), te, with_rule))
    header(f"{k}-fold cross-validation by article over bench/dev without batches F and G ({len(arts)} articles)")
    print(row("rules", rules))
    for with_rule in (False, True):
        print(row("textcat" + (" +rules" if with_rule else ""), clf[with_rule]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = ap.parse_args(argv)
    test_ids, left_out = sd.batch_ids(TEST_BATCH), sd.batch_ids(LEFT_OUT)
    train_arts = load_articles(lambda aid: aid not in test_ids and aid not in left_out)
    test_arts = load_articles(lambda aid: aid in test_ids)
    held_out(train_arts, test_arts)
    if not args.no_cv:
        cross_validation(train_arts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
