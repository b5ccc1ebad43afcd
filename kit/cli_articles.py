"""``python -m kit articles``: list the bundled articles with their source.

>>> run(build().parse_args(["--ids"]))  # doctest: +ELLIPSIS
aleppo-2024-12-02
...0
"""

from __future__ import annotations

import argparse

from .articles import list_articles, load_article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ids", action="store_true", help="print only the ids")


def run(args: argparse.Namespace) -> int:
    for article_id in list_articles():
        art = load_article(article_id)
        if args.ids:
            print(art.id)
        else:
            mark = "  [constructed for teaching]" if art.constructed else ""
            print(f"{art.id}  {art.date}  {art.source}  {art.title}{mark}")
    return 0


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kit articles")
    add_arguments(parser)
    return parser
