"""``python -m kit``: the teacher commands (see :mod:`kit.teacher.cli`)."""

import sys

from kit.teacher.cli import main

if __name__ == "__main__":
    sys.exit(main())
