"""Saved answers never lose a student's work: atomic saves, a lock between kernels,
unreadable files kept as dated backups, and readers that take any JSON without crashing."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest

import kit
from kit.classroom import answers, start
from kit.classroom.answers import load_answers, parse_answers, save_answer, store_answer
from kit.classroom.feedback import Feedback

OK = Feedback(True, "Well done!")


def _save_many(path: str, who: str, n: int) -> None:
    for i in range(n):
        assert save_answer(f"{who}_{i}", f"answer {i}", OK, Path(path))


@pytest.mark.parametrize("method", ["spawn", "fork"] if hasattr(os, "fork") else ["spawn"])
def test_two_kernels_saving_at_once_keep_every_answer(tmp_path, method):
    path = tmp_path / "kit_answers.json"
    ctx = multiprocessing.get_context(method)
    procs = [ctx.Process(target=_save_many, args=(str(path), who, 150)) for who in ("left", "right")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    saved = load_answers(path)
    assert len(saved) == 300
    assert saved["left_149"]["answer"] == "answer 149" and saved["right_0"]["passed"] is True
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "kit_answers.json"]
    assert all(name.endswith(".lock") for name in leftovers), leftovers   # no temporary files left


def test_threads_saving_at_once_keep_every_answer(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "kit_answers.json"
    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(lambda i: save_answer(f"q{i}", i, OK, path), range(80)))
    assert len(load_answers(path)) == 80


@pytest.mark.parametrize("damaged, why", [
    (b'{"start_observatory": {"answer": "AF', "damaged"),                    # cut short
    ('{"q": {"answer": "x"}}'.encode("utf-16"), "not UTF-8"),               # another encoding
    (b"[1, 2, 3]", "list"),                                                    # not an object
    (b'"just text"', "text"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
])
def test_an_unreadable_file_is_kept_as_a_dated_backup_and_named(tmp_path, monkeypatch, damaged, why):
    path = tmp_path / "kit_answers.json"
    path.write_bytes(damaged)
    monkeypatch.setenv("KIT_ANSWERS", str(path))
    assert kit.saved("start_observatory") is ...      # reading never raises, never moves anything
    assert path.read_bytes() == damaged

    checked = start.start_observatory("the observatory")            # a checker saves its answer
    [backup] = tmp_path.glob("kit_answers.*.bak.json")
    assert backup.read_bytes() == damaged                       # the old file, byte for byte
    assert backup.name in checked.message and why in checked.message
    assert kit.saved("start_observatory") == "the observatory"  # and the new answer is saved


def test_save_answer_prints_where_the_backup_went(tmp_path, capsys):
    path = tmp_path / "kit_answers.json"
    path.write_text("{broken")
    assert save_answer("q", "x", OK, path) is True
    [backup] = tmp_path.glob("kit_answers.*.bak.json")
    assert backup.name in capsys.readouterr().out
    assert load_answers(path)["q"]["answer"] == "x"
    path.write_text("{broken again")
    save_answer("q", "y", OK, path)
    assert len(list(tmp_path.glob("kit_answers.*.bak.json"))) == 2    # a second backup, not over the first


def test_an_empty_file_needs_no_backup(tmp_path):
    path = tmp_path / "kit_answers.json"
    path.write_text("")
    result = store_answer("q", "x", OK, path)
    assert result.saved and result.backup is None and not list(tmp_path.glob("*.bak.json"))


@pytest.mark.parametrize("content", [
    {"start_observatory": "x"},
    {"start_observatory": ["x"], "q": None, "r": 3},
    {"start_observatory": {"answer": None}},
    {"start_observatory": {"no answer": 1}},
])
def test_readers_accept_any_json_shape(tmp_path, monkeypatch, content):
    path = tmp_path / "kit_answers.json"
    path.write_text(json.dumps(content))
    monkeypatch.setenv("KIT_ANSWERS", str(path))
    value = kit.saved("start_observatory")
    assert value is ... or value is None
    assert all(isinstance(v, dict) for v in kit.load_answers().values())
    assert kit.saved(None) is ... and kit.saved(["x"], 1) == 1
    # Saving keeps the entries it does not understand (they are someone's data).
    assert save_answer("new", "x", OK, path)
    after = json.loads(path.read_text())
    assert {k: v for k, v in after.items() if k != "new"} == content


def test_infinity_nan_and_huge_numbers_read_as_none(tmp_path, monkeypatch):
    path = tmp_path / "kit_answers.json"
    path.write_text('{"framing_annot": {"answer": [{"start_char": Infinity, "end_char": NaN, "tag": "x"},'
                    ' {"start_char": 1e999, "end_char": -Infinity, "tag": "x"},'
                    ' {"start_char": 0, "end_char": ' + "9" * 5000 + ', "tag": "x"}]}}')
    monkeypatch.setenv("KIT_ANSWERS", str(path))
    saved = kit.saved("framing_annot")
    assert saved[0] == {"start_char": None, "end_char": None, "tag": "x"}
    from kit.classroom.annotate import marks_from_saved

    assert marks_from_saved(saved, "some text", ["x"]) == []
    assert save_answer("other", 1, OK, path)
    json.loads(path.read_text(), parse_constant=lambda c: pytest.fail(f"wrote {c}"))  # strict JSON


def test_deep_answers_and_deep_old_entries_never_break_a_save(tmp_path):
    path = tmp_path / "kit_answers.json"
    deep = []
    for _ in range(50_000):
        deep = [deep]
    loop = []
    loop.append(loop)
    assert save_answer("deep", deep, OK, path) and save_answer("loop", loop, OK, path)
    assert save_answer("nan", float("nan"), OK, path) and save_answer("set", {"b", "a"}, OK, path)
    saved = load_answers(path)
    assert isinstance(saved["deep"]["answer"], str) and saved["set"]["answer"] == ["a", "b"]
    assert saved["nan"]["answer"] == "nan"
    # An old file with an entry nested 900 deep: readable, and a save still works.
    path.write_text('{"old": {"answer": ' + "[" * 900 + "]" * 900 + '}, "keep": {"answer": "mine"}}')
    assert save_answer("q", "x", OK, path)
    assert load_answers(path)["keep"]["answer"] == "mine" and load_answers(path)["q"]["answer"] == "x"


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "kit_answers.json"
    assert save_answer("q1", "first", OK, path)
    before = path.read_bytes()

    def broken_replace(*args):
        raise OSError("disk full")

    monkeypatch.setattr(answers.os, "replace", broken_replace)
    assert save_answer("q2", "second", OK, path) is False
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_unwritable_places_return_false(tmp_path):
    assert save_answer("q", "x", OK, tmp_path) is False                      # a folder
    assert save_answer("q", "x", OK, tmp_path / "no" / "such" / "a.json") is False


def test_a_stuck_lock_is_never_bypassed_and_the_student_is_told(tmp_path, monkeypatch, capsys):
    from filelock import FileLock

    path = tmp_path / "kit_answers.json"
    monkeypatch.setattr(answers, "LOCK_TIMEOUT", 0.2)
    monkeypatch.setattr(answers, "LOCK_WAIT", 0.6)
    with FileLock(str(tmp_path / ".kit_answers.json.lock")):
        # Another kernel (here: this process, the lock is per open file) holds the lock throughout.
        result = answers.store_answer("q", "x", OK, path)
    assert not result.saved and not path.exists()
    assert "Not saved" in result.notice and "busy" in result.notice
    assert "waiting" in capsys.readouterr().out


def test_a_save_waits_for_the_lock_then_saves(tmp_path, monkeypatch):
    import threading

    from filelock import FileLock

    path = tmp_path / "kit_answers.json"
    monkeypatch.setattr(answers, "LOCK_TIMEOUT", 0.1)
    lock = FileLock(str(tmp_path / ".kit_answers.json.lock"), thread_local=False)
    lock.acquire()
    threading.Timer(0.5, lock.release).start()
    assert save_answer("q", "x", OK, path)
    assert load_answers(path)["q"]["answer"] == "x"


def test_parse_answers_reasons():
    with pytest.raises(answers.Unreadable, match="cut short"):
        parse_answers(b'{"a": ')
    assert parse_answers(b"  \n") == {}
    assert parse_answers('\ufeff{"a": {"answer": 1}}'.encode()) == {"a": {"answer": 1}}
