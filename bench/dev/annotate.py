"""Fill the character offsets of a hand-written gold file from its quoted substrings.

    python bench/dev/annotate.py            # every bench/dev/*.gold.json, in place
    python bench/dev/annotate.py ID ...     # some of them

Offsets are never counted by hand. Every judgement in a gold file quotes the text:

* an attribution gives ``speaker``, ``cue`` and ``content`` (and optionally ``anchor``,
  a longer stretch of the article holding all three, or ``speaker_anchor`` /
  ``cue_anchor`` / ``content_anchor`` for one part, when a part occurs more than once);
* a figure gives ``text`` (and optionally ``anchor``);
* a passive gives ``verb`` (and optionally ``anchor``).

Without ``anchor`` the quoted text must occur exactly once in the article; with it, the
anchor must occur exactly once and the part is looked for inside it. A speaker or cue
that occurs more than once is taken nearest to its content in the same paragraph. Anything
ambiguous or missing stops the script with the article id and the string, so a typo cannot slip
into the gold as a wrong offset. The script writes ``*_start``/``*_end`` (attributions)
or ``start``/``end`` (figures, passives) and keeps everything else as written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent


class GoldError(ValueError):
    pass


def locate(text: str, part: str, anchor: str | None = None, *, where: str = "") -> tuple[int, int]:
    """(start, end) of ``part`` in ``text``; unique, or unique inside the unique ``anchor``."""
    if not part:
        raise GoldError(f"{where}: empty string")
    base, hay = 0, text
    if anchor:
        if text.count(anchor) != 1:
            raise GoldError(f"{where}: anchor {anchor!r} occurs {text.count(anchor)} times")
        base = text.index(anchor)
        hay = anchor
    n = hay.count(part)
    if n != 1:
        raise GoldError(f"{where}: {part!r} occurs {n} times{' in its anchor' if anchor else ''}; give an anchor")
    start = base + hay.index(part)
    return start, start + len(part)


def nearest(text: str, part: str, span: tuple[int, int], *, where: str = "") -> tuple[int, int]:
    """The occurrence of ``part`` in the same paragraph as ``span`` that is closest to it."""
    para_start = text.rfind("\n\n", 0, span[0]) + 1
    para_end = text.find("\n\n", span[1])
    para_end = len(text) if para_end < 0 else para_end
    hits = []
    i = text.find(part, para_start)
    while 0 <= i and i + len(part) <= para_end:
        gap = max(span[0] - (i + len(part)), i - span[1], 0)
        hits.append((gap, i))
        i = text.find(part, i + 1)
    hits.sort()
    if not hits or (len(hits) > 1 and hits[0][0] == hits[1][0]):
        raise GoldError(f"{where}: {part!r} not unique near its content; give an anchor")
    return hits[0][1], hits[0][1] + len(part)


def fill(gold: dict, text: str) -> dict:
    """Speaker and cue without an anchor that occur more than once are taken in the content's
    paragraph, nearest to the content (an attribution's parts stand together)."""
    gid = gold.get("id", "?")
    for i, a in enumerate(gold.get("attributions", [])):
        where = f"{gid} attribution {i}"
        cs, ce = locate(text, a["content"], a.get("content_anchor", a.get("anchor")), where=f"{where} content")
        a["content_start"], a["content_end"] = cs, ce
        for part in ("speaker", "cue"):
            if a.get(part) is None:  # e.g. a quotation with no cue in its sentence
                a[f"{part}_start"] = a[f"{part}_end"] = None
                continue
            anchor = a.get(f"{part}_anchor", a.get("anchor"))
            if anchor or text.count(a[part]) == 1:
                s, e = locate(text, a[part], anchor, where=f"{where} {part}")
            else:
                s, e = nearest(text, a[part], (cs, ce), where=f"{where} {part}")
            a[f"{part}_start"], a[f"{part}_end"] = s, e
    for key, field in (("figures", "text"), ("passives", "verb")):
        for i, item in enumerate(gold.get(key, [])):
            s, e = locate(text, item[field], item.get("anchor"), where=f"{gid} {key} {i}")
            item["start"], item["end"] = s, e
    return gold


def check(gold: dict, text: str) -> list[str]:
    """Problems with a filled gold file: offsets that do not give back the quoted text."""
    bad = []
    for i, a in enumerate(gold.get("attributions", [])):
        for part in ("speaker", "cue", "content"):
            s, e = a.get(f"{part}_start"), a.get(f"{part}_end")
            if a.get(part) is not None and text[s:e] != a[part]:
                bad.append(f"attribution {i} {part}")
    for key, field in (("figures", "text"), ("passives", "verb")):
        for i, item in enumerate(gold.get(key, [])):
            if text[item["start"]:item["end"]] != item[field]:
                bad.append(f"{key} {i}")
    return bad


def write(gold: dict, path: Path) -> None:
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ids = (argv if argv is not None else sys.argv[1:]) or sorted(
        p.name[: -len(".gold.json")] for p in DEV.glob("*.gold.json"))
    for gid in ids:
        path = DEV / f"{gid}.gold.json"
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (DEV / f"{gid}.txt").read_text(encoding="utf-8")
        write(fill(gold, text), path)
        print(f"{gid}: {len(gold.get('attributions', []))} attributions, "
              f"{len(gold.get('figures', []))} figures, {len(gold.get('passives', []))} passives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
