"""File helpers shared by the rooms: writing a file whole or not at all, reading only ordinary files.

* :func:`write_atomic` writes a unique temporary file, then renames it over the old one; the
  new file gets the old one's permissions, or those the process's umask allows for a new file
  (as any program's would), so a teacher's account can read a student's answers where the
  school's umask says so. A link is written through: the file it points to is replaced and
  the link stays.
* :func:`read_regular` never blocks on a pipe or a device and never reads a folder.
* :func:`remove_stale_temps` removes the temporary files a killed process left behind.
* :func:`plain_os_error` says what went wrong in plain words ("the disk is full").

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_atomic(p, "hello")
>>> read_regular(p)
b'hello'
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path

#: A temporary file older than this (seconds) belongs to no save in progress.
STALE_SECONDS = 120


class NotAFile(OSError):
    """The path is a folder, a pipe, a device or a socket: the message says which."""


def process_umask() -> int:
    """The process's umask (read without changing it where the system allows).

    >>> 0 <= process_umask() <= 0o777
    True
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it, then put it back at once
    os.umask(mask)
    return mask


def _target(path: Path) -> Path:
    """``path``, or the file a link at ``path`` points to (so the link is kept)."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~process_umask()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a unique temporary file, then a rename.

    Line ends are written as given (no translation). A rename refused while a reader has the
    file open (Windows) is tried again a few times. Raises OSError (the old file unchanged)
    or UnicodeEncodeError (text with lone surrogates; nothing written).
    """
    path = _target(Path(path))
    data = text.encode("utf-8")  # before any file is made
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        for attempt in range(5):  # Windows refuses a rename while a reader has the file open
            try:
                os.replace(tmp, path)
                return
            except PermissionError:
                if attempt == 4:
                    raise
                time.sleep(0.05 * (attempt + 1))
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_stale_temps(path: Path, *, older_than: float = STALE_SECONDS) -> int:
    """Remove temporary files of :func:`write_atomic` for ``path`` older than ``older_than`` s.

    A process killed while writing (kill -9, a full disk) leaves one behind; call this while
    holding the file's lock. Returns how many were removed; never raises.
    """
    path = _target(Path(path))
    removed, now = 0, time.time()
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                if not (entry.name.startswith(f".{path.name}.") and entry.name.endswith(".tmp")):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue
    except OSError:
        pass
    return removed


def refuse_overwrite(output, *inputs) -> None:
    """Raise :class:`kit.InputError` when ``output`` is one of the ``inputs`` files (``-o`` onto
    the teacher's own article), links and other spellings of the same path included.

    >>> refuse_overwrite("report.html", "aleppo-2024-12-02")
    """
    from kit.core.errors import InputError

    for source in inputs:
        try:
            same = os.path.exists(output) and os.path.exists(source) and os.path.samefile(output, source)
        except (OSError, ValueError, TypeError):
            same = False
        if same:
            raise InputError(f"-o {str(output)!r} is the file being read: writing there would replace it. "
                             "Choose another name for the output, e.g. -o report.html.")


class Busy(OSError):
    """Another process held a file's lock for the whole wait."""


def file_lock(path: Path, *, notice_after: float = 5.0, wait: float = 60.0, say=print):
    """A context manager holding the cross-process lock of ``path`` (``.NAME.lock`` beside it).

    It waits for another holder; after ``notice_after`` seconds it says so (``say``), after
    ``wait`` seconds it raises :class:`Busy`. The lock is never skipped: only a file system
    without locks (errno ENOLCK, ENOTSUP) goes on unlocked, as there is nothing to wait for.

    >>> import pathlib, tempfile
    >>> with file_lock(pathlib.Path(tempfile.mkdtemp()) / "a.json"):
    ...     pass
    """
    import contextlib

    from filelock import FileLock, Timeout

    path = Path(path)
    lock = FileLock(str(path.with_name(f".{path.name}.lock")), mode=0o666 & ~process_umask())

    def acquire() -> bool:
        try:
            lock.acquire(timeout=notice_after)
            return True
        except Timeout:
            say(f"\u23f3 Another notebook is saving to {path.name}; waiting for it (up to {wait:.0f} s)...")
        try:
            lock.acquire(timeout=max(0.0, wait - notice_after))
            return True
        except Timeout:
            raise Busy(errno.EBUSY, f"another notebook kept {path.name} busy for {wait:.0f} s") from None

    @contextlib.contextmanager
    def held():
        try:
            locked = acquire()
        except Busy:
            raise
        except OSError as err:
            if getattr(err, "errno", None) not in (errno.ENOLCK, getattr(errno, "ENOTSUP", -1)):
                raise
            locked = False  # a file system without locks: nothing to wait for
        try:
            yield
        finally:
            if locked:
                lock.release()

    return held()


def read_regular(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of the ordinary file at ``path`` (links followed), never blocking.

    Raises FileNotFoundError, :class:`NotAFile` for a folder, a pipe, a device or a socket,
    or ValueError when the file is bigger than ``max_bytes``.
    """
    info = os.stat(path)
    _check_regular(path, info.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as f:
        _check_regular(path, os.fstat(f.fileno()).st_mode)  # swapped since the check
        data = f.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise ValueError(f"bigger than {max_bytes:,} bytes")
    return data


def refuse_special(path: Path) -> None:
    """:class:`NotAFile` when ``path`` (a link followed) is a folder, a pipe, a device or a socket,
    found without opening it (opening a pipe would block); nothing when it is a file or missing."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise NotAFile(errno.EISDIR, f"{path.name} is a folder, not a file (rename or move that folder)", str(path))
    if not stat.S_ISREG(mode):
        raise NotAFile(errno.EINVAL, f"{path.name} is not an ordinary file (a pipe or a device): ask your teacher "
                                     "to remove it", str(path))


def _check_regular(path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise NotAFile(errno.EISDIR, "it is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        raise NotAFile(errno.EINVAL, "it is not an ordinary file (a pipe, a device or a socket)", str(path))


#: errno -> what happened, in plain words.
_PLAIN = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your storage space (quota) is full",
    errno.EACCES: "there is no permission to write in this folder",
    errno.EPERM: "there is no permission to write in this folder",
    errno.EROFS: "the folder is read-only",
    errno.EISDIR: "there is a folder where the file should be",
    errno.ENOENT: "the folder is missing",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the disk could not be written (an input/output error)",
}


def plain_os_error(err: BaseException) -> str:
    """What a failed read or write means, in plain words.

    >>> plain_os_error(OSError(errno.ENOSPC, "No space left on device"))
    'the disk is full'
    """
    if isinstance(err, NotAFile):
        return err.strerror or "it is not an ordinary file"
    if isinstance(err, UnicodeError):
        return "the text has characters that cannot be written"
    code = getattr(err, "errno", None)
    if code in _PLAIN:
        return _PLAIN[code]
    return (getattr(err, "strerror", None) or str(err) or type(err).__name__).rstrip(".")
