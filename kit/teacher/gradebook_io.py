"""Safe file handling for ``python -m kit gradebook``: a students' folder is read without
trusting it, and the outputs are written so a failure never spoils an earlier gradebook.

* Links are never followed, and only regular files are opened (a pipe or a device named
  ``kit_answers.json`` would otherwise block or never end); each is read up to a limit.
* File names are shown as text whatever their bytes: a name that is not UTF-8 (as a zip
  made on Windows gives) is shown with ``\\xNN`` escapes.
* Each output is written to a temporary file in the output folder, then renamed over the
  old one: never half a gradebook.html.

>>> display_name("caf\\udce9.ipynb")
'caf\\\\xe9.ipynb'
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
from pathlib import Path

from kit.core.errors import InputError
from kit.core.files import write_atomic


def display_name(name: str) -> str:
    """A file name as printable-safe text: undecodable bytes as ``\\xNN``."""
    try:
        raw = os.fsencode(name)
    except (UnicodeError, TypeError):
        return name.encode("utf-8", "backslashreplace").decode("ascii", "replace")
    return raw.decode("utf-8", "backslashreplace")


def check_folder(folder: Path) -> Path:
    """``folder`` if it is a folder, else a clear :class:`InputError`."""
    if not os.path.lexists(folder):
        raise InputError(f"There is no folder {display_name(str(folder))!r}. Give the folder with the students' work.")
    if not folder.is_dir():
        raise InputError(f"{display_name(str(folder))!r} is not a folder (it is a file, a device or a pipe). "
                         "Give the folder with the students' work.")
    return folder


def check_max_bytes(max_bytes: float, *, shown: object = None) -> int:
    """A positive whole number of bytes, else a clear :class:`InputError`.

    >>> check_max_bytes(5e6)
    5000000
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, (int, float)) or not math.isfinite(max_bytes) \
            or max_bytes <= 0:
        raise InputError("The size limit must be a positive number of megabytes (e.g. --max-mb 5), "
                         f"not {max_bytes if shown is None else shown!r}.")
    return max(1, int(max_bytes))


def walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every file under ``folder`` (hidden ones left out) and the entries not entered, with why.

    Never follows a link, to a file or a folder.
    """
    files, passed = [], []

    def note_error(err: OSError) -> None:
        passed.append((Path(err.filename or folder), f"could not be opened ({err.strerror or err})"))

    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False, onerror=note_error):
        here = Path(dirpath)
        for d in list(dirnames):
            if os.path.islink(here / d):
                passed.append((here / d, "a link to another folder: not followed"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")) and not os.path.islink(here / d))
        files += [here / f for f in sorted(filenames) if not f.startswith(".")]
    return files, passed


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ValueError saying why not."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise ValueError("a link to another file: not followed")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (a pipe, a device or a socket): not read")
    if info.st_size > max_bytes:
        raise ValueError(f"too big ({info.st_size / 1e6:.1f} MB, the limit is {max_bytes / 1e6:.1f} MB)")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped since the check
            raise ValueError("not a regular file: not read")
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"too big (more than {max_bytes / 1e6:.1f} MB)")
    return data


_BACKUP = re.compile(r"\.bak\.json$", re.I)


def file_kind(name: str, answers_name: str = "kit_answers") -> str | None:
    """``"notebook"``, ``"answers"``, ``"backup"`` (a copy the kit kept of an unreadable answers file) or None.

    >>> file_kind("ana.ipynb"), file_kind("kit_answers.json"), file_kind("kit_answers.2026-11-30T17-20-05.bak.json")
    ('notebook', 'answers', 'backup')
    """
    low = name.lower()
    if low.endswith(".ipynb"):
        return "notebook"
    if low.endswith(".json") and answers_name in low:
        return "backup" if _BACKUP.search(low) else "answers"
    return None


def load_json(path: Path, max_bytes: int) -> tuple[object, str]:
    """``(data, "")``, or ``(None, why it was skipped)``; never raises for a bad file."""
    try:
        return json.loads(read_limited(path, max_bytes).decode("utf-8")), ""
    except UnicodeDecodeError:
        return None, "not text (a binary file?)"
    except json.JSONDecodeError as err:
        return None, f"damaged JSON (line {err.lineno}): could not be read"
    except RecursionError:
        return None, "nested too deeply: not a kit file"
    except (OSError, ValueError, MemoryError) as err:
        return None, str(err) or type(err).__name__


def cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula.

    >>> cell("=HYPERLINK(1)"), cell("ok")
    ("'=HYPERLINK(1)", 'ok')
    """
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(rows: list[list]) -> str:
    """Rows as CSV text (formula-looking cells defused by the caller)."""
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def prepare_out(out: str | Path) -> Path:
    """The output folder, made if needed; a clear :class:`InputError` when it cannot be one."""
    out = Path(out)
    shown = display_name(str(out))
    if os.path.lexists(out) and not out.is_dir():
        raise InputError(f"-o {shown!r} is a file, not a folder. Give a folder for gradebook.csv and gradebook.html.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"Cannot make the folder {shown!r} for the gradebook ({err.strerror or err}). "
                         "Choose another folder with -o.") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"Cannot write into {shown!r} (no permission). Choose another folder with -o.")
    return out


def write_outputs(out: str | Path, contents: dict[str, str]) -> list[Path]:
    """Write each ``name -> text`` into ``out`` atomically; InputError (old files intact) on failure."""
    out = prepare_out(out)
    written = []
    for name, text in contents.items():
        try:
            write_atomic(out / name, text)
        except OSError as err:
            raise InputError(f"Could not write {display_name(str(out / name))!r} ({err.strerror or err}); "
                             "files that were there before are unchanged.") from None
        written.append(out / name)
    return written
