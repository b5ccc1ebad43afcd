"""Shared fixtures: one spaCy model and the seed article per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "aleppo-2024-12-02"


def pytest_configure(config):
    """Notebook kernels (nbval) inherit this: their saved answers go to a temporary file,
    not into notebooks/ where a student would later find them pre-filled."""
    import os
    import tempfile

    os.environ["KIT_ANSWERS"] = os.path.join(tempfile.mkdtemp(prefix="kit-test-"), "kit_answers.json")


@pytest.fixture(autouse=True)
def _answers_file(tmp_path, monkeypatch):
    """Checkers save answers; keep them out of the repository during tests."""
    monkeypatch.setenv("KIT_ANSWERS", str(tmp_path / "kit_answers.json"))


@pytest.fixture(scope="session")
def nlp():
    return kit.load_model()


@pytest.fixture(scope="session")
def seed():
    return kit.load_article(SEED_ID)


@pytest.fixture(scope="session")
def seed_doc(seed):
    return kit.parse(seed.text)


def span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Character offsets of the nth occurrence of needle in text (for hand-written gold)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright driver for the whole session: the browser tests and the hub test share it
    (a second sync driver cannot start while the first one's event loop runs)."""
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    yield pw
    pw.stop()


def best_seconds(fn, arg, *, runs: int, reset=None) -> float:
    """The best of ``runs`` timings of ``fn(arg)`` (a busy machine only ever adds time), with
    ``reset(arg)`` before each run, garbage collection paused, and a floor of 0.02 s (below a
    few hundredths of a second, a busy machine's noise): for tests of how work grows with size."""
    import gc
    import time

    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            if reset is not None:
                reset(arg)
            t = time.perf_counter()
            fn(arg)
            best = min(best, time.perf_counter() - t)
    finally:
        gc.enable()
    return max(best, 0.02)
