"""The two ways to install (pip via the Makefile, conda via environment.yml) must agree."""

import re
import tomllib

from conftest import ROOT

# Conda-only entries: the interpreter, pip itself and the model (pip gets it from kit/model-requirements.txt).
CONDA_ONLY = {"python", "pip", "spacy-model-en-core-web-sm"}


def _name(requirement: str) -> set[str]:
    """Package names a requirement brings: 'lxml[html-clean]>=5' -> {'lxml', 'lxml-html-clean'}."""
    m = re.match(r"\s*([A-Za-z0-9_.-]+)(\[([^\]]+)\])?", requirement)
    name = m.group(1).lower().replace("_", "-")
    names = {name}
    if m.group(3):
        names |= {f"{name}-{extra.strip().lower()}" for extra in m.group(3).split(",")}
    return names


#: Extras environment.yml must list too: an image built from it (Binder, a JupyterHub) runs `make test`.
EXTRAS = ("test",)


def pyproject_names(extras: tuple[str, ...] = EXTRAS) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = list(project["dependencies"])
    for extra in extras:
        deps += project["optional-dependencies"][extra]
    return set().union(*(_name(d) for d in deps))


def environment_names() -> set[str]:
    names: set[str] = set()
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s+([^\s#]+)", line)
        if not m or m.group(1) in {"-e", "conda-forge"} or line.strip().startswith("- pip:"):
            continue
        if m.group(1) == "pip:":
            continue
        names |= _name(m.group(1))
    return {n for n in names if n not in CONDA_ONLY and n != "-e"}


def test_environment_yml_lists_the_same_packages_as_pyproject():
    """The kit's dependencies and its test tools (the `test` extra), no more, no less."""
    env, pip = environment_names(), pyproject_names()
    assert env == pip, f"only in environment.yml: {sorted(env - pip)}; only in pyproject.toml: {sorted(pip - env)}"


def test_environment_yml_has_the_test_tools():
    test_tools = pyproject_names(extras=("test",)) - pyproject_names(extras=())
    assert {"pytest", "nbval", "jupyterhub"} <= test_tools
    assert test_tools <= environment_names()


def test_environment_yml_installs_the_kit_and_the_model():
    text = (ROOT / "environment.yml").read_text()
    assert "spacy-model-en_core_web_sm" in text
    assert re.search(r"^\s*-\s+-e \.\s*$", text, re.M)


def test_ci_runs_exactly_the_readme_test_command():
    ci = [l for l in (ROOT / ".ci" / "run").read_text().splitlines() if l.strip() and not l.startswith("#")]
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^\s*(make \w+)\s*$", readme, re.M)
    assert commands[:2] == ["make lab", "make test"], "README must show the two commands first"
    assert ci[-1].strip() == "make test"
