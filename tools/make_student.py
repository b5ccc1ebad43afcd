"""Make the student notebooks in notebooks/ from the teacher notebooks in lessons/teacher/.

Teacher notebooks mark answers the nbgrader way:

    ### BEGIN SOLUTION
    answer = "the observatory"
    ### END SOLUTION

In the student copy, each ``name = ...`` line of a solution becomes ``name = ...`` with
a placeholder (so the checker says "not answered yet" instead of raising), other solution
lines become ``# YOUR CODE HERE``; a Markdown solution becomes a prompt to write, followed
by a code cell (tagged ``model-answer``) with a *Show a model answer* button that appears once
the student has saved an answer of their own (:func:`kit.classroom.widgets.make_model_answer`;
the teacher's solution is stored base64-encoded, so it is not read at a glance). The answer
is saved under the cell's ``kit_exercise`` metadata, else ``<notebook>_written_<n>``; a cell
tagged ``transfer`` gets the transfer task's rubric, every other the open-answer rubric.
Cells tagged ``teacher-only`` are left out, outputs are cleared, and the ``# NBVAL_CHECK_OUTPUT``
markers are dropped (student copies have no saved outputs to compare). Markdown that only fits
JupyterLab ("(In a notebook you can also ...)", the write-here line) is hidden in app mode
(:mod:`kit.core.appmode`), and a last cell links to the next step of the course.

Teacher notebooks keep the outputs of the cells marked ``# NBVAL_CHECK_OUTPUT`` (tables, counts,
feedback): nbval compares them on every test run, so a change in what a student sees fails a
test until the outputs are saved again on purpose with ``--execute`` (see CONTRIBUTING.md).

    python tools/make_student.py             # write notebooks/*.ipynb
    python tools/make_student.py --check     # exit 1 if any student copy is stale
    python tools/make_student.py --execute   # run the teacher notebooks, save the checked outputs, then write
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TEACHER = ROOT / "lessons" / "teacher"
STUDENT = ROOT / "notebooks"

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
ASSIGN = re.compile(r"^(\s*)([A-Za-z_][A-Za-z_0-9]*)\s*=")
MARKDOWN_STUB = "_Write your answer here._"
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
#: Hides Lab-only text in app mode (Voila applies it; JupyterLab drops <style> from Markdown).
APP_STYLE = "<style>.kit-lab-only{display:none !important}</style>"
#: "(In a notebook you can also replace the ... and run it.)": only for JupyterLab.
IN_A_NOTEBOOK = re.compile(r"\((?:In a notebook|In code)\b[^()]*(?:\([^()]*\)[^()]*)*\)")


def lab_only(text: str) -> str:
    """``text`` in a span that app mode hides (:mod:`kit.core.appmode`).

    >>> lab_only("Run the cell.")
    '<span class="kit-lab-only">Run the cell.</span>'
    """
    return f'<span class="kit-lab-only">{text}</span>'


def app_aware(markdown: str) -> str:
    """A Markdown cell with what app mode cannot do hidden there: the write-here line (the box
    below it takes the answer) and "(In a notebook ...)" asides about code cells.

    >>> app_aware("Press Check. (In a notebook you can also edit the `...` and run it.)")
    'Press Check. <span class="kit-lab-only">(In a notebook you can also edit the `...` and run it.)</span>'
    """
    lines = [lab_only(MARKDOWN_STUB) if line.strip() == MARKDOWN_STUB else line for line in markdown.splitlines()]
    return IN_A_NOTEBOOK.sub(lambda m: lab_only(m.group(0)), "\n".join(lines))


def strip_solution(source: str, *, markdown: bool) -> str:
    """Replace every solution region of a cell's source with a student placeholder.

    >>> print(strip_solution("x = 1\\n### BEGIN SOLUTION\\nanswer = 'b'\\nprint(2)\\n### END SOLUTION\\ncheck(answer)", markdown=False))
    x = 1
    answer = ...  # your answer
    # YOUR CODE HERE
    check(answer)
    """
    out: list[str] = []
    inside = False
    for line in source.splitlines():
        if line.strip() == BEGIN:
            inside = True
            if markdown:
                out.append(MARKDOWN_STUB)
            continue
        if line.strip() == END:
            inside = False
            continue
        if not inside:
            out.append(line)
        elif not markdown:
            m = ASSIGN.match(line)
            if m:
                out.append(f"{m.group(1)}{m.group(2)} = ...  # your answer")
            elif "# YOUR CODE HERE" not in out[-1:]:
                indent = re.match(r"\s*", line).group(0)
                out.append(f"{indent}# YOUR CODE HERE")
    return "\n".join(out)


def solution_text(source: str) -> str:
    """The text inside a cell's solution regions (the teacher's model answer).

    >>> solution_text("Prompt\\n### BEGIN SOLUTION\\nA model.\\n### END SOLUTION")
    'A model.'
    """
    inside, out = False, []
    for line in source.splitlines():
        if line.strip() in (BEGIN, END):
            inside = line.strip() == BEGIN
            continue
        if inside:
            out.append(line)
    return "\n".join(out).strip()


def model_answer_cell(cell, exercise_id: str):
    """The code cell that shows a Markdown solution as a model answer, after the student tried."""
    import base64

    tags = cell.get("metadata", {}).get("tags", [])
    exercise_id = str(cell.get("metadata", {}).get("kit_exercise") or exercise_id)
    model = base64.b64encode(solution_text(cell.source).encode("utf-8")).decode("ascii")
    rubric = ', rubric="transfer"' if "transfer" in tags else ""
    source = ("# Save your own answer here first; then a button shows a model answer.\n"
              "from kit.classroom.widgets import make_model_answer\n\n"
              f"make_model_answer({exercise_id!r},\n                  {model!r}{rubric})")
    return nbformat.v4.new_code_cell(source, metadata={"tags": ["model-answer"]})


def student_copy(nb, name: str = "notebook"):
    """A new notebook: the teacher's without solutions, teacher-only cells and outputs; a model
    answer behind a button after each Markdown solution."""
    new = nbformat.v4.new_notebook(metadata=nb.metadata)
    written, styled = 0, False
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "teacher-only" in tags:
            continue
        cell = nbformat.from_dict(dict(cell))
        cell.pop("id", None)
        cell.get("metadata", {}).pop("execution", None)
        model = None
        if cell.cell_type == "markdown" and BEGIN in cell.source:
            written += 1
            model = model_answer_cell(cell, f"{name}_written_{written}")
        cell.source = strip_solution(cell.source, markdown=cell.cell_type == "markdown")
        if cell.cell_type == "markdown":
            cell.source = app_aware(cell.source)
            if not styled:
                cell.source, styled = cell.source + "\n\n" + APP_STYLE, True
        if cell.cell_type == "code":
            cell.source = drop_check_mark(cell.source)
            cell.outputs = []
            cell.execution_count = None
        new.cells.append(cell)
        if model is not None:
            new.cells.append(model)
    new.cells.append(next_step_cell(name))
    for i, cell in enumerate(new.cells):
        cell["id"] = f"cell-{i:03d}"
    return new


def next_step_cell(name: str):
    """The last cell of every student notebook: a link to the next step of the course
    (:mod:`kit.classroom.course`) and back to the start page with the student's progress."""
    source = ("# What comes next: a link (in app mode it keeps the easy-read choice).\n"
              "from kit.classroom.course import next_step\n\n"
              f"next_step({name!r})")
    return nbformat.v4.new_code_cell(source, metadata={"tags": ["next-step"]})


def drop_check_mark(source: str) -> str:
    """A code cell's source without the nbval marker line.

    >>> drop_check_mark("# NBVAL_CHECK_OUTPUT\\nprint(1)")
    'print(1)'
    """
    return "\n".join(line for line in source.splitlines() if line.strip() != CHECK_MARK)


def checked(cell) -> bool:
    """Is this a code cell whose saved output nbval compares?"""
    return cell.cell_type == "code" and any(line.strip() == CHECK_MARK for line in cell.source.splitlines())


def run_notebook(path: Path, answers: Path, timeout: int = 600, *, widgets: bool = False):
    """Run a notebook in a fresh kernel, its folder as the working folder, saving answers to
    ``answers`` (never the class's file); the executed notebook (with ``widgets``, its widgets'
    state too, in its metadata). Used by :func:`execute` and by the tests."""
    import os

    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    old = os.environ.get("KIT_ANSWERS")
    os.environ["KIT_ANSWERS"] = str(answers)
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=widgets,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        if old is None:
            os.environ.pop("KIT_ANSWERS", None)
        else:
            os.environ["KIT_ANSWERS"] = old
    return nb


def execute(path: Path, timeout: int = 600) -> None:
    """Run a teacher notebook (answers saved to a temporary file, not the class's), keep the
    outputs of the ``# NBVAL_CHECK_OUTPUT`` cells and clear the others (widget outputs only work
    in a live kernel)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        nb = run_notebook(path, Path(tmp) / "kit_answers.json", timeout)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)  # timings: noise in every diff
        if cell.cell_type == "code":
            if not checked(cell):
                cell.outputs = []
                cell.execution_count = None
            for out in cell.outputs:
                out.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    path.write_text(render(nb), encoding="utf-8")


def render(nb) -> str:
    return nbformat.writes(nb) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the copies are current")
    parser.add_argument("--execute", nargs="*", metavar="NAME",
                        help="first run the teacher notebooks (all, or those named, e.g. 01_framing) "
                             "and save the outputs nbval checks")
    args = parser.parse_args(argv)
    if args.execute is not None:
        for src in sorted(TEACHER.glob("*.ipynb")):
            if not args.execute or src.stem in args.execute:
                print(f"running {src.relative_to(ROOT)}")
                execute(src)
    stale = []
    for src in sorted(TEACHER.glob("*.ipynb")):
        text = render(student_copy(nbformat.read(src, as_version=4), src.stem))
        dest = STUDENT / src.name
        if args.check:
            if not dest.exists() or dest.read_text(encoding="utf-8") != text:
                stale.append(dest.name)
        else:
            dest.write_text(text, encoding="utf-8")
            print(f"wrote {dest.relative_to(ROOT)}")
    if stale:
        print("Stale student notebooks (run `make student`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
