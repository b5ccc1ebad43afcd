"""Score kit.find_numbers against ../shared/eval/numbers.jsonl (quantities from other projects' tests).

    python bench/score_numbers.py            # overall and per-source scores
    python bench/score_numbers.py --misses   # also list what the kit got wrong

For each expected figure, the kit's figure whose text overlaps it most is compared:
* value accuracy: among expected figures that are one number (low == high), the share
  the kit gives the same value (relative tolerance 1e-6). Ranges have no single value in
  the kit (quantulum3 gives their midpoint), so they count for the interval only;
* interval accuracy: among all expected figures, the share where the kit's low AND high
  both match (a missing limit must be missing on both sides);
* found: the share of expected figures the kit finds at all (any overlap).
Examples that expect nothing count for "quiet": the kit finds no amount there.
The eval file is read at run time and never copied into the kit.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval" / "numbers.jsonl"


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def best_match(item: dict, text: str, found: list):
    """The found quantity overlapping the expected surface most (None if none overlaps)."""
    surface = item["surface"]
    start = text.find(surface)
    if start < 0:
        start = text.lower().find(surface.lower())
    if start < 0:
        return None
    end = start + len(surface)
    best, best_overlap = None, 0
    for q in found:
        overlap = min(end, q.end_char) - max(start, q.start_char)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best


def score(path: Path = EVAL, *, show_misses: bool = False) -> dict:
    import kit

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    docs = kit.parse_many([r["text"] for r in rows])
    for row, doc in zip(rows, docs):
        found = kit.find_numbers(doc, sources=False)
        for key in (row["source"], "all"):
            t = tally[key]
            t["examples"] += 1
            if not row["expected"]:
                t["empty"] += 1
                t["quiet"] += not any(q.is_amount for q in found)
        for item in row["expected"]:
            q = best_match(item, row["text"], found)
            single = item["value"] is not None and same(item["low"], item["high"])
            value_ok = q is not None and single and same(q.value, item["value"])
            interval_ok = q is not None and same(q.low, item["low"]) and same(q.high, item["high"])
            for key in (row["source"], "all"):
                t = tally[key]
                t["items"] += 1
                t["found"] += q is not None
                if single:
                    t["valued"] += 1
                    t["value_ok"] += value_ok
                t["interval_ok"] += interval_ok
            if show_misses and not (interval_ok and (value_ok or not single)):
                got = "nothing" if q is None else f"{q.text!r} value={q.value} [{q.low}, {q.high}]"
                print(f"  miss {row['id']}: {item['surface']!r} value={item['value']} "
                      f"[{item['low']}, {item['high']}] -> {got}")
    return tally


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "   -  "


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the figures the kit got wrong")
    parser.add_argument("--file", type=Path, default=EVAL, help="another file with the same schema")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"No evaluation file at {args.file}. It lives in ../shared/eval/ beside this checkout; "
              "the score cannot be measured without it.", file=sys.stderr)
        return 2
    tally = score(args.file, show_misses=args.misses)
    print(f"{'source':<20} {'value accuracy':>20} {'interval accuracy':>20} {'found':>20} {'quiet on empty':>16}")
    for key in sorted(tally, key=lambda k: (k == "all", k)):
        t = tally[key]
        print(f"{key:<20} {pct(t['value_ok'], t['valued']):>20} {pct(t['interval_ok'], t['items']):>20} "
              f"{pct(t['found'], t['items']):>20} {pct(t['quiet'], t['empty']):>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
