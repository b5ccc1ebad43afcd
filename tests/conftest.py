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
