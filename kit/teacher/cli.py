"""Command line for teachers: ``python -m kit COMMAND ...`` (``python -m kit --help``).

Each command is a module (or a small class here) with ``add_arguments(parser)`` and
``run(args) -> int``; :data:`COMMANDS` only lists them. Errors meant for users print as one
clear line (exit code 2), never a traceback.

>>> main(["articles", "--ids"])  # doctest: +ELLIPSIS
aleppo-2024-12-02
...0
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kit.core.errors import KitError

#: command name -> (where its add_arguments and run live, one-line help). Add a command by adding a line.
COMMANDS = {
    "articles": ("kit.teacher.cli:Articles", "list the bundled articles"),
    "report": ("kit.teacher.report", "write a self-contained HTML report of the three lenses for an article (FILE or bundled id)"),
    "gradebook": ("kit.teacher.gradebook", "read a folder of students' notebooks: write gradebook.csv and gradebook.html"),
    "handouts": ("kit.teacher.cli:Handouts", "make printable HTML pages of the handouts in lessons/handouts/"),
    "student-copy": ("kit.teacher.student_copy", "make the class's copy of the kit, quiz keys sealed (for nbgitpuller)"),
    "release-code": ("kit.teacher.student_copy:ReleaseCode", "print the codes that release each quiz form's answers"),
    "versions": ("kit.teacher.cli:Versions", "write an HTML page comparing two versions of a story (FILE, bundled id or URL)"),
    "lesson": ("kit.teacher.lesson", "make a three-lens lesson (student notebook, key, handout) from any article (FILE, bundled id or URL)"),
}


class Articles:
    """``python -m kit articles [--ids]``: the bundled articles with their source."""

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--ids", action="store_true", help="print only the ids")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        from kit.core.text import list_articles, load_article

        for article_id in list_articles():
            art = load_article(article_id)
            if args.ids:
                print(art.id)
            else:
                mark = "  [constructed for teaching]" if art.constructed else ""
                print(f"{art.id}  {art.date}  {art.source}  {art.title}{mark}")
        return 0


class Handouts:
    """``python -m kit handouts -o DIR``: print-ready HTML pages of lessons/handouts/.

    >>> import tempfile
    >>> main(["handouts", "-o", tempfile.mkdtemp()])  # doctest: +ELLIPSIS
    Wrote ... handouts to ...
    0
    """

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("-o", "--out", metavar="DIR", default="handouts_html",
                            help="folder to write the HTML pages into (default: handouts_html)")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        from kit.teacher.handouts import build_handouts

        written = build_handouts(args.out)
        print(f"Wrote {len(written)} handouts to {args.out}: open them in a browser and print.")
        for path in written:
            print(f"  {path}")
        return 0


class Versions:
    """``python -m kit versions A B -o out.html``: two versions side by side, changes marked.

    A and B: a .txt or .html file, a bundled article id, or a web address (needs the internet).

    >>> import os, tempfile
    >>> out = os.path.join(tempfile.mkdtemp(), "v.html")
    >>> main(["versions", "aleppo-2024-12-02-wire", "aleppo-2024-12-02-state-media", "-o", out])  # doctest: +ELLIPSIS
    Wrote ... changes ...
    0
    """

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("a", metavar="A", help="the first version: a .txt/.html file, a bundled id or a URL")
        parser.add_argument("b", metavar="B", help="the second version, the same way")
        parser.add_argument("-o", "--output", default="versions.html", metavar="OUT",
                            help="where to write the page (default: versions.html)")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        from pathlib import Path

        from kit.core.fetch import fetch_page
        from kit.compare.versions import align_versions
        from kit.compare.versions_view import versions_page
        from kit.core.errors import InputError
        from kit.teacher.report import resolve

        def load(source: str) -> tuple[str, str]:
            if source.startswith(("http://", "https://")):
                return fetch_page(source), source
            text, meta = resolve(source)
            return text, " \u00b7 ".join(str(meta[k]) for k in ("title", "source", "date") if meta.get(k))

        from kit.core.files import refuse_overwrite

        refuse_overwrite(args.output, args.a, args.b)
        (a, about_a), (b, about_b) = load(args.a), load(args.b)
        al = align_versions(a, b)
        page = versions_page(al, about=(about_a, about_b))
        try:
            Path(args.output).write_text(page, encoding="utf-8")
        except OSError as err:
            raise InputError(f"Could not write {args.output!r}: {err.strerror or err}.") from None
        n = len(al.changes)
        print(f"Wrote {args.output}: {n} change{'' if n == 1 else 's'} between A and B. Open it in a browser.")
        return 0


def _command(target: str):
    module, _, attr = target.partition(":")
    mod = importlib.import_module(module)
    return getattr(mod, attr) if attr else mod


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kit", description="The media-literacy kit's teacher commands.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (target, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        command = _command(target)
        command.add_arguments(cmd)
        cmd.set_defaults(_run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 1
    try:
        return int(args._run(args) or 0)
    except KitError as err:
        print(f"kit: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
