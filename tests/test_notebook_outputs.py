"""What students see, checked on the notebooks themselves (issue 14).

* Teacher notebooks keep the outputs of their deterministic cells (tables, counts, feedback),
  marked ``# NBVAL_CHECK_OUTPUT``; nbval (``--nbval-lax``) compares them on every run, so a lens
  change that alters what a student sees fails until the outputs are saved again on purpose:
  ``.venv/bin/python tools/make_student.py --execute`` (CONTRIBUTING.md).
* No saved output is a Figure printed as text (``<Figure size ...>``) or a traceback.
* Student notebooks have no outputs and no nbval markers.
* Every student notebook, executed fresh, shows each chart as an image.
"""

from __future__ import annotations

import sys

import nbformat
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import make_student  # noqa: E402

TEACHER = ROOT / "lessons" / "teacher"
STUDENT = ROOT / "notebooks"
MARK = "# NBVAL_CHECK_OUTPUT"

#: Each lesson notebook has at least this many cells whose saved output nbval checks.
MIN_CHECKED = 3

LESSONS = sorted(TEACHER.glob("0*.ipynb"))
STUDENTS = sorted(STUDENT.glob("*.ipynb"))


def texts(output) -> list[str]:
    """Every text an output shows (stream text, text/plain, text/html, an error's traceback)."""
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    if output.get("output_type") == "error":
        return ["Traceback\n" + "\n".join(output.get("traceback", []))]
    data = output.get("data", {})
    return [str(data[k]) for k in ("text/plain", "text/html") if k in data]


def bad_output(output) -> str | None:
    """Why this output must not be shown to a student, or None."""
    if output.get("output_type") == "error":
        return f"an error ({output.get('ename')}: {output.get('evalue')})"
    for text in texts(output):
        if text.lstrip().startswith("<Figure") or "<Figure size" in text:
            return f"a Figure shown as text: {text[:60]!r}"
        if "Traceback (most recent call last)" in text:
            return "a traceback"
        if "Something went wrong inside the kit" in text:
            return "a kit error message"
    return None


def checked_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and MARK in c.source.splitlines()]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_teacher_notebook_has_checked_outputs(path):
    nb = nbformat.read(path, as_version=4)
    cells = checked_cells(nb)
    with_output = [c for c in cells if c.outputs]
    assert len(with_output) >= MIN_CHECKED, (
        f"{path.name}: {len(with_output)} cells with checked outputs, want {MIN_CHECKED}+. Mark "
        f"deterministic cells '{MARK}' and run tools/make_student.py --execute")
    empty = [c.source.splitlines()[1:2] for c in cells if not c.outputs]
    assert not empty, f"{path.name}: marked cells without saved output (run --execute): {empty}"


@pytest.mark.parametrize("path", sorted(TEACHER.glob("*.ipynb")), ids=lambda p: p.stem)
def test_no_saved_output_is_a_figure_text_or_traceback(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            why = bad_output(out)
            assert why is None, f"{path.name} cell {i}: {why}"


@pytest.mark.parametrize("path", STUDENTS, ids=lambda p: p.stem)
def test_student_notebook_has_no_outputs_or_markers(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs, f"{path.name}: student copies are saved without outputs"
            assert MARK not in cell.source, f"{path.name}: the nbval marker is left in a student copy"


def is_chart_cell(source: str) -> bool:
    """A cell that should show a chart: it calls a lens's charts module, not a widget builder."""
    return "charts." in source and "make_" not in source and not source.lstrip().startswith("import")


def run(path, tmp_path):
    return make_student.run_notebook(path, tmp_path / "kit_answers.json")


@pytest.mark.parametrize("path", STUDENTS, ids=lambda p: p.stem)
def test_fresh_student_notebook_shows_charts_as_images(path, tmp_path):
    nb = run(path, tmp_path)
    charts = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            why = bad_output(out)
            assert why is None, f"{path.name} cell {i}: {why}"
        if is_chart_cell(cell.source):
            charts += 1
            pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert pngs, f"{path.name} cell {i}: a chart cell shows no image:\n{cell.source}"
    if path.stem in ("01_framing", "02_attribution", "03_numbers"):
        assert charts, f"{path.name}: no chart cell found"


@pytest.mark.parametrize("name", ["00_start", "01_framing", "02_attribution", "03_numbers"])
def test_easy_read_switch(name, tmp_path, monkeypatch):
    """In app mode ``?easy-read=1`` (Voila's QUERY_STRING) switches notebooks 00-03 to the
    easy-read version; every cell still runs, and the page says which article it reads."""
    monkeypatch.setenv("QUERY_STRING", "easy-read=1")
    nb = run(STUDENT / f"{name}.ipynb", tmp_path)
    setup = nb.cells[0]
    assert "EASY_READ = False" in setup.source, "the switch is one visible line in the setup cell"
    shown = " ".join(t for out in setup.outputs for t in texts(out))
    assert "easy-read version" in shown
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            why = bad_output(out)
            assert why is None, f"{name} (easy read) cell {i}: {why}"
