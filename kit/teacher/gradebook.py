"""``python -m kit gradebook DIR``: a teacher's overview of a folder of students' work.

Reads every notebook (``*.ipynb``) and saved-answers file (``kit_answers.json``) under
``DIR``. One student is one subfolder (``DIR/alice/01_framing.ipynb``, the layout
nbgrader's ``submitted/`` folder has too), or, for files directly in ``DIR``, the file
name (``alice_01_framing.ipynb``, ``alice_kit_answers.json``). Writes, into ``-o OUT``:

* ``gradebook.csv``  one row per student: exercises done and passed, quiz scores, and a
  column per exercise (``passed``, ``tried`` or empty);
* ``answers.csv``    every free-text answer, one row per student and question;
* ``gradebook.html`` the same as a page: the table, quiz scores per lens before and
  after, free-text answers grouped per question for reading, and what was skipped.

Free-text answers are cells tagged ``reflection`` whose content differs from the blank
student copy, and text answers saved by the checkers. Broken, foreign, binary or huge
files are listed as skipped, never stop the run; all student text is escaped.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "ana").mkdir()
>>> _ = (d / "ana" / "kit_answers.json").write_text('{"start_observatory": {"answer": "AFP", "passed": false}}')
>>> book = collect(d)
>>> book.students["ana"].exercises["start_observatory"].passed
False
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.core.errors import InputError
from kit.teacher.gradebook_io import (backup_previous, cell as csv_cell, check_folder, check_max_bytes, csv_text,
                                      column_title, display_name, file_kind, is_output, load_json, prepare_out,
                                      page_template, printable, walk, write_outputs)

MAX_BYTES = 5_000_000        #: files bigger than this are skipped (a notebook with many plots is ~1 MB)
MAX_TEXT = 4_000             #: longer free-text answers are cut for reading
ANSWERS_MAX_BYTES = 64_000_000  #: answers files are read up to this (one huge answer must not hide a student)
MAX_ENTRIES = 500            #: more saved answers than this in one file is not a kit file
ANSWERS_NAME = "kit_answers"
STUB_LINES = {"_write your answer here._", "# your code here", "..."}
ROOT = Path(__file__).resolve().parents[2]
HOSTILE = re.compile(r"<\s*(script|iframe|object|embed|style|img|svg)\b|javascript:|\bon\w+\s*=", re.I)
CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")  # a checker call, e.g. exercises.framing_same_side(answer)
EXERCISE_ID = re.compile(r"^[\w.\-]{1,80}$")
LAB_ONLY = re.compile(r'<span class="kit-lab-only">|</span>')  # student copies wrap the write-here line


@dataclass(frozen=True)
class Status:
    """One exercise for one student: ``done`` (answered and checked) and ``passed``."""

    done: bool
    passed: bool
    source: str  # "answers" (kit_answers.json) or "notebook" (a checker's output)


@dataclass(frozen=True)
class Note:
    """A file that was skipped or flagged, and why (shown to the teacher)."""

    path: str
    reason: str


@dataclass
class Student:
    name: str
    exercises: dict = field(default_factory=dict)   # id -> Status
    quizzes: dict = field(default_factory=dict)     # occasion (or form) id -> kit.classroom.quiz.QuizResult
    forms: dict = field(default_factory=dict)       # occasion -> the form taken ("quiz_a", "quiz_b")
    tries: dict = field(default_factory=dict)       # exercise id -> how many times it was checked
    transfers: dict = field(default_factory=dict)   # occasion -> kit.teacher.assessment.Transfer
    texts: list = field(default_factory=list)       # (question, answer, file)
    files: list = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(s.done for s in self.exercises.values())

    @property
    def passed(self) -> int:
        return sum(s.passed for s in self.exercises.values())


@dataclass
class Gradebook:
    folder: Path
    students: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)
    flagged: list = field(default_factory=list)

    def exercises(self) -> list[str]:
        """Every exercise id seen, in teaching order where the kit knows it."""
        seen = {e for s in self.students.values() for e in s.exercises}
        order = [e for e in known_exercises() if e in seen]
        return order + sorted(seen - set(order))

    def quizzes(self) -> list[str]:
        from kit.classroom.forms import FORMS, OCCASIONS

        seen = {q for s in self.students.values() for q in s.quizzes}
        return [b for b in OCCASIONS + FORMS if b in seen] + sorted(seen - set(OCCASIONS + FORMS))

    def questions(self) -> dict[str, list[tuple[str, str]]]:
        """Free-text answers grouped per question: question -> [(student, answer)]."""
        out: dict[str, list[tuple[str, str]]] = {}
        for name in sorted(self.students):
            for question, answer, _ in self.students[name].texts:
                out.setdefault(question, []).append((name, answer))
        return out


def known_exercises() -> list[str]:
    """Exercise ids of the kit's checkers, in the order they are defined."""
    from kit.catalog import checkers

    return [c.exercise_id for c in checkers()]


# ---------------------------------------------------------------- reading


def _student_for(rel: Path, template_names: list[str]) -> str:
    if len(rel.parts) > 1:
        return rel.parts[0]
    stem = rel.stem
    for suffix in [ANSWERS_NAME] + sorted((Path(t).stem for t in template_names), key=len, reverse=True):
        if stem.lower().endswith(suffix.lower()) and len(stem) > len(suffix):
            return stem[: -len(suffix)].rstrip("_- .") or stem
    return stem


def _template_notebook(name: str, templates: Path | None) -> dict | None:
    if not templates:
        return None
    for cand in sorted(templates.glob("*.ipynb"), key=lambda p: -len(p.name)):
        if name.endswith(cand.name):
            try:
                return json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
    return None


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        src = "".join(s for s in src if isinstance(s, str))
    return src if isinstance(src, str) else ""


def _tags(cell: dict) -> list:
    meta = cell.get("metadata")
    tags = meta.get("tags", []) if isinstance(meta, dict) else []
    return tags if isinstance(tags, list) else []


def _question_of(lines: list[str]) -> str:
    """The prompt's question: its first line with a question mark, else its first line.

    >>> _question_of(["## Your turn", "", "**Who says so?**", "_Write your answer here._"])
    'Who says so?'
    """
    asked = [line for line in lines if "?" in line]
    for line in asked + lines:
        q = line.strip().lstrip("#*>- ").rstrip("*").strip()
        if q and q.lower() not in STUB_LINES:
            return q[:200]
    return "(reflection)"


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + " [...]"


def _flag_if_hostile(book: Gradebook, rel: str, text: str) -> None:
    if HOSTILE.search(text) and not any(n.path == rel for n in book.flagged):
        book.flagged.append(Note(rel, "contains HTML or script in an answer: shown as plain text"))


def _read_notebook(book: Gradebook, student: Student, rel: str, data: dict, templates: Path | None) -> None:
    cells = data.get("cells")
    if not isinstance(cells, list) or data.get("nbformat", 0) < 4:
        book.skipped.append(Note(rel, "not a Jupyter notebook (version 4 or later)"))
        return
    cells = [c for c in cells if isinstance(c, dict)]
    if not any(c.get("cell_type") == "code" and re.search(r"^\s*(import kit|from kit\b)", _source(c), re.M)
               for c in cells):
        book.skipped.append(Note(rel, "not a kit notebook (it never imports kit)"))
        return
    student.files.append(rel)
    from kit.catalog import checkers
    from kit.classroom.feedback import not_answered_output

    ids = {c.__name__: c.exercise_id for c in checkers()}

    # Checkers that were run: output starting ✅ (passed) or 💡 (tried); "not answered yet" is no try.
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        calls = [name for name in CALL.findall(_source(cell)) if name in ids]
        outputs = cell.get("outputs") if isinstance(cell.get("outputs"), list) else []
        shown = ""
        for out in outputs:
            data_ = out.get("data") if isinstance(out, dict) else None
            if isinstance(data_, dict):
                plain = data_.get("text/plain", "")
                shown = "".join(plain) if isinstance(plain, list) else str(plain)
        if not calls or not shown.lstrip().startswith(("✅", "💡")) or not_answered_output(shown):
            continue
        ex_id = ids[calls[-1]]
        ok = shown.lstrip().startswith("✅")
        old = student.exercises.get(ex_id)
        if old is None or (old.source == "notebook" and ok and not old.passed):
            student.exercises[ex_id] = Status(True, ok, "notebook")

    # Reflections: the student's lines are those not in the blank copy of the same cell.
    template = _template_notebook(Path(rel).name, templates) or {}
    t_cells = [c for c in template.get("cells", []) if isinstance(c, dict)]
    by_id = {c.get("id"): c for c in t_cells}
    for cell in cells:
        if "reflection" not in _tags(cell):
            continue
        lines = LAB_ONLY.sub("", _source(cell)).splitlines()  # a student's words only
        t_cell = by_id.get(cell.get("id"))
        if t_cell is None:
            first = lines[0].strip() if lines else ""
            t_cell = next((c for c in t_cells if "reflection" in _tags(c)
                           and _source(c).splitlines()[:1] == [first]), None)
        t_lines = LAB_ONLY.sub("", _source(t_cell)).splitlines() if t_cell else lines[:1]
        blank = {line.strip().lower() for line in t_lines} | STUB_LINES
        mine = [line for line in lines if line.strip() and line.strip().lower() not in blank
                and "# your answer" not in line]
        if mine:
            answer = "\n".join(mine).strip()
            _flag_if_hostile(book, rel, answer)
            student.texts.append((_question_of(t_lines), _cut(answer), rel))


def _read_answers(book: Gradebook, student: Student, rel: str, data) -> None:
    from kit.teacher import assessment

    if not isinstance(data, dict):
        book.skipped.append(Note(rel, "not a kit answers file (expected a JSON object)"))
        return
    if len(data) > MAX_ENTRIES:
        book.skipped.append(Note(rel, f"more than {MAX_ENTRIES} answers: not a kit answers file"))
        return
    student.files.append(rel)
    bad = 0
    for ex_id, entry in data.items():
        if not isinstance(ex_id, str) or not EXERCISE_ID.match(ex_id) or not isinstance(entry, dict):
            bad += 1
            continue
        answer = entry.get("answer")
        if assessment.read_entry(student, ex_id, entry):  # quizzes and transfer tasks (tries of the others)
            continue
        passed = entry.get("passed") is True
        student.exercises[ex_id] = Status(answer is not None, passed, "answers")
        if isinstance(answer, str) and answer.strip():
            _flag_if_hostile(book, rel, answer)
            student.texts.append((ex_id, _cut(answer.strip()), rel))
    if bad:
        book.flagged.append(Note(rel, f"{bad} entr{'y' if bad == 1 else 'ies'} not in the kit's format: left out"))


def collect(folder: str | Path, *, templates: str | Path | None = "auto", max_bytes: int = MAX_BYTES) -> Gradebook:
    """Read a folder of students' notebooks and answer files into a :class:`Gradebook`.

    ``templates`` is the folder of blank student notebooks (default: the kit's
    ``notebooks/`` when it is there), used to tell a student's reflection from the prompt.
    Links are not followed and only regular files are read (see :mod:`kit.teacher.gradebook_io`).
    """
    folder = check_folder(Path(folder))
    max_bytes = check_max_bytes(max_bytes)
    if templates == "auto":
        templates = ROOT / "notebooks" if (ROOT / "notebooks").is_dir() else None
    templates = Path(templates) if templates else None
    template_names = [p.name for p in templates.glob("*.ipynb")] if templates and templates.is_dir() else []
    book = Gradebook(folder)
    paths, passed = walk(folder)
    book.skipped += [Note(_rel(path, folder), reason) for path, reason in passed]
    for path in paths:
        rel = _rel(path, folder)
        kind = file_kind(path.name, ANSWERS_NAME)
        if kind is None:
            if not is_output(path.name):
                book.skipped.append(Note(rel, "not a notebook or a kit_answers.json file"))
            continue
        if kind == "backup":
            book.skipped.append(Note(rel, "a copy the kit kept of an answers file it could not read: open it by hand"))
            continue
        big_answers = kind != "notebook" and max_bytes == MAX_BYTES  # a limit the teacher set applies to all
        data, why = load_json(path, ANSWERS_MAX_BYTES if big_answers else max_bytes)
        if why:
            book.skipped.append(Note(rel, why))
            continue
        name = _student_for(Path(rel), template_names)
        student = book.students.get(name) or Student(name)
        try:
            if kind == "notebook":
                if not isinstance(data, dict):
                    book.skipped.append(Note(rel, "not a Jupyter notebook"))
                    continue
                _read_notebook(book, student, rel, data, templates)
            else:
                _read_answers(book, student, rel, data)
        except Exception as err:  # a strange file must never stop the whole gradebook
            book.skipped.append(Note(rel, f"could not be read ({type(err).__name__})"))
            continue
        if student.files:
            book.students[name] = student
    return book


def _rel(path: Path, folder: Path) -> str:
    """The path under ``folder`` as text, undecodable name bytes shown as ``\\xNN``."""
    return display_name(path.relative_to(folder).as_posix())


# ---------------------------------------------------------------- writing


def status_word(status: Status | None) -> str:
    return "" if status is None or not status.done else ("passed" if status.passed else "tried")


def write(book: Gradebook, out: str | Path) -> list[Path]:
    """Write gradebook.csv, answers.csv and gradebook.html into ``out``; returns their paths.

    Everything is made first, then each file replaces the old one whole: a failure leaves
    the earlier gradebook as it was (and raises :class:`InputError` saying so).
    """
    from kit.classroom.feedback import QUESTIONS
    from kit.core.glossary import plain_label
    from kit.teacher import assessment, skills

    out = prepare_out(out)
    exercises, quizzes = book.exercises(), book.quizzes()
    names = sorted(book.students)
    grades = [["student", "done", "passed"] + [plain_label(q) for q in quizzes] + [column_title(e) for e in exercises]]
    for n in names:
        s = book.students[n]
        quiz_cells = [f"{s.quizzes[q].correct}/{s.quizzes[q].total}" if q in s.quizzes else "" for q in quizzes]
        grades.append([csv_cell(n), s.done, s.passed] + quiz_cells + [status_word(s.exercises.get(e)) for e in exercises])
    answers = [["question", "student", "answer"]]
    answers += [[csv_cell(question), csv_cell(n), csv_cell(answer)]
                for question, rows in book.questions().items() for n, answer in rows]
    grades = skills.add_columns(grades, book, names, out)  # forms, transfer rubric, tries, per-skill before/after
    book.flagged.extend(Note("gradebook.csv", why) for why in skills.lost_scores(out, [g[0] for g in grades[1:]]))
    quiz_rows = [(n, {q: book.students[n].quizzes.get(q) for q in quizzes}) for n in names]
    page = page_template().render(
        book=book, names=names, exercises=exercises, quizzes=quizzes, quiz_rows=quiz_rows,
        skill_rows=(skill_rows := skills.summary(book, names)), skill_cell=skills.cell,
        skill_words={r.skill: r.description for r in skill_rows}, rubric=skills.RUBRIC_LEVELS,
        item_stats=(form_stats := assessment.form_statistics(book)), tries=assessment.tries_of, rubric_scores=skills.rubric_by_occasion(out),
        lenses=list(QUESTIONS), questions=book.questions(), status_word=status_word,
        folder=display_name(book.folder.name), QUESTIONS=QUESTIONS,
        class_passed={e: sum(status_word(book.students[n].exercises.get(e)) == "passed" for n in names)
                      for e in exercises},
    )
    backup_previous(out / "gradebook.csv", csv_text(grades))  # the teacher may have typed into it: keep it
    return write_outputs(out, {"gradebook.csv": csv_text(grades), "answers.csv": csv_text(answers),
                               "items.csv": csv_text(assessment.item_rows(form_stats)), "gradebook.html": page})


# ---------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="folder with the students' notebooks and kit_answers.json files")
    parser.add_argument("-o", "--out", default=".", help="where to write gradebook.csv/.html (default: here)")
    parser.add_argument("--templates", default="auto",
                        help="folder of the blank student notebooks (default: the kit's notebooks/)")
    parser.add_argument("--max-mb", type=float, default=None,
                        help=f"skip files bigger than this many megabytes (default {MAX_BYTES / 1e6:g})")


def run(args: argparse.Namespace) -> int:
    max_bytes = MAX_BYTES if args.max_mb is None else max(1, check_max_bytes(args.max_mb * 1e6, shown=args.max_mb))
    prepare_out(args.out)  # a bad -o is said before the folder is read
    book = collect(args.folder, templates=args.templates, max_bytes=max_bytes)
    paths = write(book, args.out)
    print(f"{len(book.students)} students, {len(book.exercises())} exercises, "
          f"{len(book.quizzes())} quizzes; {len(book.skipped)} files skipped, {len(book.flagged)} flagged.")
    for note in book.skipped:
        print(f"  skipped {printable(note.path)}: {note.reason}")
    for note in book.flagged:
        print(f"  flagged {printable(note.path)}: {note.reason}")
    for p in paths:
        print(f"wrote {p}")
    return 0
