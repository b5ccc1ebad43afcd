"""``python -m kit gradebook`` on folders nobody should trust: pipes, devices, links, file
names that are not UTF-8, bad options; and outputs that are never left half-written."""

from __future__ import annotations

import csv
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from kit.core.errors import InputError
from kit.teacher import gradebook, gradebook_io
from kit.teacher.cli import main as cli

GOOD = json.dumps({"start_observatory": {"answer": "the observatory", "passed": True}})


@pytest.fixture
def klass(tmp_path):
    root = tmp_path / "class"
    (root / "ana").mkdir(parents=True)
    (root / "ana" / "kit_answers.json").write_text(GOOD)
    return root


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = cli(["gradebook", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_named_like_an_answers_file_is_skipped_not_waited_on(klass):
    (klass / "bob").mkdir()
    os.mkfifo(klass / "bob" / "kit_answers.json")
    os.mkfifo(klass / "bob" / "01_framing.ipynb")
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("book", gradebook.collect(klass, templates=None)),
                              daemon=True)
    worker.start()
    worker.join(20)
    assert "book" in done, "the gradebook blocked on a pipe"
    skipped = {n.path: n.reason for n in done["book"].skipped}
    assert "regular file" in skipped["bob/kit_answers.json"] and "regular file" in skipped["bob/01_framing.ipynb"]
    assert set(done["book"].students) == {"ana"}


def test_a_device_is_skipped(klass):
    try:
        os.mknod(klass / "ana" / "zero_kit_answers.json", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device file here")
    book = gradebook.collect(klass, templates=None)
    assert "regular file" in {n.path: n.reason for n in book.skipped}["ana/zero_kit_answers.json"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_links_to_folders_and_files_are_never_followed(klass, tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "kit_answers.json").write_text(json.dumps({"start_observatory": {"answer": "leak", "passed": True}}))
    os.symlink(secret, klass / "zed")
    os.symlink(secret / "kit_answers.json", klass / "ana" / "more_kit_answers.json")
    book = gradebook.collect(klass, templates=None)
    skipped = {n.path: n.reason for n in book.skipped}
    assert "not followed" in skipped["zed"] and "not followed" in skipped["ana/more_kit_answers.json"]
    assert set(book.students) == {"ana"}
    assert all(t[1] != "leak" for s in book.students.values() for t in s.texts)


@pytest.mark.skipif(os.name == "nt" or os.uname().sysname == "Darwin", reason="needs a file system taking any bytes")
def test_file_names_that_are_not_utf8_are_shown_escaped(klass, tmp_path, capsys):
    root = os.fsencode(klass)
    os.mkdir(root + b"/Ren\xe9e")                                                      # Latin-1, as from a Windows zip
    with open(root + b"/Ren\xe9e/kit_answers.json", "w") as f:
        f.write(GOOD)
    with open(root + b"/Ren\xe9e/notes\xff.txt", "w") as f:
        f.write("x")
    code, out, err = _run(capsys, klass, "-o", tmp_path / "out", "--templates", "")
    assert code == 0, err
    assert "Ren\\xe9e" in out
    with open(tmp_path / "out" / "gradebook.csv", encoding="utf-8") as f:
        assert {r["student"] for r in csv.DictReader(f)} == {"ana", "Ren\\xe9e"}
    page = (tmp_path / "out" / "gradebook.html").read_text(encoding="utf-8")
    assert "Ren\\xe9e" in page and "notes\\xff.txt" in page


def test_nothing_is_written_when_making_the_page_fails(klass, tmp_path, monkeypatch):
    out = tmp_path / "out"
    gradebook.write(gradebook.collect(klass, templates=None), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (klass / "bea").mkdir()
    (klass / "bea" / "kit_answers.json").write_text(GOOD)
    book = gradebook.collect(klass, templates=None)
    monkeypatch.setattr(gradebook, "status_word", lambda status: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        gradebook.write(book, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before     # all three files as they were


def test_a_failed_write_keeps_the_earlier_gradebook(klass, tmp_path, monkeypatch):
    out = tmp_path / "out"
    gradebook.write(gradebook.collect(klass, templates=None), out)
    earlier = (out / "gradebook.html").read_bytes()
    monkeypatch.setattr(gradebook_io.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(InputError):
        gradebook.write(gradebook.collect(klass, templates=None), out)
    assert (out / "gradebook.html").read_bytes() == earlier
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("bad_out, words", [
    ("a_file", "is a file, not a folder"),
    ("a_file/sub", "Cannot make the folder"),
])
def test_bad_output_places_are_one_clear_line(klass, tmp_path, capsys, bad_out, words):
    (tmp_path / "a_file").write_text("not a folder")
    code, out, err = _run(capsys, klass, "-o", tmp_path / bad_out)
    assert code == 2 and words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "a_file").read_text() == "not a folder"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_output_folder_is_one_clear_line(klass, tmp_path, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    code, out, err = _run(capsys, klass, "-o", ro)
    assert code == 2 and "Cannot write" in err


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf", "-inf"])
def test_max_mb_must_be_a_positive_number(klass, tmp_path, capsys, value):
    code, out, err = _run(capsys, klass, "-o", tmp_path / "out", f"--max-mb={value}")
    assert code == 2 and "positive number of megabytes" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "gradebook.html").exists()


def test_max_mb_small_values_work(klass, tmp_path, capsys):
    code, out, err = _run(capsys, klass, "-o", tmp_path / "out", "--max-mb", "0.00001")
    assert code == 0 and "too big" in out


@pytest.mark.parametrize("make", ["dev_zero", "fifo", "file"])
def test_a_folder_argument_that_is_not_a_folder_is_one_clear_line(tmp_path, capsys, make):
    if make == "dev_zero":
        target = Path("/dev/zero")
        if not target.exists():
            pytest.skip("no /dev/zero here")
    elif make == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        target = tmp_path / "work.zip"
        target.write_bytes(b"PK\x03\x04")
    code, out, err = _run(capsys, target, "-o", tmp_path / "out")
    assert code == 2 and "not a folder" in err and len(err.strip().splitlines()) == 1


def test_backups_and_lock_files_the_kit_makes_are_not_students_work(klass):
    (klass / "ana" / "kit_answers.2026-11-30T17-20-05.bak.json").write_text("{broken")
    (klass / "ana" / ".kit_answers.json.lock").write_text("")
    book = gradebook.collect(klass, templates=None)
    skipped = {n.path: n.reason for n in book.skipped}
    assert "could not read" in skipped["ana/kit_answers.2026-11-30T17-20-05.bak.json"]
    assert not any("lock" in p for p in skipped)


def test_collect_refuses_bad_limits_directly(klass):
    for bad in (float("nan"), -5, 0, True, "5"):
        with pytest.raises(InputError, match="positive number"):
            gradebook.collect(klass, templates=None, max_bytes=bad)
