"""Score kit.compare_versions against hand-written gold on real pairs of copies (bench/versions/).

    python bench/score_versions.py                         # the dev batch: precision / recall per kind
    python bench/score_versions.py --dir bench/versions/fresh
    python bench/score_versions.py --errors                # also list each pair's misses and false alarms

Each pair is one TOML file: ``[a]`` and ``[b]`` (outlet, url, date, text) and ``[[gold]]`` entries,
each a change a careful teacher would flag: ``kind`` and the words on each side (``a``/``b``,
quoted from the text; a side may be left out, e.g. for a cut or added sentence).

Matching: a change the kit reports matches a gold entry when the kind is the same and, on each
side the gold entry quotes, the kit's span overlaps the quoted words. Recall = gold entries
matched by at least one kit change; precision = kit changes that match a gold entry. "reworded"
is not scored: it is the kit's catch-all for word changes no other kind explains, and every
paired sentence that is not word for word is one. Each pair is also compared with itself
(identical texts must give no changes).
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT / "bench" / "versions" / "dev"
UNSCORED = {"reworded"}


def load(folder: Path) -> list[dict]:
    """Every pair in ``folder`` (sorted by file name), gold strings checked against the texts."""
    pairs = []
    for path in sorted(folder.glob("*.toml")):
        pair = tomllib.loads(path.read_text(encoding="utf-8"))
        pair["file"] = path.name
        for g in pair.get("gold", []):
            for side in ("a", "b"):
                if side in g and g[side] not in pair[side]["text"]:
                    raise SystemExit(f"{path.name}: gold {g['kind']} {side}={g[side]!r} is not in text {side}")
        pairs.append(pair)
    return pairs


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _overlaps(s1, e1, s2, e2) -> bool:
    return s1 < e2 and s2 < e1 or (s1 == e1 and s2 <= s1 <= e2)


def matches(change, gold: dict, pair: dict) -> bool:
    """True when a kit change is the gold change (same kind, overlapping words on each quoted side)."""
    if change.kind != gold["kind"]:
        return False
    for side in ("a", "b"):
        if side not in gold:
            continue
        start, end = getattr(change, f"{side}_start"), getattr(change, f"{side}_end")
        if start is None or not _overlaps(start, end, *_span(pair[side]["text"], gold[side])):
            return False
    return True


def score(pairs: list[dict]) -> dict:
    """Run the kit on every pair: counts per kind, the errors, the timings."""
    from kit.compare.versions import compare_versions

    compare_versions("Police said 40 were hurt.", "40 were hurt.")  # load the model first: time the pairs only
    found, right, expected, hit = Counter(), Counter(), Counter(), Counter()
    errors, seconds, same_ok = [], [], 0
    for pair in pairs:
        a, b, gold = pair["a"]["text"], pair["b"]["text"], pair.get("gold", [])
        t0 = time.perf_counter()
        changes = [c for c in compare_versions(a, b) if c.kind not in UNSCORED]
        seconds.append(time.perf_counter() - t0)
        same_ok += compare_versions(a, a) == [] and compare_versions(b, b) == []
        false = [c for c in changes if not any(matches(c, g, pair) for g in gold)]
        missed = [g for g in gold if not any(matches(c, g, pair) for c in changes)]
        for c in changes:
            found[c.kind] += 1
            right[c.kind] += c not in false
        for g in gold:
            expected[g["kind"]] += 1
            hit[g["kind"]] += not any(g is m for m in missed)
        errors.append((pair["file"], false, missed))
    return {"found": found, "right": right, "expected": expected, "hit": hit, "errors": errors,
            "seconds": seconds, "same_ok": same_ok, "pairs": len(pairs)}


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.2f}" if d else "  - "


def report(res: dict, show_errors: bool) -> str:
    kinds = sorted(set(res["found"]) | set(res["expected"]))
    lines = [f"{'kind':22} {'found':>5} {'right':>5} {'prec':>5}   {'gold':>4} {'hit':>4} {'recall':>6}"]
    for k in kinds:
        f, r, e, h = res["found"][k], res["right"][k], res["expected"][k], res["hit"][k]
        lines.append(f"{k:22} {f:5} {r:5} {_ratio(r, f):>5}   {e:4} {h:4} {_ratio(h, e):>6}")
    F, R = sum(res["found"].values()), sum(res["right"].values())
    E, H = sum(res["expected"].values()), sum(res["hit"].values())
    lines.append(f"{'ALL':22} {F:5} {R:5} {_ratio(R, F):>5}   {E:4} {H:4} {_ratio(H, E):>6}")
    secs = res["seconds"]
    lines.append(f"{res['pairs']} pairs; identical texts give no changes in {res['same_ok']}/{res['pairs']}; "
                 f"{sum(secs):.2f} s in all (model loaded), slowest pair {max(secs, default=0):.2f} s")
    if show_errors:
        for name, false, missed in res["errors"]:
            if not false and not missed:
                continue
            lines.append(f"\n== {name}")
            lines += [f"  false alarm {c.kind}: {c.a_text!r} -> {c.b_text!r}" for c in false]
            lines += [f"  missed {g['kind']}: {g.get('a')!r} -> {g.get('b')!r}" for g in missed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, nargs="+", default=[DEV],
                        help="folder(s) of pairs, scored as one batch (default: bench/versions/dev)")
    parser.add_argument("--errors", action="store_true", help="list each pair's false alarms and misses")
    args = parser.parse_args(argv)
    pairs = [p for folder in args.dir for p in load(folder)]
    if not pairs:
        raise SystemExit(f"No pairs (*.toml) in {', '.join(map(str, args.dir))}")
    print(report(score(pairs), args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
