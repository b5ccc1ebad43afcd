"""Score kit.find_attributions against ../shared/eval/quotes.jsonl (quotations from textacy's tests).

    python bench/score_quotes.py            # precision / recall / F1 for speaker, cue, content
    python bench/score_quotes.py --misses   # also list each example's expected and found triples

Every attribution the kit finds counts (any kind): the eval sentences hold only direct
quotations, so an extra indirect finding is a false positive. Found and expected triples
are paired greedily by content overlap (token F1, lower case, punctuation and quote marks
ignored); a pair needs an overlap of at least 0.5. Then, per field:

* content: the pair itself counts as correct;
* speaker: the speaker text is equal (lower case, punctuation ignored). A speaker the kit
  resolved from a pronoun is compared as the pronoun, because the eval keeps pronouns;
* cue: the cue text is equal (lower case).

precision = correct / found, recall = correct / expected, F1 their harmonic mean.
The eval file is read at run time and never copied into the kit.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval" / "quotes.jsonl"
MIN_OVERLAP = 0.5


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))


def token_f1(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = 0
    rest = list(wb)
    for w in wa:
        if w in rest:
            rest.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def same(a: str, b: str) -> bool:
    return words(a) == words(b)


def prf(correct: int, found: int, expected: int) -> tuple[float, float, float]:
    p = correct / found if found else (1.0 if not expected else 0.0)
    r = correct / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(examples: list[dict], *, show: bool = False) -> dict:
    import kit

    n_found = n_expected = 0
    correct = {"speaker": 0, "cue": 0, "content": 0}
    overlaps: list[float] = []
    for ex in examples:
        atts = kit.find_attributions(kit.parse(ex["text"]))
        found = [
            {"speaker": a.resolved_from or a.speaker, "cue": a.cue, "content": a.content} for a in atts
        ]
        expected = ex["expected"]
        n_found += len(found)
        n_expected += len(expected)
        free = list(range(len(found)))
        for exp in expected:
            best, best_ov = None, 0.0
            for i in free:
                ov = token_f1(found[i]["content"], exp["content"])
                if ov > best_ov:
                    best, best_ov = i, ov
            if best is None or best_ov < MIN_OVERLAP:
                continue
            free.remove(best)
            got = found[best]
            overlaps.append(best_ov)
            correct["content"] += 1
            correct["speaker"] += same(got["speaker"], exp["speaker"])
            correct["cue"] += got["cue"].lower() == exp["cue"].lower()
        if show:
            print(f"{ex['id']}: {ex['text']}")
            print(f"   expected: {expected}")
            print(f"   found:    {found}")
    result = {field: prf(c, n_found, n_expected) for field, c in correct.items()}
    result["mean content overlap"] = sum(overlaps) / len(overlaps) if overlaps else 0.0
    result["examples"] = len(examples)
    result["expected"] = n_expected
    result["found"] = n_found
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list expected and found triples per example")
    args = parser.parse_args(argv)
    if not EVAL.exists():
        print(
            f"No evaluation file at {EVAL}.\n"
            "It lives in ../shared/eval/quotes.jsonl beside this checkout; it is not part of the kit.",
            file=sys.stderr,
        )
        return 2
    examples = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    res = score(examples, show=args.misses)
    print(f"quotes.jsonl: {res['examples']} examples, {res['expected']} expected quotations, "
          f"{res['found']} found by the kit")
    print(f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}")
    for field in ("speaker", "cue", "content"):
        p, r, f = res[field]
        print(f"{field:<10} {p:>9.2f} {r:>7.2f} {f:>6.2f}")
    print(f"mean content overlap (token F1) of matched pairs: {res['mean content overlap']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
