"""``python -m kit student-copy OUT --class NAME``: the kit as a class gets it, with the quiz keys sealed.

Students get their files from a repository with nbgitpuller (``lessons/README.md``). Make that
repository from this command's ``OUT`` folder, not from the teacher's repository:

* the teacher notebooks (``lessons/teacher/``), the lesson plans with their answer keys
  (``lessons/0*.md``), the tests and benchmarks are left out;
* the quiz forms are sealed (:mod:`kit.classroom.keys`): no answer or explanation can be read,
  each form opens with its release code, an HMAC of the class name with the teacher's secret;
* the transfer task's model answers are sealed the same way (text A with form A's code);
* ``kit/classroom/data/class.json`` says the copy is in class mode, for which class, and which
  form comes first (``--first A``, ``B`` or ``split``: half the class each way).

The secret is ``$KIT_TEACHER_SECRET``, else ``~/.kit_teacher_secret`` (made the first time).
``python -m kit release-code --class NAME`` prints the codes again.

>>> import tempfile, os; os.environ["KIT_TEACHER_SECRET"] = "doctest secret"
>>> out = os.path.join(tempfile.mkdtemp(), "class")
>>> make_copy(out, "9B", "split")["quiz_a"] == release_codes("9B")["quiz_a"]
True
>>> _ = os.environ.pop("KIT_TEACHER_SECRET")
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: What a class's copy leaves out (paths relative to the repository).
LEFT_OUT = ("lessons/teacher", "tests", "bench", ".git", ".venv", ".hub", "build", "kit.egg-info", ".ci")
LEFT_OUT_PATTERNS = ("lessons/0*.md", "**/__pycache__", "**/kit_answers*.json", "**/.ipynb_checkpoints", "**/*.pyc")


def _ignore(src: str, names: list[str]) -> set[str]:
    here = Path(src).resolve()
    out = set()
    for name in names:
        rel = (here / name).relative_to(ROOT).as_posix()
        if rel in LEFT_OUT or any(Path(rel).match(p) or Path(rel).match(p.removeprefix("**/"))
                                  for p in LEFT_OUT_PATTERNS):
            out.add(name)
    return out


def release_codes(class_name: str, secret: bytes | None = None) -> dict[str, str]:
    """Each form's release code for a class (the teacher's secret is made on first use)."""
    from kit.classroom.forms import FORMS
    from kit.classroom.keys import release_code, teacher_secret

    secret = secret or teacher_secret(create=True)
    return {form: release_code(class_name, form, secret) for form in FORMS}


def _seal_transfer(path: Path, codes: dict[str, str]) -> None:
    from kit.classroom.keys import seal_items

    raw = json.loads(path.read_text(encoding="utf-8"))
    for text_id, text in raw["texts"].items():
        code = codes["quiz_" + text_id[-1]]
        text["sealed"] = seal_items({"model": [text.pop("model"), text.pop("points", [])]}, code)
    path.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def make_copy(out: str | Path, class_name: str, first: str = "A") -> dict[str, str]:
    """Write the class's copy into ``out`` (which must not exist yet); returns the release codes."""
    from kit.classroom.forms import FORMS
    from kit.classroom.keys import seal_bank, teacher_secret
    from kit.core.errors import InputError

    out = Path(out)
    if not class_name.strip():
        raise InputError("Give the class a name, e.g. --class 9B: the release codes are made from it.")
    if out.exists():
        raise InputError(f"{out} already exists: choose a new folder for the student copy.")
    if out.resolve().is_relative_to(ROOT):
        raise InputError(f"{out} is inside the kit's own folder: choose a folder outside it, e.g. ../kit-{class_name.strip()}.")
    secret = teacher_secret(create=True)
    shutil.copytree(ROOT, out, ignore=_ignore, symlinks=False)
    data = out / "kit" / "classroom" / "data"
    for form in FORMS:
        raw = json.loads((data / f"{form}.json").read_text(encoding="utf-8"))
        (data / f"{form}.json").write_text(json.dumps(seal_bank(raw, class_name, secret), indent=1,
                                                      ensure_ascii=False) + "\n", encoding="utf-8")
    codes = release_codes(class_name, secret)
    _seal_transfer(data / "transfer.json", codes)
    (data / "class.json").write_text(json.dumps({"mode": "class", "class": class_name.strip(),
                                                 "first_form": first}, indent=1) + "\n", encoding="utf-8")
    return codes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="a new folder for the class's copy")
    parser.add_argument("--class", dest="class_name", required=True, help="the class's name, e.g. 9B")
    parser.add_argument("--first", choices=["A", "B", "split"], default="A",
                        help="which quiz form the class takes first (split: half the class each way)")


def _print_codes(class_name: str, codes: dict[str, str]) -> None:
    for form, code in codes.items():
        print(f"  {form} (form {form[-1].upper()}) for class {class_name}: {code}")


def run(args: argparse.Namespace) -> int:
    codes = make_copy(args.out, args.class_name, args.first)
    print(f"Wrote the copy for class {args.class_name} into {args.out} (quiz keys sealed).")
    print("Release codes (keep them to yourself until you release a form's answers):")
    _print_codes(args.class_name, codes)
    print("Next: make OUT the repository your nbgitpuller link points to, and install the kit on the hub from it.")
    return 0


class ReleaseCode:
    """``python -m kit release-code --class NAME``: the codes that release each form's answers."""

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--class", dest="class_name", required=True, help="the class's name, e.g. 9B")

    @staticmethod
    def run(args: argparse.Namespace) -> int:
        _print_codes(args.class_name, release_codes(args.class_name))
        return 0
