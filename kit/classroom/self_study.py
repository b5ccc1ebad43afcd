"""Self-study mode: the answer to a checked exercise, shown after the learner has tried.

In the repository (no class settings, see :func:`kit.classroom.forms.class_mode`) a learner
works alone, so after a submitted attempt an exercise can show its answer. The answers are the
teacher notebooks' solutions (``lessons/teacher/*.ipynb``, the cells between ``### BEGIN SOLUTION``
and ``### END SOLUTION``) with the explanation the checker gives for them (the cell's saved
output). A class's copy (``python -m kit student-copy``) has no teacher notebooks and is in class
mode: there is no answer to show.

>>> key = answer_key("attribution_doubt_verb")
>>> key is None or key.answer == "claimed"
True
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

TEACHER = Path(__file__).resolve().parents[2] / "lessons" / "teacher"
_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n(.*)", re.S)


@dataclass(frozen=True)
class AnswerKey:
    """The answer to one checked exercise, in words, and why (the checker's message for it)."""

    answer: str
    why: str


def self_study() -> bool:
    """True in the repository (a learner on their own), False in a class's copy."""
    from kit.classroom.forms import class_mode

    return not class_mode() and TEACHER.is_dir()


def _words(value: object) -> str:
    """A solution value as a student reads it (no Python).

    >>> _words({"Umm Mohamed": "eyewitness", "Iranian state media": "state_media"})
    'Umm Mohamed: eyewitness; Iranian state media: state media'
    >>> _words(["B", "C"]), _words({"D", "A"}), _words(61)
    ('B, C', 'A, D', '61')
    """
    from kit.core.glossary import plain_label

    if isinstance(value, dict):
        return "; ".join(f"{k}: {_words(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_words(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(_words(v) for v in value))
    return plain_label(str(value)) if isinstance(value, str) and "_" in value else str(value)


def _argument(call_source: str, names: dict) -> object:
    """The value of the first argument of the last call in ``call_source``, names filled in."""
    calls = [n for n in ast.walk(ast.parse(call_source)) if isinstance(n, ast.Call) and n.args]
    if not calls:
        return None

    class Fill(ast.NodeTransformer):
        def visit_Name(self, node):
            return ast.copy_location(ast.Constant(names[node.id]), node) if node.id in names else node

    return ast.literal_eval(Fill().visit(calls[-1].args[0]))


def _called(rest: str) -> str:
    found = re.findall(r"(\w+)\(", rest)
    return found[-1] if found else ""


def _explanation(cell) -> str:
    for out in cell.get("outputs", []):
        text = out.get("data", {}).get("text/plain", "")
        if text:
            text = re.sub(r"^\W+\s*", "", str(text).strip().strip("'\""))
            return re.sub(r"^(Well done|Right|Yes|Correct)[!.:]\s*", "", text)
    return ""


@functools.lru_cache(maxsize=1)
def _keys() -> dict:
    import nbformat

    out = {}
    for path in sorted(TEACHER.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            m = _SOLUTION.search(cell.source) if cell.cell_type == "code" else None
            if not m or not _called(m.group(2)):
                continue
            try:
                names = {t.id: ast.literal_eval(a.value) for a in ast.parse(m.group(1)).body
                         if isinstance(a, ast.Assign) for t in a.targets if isinstance(t, ast.Name)}
                value = _argument(m.group(2), names)
            except (SyntaxError, ValueError, KeyError):
                continue
            out.setdefault(_called(m.group(2)), AnswerKey(_words(value), _explanation(cell)))
    return out


def answer_key(checker_name: str) -> AnswerKey | None:
    """The answer to the exercise checked by the function ``checker_name``, or None (none known,
    or a class's copy)."""
    if not self_study():
        return None
    try:
        return _keys().get(str(checker_name))
    except (OSError, ValueError):
        return None


def answer_html(key: AnswerKey) -> str:
    """The answer as a student sees it: a "Show the answer" disclosure under the feedback
    (a native ``<details>``: keyboard and screen readers open it like a button).

    >>> out = answer_html(AnswerKey("claimed", "It keeps a distance."))
    >>> "Show the answer" in out and "claimed" in out
    True
    """
    import html

    why = f"<br>{html.escape(key.why)}" if key.why else ""
    return ("<details class='kit-model' style='margin:4px 0'><summary style='cursor:pointer;color:#1f5f99'>"
            "<b>Show the answer</b> (self-study: try again first if you like)</summary>"
            f"<div style='padding:4px 10px'><b>The answer:</b> {html.escape(key.answer)}{why}"
            "<br><small>One right answer; the checker accepts others said another way.</small></div></details>")


def reveal_html(checker, answer: tuple) -> str:
    """The answer disclosure for ``checker`` after a submitted (not blank) ``answer``, in self-study
    mode only; "" otherwise.

    >>> reveal_html(lambda a: None, ("x",))
    ''
    """
    from kit.classroom.feedback import is_blank

    if not answer or is_blank(answer[0]):
        return ""
    key = answer_key(getattr(checker, "__name__", ""))
    return answer_html(key) if key else ""
