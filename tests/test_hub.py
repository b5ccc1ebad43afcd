"""The kit on a real JupyterHub, set up with the school's own configuration files.

* The deployment files load: deploy/jupyterhub_config.py (executed with traitlets' own
  ``Config`` as ``c``, as JupyterHub does) and deploy/config.yaml (Zero to JupyterHub).
* ``@pytest.mark.hub``: a JupyterHub started on this computer with
  deploy/jupyterhub_config.py (tools/hub_local.py changes only ports, the spawner, which
  runs local processes, and temporary folders), with its idle culler running. Two students:

  - ``student01`` clicks the teacher's nbgitpuller link for notebook 01 in Chromium, logs in
    with the class password, gets the notebooks pulled into their home, runs all cells with
    *Run > Run All Cells* and uses the reframer widget;
  - ``student02``, at the same time, runs all cells of notebook 01 through the REST and
    kernel websocket API (as ``make hub-load`` does for every user);

  then the hub is stopped and nothing it started may be left running.

The hub test needs node and npm (JupyterHub's proxy, installed into .hub/proxy with npm if
missing), git (nbgitpuller) and Debian's Chromium. Without them it is skipped, except when
``CI`` is set: then it fails, as the browser tests do. ``make test-fast`` leaves it out
(``-m "not hub"``).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import yaml
from traitlets.config import Config

from conftest import ROOT
from test_browser import (
    CHROMIUM_ARGS, View, _unavailable, assert_no_errors, drive_01_framing, find_chromium, lab_settings,
    run_all_in_lab,
)

sys.path.insert(0, str(ROOT / "tools"))
import hub_local  # noqa: E402

DEPLOY = ROOT / "deploy"
FOLDER = "media-literacy-kit"  # nbgitpuller's target folder in a student's home
NOTEBOOK = "notebooks/01_framing.ipynb"


# ---------------------------------------------------------------- the files load


def load_hub_config(**env) -> Config:
    """deploy/jupyterhub_config.py run the way JupyterHub runs it, with ``c`` a real Config."""
    c = Config()
    path = DEPLOY / "jupyterhub_config.py"
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        exec(compile(path.read_text(), str(path), "exec"),
             {"get_config": lambda: c, "__file__": str(path), "__name__": "__config__"})
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return c


def _bytes(size: str) -> int:
    """'400M' -> bytes, as JupyterHub and Kubernetes read a memory size (K, M, G, T)."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT])i?", str(size))
    assert m, f"not a memory size: {size!r}"
    return int(float(m.group(1)) * 1024 ** ("KMGT".index(m.group(2)) + 1))


def test_jupyterhub_config_loads_with_culler_memory_limit_and_nbgitpuller():
    c = load_hub_config(KIT_REPO="https://git.example.org/school/kit.git",
                        KIT_CLASS_PASSWORD="class-password", KIT_MEM_LIMIT="1G")
    assert c.JupyterHub.spawner_class == "systemdspawner.SystemdSpawner"
    assert c.SystemdSpawner.dynamic_users is True
    assert _bytes(c.Spawner.mem_limit) >= 400 * 2**20  # the measured need: see deploy/README.md
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "class-password"
    services = c.JupyterHub.services.get_value([])
    culler = [s for s in services if s["name"] == "idle-culler"]
    assert culler and "jupyterhub_idle_culler" in culler[0]["command"]
    assert any(f"--timeout={3600}" == a for a in culler[0]["command"])
    roles = c.JupyterHub.load_roles.get_value([])
    assert {"list:users", "delete:servers"} <= set(roles[0]["scopes"])
    assert c.Spawner.default_url.startswith("/git-pull?repo=https%3A%2F%2Fgit.example.org")
    assert f"urlpath=lab/tree/{FOLDER}/notebooks/00_start.ipynb" in c.Spawner.default_url
    assert Path(c.Spawner.cmd[0]).name == "jupyterhub-singleuser"
    assert "--MappingKernelManager.cull_idle_timeout=120" in c.Spawner.args  # closed pages' kernels go


def test_jupyterhub_config_adds_no_second_culler_in_the_littlest_jupyterhub():
    c = Config()
    c.JupyterHub.services = [{"name": "cull-idle", "command": ["true"]}]  # as TLJH sets it
    path = DEPLOY / "jupyterhub_config.py"
    exec(compile(path.read_text(), str(path), "exec"), {"get_config": lambda: c, "__file__": str(path)})
    assert [s["name"] for s in c.JupyterHub.services] == ["cull-idle"]


def test_zero_to_jupyterhub_config_loads():
    config = yaml.safe_load((DEPLOY / "config.yaml").read_text())
    single = config["singleuser"]
    assert _bytes(single["memory"]["guarantee"]) >= 400 * 2**20
    assert _bytes(single["memory"]["limit"]) >= _bytes(single["memory"]["guarantee"])
    assert config["cull"]["enabled"] is True and config["cull"]["timeout"] > 0
    hook = " ".join(single["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert "gitpuller" in hook
    assert single["defaultUrl"].startswith(f"/lab/tree/{FOLDER}/notebooks/")
    assert single["image"]["name"] and "tag" in single["image"]
    culling = single["extraFiles"]["kernel-culling"]["data"]["MappingKernelManager"]
    assert culling["cull_idle_timeout"] <= 120 and culling["cull_connected"] is False


def test_binder_reads_the_top_level_environment():
    """A binder/ folder would make Binder and repo2docker ignore environment.yml."""
    assert not (ROOT / "binder").exists() or (ROOT / "binder" / "environment.yml").exists()
    assert (ROOT / "environment.yml").exists()


# ---------------------------------------------------------------- a real hub, two students


@pytest.fixture(scope="module")
def hub_ready():
    """Everything a hub test needs on this computer, or a skip (a failure when CI is set)."""
    chromium = find_chromium()
    if chromium is None:
        _unavailable("Chromium is not installed: run `make browser-deps` as root")
    if not shutil.which("git"):
        _unavailable("git is not installed (nbgitpuller needs it)")
    try:
        import playwright.sync_api  # noqa: F401

        hub_local.check_jupyterhub()
        hub_local.install_proxy(quiet=True)
    except (ImportError, hub_local.HubUnavailable) as err:
        _unavailable(f"cannot run a JupyterHub here: {err}")
    return chromium


@pytest.fixture(scope="module")
def kit_repo(tmp_path_factory) -> Path:
    """A git repository of the working tree's notebooks, for nbgitpuller to pull from."""
    repo = tmp_path_factory.mktemp("repo") / FOLDER
    shutil.copytree(ROOT / "notebooks", repo / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*kit_answers.json*"))
    git = ["git", "-C", str(repo), "-c", "user.name=kit", "-c", "user.email=kit@localhost"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "notebooks"]):
        subprocess.run(git + args, check=True, capture_output=True)
    return repo


@pytest.fixture(scope="module")
def hub(hub_ready, kit_repo, tmp_path_factory):
    settings = lab_settings(tmp_path_factory.mktemp("lab-settings"))
    local = hub_local.LocalHub(
        env={"JUPYTERLAB_SETTINGS_DIR": str(settings)},
        hub_env={"KIT_REPO": kit_repo.as_uri(), "KIT_BRANCH": "main"},
        timeout=120,
    )
    try:
        local.start()
    except RuntimeError as err:
        pytest.fail(str(err), pytrace=False)
    local.add_users(["student01", "student02"])
    yield local
    local.stop()


@pytest.fixture(scope="module")
def browser(hub_ready, playwright_driver):
    pw = playwright_driver
    try:
        b = pw.chromium.launch(executable_path=hub_ready, headless=True, args=CHROMIUM_ARGS)
    except Exception as err:
        _unavailable(f"Chromium at {hub_ready} does not start: {err}")
    yield b
    b.close()


def teacher_link(hub: hub_local.LocalHub, repo: Path, notebook: str) -> str:
    """The nbgitpuller link a teacher shares (deploy/README.md), for this hub."""
    query = urlencode({"repo": repo.as_uri(), "branch": "main", "targetpath": FOLDER,
                       "urlpath": f"lab/tree/{FOLDER}/{notebook}"}, quote_via=quote)
    return f"{hub.url}/hub/user-redirect/git-pull?{query}"


@pytest.mark.hub
def test_hub_runs_with_the_school_config_and_its_idle_culler(hub):
    services = hub.api("GET", "/services")
    assert services["idle-culler"]["pid"], "the idle culler is not running"
    assert "jupyterhub_idle_culler" in services["idle-culler"]["command"]


@pytest.mark.hub
def test_two_students_run_notebook_01_at_once(hub, kit_repo, browser, tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    import hub_load

    answers_before = hub_load._answers_state()
    other: list = []
    runner = threading.Thread(target=lambda: other.extend(asyncio.run(hub_load.run_users(hub, ["student02"]))))
    runner.start()

    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(teacher_link(hub, kit_repo, NOTEBOOK))  # not logged in: the hub asks first
        page.locator("#username_input").fill("student01")
        page.locator("#password_input").fill(hub.password)
        page.locator("#login_submit").click()
        page.wait_for_url(re.compile(rf"/user/student01/lab/tree/{FOLDER}/"), timeout=120_000)
        view = View(page, page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)"), "lab")
        run_all_in_lab(page, "01_framing")
        assert_no_errors(page, "01_framing on the hub after Run All")
        drive_01_framing(view)
        page.wait_for_timeout(300)
        assert_no_errors(page, "01_framing on the hub after using its widgets")
    finally:
        page.screenshot(path=str(tmp_path / "hub-01_framing.png"))
        context.close()
        runner.join(300)

    assert other and "error" not in other[0], f"student02: {other}\n{hub.log_tail()}"
    assert other[0]["cells"] >= 10
    home = hub.homes / "student01"
    assert (home / FOLDER / NOTEBOOK).exists(), "nbgitpuller did not copy the notebooks"
    assert hub_load._answers_state() == answers_before, "answers were written into notebooks/"


@pytest.mark.hub
def test_hub_stops_everything_it_started(hub):
    assert hub.marked_processes(), "no server, kernel or proxy was seen running"
    strays = hub.stop()
    assert strays == [], f"left running after the hub stopped: {strays}"
    assert hub.marked_processes() == []
