"""Browser tests: every student notebook, run in JupyterLab (and in Voila) in a real Chromium.

What a class sees is tested here the way a class uses it: a JupyterLab server on a free
local port, each notebook opened, "Run All Cells" from the Run menu, then one or more of
its widgets used with the mouse and keyboard. Each test asserts that the visible result
changed as expected and that no error, traceback or kit error message is on the page, and
saves a screenshot under its temporary folder (pytest prints the folder on failure; find
them all under ``pytest --basetemp=DIR``).

The tests are DATA-DRIVEN: ``INTERACTIONS`` maps each notebook name to a function that
uses its widgets. Every ``.ipynb`` in ``notebooks/`` is tested, and a notebook with no
entry FAILS (``test_every_notebook_has_a_browser_interaction``, which runs without a
browser too), so a new notebook cannot slip through untested.

Needs Debian's ``chromium`` (``make browser-deps``, which ``make test`` runs) and the
``playwright`` Python package (never ``playwright install``: it downloads its own browser).
Without Chromium the tests are skipped with a reason, except when the ``CI`` environment
variable is set: CI must run them, so there they fail.

One JupyterLab server, one Voila server and one browser serve the whole session.

Also checked on every notebook, in Lab and in Voila (issue 14, what students see):

* **Accessibility**: axe-core (``axe-playwright-python``) runs on the kit's own output, the
  notebook's output areas and rendered Markdown (:data:`AXE_INCLUDE`); JupyterLab's and Voila's
  own chrome (menus, toolbars, prompts, the file browser) is not the kit's and is left out
  (:data:`AXE_EXCLUDE`). Serious or critical violations fail the test. The teacher report
  (``python -m kit report``) is checked the same way, opened from its file in Chromium.
* **Charts are pictures**: no output shows a Figure as text (``<Figure size 700x320 with 1
  Axes>``), and every chart cell (:func:`chart_cells`) shows an image.
* **Keyboard**: buttons are pressed with Enter after moving the focus to them, as a student who
  does not use a mouse does.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"

#: Chromium flags that work headless in containers and CI (see ../shared/ENVIRONMENT.md).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

#: Seconds to wait for a server to answer, for a notebook to finish running, for a widget.
SERVER_TIMEOUT = 90
RUN_TIMEOUT = 120
WIDGET_TIMEOUT_MS = 30_000

#: Text that must never be on the page after running a notebook and using its widgets.
ERROR_TEXT = re.compile(
    r"Traceback \(most recent call last\)|Something went wrong inside the kit|"
    r"There was an error when executing cell|\b[A-Z]\w*(Error|Exception): ",
)


def notebook_names() -> list[str]:
    """Student notebooks, as paths relative to notebooks/ without .ipynb (e.g. '00_start')."""
    return sorted(
        p.relative_to(NOTEBOOKS).with_suffix("").as_posix()
        for p in NOTEBOOKS.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


# ---------------------------------------------------------------- what each notebook's widgets do
# One entry per notebook: a function that uses at least one widget and asserts what the
# student should see change. It gets a View: ``page`` (Playwright) and ``root`` (the
# notebook's area in JupyterLab, the whole page in Voila). Use widget classes and labels
# (what a student sees), not positions, so the same function works in Lab and Voila.


@dataclass
class View:
    page: object  # playwright.sync_api.Page
    root: object  # playwright.sync_api.Locator
    mode: str  # "lab" or "voila"
    shown: object = None  # what the screenshot should show (set by the interaction)

    def widget(self, css: str, label: str | None = None):
        """The first widget matching ``css`` whose description label contains ``label``."""
        loc = self.root.locator(css)
        if label is not None:
            loc = loc.filter(has=self.page.locator(".widget-label", has_text=label))
        return loc.first

    def kit_view(self, inner: str = ".kit-hl"):
        """The first HTML output widget whose content contains ``inner`` (a kit renderer class)."""
        self.shown = self.root.locator(".widget-html-content").filter(
            has=self.page.locator(inner)
        ).first
        return self.shown


def set_slider(view: View, label: str, value: int) -> None:
    """Type a value into a slider's readout and press Enter, as a student can."""
    slider = view.widget(".widget-slider", label)
    readout = slider.locator(".widget-readout")
    readout.click()
    view.page.keyboard.press("Control+A")
    view.page.keyboard.type(str(value))
    view.page.keyboard.press("Enter")


def drive_00_start(view: View) -> None:
    """The reader: move the paragraph slider, then also mark dates."""
    from playwright.sync_api import expect

    out = view.kit_view()
    expect(out).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    expect(out).to_contain_text("al-Assad seeks to strengthen")  # paragraph 1 first
    set_slider(view, "Paragraph", 4)
    # Paragraph 4 is about President Bashar al-Assad; people are marked by default.
    expect(out).to_contain_text("Bashar al-Assad sought", timeout=WIDGET_TIMEOUT_MS)
    expect(out).not_to_contain_text("seeks to strengthen his support")
    expect(out.locator('mark[data-tag="PERSON"]').first).to_be_visible()
    dates = out.locator('mark[data-tag="DATE"]')
    expect(dates).to_have_count(0)  # dates are not among the kinds chosen at first
    kinds = view.widget(".widget-select-multiple", "Mark").locator("select")
    kinds.select_option(label=["people", "countries and cities", "organisations", "dates"])
    expect(dates.first).to_be_visible(timeout=WIDGET_TIMEOUT_MS)  # "Sunday" is a date
    expect(dates.first).to_have_text(re.compile(r"Sunday"))


def drive_quiz(view: View) -> None:
    """The before/after quiz: answer the first question, Submit, see a score and explanations."""
    from playwright.sync_api import expect

    first = view.root.locator(".widget-radio-box").first
    expect(first).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    first.locator("input[type=radio]").first.check()
    view.root.locator("button", has_text="Submit").first.click()
    out = view.kit_view(".kit-msg")
    expect(out.first).to_contain_text("still without an answer", timeout=WIDGET_TIMEOUT_MS)  # 20 left
    view.root.locator("button", has_text="Submit").first.click()  # hand in as it is: a final attempt
    expect(out.first).to_contain_text(re.compile(r"\d+ of 21 right"), timeout=WIDGET_TIMEOUT_MS)


def press(view: View, button) -> None:
    """Move the keyboard focus to ``button`` and press Enter (no mouse)."""
    button.focus()
    view.page.keyboard.press("Enter")


def drive_01_framing(view: View) -> None:
    """The reframer, with the keyboard: choose the government's view, press Reframe, see the new labels."""
    from playwright.sync_api import expect

    labels = view.kit_view('mark[data-tag="delegitimizing"]')
    expect(labels).to_be_visible(timeout=WIDGET_TIMEOUT_MS)  # the label viewer, coloured by stance
    # colour is not the only cue: each label carries a text mark, and the legend shows it
    expect(labels.locator('mark[data-tag="delegitimizing"][data-cue]').first).to_be_visible()
    press(view, view.root.locator("button", has_text="government view").first)
    press(view, view.root.locator("button", has_text="Reframe").first)
    out = view.kit_view(".kit-reframe")
    expect(out).to_contain_text("Terrorists have captured", timeout=WIDGET_TIMEOUT_MS)
    expect(out).to_contain_text("Rebels have captured")  # the original, side by side


def drive_02_attribution(view: View) -> None:
    """The source map: colour by cue signal; then the unsourced-claims button."""
    from playwright.sync_api import expect

    source_map = view.kit_view('mark[data-tag="monitor"]')
    expect(source_map).to_be_visible(timeout=WIDGET_TIMEOUT_MS)  # coloured by kind of source
    expect(source_map.locator('mark[data-tag="unattributed"]').first).to_be_visible()
    view.root.locator("button", has_text="what the verb suggests").first.click()
    signals = view.kit_view('mark[data-tag="endorsing"]')  # "has confirmed"
    expect(signals).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    press(view, view.root.locator("button", has_text="Find unsourced claims").first)
    out = view.kit_view(".kit-unsourced")
    expect(out).to_contain_text("The strikes killed at least 12 people", timeout=WIDGET_TIMEOUT_MS)


def box_of(view: View, child_css: str, label: str | None = None):
    """The widget box (VBox) that directly holds a control matching ``child_css`` (and label)."""
    boxes = view.root.locator(f".widget-vbox:has(> {child_css})")
    if label is not None:
        boxes = boxes.filter(has=view.page.locator(f"{child_css} .widget-label", has_text=label))
    return boxes.first


def drive_03_numbers(view: View) -> None:
    """Number finder: slide to paragraph 12; consistency view: type two figures, check them."""
    from playwright.sync_api import expect

    finder = box_of(view, ".widget-slider", "Paragraph")
    out = finder.locator(".widget-html-content").first
    expect(out).to_contain_text("more than 412", timeout=WIDGET_TIMEOUT_MS)  # 0 = whole article
    set_slider(View(view.page, finder, view.mode), "Paragraph", 12)
    expect(out).to_contain_text("at least 12 (no upper limit", timeout=WIDGET_TIMEOUT_MS)
    expect(out).not_to_contain_text("more than 412")
    view.shown = out
    # A sentence of our own (not from the article): a part and its whole.
    checker = box_of(view, ".widget-textarea")
    checker.locator("textarea").fill("The clashes left 200 dead, including at least 30 police officers.")
    checker.locator("button", has_text="Check the figures").click()
    expect(checker.locator(".widget-html-content").first).to_contain_text(
        "at most 170", timeout=WIDGET_TIMEOUT_MS)


def drive_04_compare(view: View) -> None:
    """The blind comparison: pick another version for A; the fingerprint table follows."""
    from playwright.sync_api import expect

    compare = box_of(view, ".widget-dropdown", "A")
    out = compare.locator(".widget-html-content").first
    expect(out).to_contain_text("Version A", timeout=WIDGET_TIMEOUT_MS)
    expect(out).not_to_contain_text("Version B")
    compare.locator(".widget-dropdown", has=view.page.locator(".widget-label", has_text="A")) \
        .first.locator("select").select_option(label="Version B")
    expect(out).to_contain_text("Version B", timeout=WIDGET_TIMEOUT_MS)
    view.shown = out


def drive_05_your_article(view: View) -> None:
    """Paste a short story of our own, press Analyse, open the Numbers tab."""
    from playwright.sync_api import expect

    box = box_of(view, ".widget-textarea")
    box.locator("textarea").fill("Police said at least 40 protesters were arrested in the capital on "
                                 "Monday. Officials called the marchers rioters.")
    box.locator("button", has_text="Analyse").click()
    status = box.locator(".widget-html-content", has_text="Analysed").first
    expect(status).to_contain_text("Analysed 18 words", timeout=WIDGET_TIMEOUT_MS)
    box.locator(".lm-TabBar-tab", has_text="Numbers").click()
    found = box.locator(".widget-html-content:visible", has_text="at least 40").first
    expect(found).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    view.shown = found


def drive_06_trace(view: View) -> None:
    """Side by side: choose the Khaleej Times copy in B; the Russian military's quotation shows."""
    from playwright.sync_api import expect

    versions = box_of(view, ".widget-dropdown", "B")
    out = versions.locator(".widget-html-content").first
    expect(out).to_contain_text("changes from A to B", timeout=WIDGET_TIMEOUT_MS)
    expect(out).to_contain_text("speaker dropped")  # Rami Abdel Rahman's "he said" (Taipei Times copy)
    versions.locator(".widget-dropdown", has=view.page.locator(".widget-label", has_text="B")) \
        .first.locator("select").select_option(label="Khaleej Times (2024-12-02)")
    expect(out).to_contain_text("repel terrorist aggression", timeout=WIDGET_TIMEOUT_MS)
    expect(out.locator('mark[data-tag="quote_marks_lost"]').first).to_be_visible()
    view.shown = out


# Exercises answered with widgets (kit.classroom.exercise_widgets): in app mode a student
# chooses or types, presses Check and reads the feedback, without editing code.


def exercise(view: View, prompt: str):
    """The exercise widget (``.kit-exercise``) whose prompt contains ``prompt``."""
    return view.root.locator(".kit-exercise", has_text=prompt).first


def check_answer(view: View, box, expected: str) -> None:
    """Press the exercise's Check button with the keyboard; its feedback says ``expected``."""
    from playwright.sync_api import expect

    press(view, box.locator("button", has_text="Check"))
    expect(box.locator(".kit-msg").first).to_contain_text(expected, timeout=WIDGET_TIMEOUT_MS)
    view.shown = box


def type_answer(box, text: str, label: str | None = None) -> None:
    field = box.locator(".widget-text", has=box.page.locator(".widget-label", has_text=label)) \
        if label else box.locator(".widget-text")
    field.first.locator("input").fill(text)
    field.first.locator("input").press("Enter")


def answer_00_start(view: View) -> None:
    """Type a wrong source (a hint), then the right one (well done)."""
    box = exercise(view, "source of the death toll")
    type_answer(box, "")  # an answer saved earlier (in the other app) is shown: clear it
    check_answer(view, box, "You have not answered yet")
    type_answer(box, "AFP")
    check_answer(view, box, "AFP wrote the story")
    type_answer(box, "the Syrian Observatory for Human Rights")
    check_answer(view, box, "Well done")


def answer_01_framing(view: View) -> None:
    box = exercise(view, "take a side against the government")
    box.get_by_label("government forces", exact=True).check()
    check_answer(view, box, "neutral phrase")
    box.get_by_label("regime forces", exact=True).check()
    check_answer(view, box, "Well done")


def answer_02_attribution(view: View) -> None:
    box = exercise(view, "need a second source")
    for letter in "AB":
        box.get_by_role("checkbox", name=re.compile(f"^{letter}: ")).check()
    check_answer(view, box, "Look again at D")


def answer_03_numbers(view: View) -> None:
    box = exercise(view, "At least 61 civilians")
    type_answer(box, "61", "Lowest")
    type_answer(box, "none", "Highest")
    check_answer(view, box, "Well done")


def answer_04_compare(view: View) -> None:
    box = exercise(view, "Which version is which")
    for letter, voice in {"A": "opposition", "B": "wire", "C": "state media"}.items():
        box.locator(".widget-dropdown", has=view.page.locator(".widget-label", has_text=letter)) \
            .first.locator("select").select_option(label=voice)
    check_answer(view, box, "Well done")


def answer_05_your_article(view: View) -> None:
    box = exercise(view, "as Lund most likely said it")
    type_answer(box, "I don't think the government will. will recover")
    check_answer(view, box, "twice")


def answer_06_trace(view: View) -> None:
    box = exercise(view, "Who is the observer")
    box.get_by_label(re.compile(r"^b\) ")).check()
    check_answer(view, box, "Well done")


def both(*drives: Callable[[View], None]) -> Callable[[View], None]:
    """Use a notebook's widgets, then answer one of its exercises."""
    def drive(view: View) -> None:
        for d in drives:
            d(view)
    drive.__doc__ = " Then: ".join(d.__doc__ or d.__name__ for d in drives)
    return drive


#: notebook name (relative to notebooks/, no .ipynb) -> function using its widgets.
INTERACTIONS: dict[str, Callable[[View], None]] = {
    "00_start": both(drive_00_start, answer_00_start),
    "01_framing": both(drive_01_framing, answer_01_framing),
    "02_attribution": both(drive_02_attribution, answer_02_attribution),
    "03_numbers": both(drive_03_numbers, answer_03_numbers),
    "04_compare": both(drive_04_compare, answer_04_compare),
    "05_your_article": both(drive_05_your_article, answer_05_your_article),
    "06_trace": both(drive_06_trace, answer_06_trace),
    "quiz_before": drive_quiz,
    "quiz_after": drive_quiz,
}


# ---------------------------------------------------------------- servers and browser


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}. CI is set: the browser tests must run in CI.", pytrace=False)
    pytest.skip(reason)


def find_chromium() -> str | None:
    for candidate in (os.environ.get("KIT_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    token: str
    root: Path
    proc: subprocess.Popen
    log: Path

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def open(self, page, path: str) -> None:
        """Open ``path`` in a fresh JupyterLab workspace (no tabs restored from other tests)."""
        page.goto(f"{self.url}/lab/workspaces/t{secrets.token_hex(4)}/tree/{path}?token={self.token}")

    def shutdown_kernels(self) -> None:
        """Stop every kernel, so each notebook's test starts from a clean server."""
        try:
            with urllib.request.urlopen(f"{self.url}/api/kernels?token={self.token}", timeout=5) as r:
                kernels = json.load(r)
            for k in kernels:
                req = urllib.request.Request(
                    f"{self.url}/api/kernels/{k['id']}?token={self.token}", method="DELETE")
                urllib.request.urlopen(req, timeout=10).close()
        except (urllib.error.URLError, OSError, ValueError):
            pass

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def _start(cmd: list[str], *, url: str, token: str, root: Path, log: Path, env: dict,
           ready: str) -> Server:
    out = log.open("wb")
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(url, token, root, proc, log)
    deadline = time.monotonic() + SERVER_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{cmd[2]} stopped at start:\n{server.log_tail()}", pytrace=False)
        try:
            with urllib.request.urlopen(f"{url}{ready}?token={token}", timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    server.stop()
    pytest.fail(f"{cmd[2]} did not answer in {SERVER_TIMEOUT} s:\n{server.log_tail()}", pytrace=False)


@pytest.fixture(scope="session")
def work_dir(tmp_path_factory) -> Path:
    """A copy of notebooks/: kernels write kit_answers.json and checkpoints there, not in the repo."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(NOTEBOOKS, root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "kit_answers.json"))
    return root


def lab_settings(settings: Path) -> Path:
    """JupyterLab settings for tests, written to ``settings`` (a folder): no news or update
    pop-up over the notebook, and every cell kept in the page so a test sees all outputs."""
    for plugin, values in {
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return settings


def _server_env(work_dir: Path) -> dict:
    """Jupyter dirs in the temporary folder: no user settings or old workspaces leak in."""
    env = dict(os.environ)
    settings = lab_settings(work_dir / "lab-settings")
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(work_dir / "lab-workspaces"),
        JUPYTER_RUNTIME_DIR=str(work_dir / "runtime"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("KIT_ANSWERS", None)
    return env


def _root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        _unavailable("Chromium is not installed: run `make browser-deps` as root "
                     "(or `apt-get install chromium`) to run the browser tests")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright Python package is not installed (make setup installs it)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path, playwright_driver):
    pw = playwright_driver
    try:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
    except Exception as err:  # a broken browser install is an environment problem
        _unavailable(f"Chromium at {chromium_path} does not start: {err}")
    yield b
    b.close()


@pytest.fixture(scope="session")
def lab(chromium_path, work_dir):
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyterlab", *_root_flag(),
           "--no-browser", "--ServerApp.open_browser=False",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work_dir / 'notebooks'}"]
    server = _start(cmd, url=f"http://127.0.0.1:{port}", token=token, root=work_dir / "notebooks",
                    log=work_dir / "lab.log", env=_server_env(work_dir), ready="/api/status")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def voila(chromium_path, work_dir):
    pytest.importorskip("voila", reason="voila is not installed (make setup installs it)")
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1",
           "--VoilaConfiguration.show_tracebacks=True",
           f"--port={port}", f"--token={token}", str(work_dir / "notebooks")]
    server = _start(cmd, url=f"http://127.0.0.1:{port}", token=token, root=work_dir / "notebooks",
                    log=work_dir / "voila.log", env=_server_env(work_dir), ready="/")
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(WIDGET_TIMEOUT_MS)
    yield pg
    context.close()


# ---------------------------------------------------------------- helpers


def code_cell_count(name: str) -> int:
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())


def run_all_in_lab(page, name: str, n: int | None = None) -> None:
    """Wait for the kernel, choose Run > Run All Cells, wait until every code cell has run."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # The status bar says "<kernel> | Idle" once the kernel is connected (the toolbar's
    # indicator can say idle a moment before): Run All before that runs nothing.
    page.locator(".jp-StatusBar-Item", has_text=re.compile(r"\| Idle")).first.wait_for(
        timeout=SERVER_TIMEOUT * 1000)
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.click()  # focus the notebook
    started = "() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) " \
              ".jp-CodeCell .jp-InputPrompt')].some(p => /\\[[*\\d]/.test(p.textContent))"
    for attempt in range(3):
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        try:
            page.wait_for_function(started, timeout=15_000)
            break
        except PlaywrightTimeout:
            continue  # the kernel was not listening yet: choose Run All again
    n = code_cell_count(name) if n is None else n

    try:
        _wait_for_cells(page, n)
    except PlaywrightTimeout:
        cells = page.evaluate("""() => [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')].map(c => [
            (c.querySelector('.jp-InputPrompt') || {}).textContent,
            (c.querySelector('.jp-InputArea-editor') || {}).textContent?.slice(0, 60),
            (c.querySelector('.jp-OutputArea') || {}).textContent?.slice(0, 200)])""")
        listing = "\n".join(f"{p!s:6} {src!r:64} -> {out!r}" for p, src, out in cells)
        pytest.fail(f"{name}: not every cell ran in {RUN_TIMEOUT} s:\n{listing}", pytrace=False)


def _wait_for_cells(page, n: int) -> None:
    page.wait_for_function(
        """(n) => {
            const prompts = [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
            const done = prompts.filter(p => /\\[\\d+\\]/.test(p.textContent));
            if (prompts.length >= n && done.length === prompts.length) return true;
            // Run All stops at a cell that fails: stop waiting, assert_no_errors says why.
            const busy = prompts.some(p => p.textContent.includes('*'));
            const failed = [...document.querySelectorAll('.jp-OutputArea-output')]
                .some(o => /Traceback|Error/.test(o.textContent));
            return failed && !busy;
        }""",
        arg=n,
        timeout=RUN_TIMEOUT * 1000,
    )


def assert_no_errors(page, where: str) -> None:
    """No traceback, error output or kit error message anywhere on the page."""
    text = page.locator("body").inner_text()
    found = ERROR_TEXT.search(text)
    assert not found, f"{where}: error on the page: ...{text[max(0, found.start() - 300):found.end() + 300]}..."
    errors = page.locator(".kit-msg-error")
    assert errors.count() == 0, f"{where}: kit error message shown: {errors.first.inner_text()}"
    stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
    for i in range(stderr.count()):
        shown = stderr.nth(i).inner_text()
        assert not re.search(r"Error|Traceback|Exception", shown), f"{where}: error output: {shown}"


def screenshot(page, view: View | None, path: Path) -> None:
    try:
        if view is not None and view.shown is not None:
            view.shown.scroll_into_view_if_needed(timeout=2000)
    except Exception:  # a screenshot of where the page is will do
        pass
    page.screenshot(path=str(path))


# ---------------------------------------------------------------- accessibility and charts

#: What axe checks: the kit's output and the notebook's own text, in Lab and in Voila.
AXE_INCLUDE = {
    "lab": [".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output",
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput"],
    "voila": [".jp-OutputArea-output", ".jp-MarkdownOutput", ".jp-RenderedMarkdown"],
}
#: Left out: JupyterLab's and Voila's own interface, which the kit does not make. Prompts
#: ("[3]:"), the collapser bars and the cell toolbar sit inside cells but belong to the app.
AXE_EXCLUDE = [".jp-OutputPrompt", ".jp-InputPrompt", ".jp-Collapser", ".jp-cell-toolbar",
               ".jp-Toolbar", "#jp-top-panel", "#jp-left-stack", ".jp-StatusBar"]
#: Impacts that fail a test (axe also reports "moderate" and "minor": printed, not failed).
AXE_FAIL = {"serious", "critical"}
#: Violations inside a widget library's own markup, which the kit cannot change from Python:
#: (axe rule, CSS class of the element) -> why. Printed, not failed; every other node fails.
AXE_UPSTREAM = {
    ("aria-input-field-name", "noUi-handle"):
        "ipywidgets' slider draws its handle (role=slider) without an accessible name; the "
        "kit's description label sits beside it but is not linked. The handle still works "
        "with the keyboard (Tab, arrow keys), and its readout box takes typed numbers.",
    ("color-contrast", "lm-TabBar-tabLabel"):
        "Voila's light theme draws the labels of inactive tabs (ipywidgets Tab) in a light grey; "
        "the kit does not style the tab bar.",
}

#: A matplotlib Figure shown as text instead of a picture.
FIGURE_AS_TEXT = re.compile(r"<(?:matplotlib\.figure\.)?Figure size [\d.]+x[\d.]+ with \d+ Axes>")


def axe_violations(page, mode: str, include: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the kit's parts of the page (:data:`AXE_INCLUDE`), all impacts."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _unavailable("axe-playwright-python is not installed (make setup installs it)")
    selectors = [s for s in (include or AXE_INCLUDE[mode]) if page.locator(s).count()]
    if not selectors:
        return []
    page.evaluate(Axe().axe_script)
    context = {"include": [[s] for s in selectors], "exclude": [[s] for s in AXE_EXCLUDE]}
    result = page.evaluate("([context, options]) => axe.run(context, options)",
                           [context, {"resultTypes": ["violations"]}])
    return result["violations"]


def assert_accessible(page, mode: str, where: str, include: list[str] | None = None) -> None:
    """No serious or critical axe violation in the kit's output; lesser ones are printed."""
    found = axe_violations(page, mode, include)
    lines = [f"{v['impact']}: {v['id']} ({v['help']}) x{len(v['nodes'])}: "
             + "; ".join(" ".join(n["target"]) + " " + n["html"][:160] for n in v["nodes"][:3])
             for v in found]
    if lines:
        print(f"axe, {where}:\n  " + "\n  ".join(lines))
    bad = [line for v, line in zip(found, lines) if v["impact"] in AXE_FAIL and not _upstream(v)]
    assert not bad, f"{where}: accessibility violations (axe):\n  " + "\n  ".join(bad)


def _upstream(violation: dict) -> bool:
    """True when every node of an axe violation is a known widget-library issue (AXE_UPSTREAM)."""
    return all(any(rule == violation["id"] and f'class="{cls}' in node["html"].replace("'", '"')
                   or (rule == violation["id"] and f" {cls}" in node["html"])
                   for rule, cls in AXE_UPSTREAM) for node in violation["nodes"])


def chart_cells(name: str) -> list[int]:
    """Indexes (among all cells) of the code cells that show a chart: their last line calls a
    ``charts.*`` or ``*_chart``/``plot_*`` function, or displays an Image."""
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        lines = [l for l in cell.source.strip().splitlines() if l.strip() and not l.lstrip().startswith("#")]
        if cell.cell_type == "code" and lines and not lines[-1].rstrip().endswith(";") and re.match(
                r"\s*(display\(\s*Image\(|(\w+\.)*(charts\.\w+|\w*_chart|plot_\w+)\()", lines[-1]):
            out.append(i)
    return out


def assert_charts_are_pictures(page, name: str, mode: str) -> None:
    """No Figure shown as text; each chart cell shows an image (in Voila: as many images)."""
    outputs = page.locator(".jp-OutputArea-output")
    for i in range(outputs.count()):
        shown = outputs.nth(i).inner_text()
        found = FIGURE_AS_TEXT.search(shown)
        assert not found, (f"{name} ({mode}): a chart shows as the text {found.group(0)!r}, not a picture: "
                           "return a kit.core.charts.Chart (a Figure with _repr_png_)")
    charts = chart_cells(name)
    if mode == "lab":
        cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell")
        for i in charts:
            assert cells.nth(i).locator(".jp-OutputArea-output img").count() >= 1, \
                f"{name}: cell {i} (a chart) shows no image"
    else:
        assert page.locator(".jp-OutputArea-output img").count() >= len(charts), \
            f"{name} in Voila: fewer images than the {len(charts)} chart cells"


def interaction_for(name: str) -> Callable[[View], None]:
    if name not in INTERACTIONS:
        pytest.fail(
            f"notebooks/{name}.ipynb has no entry in INTERACTIONS in tests/test_browser.py: "
            "add a function that uses its widgets and checks what changes.",
            pytrace=False,
        )
    return INTERACTIONS[name]


# ---------------------------------------------------------------- tests


def test_every_notebook_has_a_browser_interaction():
    """Runs without a browser: a new notebook must come with its browser test."""
    missing = [n for n in notebook_names() if n not in INTERACTIONS]
    assert not missing, f"add INTERACTIONS entries in tests/test_browser.py for: {missing}"
    assert notebook_names(), "no notebooks found"


def test_interactions_table_has_no_stale_entries():
    stale = sorted(set(INTERACTIONS) - set(notebook_names()))
    assert not stale, f"INTERACTIONS names notebooks that do not exist: {stale}"


@pytest.mark.browser
@pytest.mark.parametrize("name", notebook_names())
def test_notebook_in_jupyterlab(name, lab, page, tmp_path):
    drive = interaction_for(name)
    lab.open(page, f"{name}.ipynb")
    view = View(page, page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)"), "lab")
    try:
        run_all_in_lab(page, name)
        assert_no_errors(page, f"{name} after Run All")
        assert_charts_are_pictures(page, name, "lab")
        drive(view)
        page.wait_for_timeout(300)  # let any late callback output arrive before looking
        assert_no_errors(page, f"{name} after using its widgets")
        assert_accessible(page, "lab", f"{name} in JupyterLab")
    finally:
        screenshot(page, view, tmp_path / f"lab-{name.replace('/', '_')}.png")
        lab.shutdown_kernels()


@pytest.mark.browser
@pytest.mark.parametrize("name", notebook_names())
def test_notebook_in_voila(name, voila, page, tmp_path):
    drive = interaction_for(name)
    page.goto(f"{voila.url}/voila/render/{name}.ipynb?token={voila.token}")
    view = View(page, page.locator("body"), "voila")
    try:
        # Voila runs every cell before it shows the page; then the widgets come alive.
        page.locator(".jp-OutputArea").first.wait_for(timeout=RUN_TIMEOUT * 1000)
        page.wait_for_function(
            "() => !document.querySelector('#loading') || "
            "getComputedStyle(document.querySelector('#loading')).display === 'none'",
            timeout=RUN_TIMEOUT * 1000,
        )
        assert_no_errors(page, f"{name} in Voila")
        assert_charts_are_pictures(page, name, "voila")
        drive(view)
        page.wait_for_timeout(300)
        assert_no_errors(page, f"{name} in Voila after using its widgets")
        assert_accessible(page, "voila", f"{name} in Voila")
    finally:
        screenshot(page, view, tmp_path / f"voila-{name.replace('/', '_')}.png")


@pytest.mark.browser
def test_a_failing_cell_is_caught(lab, page, tmp_path):
    """The checks above can fail: a notebook whose cell raises is reported, not waited on."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("1 / 0"),
        nbformat.v4.new_code_cell("y = 2"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nbformat.write(nb, lab.root / "zz_probe_broken.ipynb")
    lab.open(page, "zz_probe_broken.ipynb")
    start = time.monotonic()
    try:
        run_all_in_lab(page, "zz_probe_broken", n=3)
    finally:
        screenshot(page, None, tmp_path / "lab-broken.png")
        lab.shutdown_kernels()
    assert time.monotonic() - start < RUN_TIMEOUT / 2, "waited for cells that never run"
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        assert_no_errors(page, "probe")


@pytest.mark.browser
def test_a_failing_cell_is_caught_in_voila(voila, page, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nbformat.write(nb, voila.root / "zz_probe_broken_voila.ipynb")
    page.goto(f"{voila.url}/voila/render/zz_probe_broken_voila.ipynb?token={voila.token}")
    try:
        page.get_by_text(re.compile("ZeroDivisionError|There was an error")).first.wait_for(
            timeout=RUN_TIMEOUT * 1000)
    finally:
        screenshot(page, None, tmp_path / "voila-broken.png")
    with pytest.raises(AssertionError, match="error on the page"):
        assert_no_errors(page, "probe")


@pytest.mark.browser
@pytest.mark.parametrize("article", ["aleppo-2024-12-02", "aleppo-2024-12-02-simple"])
def test_teacher_report_in_chromium(article, browser, page, tmp_path):
    """The HTML written by ``python -m kit report``, opened from its file: charts load, every
    highlight has its text mark, and axe finds no serious or critical violation in its body."""
    from playwright.sync_api import expect

    out = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "kit", "report", article, "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    page.goto(out.as_uri())
    try:
        expect(page.locator("h2", has_text="At a glance")).to_be_visible()
        images = page.locator("img.chart")
        assert images.count() == 3
        for i in range(images.count()):
            assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
        marks = page.locator("mark.kit-span")
        assert marks.count() > 20
        assert page.locator("mark.kit-span:not([data-cue])").count() == 0
        cue = marks.first.evaluate("m => getComputedStyle(m, '::after').content")
        assert cue not in ("none", "normal", '""'), cue
        assert not FIGURE_AS_TEXT.search(page.locator("body").inner_text())
        assert_accessible(page, "report", f"report of {article}", include=["body"])
    finally:
        page.screenshot(path=str(tmp_path / f"report-{article}.png"), full_page=False)


def _answer_generated_lesson(view: View, key: dict) -> None:
    """Answer a figure of a generated lesson wrong (a hint), then right (well done), with the keyboard."""
    item = next(i for i in key["items"] if i["kind"] == "interval")
    box = exercise(view, f"Question {item['id'][1:]}.")
    type_answer(box, str(item["answer"]["low"] + 1000), "Lowest")
    check_answer(view, box, "Not yet")
    type_answer(box, str(item["answer"]["low"]), "Lowest")
    type_answer(box, "" if item["answer"]["high"] is None else str(item["answer"]["high"]), "Highest")
    check_answer(view, box, "Well done")


@pytest.fixture(scope="session")
def generated_lesson(work_dir) -> tuple[str, dict]:
    """A lesson made by ``python -m kit lesson`` from a real article (a VOA report, public domain)."""
    out = work_dir / "notebooks" / "lesson_probe"
    done = subprocess.run([sys.executable, "-m", "kit", "lesson", str(ROOT / "bench" / "dev" / "voa-2013-darfur.txt"),
                           "-o", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return "lesson_probe/student/lesson", json.loads((out / "key.json").read_text(encoding="utf-8"))


@pytest.mark.browser
def test_generated_lesson_in_jupyterlab_and_voila(generated_lesson, lab, voila, page, tmp_path):
    """Issue 27: a generated student notebook runs clean in Lab and in Voila and checks answers."""
    name, key = generated_lesson
    nb = nbformat.read(lab.root / f"{name}.ipynb", as_version=4)
    lab.open(page, f"{name}.ipynb")
    view = View(page, page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)"), "lab")
    try:
        run_all_in_lab(page, name, n=sum(1 for c in nb.cells if c.cell_type == "code"))
        assert_no_errors(page, "generated lesson after Run All")
        _answer_generated_lesson(view, key)
        assert_no_errors(page, "generated lesson after answering")
        assert_accessible(page, "lab", "generated lesson in JupyterLab")
    finally:
        screenshot(page, view, tmp_path / "lab-generated-lesson.png")
        lab.shutdown_kernels()
    page.goto(f"{voila.url}/voila/render/{name}.ipynb?token={voila.token}")
    view = View(page, page.locator("body"), "voila")
    try:
        page.locator(".kit-exercise").first.wait_for(timeout=RUN_TIMEOUT * 1000)
        assert_no_errors(page, "generated lesson in Voila")
        _answer_generated_lesson(view, key)
        assert_accessible(page, "voila", "generated lesson in Voila")
    finally:
        screenshot(page, view, tmp_path / "voila-generated-lesson.png")
