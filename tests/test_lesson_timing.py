"""Lesson plans leave slack: a 50-minute period plans 40 minutes of core route (issue 23).

Logging in, loading the language model and the one notebook that will not start take ten
minutes in a real classroom; a plan that fills all 50 minutes runs over every time.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "lessons").glob("0[0-9]_*.md"))
ROW = re.compile(r"^\|\s*(\d+)\s*[-–]\s*(\d+)\s*\|", re.M)


def core_rows(text: str) -> list[tuple[int, int]]:
    """The (start, end) minutes of the first timing table after '## Timing'.

    >>> core_rows("## Timing\\n\\n| min | step |\\n|---|---|\\n| 0-4 | Hook |\\n| 4–12 | Labels |\\n\\nText\\n| 0-9 | x |")
    [(0, 4), (4, 12)]
    """
    part = text.split("## Timing", 1)[1]
    table = part.split("\n\n|", 1)[1].split("\n\n", 1)[0] if "\n\n|" in part else ""
    return [(int(a), int(b)) for a, b in ROW.findall("|" + table)]


def test_every_plan_has_a_timing_table():
    assert len(PLANS) >= 7
    for plan in PLANS:
        assert core_rows(plan.read_text(encoding="utf-8")), plan.name


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_core_route_fills_40_minutes_and_says_why(plan):
    text = plan.read_text(encoding="utf-8")
    rows = core_rows(text)
    assert rows[0][0] == 0 and rows[-1][1] <= 40, f"{plan.name}: the core route ends at minute {rows[-1][1]}"
    assert all(b > a for a, b in rows) and all(b == c for (_, b), (c, _) in zip(rows, rows[1:])), plan.name
    assert "slack" in text.split("## Timing", 1)[1][:600].lower(), plan.name
