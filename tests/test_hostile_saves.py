"""Hostile suite, second pass (issue 25): saving answers never loses work silently and never blocks.

Each test builds its own small case in a temporary folder: a full disk (a monkeypatched
OSError ENOSPC), a damaged file on a full disk, the umask, temporary files left by a killed
kernel, a pipe or a folder named kit_answers.json, a linked answers file, text cut in the
middle of an emoji (a lone surrogate), and numbers too long to print.
"""

from __future__ import annotations

import errno
import inspect
import os
import stat
import threading
import time

import pytest

import kit
from kit import catalog
from kit.classroom import answers
from kit.classroom.answers import exercise, load_answers, save_answer, store_answer
from kit.classroom.feedback import Feedback
from kit.core import files

OK = Feedback(True, "Well done!")


@exercise("hostile_demo")
def demo(answer):
    return Feedback(True, f"Well done! You wrote {answer}.")


@pytest.fixture
def answers_file(tmp_path, monkeypatch):
    path = tmp_path / "kit_answers.json"
    monkeypatch.setenv("KIT_ANSWERS", str(path))
    return path


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_told_to_the_student(answers_file, monkeypatch):
    monkeypatch.setattr(files.os, "fsync", _disk_full)
    fb = demo("rebels")
    assert fb.message.startswith("⚠️ Not saved: the disk is full")  # said before "Well done!"
    assert not answers_file.exists()
    assert [p.name for p in answers_file.parent.iterdir()] == [".kit_answers.json.lock"]  # no temporary file left


def test_a_quota_error_says_so(answers_file, monkeypatch):
    monkeypatch.setattr(files.os, "fsync", lambda *_: (_ for _ in ()).throw(OSError(errno.EDQUOT, "Disk quota")))
    assert "quota" in store_answer("q", "x", OK).notice


def test_a_damaged_file_on_a_full_disk_stays_where_it_was(answers_file, monkeypatch):
    answers_file.write_bytes(b'{"old": {"answer": "kept"')  # cut short
    monkeypatch.setattr(files.os, "fsync", _disk_full)
    result = store_answer("q", "x", OK)
    assert not result.saved and "the disk is full" in result.notice
    assert answers_file.read_bytes() == b'{"old": {"answer": "kept"'
    assert not list(answers_file.parent.glob("*.bak.json"))  # moved back: nothing changed


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_follow_the_umask(answers_file, umask, mode):
    old = os.umask(umask)
    try:
        assert save_answer("q", "x", OK)
    finally:
        os.umask(old)
    assert stat.S_IMODE(answers_file.stat().st_mode) == mode


def test_a_file_keeps_the_permissions_it_had(answers_file):
    answers_file.write_text("{}")
    answers_file.chmod(0o640)
    assert save_answer("q", "x", OK)
    assert stat.S_IMODE(answers_file.stat().st_mode) == 0o640


def test_stale_temporary_files_are_removed(answers_file):
    stale = answers_file.parent / ".kit_answers.json.k1ll3d.tmp"
    fresh = answers_file.parent / ".kit_answers.json.wr1t1ng.tmp"
    stale.write_bytes(b"x" * 1000)
    fresh.write_bytes(b"y")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    assert save_answer("q", "x", OK)
    assert not stale.exists() and fresh.exists()  # a fresh one may be another kernel's save in progress


def _finishes(fn, seconds=20.0):
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn} blocked"
    return out["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_the_answers_file_never_blocks(answers_file):
    os.mkfifo(answers_file)
    fb = _finishes(lambda: demo("rebels"))
    assert "Not saved" in fb.message and "not an ordinary file" in fb.message
    assert _finishes(load_answers) == {}
    assert _finishes(lambda: kit.saved("hostile_demo")) is ...
    assert stat.S_ISFIFO(os.lstat(answers_file).st_mode)  # left alone


def test_a_folder_named_like_the_answers_file_is_told(answers_file):
    answers_file.mkdir()
    fb = demo("rebels")
    assert "Not saved" in fb.message and "is a folder" in fb.message


def test_a_linked_answers_file_stays_a_link(answers_file):
    real = answers_file.parent / "elsewhere.json"
    real.write_text('{"old": {"answer": 1}}')
    answers_file.symlink_to(real.name)
    assert save_answer("q", "x", OK)
    assert answers_file.is_symlink()
    assert set(load_answers(real)) == {"old", "q"}


def test_an_answer_cut_mid_emoji_is_saved_and_shown(answers_file):
    cut = "Protesters \ud83d"  # half of a surrogate pair: what a cut string from a web page can hold
    fb = demo(cut)
    assert fb.passed and "\ud83d" not in fb.message and "Not saved" not in fb.message
    fb._repr_html_().encode("utf-8")  # the notebook can show it
    assert load_answers()["hostile_demo"]["answer"] == cut


def test_parse_reads_a_lone_surrogate():
    doc = kit.parse("Police said 12 were hurt \ud83d.")
    assert "\ud83d" not in doc.text and len(doc) > 3


def test_every_checker_on_a_number_too_long_to_print(answers_file):
    for fn in catalog.checkers():
        n = len([p for p in inspect.signature(fn).parameters.values() if p.default is p.empty])
        fb = fn(*[10**5000] * max(1, n))
        assert isinstance(fb, Feedback) and not fb.passed and fb.message.strip(), fn.__name__


SAVER = """
import sys
from kit.classroom.answers import store_answer
from kit.classroom.feedback import Feedback
who, n = sys.argv[1], int(sys.argv[2])
lost = [i for i in range(n) if not store_answer(f"{who}_{i}", i, Feedback(True, "ok")).saved]
print(len(lost))
"""


def test_processes_saving_at_once_lose_nothing(answers_file):
    import subprocess
    import sys

    from conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT), KIT_ANSWERS=str(answers_file))
    procs = [subprocess.Popen([sys.executable, "-c", SAVER, f"p{k}", "25"], env=env, stdout=subprocess.PIPE, text=True)
             for k in range(4)]
    assert [p.communicate(timeout=300)[0].strip() for p in procs] == ["0"] * 4  # every save confirmed...
    saved = load_answers()
    assert all(f"p{k}_{i}" in saved for k in range(4) for i in range(25))  # ...and there


def test_gradebook_outputs_follow_the_umask(tmp_path):
    from kit.teacher.gradebook_io import write_outputs

    old = os.umask(0o022)
    try:
        write_outputs(tmp_path, {"gradebook.csv": "student\n"})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "gradebook.csv").stat().st_mode) == 0o644
