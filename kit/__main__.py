"""Command line for teachers: ``python -m kit COMMAND ...`` (``python -m kit --help``).

Each command lives in its own module with two functions, ``add_arguments(parser)`` and
``run(args) -> int``; this file only lists them. Errors meant for users print as one
clear line (exit code 2), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import KitError

#: command name -> (module, one-line help). Add a command by adding a line.
COMMANDS = {
    "articles": ("kit.cli_articles", "list the bundled articles"),
    "report": ("kit.report", "write a self-contained HTML report of the three lenses for an article (FILE or bundled id)"),
    "gradebook": ("kit.gradebook", "read a folder of students' notebooks: write gradebook.csv and gradebook.html"),
    "handouts": ("kit.cli_handouts", "make printable HTML pages of the handouts in lessons/handouts/"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit",
        description="The media-literacy kit's teacher commands.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        mod = importlib.import_module(module)
        mod.add_arguments(cmd)
        cmd.set_defaults(_run=mod.run)
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


if __name__ == "__main__":
    sys.exit(main())
