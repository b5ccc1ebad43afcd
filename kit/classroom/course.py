"""The course for a self-learner: every notebook and quiz in order, and how far the student got.

The steps are data (``kit/classroom/data/course.toml``). :func:`progress` reads the saved
answers (``kit_answers.json``) and says, per step, how many exercises are answered ("done",
"started" or "to do"); :func:`course_view` shows it as the start page's table with a link to
each notebook, and :func:`next_step` is the link at the end of every notebook.

Links are relative (``01_framing.ipynb``): JupyterLab opens them as notebooks, app mode (Voila)
as pages. In app mode an easy-read page passes ``?easy-read=1`` on, so the choice is kept from
one notebook to the next.

>>> [s.notebook for s in steps()][:3]
['00_start', 'quiz_before', '01_framing']
>>> p = progress({"framing_same_side": {"answer": ["a"]}})
>>> p[2].status, p[2].done, p[2].total
('started', 1, 4)
"""

from __future__ import annotations

import functools
import html
import os
import tomllib
from dataclasses import dataclass
from importlib import resources

from kit.core.appmode import in_app

#: What a student reads for each status (words, never only a sign or a colour).
STATUS_WORDS = {"done": "done", "started": "started", "to do": "to do"}
STATUS_STYLE = {"done": "background:#d7f0d9", "started": "background:#fff3c4", "to do": ""}


@dataclass(frozen=True)
class Step:
    """One notebook or quiz of the course (see ``course.toml``)."""

    notebook: str
    title: str
    learn: str
    minutes: int
    prefixes: tuple[str, ...]
    checked: tuple[str, ...]


@dataclass(frozen=True)
class StepProgress:
    """How far a student got in one step: exercises answered of those the kit checks."""

    step: Step
    done: int
    total: int
    status: str  # "done" | "started" | "to do"


@functools.lru_cache(maxsize=1)
def steps() -> tuple[Step, ...]:
    """The course's steps, in order."""
    raw = resources.files("kit.classroom").joinpath("data/course.toml").read_bytes()
    return tuple(Step(s["notebook"], s["title"], s["learn"], int(s["minutes"]), tuple(s["prefixes"]),
                      tuple(s.get("checked", ()))) for s in tomllib.loads(raw.decode("utf-8"))["step"])


def _is_quiz(step: Step) -> bool:
    from kit.classroom.forms import OCCASIONS

    return step.notebook in OCCASIONS


def step_progress(step: Step, answers: dict) -> StepProgress:
    """How far ``answers`` (a loaded answers file) got in ``step``.

    A quiz (saved under its occasion, ``quiz_before`` or ``quiz_after``) is done after a final
    attempt (a draft is "started"); a notebook is done when each
    of its checked exercises has an answer, started when any exercise (or written answer) has.
    """
    mine = {k: v for k, v in answers.items() if isinstance(v, dict) and v.get("answer") is not None
            and k.startswith(step.prefixes)}
    if _is_quiz(step):
        from kit.classroom.quiz import first_attempt

        entry = mine.get(step.notebook, {})
        done = 1 if first_attempt(entry) is not None else 0
        return StepProgress(step, done, 1, "done" if done else "started" if entry else "to do")
    ids = step.checked
    done = sum(1 for i in ids if i in mine)
    status = "done" if ids and done == len(ids) else "started" if mine else "to do"
    return StepProgress(step, done, len(ids), status)


def progress(answers: dict | None = None) -> list[StepProgress]:
    """Every step with its progress; ``answers`` defaults to the saved answers file."""
    if answers is None:
        from kit.classroom.answers import load_answers

        answers = load_answers()
    return [step_progress(s, answers) for s in steps()]


def easy_read_now() -> bool:
    """Is this app-mode page the easy-read version (``?easy-read=1``)?"""
    return in_app() and "easy-read=1" in os.environ.get("QUERY_STRING", "")


def link(notebook: str) -> str:
    """The relative link to a notebook; in app mode it keeps the easy-read choice.

    >>> link("01_framing")
    '01_framing.ipynb'
    """
    return f"{notebook}.ipynb" + ("?easy-read=1" if easy_read_now() else "")


def _count(p: StepProgress) -> str:
    if _is_quiz(p.step):
        return "submitted" if p.done else "a draft saved" if p.status == "started" else ""
    return f"{p.done} of {p.total} exercise{'s' if p.total != 1 else ''} answered" if p.total else ""


class CourseView:
    """The course as a table: step, what it teaches, time, status. ``_repr_html_`` shows it."""

    def __init__(self, rows: list[StepProgress]):
        self.rows = rows

    def _repr_html_(self) -> str:
        body = "".join(
            f"<tr><td>{n}</td><td><a href='{html.escape(link(p.step.notebook))}'>{html.escape(p.step.title)}</a>"
            f"<br><small>{html.escape(p.step.notebook)}.ipynb</small></td><td>{html.escape(p.step.learn)}</td>"
            f"<td>{p.step.minutes} min</td><td style='{STATUS_STYLE[p.status]}'><b>{STATUS_WORDS[p.status]}</b>"
            f"{'<br><small>' + html.escape(_count(p)) + '</small>' if _count(p) else ''}</td></tr>"
            for n, p in enumerate(self.rows, 1))
        done = sum(p.status == "done" for p in self.rows)
        return ("<div class='kit-course'><p><b>Your course</b>: " f"{done} of {len(self.rows)} steps done. "
                "Your answers are saved as you go, so you can stop and come back later.</p>"
                "<style>.kit-course th, .kit-course td {text-align:left !important;vertical-align:top}</style>"
                "<table style='border-collapse:collapse' cellpadding='4'><caption style='text-align:left'>"
                "The notebooks and quizzes in order, with your progress</caption><thead><tr><th>step</th>"
                "<th>notebook</th><th>you will learn to</th><th>time</th><th>your progress</th></tr></thead>"
                f"<tbody>{body}</tbody></table></div>")

    def __repr__(self) -> str:
        return "\n".join(f"{n}. {p.step.title}: {STATUS_WORDS[p.status]}" for n, p in enumerate(self.rows, 1))


def course_view(answers: dict | None = None) -> CourseView:
    """The start page's course table with progress from the saved answers.

    >>> "to do" in course_view({})._repr_html_()
    True
    """
    return CourseView(progress(answers))


class NextStep:
    """The link to the next step at the end of a notebook (and back to the start page)."""

    def __init__(self, notebook: str):
        self.notebook = notebook

    def _after(self) -> Step | None:
        names = [s.notebook for s in steps()]
        i = names.index(self.notebook) if self.notebook in names else -1
        return steps()[i + 1] if 0 <= i < len(names) - 1 else None

    def _repr_html_(self) -> str:
        after = self._after()
        start = f"<a href='{html.escape(link('00_start'))}'>the start page</a>"
        if after is None:
            return (f"<p class='kit-next'><b>You have reached the end of the course.</b> Well done! "
                    f"See your progress on {start}.</p>")
        return (f"<p class='kit-next'><b>Next:</b> <a href='{html.escape(link(after.notebook))}'>"
                f"{html.escape(after.title)}</a> ({html.escape(after.learn)}; about {after.minutes} min). "
                f"Your progress is on {start}.</p>")

    def __repr__(self) -> str:
        after = self._after()
        return f"Next: {after.title} ({after.notebook})" if after else "You have reached the end of the course."


def next_step(notebook: str) -> NextStep:
    """The "next" link for the end of ``notebook``.

    >>> "03_numbers.ipynb" in next_step("02_attribution")._repr_html_()
    True
    """
    return NextStep(notebook)


#: The background brief (lessons/background.md in the kit's folder), for self-learners too.
BRIEF = "lessons/background.md"


class BriefView:
    """The background brief as a fold-out page section (app mode cannot open lessons/ files)."""

    def __init__(self, markdown: str | None):
        self.markdown = markdown

    def _repr_html_(self) -> str:
        if self.markdown is None:
            return "<p>The background brief is in <code>lessons/background.md</code> in the kit's folder.</p>"
        from markdown_it import MarkdownIt

        body = MarkdownIt("commonmark", {"html": False}).enable("table").render(self.markdown)
        return ("<details class='kit-brief'><summary style='cursor:pointer;font-weight:600'>"
                "Background: what happened in Aleppo, who the sources are (open to read)</summary>"
                f"<div style='max-width:900px'>{body}</div></details>")

    def __repr__(self) -> str:
        return self.markdown or "The background brief is in lessons/background.md."


def brief_view() -> BriefView:
    """The background brief to read in the notebook (a fold-out; its text escaped).

    >>> "<details" in brief_view()._repr_html_() or "lessons/background.md" in brief_view()._repr_html_()
    True
    """
    from pathlib import Path

    import re

    from kit.core.dated_facts import unmark

    path = Path(__file__).resolve().parents[2] / BRIEF
    try:
        text = unmark(path.read_text(encoding="utf-8"))  # dated facts: their words, not their markers
    except OSError:
        return BriefView(None)
    return BriefView(re.sub(r"`kit\.[^`]*`", "the kit's data", text))  # pointers into code are for teachers
