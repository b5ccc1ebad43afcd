"""Score the three lenses on the hand-annotated real-news development set (bench/dev/, issue 15).

    python bench/score_dev.py             # the measures over the whole set, beside their goals
    python bench/score_dev.py --detail    # also one line per article
    python bench/score_dev.py --errors    # also misses and false positives, grouped by pattern
    python bench/score_dev.py --json      # the measures as JSON (for bench/results)
    python bench/score_dev.py --batch F                  # one annotated batch (bench/dev/batches/batch_F.md)
    python bench/score_dev.py --dir bench/fresh7         # another folder of gold (a fresh batch, before its first run)
    python bench/score_dev.py --only id1,id2             # only these articles of the folder
    python bench/score_dev.py --added-since <commit>     # only the articles whose gold came after a commit

Gold: bench/dev/<id>.gold.json (conventions in bench/dev/README.md). Matching:

* attributions: a found attribution matches a gold one when the speaker's head word agrees
  (a gold ``heads`` word appears among the words of the kit's speaker or of the pronoun it
  resolved) AND the content spans or the cue spans overlap. Pairs are made greedily, largest
  overlap first. Every attribution the kit finds counts; one matched to an ``optional`` gold
  item counts neither way, and an unmatched optional item is no miss. Source type accuracy is
  taken over matched pairs; gold type names the kit lacks are mapped (``TYPE_MAP``).
* figures: only amounts count (the kit's ``is_amount``). A gold amount is found when a kit
  amount overlaps it. A kit amount is a false positive when it overlaps no gold amount, when
  it overlaps a gold year / date / time / ordinal / identifier ("a date found as an amount"),
  or when a second kit amount overlaps an already matched gold one (a figure split in two).
  Gold readings left open (``amount: null``) count neither way. The interval is right when the
  kit's low and high both equal the gold ones (None = no limit on both sides).
* agentless passives: a gold verb is found when a kit passive with no agent overlaps it.
  Precision is shown as info only: of the kit's agentless passives and participles (not its
  intransitive and event-subject clauses, which the gold does not annotate), the share that
  overlaps a gold verb. It is a floor: a kit passive on a clause the gold notes leave out on
  purpose, or on one nobody annotated, counts as wrong.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT / "bench" / "dev"

#: Gold source-type names the kit does not define, and the kit type they count as.
TYPE_MAP = {
    "international_body": "organisation", "ngo": "organisation", "company": "organisation",
    "union": "organisation", "party": "organisation", "armed_group": "organisation",
    "charity": "organisation", "organization": "organisation",
    "politician": "other", "journalist": "media", "outlet": "media",
}
KIT_TYPES = {"official", "state_media", "military", "monitor", "expert", "foreign_government",
             "eyewitness", "unnamed", "media", "organisation", "other"}

#: (measure, goal, label) in the order printed.
GOALS = [
    ("attribution_f1", 0.93, "attribution F1 (speaker and span)"),
    ("attribution_precision", None, "  attribution precision"),
    ("attribution_recall", None, "  attribution recall"),
    ("source_type", 0.85, "source type accuracy (matched attributions)"),
    ("figures_recall", 0.97, "figures recall (amounts)"),
    ("figures_precision", 0.97, "figures precision (a date found as an amount is wrong)"),
    ("interval", 0.97, "interval right (matched figures: low and high)"),
    ("passives_recall", 0.95, "agentless passives recall"),
]


# ---------------------------------------------------------------- small helpers

def words(text: str | None) -> set[str]:
    """Lower-case words with dots dropped, so "U.N." and "UN" are both "un"."""
    if not text:
        return set()
    return set(re.findall(r"[a-z0-9]+", text.lower().replace(".", "")))


def overlap(a0, a1, b0, b1) -> int:
    """Characters shared by [a0, a1) and [b0, b1); 0 when either is missing."""
    if None in (a0, a1, b0, b1):
        return 0
    return max(0, min(a1, b1) - max(a0, b0))


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def kit_type(gold_type: str) -> str:
    t = TYPE_MAP.get(gold_type, gold_type)
    return t if t in KIT_TYPES else "other"


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- kit records -> plain dicts

def attribution_dict(a) -> dict:
    return {"speaker": a.speaker, "resolved_from": a.resolved_from, "cue": a.cue, "content": a.content,
            "kind": a.kind, "source_type": a.source_type, "type_confidence": getattr(a, "type_confidence", "sure"),
            "speaker_start": a.speaker_start, "speaker_end": a.speaker_end,
            "cue_start": a.cue_start, "cue_end": a.cue_end,
            "content_start": a.content_start, "content_end": a.content_end}


def quantity_dict(q) -> dict:
    return {"text": q.text, "start": q.start_char, "end": q.end_char, "low": q.low, "high": q.high,
            "kind": q.kind, "amount": q.is_amount, "counted": q.counted}


def passive_dict(p) -> dict:
    return {"text": p.text, "start": p.start_char, "end": p.end_char, "verb": p.verb,
            "agent": p.agent, "kind": p.kind}


def run_kit(text: str) -> dict:
    import kit

    doc = kit.parse(text)
    return {
        "attributions": [attribution_dict(a) for a in kit.find_attributions(doc)],
        "figures": [quantity_dict(q) for q in kit.find_numbers(doc, sources=False)],
        "passives": [passive_dict(p) for p in kit.find_passives(doc)],
    }


# ---------------------------------------------------------------- matching

def head_ok(gold: dict, pred: dict) -> bool:
    found = words(pred.get("speaker")) | words(pred.get("resolved_from"))
    return any(h.lower().replace(".", "") in found for h in gold["heads"])


def span_overlap(gold: dict, pred: dict) -> int:
    return (overlap(gold["content_start"], gold["content_end"], pred["content_start"], pred["content_end"])
            + overlap(gold.get("cue_start"), gold.get("cue_end"), pred["cue_start"], pred["cue_end"]))


def match_attributions(gold: list[dict], pred: list[dict]) -> dict:
    """Greedy pairing (largest span overlap first) of gold and found attributions."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = span_overlap(g, p)
            if ov > 0 and head_ok(g, p):
                cands.append((-ov, gi, pi))
    cands.sort()
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    matched = [(gold[gi], pred[pi]) for gi, pi in pairs if not gold[gi].get("optional")]
    misses = [g for gi, g in enumerate(gold) if gi not in used_g and not g.get("optional")]
    extras = [p for pi, p in enumerate(pred) if pi not in used_p]
    return {"matched": matched, "misses": misses, "extras": extras}


def match_figures(gold: list[dict], pred: list[dict]) -> dict:
    """Gold amounts found by kit amounts; kit amounts that are false positives, with a reason."""
    amounts = [g for g in gold if g.get("amount") is True]
    found_amounts = [p for p in pred if p.get("amount")]
    used: set[int] = set()
    matched = []
    for g in amounts:
        best, best_ov = None, 0
        for pi, p in enumerate(found_amounts):
            ov = overlap(g["start"], g["end"], p["start"], p["end"])
            if pi not in used and ov > best_ov:
                best, best_ov = pi, ov
        if best is not None:
            used.add(best)
            matched.append((g, found_amounts[best]))
    misses = [g for g in amounts if not any(g is m for m, _ in matched)]
    false_pos = []
    for pi, p in enumerate(found_amounts):
        if pi in used:
            continue
        hit = [g for g in gold if overlap(g["start"], g["end"], p["start"], p["end"]) > 0]
        if any(g.get("amount") is None for g in hit) and not any(g.get("amount") is False for g in hit):
            continue  # a reading the gold leaves open
        not_amount = [g for g in hit if g.get("amount") is False]
        if not_amount:
            false_pos.append((p, f"{not_amount[0]['kind']} read as an amount"))
        elif hit:
            false_pos.append((p, "second amount on one gold figure (split or doubled)"))
        else:
            false_pos.append((p, "amount not in gold"))
    interval_ok = [(g, p) for g, p in matched if g.get("interval_check", True)
                   and same(g["low"], p["low"]) and same(g["high"], p["high"])]
    interval_wrong = [(g, p) for g, p in matched if g.get("interval_check", True)
                      and not (same(g["low"], p["low"]) and same(g["high"], p["high"]))]
    return {"matched": matched, "misses": misses, "false_pos": false_pos,
            "interval_ok": interval_ok, "interval_wrong": interval_wrong}


def match_passives(gold: list[dict], pred: list[dict]) -> dict:
    agentless = [p for p in pred if p.get("agent") is None]
    found, misses, with_agent = [], [], []
    for g in gold:
        hit = [p for p in agentless if overlap(g["start"], g["end"], p["start"], p["end"]) > 0]
        if hit:
            found.append((g, hit[0]))
        else:
            misses.append(g)
            if any(overlap(g["start"], g["end"], p["start"], p["end"]) > 0 for p in pred):
                with_agent.append(g)
    listed = [p for p in agentless if p.get("kind") in ("passive", "participle")]
    extras = [p for p in listed if not any(overlap(g["start"], g["end"], p["start"], p["end"]) > 0 for g in gold)]
    return {"found": found, "misses": misses, "with_agent": with_agent, "extras": extras,
            "listed": len(listed)}


def score_article(gold: dict, pred: dict) -> dict:
    return {
        "attributions": match_attributions(gold["attributions"], pred["attributions"]),
        "figures": match_figures(gold["figures"], pred["figures"]),
        "passives": match_passives(gold["passives"], pred["passives"]),
    }


def measures(results: list[dict]) -> dict:
    """The table's measures over the whole set (micro-averaged)."""
    n = Counter()
    for r in results:
        a, f, p = r["attributions"], r["figures"], r["passives"]
        n["att_tp"] += len(a["matched"])
        n["att_fn"] += len(a["misses"])
        n["att_fp"] += len(a["extras"])
        n["type_ok"] += sum(kit_type(g["source_type"]) == q["source_type"] for g, q in a["matched"])
        n["kind_ok"] += sum(g["kind"] == q["kind"] for g, q in a["matched"])
        sure = [(g, q) for g, q in a["matched"] if q.get("type_confidence", "sure") == "sure"]
        n["type_sure"] += len(sure)
        n["type_sure_ok"] += sum(kit_type(g["source_type"]) == q["source_type"] for g, q in sure)
        n["fig_tp"] += len(f["matched"])
        n["fig_fn"] += len(f["misses"])
        n["fig_fp"] += len(f["false_pos"])
        n["int_ok"] += len(f["interval_ok"])
        n["int_n"] += len(f["interval_ok"]) + len(f["interval_wrong"])
        n["pas_tp"] += len(p["found"])
        n["pas_n"] += len(p["found"]) + len(p["misses"])
        n["pas_listed"] += p.get("listed", 0)
        n["pas_fp"] += len(p["extras"])
    prec = ratio(n["att_tp"], n["att_tp"] + n["att_fp"])
    rec = ratio(n["att_tp"], n["att_tp"] + n["att_fn"])
    return {
        "attribution_f1": f1(prec, rec), "attribution_precision": prec, "attribution_recall": rec,
        "source_type": ratio(n["type_ok"], n["att_tp"]),
        "attribution_kind": ratio(n["kind_ok"], n["att_tp"]),
        "source_type_sure": ratio(n["type_sure_ok"], n["type_sure"]),
        "sure_share": ratio(n["type_sure"], n["att_tp"]),
        "figures_recall": ratio(n["fig_tp"], n["fig_tp"] + n["fig_fn"]),
        "figures_precision": ratio(n["fig_tp"], n["fig_tp"] + n["fig_fp"]),
        "interval": ratio(n["int_ok"], n["int_n"]),
        "passives_recall": ratio(n["pas_tp"], n["pas_n"]),
        "passives_precision": ratio(n["pas_listed"] - n["pas_fp"], n["pas_listed"]),
        "counts": dict(n),
    }


# ---------------------------------------------------------------- error patterns

def _interval_shape(low, high) -> str:
    if low is None and high is None:
        return "no limits"
    if low is None:
        return "upper limit only"
    if high is None:
        return "lower limit only"
    return "exact" if same(low, high) else "range"


def _figure_form(text: str) -> str:
    t = text.lower()
    if re.search(r"\d\s*[-–]\s*\d", t) or t.startswith("between"):
        return "range"
    if re.match(r"(more than|over|just over|at least|up to|nearly|almost|close to|about)\b", t):
        return "hedged"
    if not re.search(r"\d", t):
        return "number in words"
    return "digits"


def _passive_form(g: dict, text: str) -> str:
    first = g["verb"].split()[0].lower()
    if g["start"] < text.find("\n"):
        return "headline (auxiliary dropped)"
    if first in ("be", "been", "being") or first in ("could", "can", "cannot", "would", "will", "may", "might"):
        return "modal or -ing passive (be/being + participle)"
    if first in ("was", "were", "is", "are", "has", "have", "had"):
        return "be-passive (was/were ... participle)"
    if g.get("kind") == "participle":
        return "reduced relative participle"
    return "coordinated participle (shared auxiliary)"


def _after_headline(start: int, text: str) -> bool:
    """True when ``start`` lies in the first paragraph after the headline (the headline has no
    full stop, so a sentence splitter may join it to that paragraph)."""
    first = text.find("\n\n")
    second = text.find("\n\n", first + 2)
    return 0 <= first < start and (second < 0 or start < second)


def error_patterns(articles: list[tuple[str, str, dict]]) -> dict[str, list[str]]:
    """Misses and false positives grouped by pattern: {pattern: [examples]}."""
    groups: dict[str, list[str]] = {}

    def add(pattern: str, example: str) -> None:
        groups.setdefault(pattern, []).append(example)

    for gid, text, r in articles:
        a, f, p = r["attributions"], r["figures"], r["passives"]
        for g in a["misses"]:
            near = [q for q in a["extras"] if span_overlap(g, q) > 0]
            if near:
                add("attribution: span found, speaker head differs",
                    f"{gid}: gold {g['speaker'] or '(none)'!r} (heads {g['heads']}), kit {near[0]['speaker']!r}")
            else:
                pattern = (f"attribution missed: cue {(g['cue'] or '(no cue)').lower()!r} ({g['kind']})"
                           if not _after_headline(g["content_start"], text)
                           else "attribution missed: first paragraph after a headline with no full stop")
                add(pattern,
                    f"{gid}: {g['speaker']!r} {g['cue']!r} \u2192 {g['content'][:70]!r}")
        for q in a["extras"]:
            if any(span_overlap(g, q) > 0 for g in a["misses"]):
                continue  # already listed as a speaker mismatch
            add(f"attribution false positive: cue {q['cue'].lower()!r} ({q['kind']})",
                f"{gid}: {q['speaker']!r} {q['cue']!r} \u2192 {q['content'][:70]!r}")
        for g, q in a["matched"]:
            want = kit_type(g["source_type"])
            if want != q["source_type"]:
                add(f"source type: gold {want} ({g['source_type']}), kit {q['source_type']}",
                    f"{gid}: {g['speaker']!r}")
        for g in f["misses"]:
            add(f"figure missed: {g['kind']}, {_figure_form(g['text'])}",
                f"{gid}: {g['text']!r} ({g['counted']})")
        for q, why in f["false_pos"]:
            add(f"figure false positive: {why}", f"{gid}: {q['text']!r} kind={q['kind']} [{q['low']}, {q['high']}]")
        for g, q in f["interval_wrong"]:
            add(f"interval wrong: gold {_interval_shape(g['low'], g['high'])}, kit {_interval_shape(q['low'], q['high'])}",
                f"{gid}: {g['text']!r} gold [{g['low']}, {g['high']}] kit {q['text']!r} [{q['low']}, {q['high']}]")
        for g in p["misses"]:
            tag = " (kit found it with an agent)" if g in p["with_agent"] else ""
            add(f"passive missed: {_passive_form(g, text)}{tag}", f"{gid}: {g['verb']!r}")
        for q in p["extras"]:
            add(f"(info) passive not in gold: {q['kind']}", f"{gid}: {q['text'][:70]!r}")
    return groups


# ---------------------------------------------------------------- loading and printing

def load_set(dev: Path = DEV) -> list[tuple[str, str, dict, dict]]:
    """(id, text, gold, metadata) for every gold file in ``dev``."""
    out = []
    for path in sorted(dev.glob("*.gold.json")):
        gid = path.name[: -len(".gold.json")]
        text = (dev / f"{gid}.txt").read_text(encoding="utf-8")
        gold = json.loads(path.read_text(encoding="utf-8"))
        meta = json.loads((dev / f"{gid}.json").read_text(encoding="utf-8"))
        out.append((gid, text, gold, meta))
    return out


def added_since(commit: str, folder: Path) -> set[str]:
    """Ids of the gold files in ``folder`` that git added after ``commit``."""
    import subprocess

    out = subprocess.run(["git", "-C", str(folder), "diff", "--name-only", "--diff-filter=A", f"{commit}..HEAD",
                          "--relative", "--", "."], capture_output=True, text=True, check=True).stdout
    return {Path(n).name[: -len(".gold.json")] for n in out.split() if n.endswith(".gold.json")}


BATCHES = DEV / "batches"


def batch_ids(letter: str) -> set[str]:
    """The article ids of an annotated batch that joined ``bench/dev/`` after its first run, from
    the first column of the table in ``bench/dev/batches/batch_<letter>.md``."""
    path = BATCHES / f"batch_{letter.upper()}.md"
    if not path.exists():
        raise SystemExit(f"no batch {letter!r}: the batches are {sorted(p.stem[6:] for p in BATCHES.glob('batch_*.md'))}")
    return set(re.findall(r"^\| `([^`]+)` \|", path.read_text(encoding="utf-8"), re.M))


def select(arts: list, only: str, since: str, folder: Path) -> list:
    """The articles named in ``only`` (comma-separated ids) and added after ``since``."""
    if only:
        wanted = {x.strip() for x in only.split(",") if x.strip()}
        arts = [a for a in arts if a[0] in wanted]
    if since:
        new = added_since(since, folder)
        arts = [a for a in arts if a[0] in new]
    return arts


def _shown(folder: Path) -> str:
    try:
        return str(folder.resolve().relative_to(ROOT))
    except ValueError:
        return folder.name


def fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="one line per article")
    parser.add_argument("--errors", action="store_true", help="misses and false positives grouped by pattern")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    parser.add_argument("--examples", type=int, default=4, help="examples shown per error pattern")
    parser.add_argument("--dir", type=Path, nargs="+", default=[DEV],
                        help="folder(s) of gold files, scored as one batch (default bench/dev)")
    parser.add_argument("--only", default="", help="comma-separated article ids to score (default all)")
    parser.add_argument("--batch", default="", metavar="LETTER",
                        help="only the articles of one annotated batch (B-G: bench/dev/batches/batch_<LETTER>.md)")
    parser.add_argument("--added-since", default="", metavar="COMMIT",
                        help="only the articles whose gold file git added after COMMIT (a first run of a new batch)")
    args = parser.parse_args(argv)

    folders = [d if d.is_absolute() else Path.cwd() / d for d in args.dir]
    arts = [a for folder in folders for a in select(load_set(folder), args.only, args.added_since, folder)]
    if args.batch:
        wanted = batch_ids(args.batch)
        arts = [a for a in arts if a[0] in wanted]
    if not arts:
        print(f"No gold files to score in {', '.join(map(str, folders))}.", file=sys.stderr)
        return 2
    scored = []
    for gid, text, gold, meta in arts:
        scored.append((gid, text, meta, score_article(gold, run_kit(text))))
    m = measures([r for *_, r in scored])
    if args.json:
        print(json.dumps({k: v for k, v in m.items()}, indent=1))
        return 0
    outlets = {meta["outlet"].split(" (")[0] for _, _, meta, _ in scored}
    c = m["counts"]
    print(f"{' + '.join(_shown(f) for f in folders)}: {len(scored)} articles, {len(outlets)} outlets; gold: "
          f"{c['att_tp'] + c['att_fn']} attributions, {c['fig_tp'] + c['fig_fn']} amounts, {c['pas_n']} agentless passives")
    print(f"{'measure':<56} {'value':>6}  {'goal':>6}")
    for key, goal, label in GOALS:
        val = m[key]
        mark = "" if goal is None else ("  ok" if val is not None and val >= goal else "  BELOW")
        print(f"{label:<56} {fmt(val)}  {'' if goal is None else f'>={goal:.2f}':>6}{mark}")
    print(f"{'(info) attribution kind right on matched':<56} {fmt(m['attribution_kind'])}")
    print(f"{'(info) source type right where the kit is sure':<56} {fmt(m['source_type_sure'])}")
    print(f"{'(info) share of matched attributions typed as sure':<56} {fmt(m['sure_share'])}")
    print(f"{'(info) agentless passives precision':<56} {fmt(m['passives_precision'])}")
    print(f"counts: attributions tp={c['att_tp']} fp={c['att_fp']} fn={c['att_fn']}; "
          f"figures tp={c['fig_tp']} fp={c['fig_fp']} fn={c['fig_fn']}, interval {c['int_ok']}/{c['int_n']}; "
          f"passives {c['pas_tp']}/{c['pas_n']}, kit agentless {c['pas_listed']} (not in gold {c['pas_fp']})")
    if args.detail:
        print()
        print(f"{'article':<38} {'att P':>6} {'att R':>6} {'type':>6} {'fig R':>6} {'fig P':>6} {'intvl':>6} {'pas R':>6}")
        for gid, _, _, r in scored:
            mm = measures([r])
            print(f"{gid:<38} {fmt(mm['attribution_precision'])} {fmt(mm['attribution_recall'])} {fmt(mm['source_type'])} "
                  f"{fmt(mm['figures_recall'])} {fmt(mm['figures_precision'])} {fmt(mm['interval'])} {fmt(mm['passives_recall'])}")
    if args.errors:
        groups = error_patterns([(gid, text, r) for gid, text, _, r in scored])
        print()
        print("Error patterns (count, pattern, examples):")
        for pattern, examples in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"{len(examples):>3}  {pattern}")
            for ex in examples[: args.examples]:
                print(f"       {ex}")
            if len(examples) > args.examples:
                print(f"       ... {len(examples) - args.examples} more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
