"""``python -m kit handouts``: print-ready HTML pages of the handouts in lessons/handouts/.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> run(build().parse_args(["-o", out]))  # doctest: +ELLIPSIS
Wrote ... handouts to ...
0
"""

from __future__ import annotations

import argparse

from .handouts import build_handouts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--out", metavar="DIR", default="handouts_html",
        help="folder to write the HTML pages into (default: handouts_html)",
    )


def run(args: argparse.Namespace) -> int:
    written = build_handouts(args.out)
    print(f"Wrote {len(written)} handouts to {args.out}: open them in a browser and print.")
    for path in written:
        print(f"  {path}")
    return 0


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kit handouts")
    add_arguments(parser)
    return parser
