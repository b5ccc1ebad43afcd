"""How often a test-wise strategy finds the key of a generated lesson's choice questions (issue 27).

    python bench/lesson_cues.py                   # bench/dev/ (only the development set)

A student who does not read the article can still look for the odd option out. For every article
of the folder, the kit builds a lesson (:func:`kit.teacher.lesson_export.student_data`) and this
counts the questions where one such strategy points at the key and at nothing else:

* hidden doer: "never pick a speaker" (every wrong option is a source of the lesson), "pick the
  one option that is no speaker", "pick the one option in lower case";
* source: "pick the one option found word for word in the sentence", "pick the name I see in
  no other question" (rarest), "pick the name I see in most questions" (commonest); and how
  often a place is offered as a speaker.

Lower is better; a count is of questions, out of the total printed first.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import score_dev as sd  # noqa: E402  (the dev set's loaders)


def _passive(c: Counter, it: dict, right: str, speakers: set[str]) -> None:
    c["hidden doer: questions"] += 1
    others = [v for _, v in it["options"] if v != "nobody" and v.lower() not in speakers]
    if others == [right]:
        c["hidden doer: the one option that is no speaker is the key"] += 1
    if not others and right == "nobody":
        c["hidden doer: every wrong option is a speaker"] += 1
    if [v for label, v in it["options"] if label[:1].islower()] == [right]:
        c["hidden doer: the one lower-case option is the key"] += 1


def _source(c: Counter, it: dict, right: str, sentence: str, places: set[str], seen: Counter, many: bool) -> None:
    c["source: questions"] += 1
    options = it["options_speaker"]
    if [v for label, v in options if label.lower() in sentence.lower()] == [right]:
        c["source: the one option in the sentence is the key"] += 1
    if any(v.lower() in places for _, v in options):
        c["source: a place is offered"] += 1
    counts = {v: seen[v] for _, v in options}
    for name, pick in (("rarest", min), ("commonest", max)):
        if many and [v for v, n in counts.items() if n == pick(counts.values())] == [right]:
            c[f"source: the {name} option is the key"] += 1


def cues(folder: Path) -> Counter:
    from kit.core.widgets import parsed
    from kit.teacher.lesson_export import student_data
    from kit.teacher.lesson_key import build_key

    c: Counter = Counter()
    for _art_id, text, _gold, _meta in sd.load_set(folder):
        key = build_key(text)
        answers = {k.id: k.answer for k in key.items}
        speakers = {a["speaker"].lower() for a in answers.values() if "speaker" in a}
        places = {e.text.lower() for e in parsed(text).ents if e.label_ in ("GPE", "LOC")}
        items = student_data(key, lesson_id="cues", salt="x")["items"]
        seen = Counter(v for i in items if i["kind"] == "source" for _, v in i["options_speaker"])
        many = sum(1 for i in items if i["kind"] == "source") > 1
        for it in items:
            a = answers[it["id"]]
            if it["kind"] == "passive":
                _passive(c, it, a.get("agent") or "nobody", speakers)
            elif it["kind"] == "source":
                sent = next((s.text for s in parsed(text).sents if s.start_char <= it["start_char"] < s.end_char), "")
                _source(c, it, a["speaker"], sent, places, seen, many)
    return c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=sd.DEV, help="folder of <id>.txt and <id>.gold.json")
    args = parser.parse_args(argv)
    counts = cues(args.dir)
    print(f"Choice questions a test-wise strategy answers without reading, in {args.dir.name}:")
    names = ["hidden doer: " + n for n in ("questions", "every wrong option is a speaker",
                                            "the one option that is no speaker is the key", "the one lower-case option is the key")]
    names += ["source: " + n for n in ("questions", "the one option in the sentence is the key", "a place is offered",
                                       "the rarest option is the key", "the commonest option is the key")]
    for name in names:
        print(f"  {counts[name]:4}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
