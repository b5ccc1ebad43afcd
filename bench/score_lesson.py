"""How many key items of a generated lesson are right (issue 27), checked against hand-annotated gold.

    python bench/score_lesson.py                      # bench/dev/ (the tuned development set)
    python bench/score_lesson.py --batch G             # one annotated batch, now in bench/dev/
    python bench/score_lesson.py --dir bench/fresh7    # a fresh batch before it joins bench/dev/ (the figure that counts)
    python bench/score_lesson.py --errors             # also every wrong item

For each article with a gold file (the format of bench/dev/README.md), the kit builds a lesson key
(:func:`kit.teacher.lesson_key.build_key`, only its confident findings) and each item is judged:

* a figure (``interval``) is right when a gold amount overlaps its words and the gold low and high
  equal the key's; a figure the gold does not count as an amount is wrong;
* a source (``source``) is right when a gold attribution has the key's speaker (a gold head word in
  the key's speaker) and overlaps the item's words, and its type (mapped as in ``score_dev.py``)
  equals the key's; no such gold attribution is wrong;
* a hidden doer (``passive``) is right when a gold agentless passive overlaps the item's words; a
  passive that names its doer (an ``agent`` in the answer) is right when no gold agentless passive
  overlaps it and the sentence says "by <agent>";
* a label (``label``) has no gold in these files: counted apart, as "not checked".
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import score_dev as sd  # noqa: E402  (the dev scorer's matching rules and loaders)


def judge(item, gold: dict) -> tuple[str, str]:
    """("right" | "wrong" | "unchecked", why) for one key item against an article's gold."""
    s, e = item.start_char, item.end_char
    if item.kind == "interval":
        hits = [g for g in gold["figures"] if sd.overlap(g["start"], g["end"], s, e) > 0]
        amounts = [g for g in hits if g.get("amount") is True]
        if not amounts:
            open_reading = any(g.get("amount") is None for g in hits)
            return ("unchecked", "a reading the gold leaves open") if open_reading else ("wrong", "not an amount in the gold")
        g = amounts[0]
        ok = sd.same(g["low"], item.answer["low"]) and sd.same(g["high"], item.answer["high"])
        return ("right", "") if ok else ("wrong", f"interval {item.answer['low']}-{item.answer['high']} "
                                                  f"vs gold {g['low']}-{g['high']}")
    if item.kind == "source":
        pred = {"speaker": item.answer["speaker"], "resolved_from": None}
        hits = [g for g in gold["attributions"] if sd.head_ok(g, pred) and (
            sd.overlap(g.get("content_start"), g.get("content_end"), s, e) > 0
            or sd.overlap(g.get("cue_start"), g.get("cue_end"), s, e) > 0)]
        if not hits:
            return "wrong", f"no gold attribution for speaker {item.answer['speaker']!r}"
        gold_type = sd.kit_type(hits[0]["source_type"])
        ok = gold_type == item.answer["source_type"]
        return ("right", "") if ok else ("wrong", f"type {item.answer['source_type']} vs gold {gold_type}")
    if item.kind == "passive":
        hidden = any(sd.overlap(g["start"], g["end"], s, e) > 0 for g in gold["passives"])
        agent = item.answer.get("agent")
        if agent is None:
            return ("right", "") if hidden else ("wrong", "no agentless passive in the gold here")
        # a passive that names its doer: right when the gold has no hidden doer here and the
        # sentence says "by <the key's doer>"
        named = f"by {agent}".lower() in " ".join(item.context.split()).lower()
        if hidden:
            return "wrong", f"the gold says the doer is hidden, the key says {agent!r}"
        return ("right", "") if named else ("wrong", f"the sentence does not say 'by {agent}'")
    return "unchecked", "labels have no gold"


def score(folder: Path, only: set[str] | None = None) -> tuple[Counter, list[str]]:
    from kit.teacher.lesson_key import build_key

    counts: Counter = Counter()
    errors: list[str] = []
    for art_id, text, gold, _meta in sd.load_set(folder):
        if only is not None and art_id not in only:
            continue
        for item in build_key(text).items:
            verdict, why = judge(item, gold)
            counts[(item.lens, verdict)] += 1
            counts[("all", verdict)] += 1
            if verdict == "wrong":
                errors.append(f"{art_id} {item.id} {item.kind}: {item.quote!r}: {why}")
    return counts, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, nargs="+", default=[sd.DEV],
                        help="folder(s) of <id>.txt and <id>.gold.json, scored as one batch")
    parser.add_argument("--errors", action="store_true", help="list every wrong item")
    parser.add_argument("--batch", default="", metavar="LETTER", help="only one annotated batch (bench/dev/batches/)")
    args = parser.parse_args(argv)
    counts, errors = Counter(), []
    for folder in args.dir:
        c, e = score(folder, sd.batch_ids(args.batch) if args.batch else None)
        counts.update(c)
        errors += e
    print(f"Key items of generated lessons, judged against the hand gold in {', '.join(map(str, args.dir))}:")
    for lens in ("all", "attribution", "numbers", "framing"):
        right, wrong, open_ = (counts[(lens, v)] for v in ("right", "wrong", "unchecked"))
        share = f"{right / (right + wrong):.3f}" if right + wrong else "n/a"
        print(f"  {lens:12} right {right:3} / {right + wrong:3} = {share}   (not checked: {open_})")
    if args.errors:
        print("\n".join(["", "Wrong items:"] + errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
