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


def printable(text: str) -> str:
    """File names as printable text (no terminal control characters).

    >>> printable("a\x1b[31mb")
    'a?[31mb'
    """
    return "".join(c if c.isprintable() else "?" for c in text)


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


#: Folders nested deeper than this under the class folder are not entered (nbgrader's layout is 3 deep).
MAX_DEPTH = 20


def walk(folder: Path, *, max_depth: int = MAX_DEPTH) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every file under ``folder`` (hidden ones left out) and the entries not entered, with why.

    Never follows a link, to a file or a folder. Iterative (a stack, not recursion), so a
    thousand nested folders cannot crash it; folders deeper than ``max_depth`` are listed as
    not entered.
    """
    files, passed = [], []
    stack = [(Path(folder), 0)]
    while stack:
        here, depth = stack.pop()
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            passed.append((here, f"could not be opened ({err.strerror or err})"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_link, is_dir = entry.is_symlink(), entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link, is_dir = False, False
            if is_link and os.path.isdir(entry.path):
                passed.append((here / entry.name, "a link to another folder: not followed"))
            elif is_dir and not entry.name.startswith("__"):
                subfolders.append(here / entry.name)
            elif not is_dir:
                files.append(here / entry.name)
        if subfolders and depth >= max_depth:
            passed.append((here, f"has folders more than {max_depth} levels deep: those were not read"))
            continue
        stack += [(sub, depth + 1) for sub in reversed(subfolders)]
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


def column_title(exercise_id: str) -> str:
    """A gradebook.csv column heading a teacher can read: the notebook, then the exercise in words.

    >>> column_title("framing_loaded_label"), column_title("start_observatory"), column_title("my_own_q")
    ('01 framing: loaded label', '00 start: observatory', 'my own q')
    """
    from kit.catalog import checkers

    for check in checkers():
        if check.exercise_id == exercise_id:
            notebook = ((check.__doc__ or "").strip().split(":", 1)[0]).strip()
            if re.fullmatch(r"\d\d_[a-z_]+", notebook):
                number, _, lens = notebook.partition("_")
                words = exercise_id.split("_", 1)[1] if "_" in exercise_id else exercise_id
                return f"{number} {lens.replace('_', ' ')}: {words.replace('_', ' ')}"
    return str(exercise_id).replace("_", " ")


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


def decode_table(raw: bytes) -> str:
    """The text of a CSV file as a spreadsheet saved it: UTF-8 (with or without Excel's
    byte-order mark), UTF-16 ("Unicode text"), else Windows-1252 (Excel's "CSV" on Windows).

    >>> decode_table(b"\\xef\\xbb\\xbfstudent"), decode_table("Jos\\u00e9".encode("cp1252"))
    ('student', 'José')
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_table(path: Path, max_bytes: int = 20_000_000) -> list[dict[str, str]]:
    """The rows of a CSV file as ``header -> cell`` dicts, in any form Excel writes: the
    encodings of :func:`decode_table`, and a comma, a semicolon (European settings) or a tab
    between cells. Raises OSError or ValueError when the file cannot be read.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "g.csv"
    >>> _ = p.write_bytes("\\ufeffstudent;score\\r\\nJos\\u00e9;3\\r\\n".encode("utf-8"))
    >>> read_table(p)
    [{'student': 'José', 'score': '3'}]
    """
    from kit.core.files import read_regular

    text = decode_table(read_regular(path, max_bytes))
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        return []
    head = [h.strip() for h in rows[0]]
    return [dict(zip(head, (c.strip() for c in row))) for row in rows[1:] if any(c.strip() for c in row)]


def is_output(name: str) -> bool:
    """A file the gradebook writes (or its dated copy), not a student's work.

    >>> is_output("gradebook.csv"), is_output("gradebook.2026-12-06T21-05-00.bak.csv"), is_output("ana.csv")
    (True, True, False)
    """
    return name in ("gradebook.csv", "gradebook.html", "answers.csv", "items.csv") or (
        name.startswith("gradebook.") and name.endswith(".bak.csv"))


def backup_previous(path: Path, new_text: str = "") -> Path | None:
    """Copy ``path`` (a gradebook.csv a teacher may have typed into) to a dated
    ``gradebook.2026-12-06T21-05-00.bak.csv`` beside it before it is replaced (unless it already
    holds ``new_text``); the copy's path. Raises :class:`InputError` when the copy cannot be
    made, so nothing is replaced."""
    import shutil
    import time

    try:
        if not path.is_file() or path.read_bytes() == new_text.encode("utf-8"):
            return None
    except OSError:
        pass
    stamp = time.strftime("%Y-%m-%dT%H-%M-%S")
    for n in range(1, 1000):
        backup = path.with_name(f"{path.stem}.{stamp}{'' if n == 1 else f'-{n}'}.bak{path.suffix}")
        if not os.path.lexists(backup):
            break
    try:
        shutil.copy2(path, backup)
    except OSError as err:
        raise InputError(f"Could not keep a copy of {path.name} before writing a new one ({err.strerror or err}); "
                         "nothing was changed. Free some space or choose another folder with -o.") from None
    return backup


def typed_scores(out: Path, columns: list[str], valid: set[str],
                 students: list[str] | None = None) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The scores a teacher typed in ``columns`` of ``out/gradebook.csv`` (column -> student -> score),
    and a note for every typed cell that will not be carried over: a value that is not one of
    ``valid``, or (when ``students`` is given) a student whose work was not found this time.
    A typed score is never dropped without a note."""
    path = Path(out) / "gradebook.csv"
    kept: dict[str, dict[str, str]] = {c: {} for c in columns}
    if not path.is_file():
        return kept, []
    try:
        rows = read_table(path)
    except (OSError, ValueError, csv.Error) as err:
        return kept, [f"The old gradebook.csv could not be read ({err}), so scores typed in it are not carried "
                      "over. Its dated copy (gradebook.<date>.bak.csv) has them."]
    known = None if students is None else {str(s).lstrip("'") for s in students}
    notes = []
    for row in rows:
        name = (row.get("student") or "").lstrip("'")
        for column in columns:
            value = (row.get(column) or "").strip()
            if not value:
                continue
            if value not in valid:
                notes.append(f"{value!r} typed for {name!r} in {column!r} is not one of {', '.join(sorted(valid))}: "
                             "not carried over (it is in the dated copy of the old gradebook.csv).")
            elif known is not None and name not in known:
                notes.append(f"The score {value} typed for {name!r} in {column!r} was not carried over: no work "
                             f"from {name!r} was found this time (it is in the dated copy of the old gradebook.csv).")
            else:
                kept[column][name] = value
    return kept, notes


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
    from kit.core.files import remove_stale_temps

    out = prepare_out(out)
    written = []
    for name, text in contents.items():
        remove_stale_temps(out / name)  # left by a run killed while writing
        try:
            write_atomic(out / name, text)
        except OSError as err:
            raise InputError(f"Could not write {display_name(str(out / name))!r} ({err.strerror or err}); "
                             "files that were there before are unchanged.") from None
        written.append(out / name)
    return written


def page_template():
    """The gradebook page's Jinja2 template (autoescaped), with filters that put ids in words."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from kit.core.glossary import plain_label

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters.update(plain=plain_label, exercise_title=column_title)
    return env.get_template("gradebook.html.j2")
