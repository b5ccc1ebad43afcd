"""The shape of kit/ that ARCHITECTURE.md promises: rooms, small modules, short functions, no cycles.

These tests read the source (ast), so a contributor who breaks the layout learns it from
`make test` with the file and line, not from a reviewer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent / "kit"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80

#: room -> rooms it may import from (at module level or inside a function). The layers of ARCHITECTURE.md.
ALLOWED = {
    "core": {"core"},
    "classroom": {"core", "classroom"},
    "attribution": {"core", "classroom", "attribution"},
    "framing": {"core", "classroom", "framing", "attribution"},
    "numbers": {"core", "classroom", "numbers", "attribution"},
    "compare": {"core", "classroom", "framing", "attribution", "numbers", "compare"},
    "teacher": {"core", "classroom", "framing", "attribution", "numbers", "compare", "teacher", "catalog"},
}


def modules() -> list[Path]:
    return sorted(KIT.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def kit_imports(path: Path, *, top_level_only: bool) -> set[str]:
    """Modules of kit that ``path`` imports (``from kit.x import y`` counts as kit.x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("kit"):
            out.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            pytest.fail(f"{path.relative_to(KIT.parent)}:{node.lineno}: use absolute imports (from kit.room.module ...)")
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("kit.")}
    return out


def room(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None


def test_the_rooms_exist_as_packages():
    for name in ALLOWED:
        assert (KIT / name / "__init__.py").is_file(), f"kit/{name}/ should be a package"
    for lens in ("framing", "attribution", "numbers"):
        for part in ("widgets.py", "exercises.py", "charts.py"):
            assert (KIT / lens / part).is_file(), f"kit/{lens}/{part}: each lens keeps its widgets, checkers and charts"
        assert list((KIT / lens / "data" / "en").glob("*.toml")), f"kit/{lens}/data/en/ holds its word lists"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(KIT)))
def test_modules_are_small(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_MODULE_LINES, f"{path.relative_to(KIT.parent)} has {n} lines; split it by what it holds"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(KIT)))
def test_functions_are_short(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(n.name, n.lineno, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.relative_to(KIT.parent)}: functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize("path", [p for p in modules() if room(module_name(p)) in ALLOWED],
                         ids=lambda p: str(p.relative_to(KIT)))
def test_rooms_import_only_the_layers_below(path):
    here = room(module_name(path))
    bad = sorted(m for m in kit_imports(path, top_level_only=False)
                 if m != "kit" and room(m) not in ALLOWED[here])
    assert not bad, f"kit/{here} may import only {sorted(ALLOWED[here])}; {path.relative_to(KIT.parent)} imports {bad}"


def test_no_import_cycles_between_modules():
    graph = {module_name(p): {m for m in kit_imports(p, top_level_only=True) if m != "kit"} for p in modules()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])


def test_kit_points_to_nothing_outside_the_repo():
    for path in modules():
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "shared/DESIGN" not in text, f"{path.relative_to(KIT.parent)} names a file outside the repo"


def test_the_design_notes_name_every_room():
    root = KIT.parent
    arch = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name in ALLOWED:
        assert f"kit/{name}/" in arch, f"ARCHITECTURE.md should describe kit/{name}/"
    assert "make test" in contributing and "exercise" in contributing.lower()
