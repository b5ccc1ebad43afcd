"""Check or rewrite the dated facts quoted in the lessons (kit/core/data/dated_facts.toml).

    python tools/dated_facts.py            # list each fact, when it was checked, and where it is quoted
    python tools/dated_facts.py --write    # rewrite every marked passage in lessons/ from the data file

Lessons quote a fact between ``<!-- fact: ID -->`` and ``<!-- /fact -->``; after you check a fact
again and edit the data file, ``--write`` brings every quotation up to date (see the top of the
data file). tests/test_dated_facts.py fails while a quotation differs from the file or a fact is
more than 12 months old.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from kit.core.dated_facts import expires, facts, marked, refresh

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"


def lesson_files(root: Path = LESSONS) -> list[Path]:
    """Every Markdown file under ``lessons/`` (plans, brief, glossary, handouts)."""
    return sorted(root.rglob("*.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the marked passages from the data file")
    args = parser.parse_args(argv)
    table = facts()
    where: dict[str, list[str]] = {key: [] for key in table}
    for path in lesson_files():
        text = path.read_text(encoding="utf-8")
        for m in marked(text):
            where.setdefault(m.fact_id, []).append(str(path.relative_to(ROOT)))
        if args.write:
            new = refresh(text, table)
            if new != text:
                path.write_text(new, encoding="utf-8")
                print("rewrote", path.relative_to(ROOT))
    for key, files in where.items():
        fact = table.get(key)
        state = "UNKNOWN ID" if fact is None else f"checked {fact.checked}, fresh until {expires(fact.checked)}"
        print(f"{key:<16} {state:<44} {', '.join(sorted(set(files))) or 'not quoted'}")
    old = [f.id for f in table.values() if dt.date.today() > expires(f.checked)]
    if old:
        print("Check these again (older than 12 months):", ", ".join(old))
    return 1 if old else 0


if __name__ == "__main__":
    raise SystemExit(main())
