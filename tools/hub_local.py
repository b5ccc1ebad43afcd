"""A real JupyterHub on this computer, with the school's configuration, for testing.

Used by ``make hub-load`` (tools/hub_load.py) and by tests/test_hub.py. It starts
``jupyterhub`` from the kit's environment with ``deploy/jupyterhub_config.py`` (the file a
school uses) and changes only what a test machine needs:

* free local ports (hub, proxy and proxy API on 127.0.0.1);
* JupyterHub's SimpleLocalProcessSpawner instead of SystemdSpawner, so no root, systemd or
  system users are needed: each user's JupyterLab is a process of this computer running the
  kit's ``jupyterhub-singleuser``, in a temporary home folder of its own, with
  ``KIT_ANSWERS`` in that folder (students' answers never go into the repository);
* a service token the tools use to create users, start and stop their servers and reach
  them (REST and kernel websockets through the hub's proxy);
* its database, cookie secret, log and the users' homes in a temporary folder.

``configurable-http-proxy`` (npm) is installed into ``.hub/proxy`` (``install_proxy``,
``make hub-deps``). Everything the hub starts carries the environment variable
``HUB_LOCAL_RUN=<id>``; ``LocalHub.stop`` stops the users' servers through the hub, stops
the hub (which stops its proxy and services), then ends any process left with that mark,
by its process id, and reports them.

    python tools/hub_local.py --install-proxy     # what `make hub-deps` runs
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
DEPLOY_CONFIG = ROOT / "deploy" / "jupyterhub_config.py"
HUB_DIR = ROOT / ".hub"
PROXY_DIR = HUB_DIR / "proxy"
PROXY_PACKAGE = "configurable-http-proxy@5"
#: The environment the hub and the users' servers run from (the kit's, so `import kit` works).
ENV_BIN = Path(sys.executable).parent
MARK = "HUB_LOCAL_RUN"


class HubUnavailable(RuntimeError):
    """Something this computer lacks to run a hub (node, npm, jupyterhub): not a kit bug."""


# ---------------------------------------------------------------- the proxy (npm)


def proxy_path() -> Path | None:
    """``configurable-http-proxy`` from .hub/proxy, else from PATH, else None."""
    local = PROXY_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return local
    found = shutil.which("configurable-http-proxy")
    return Path(found) if found else None


def install_proxy(quiet: bool = False) -> Path:
    """Install configurable-http-proxy into .hub/proxy with npm, unless it is there already."""
    found = proxy_path()
    if found:
        return found
    if not shutil.which("node") or not shutil.which("npm"):
        raise HubUnavailable("node and npm are needed for JupyterHub's proxy "
                             "(Debian: apt-get install nodejs npm)")
    PROXY_DIR.mkdir(parents=True, exist_ok=True)
    if not quiet:
        print(f"Installing {PROXY_PACKAGE} into {PROXY_DIR.relative_to(ROOT)} with npm...", flush=True)
    done = subprocess.run(["npm", "install", "--prefix", str(PROXY_DIR), "--no-audit", "--no-fund",
                           "--loglevel=error", PROXY_PACKAGE],
                          capture_output=True, text=True, timeout=600)
    found = proxy_path()
    if done.returncode != 0 or not found:
        raise HubUnavailable(f"npm could not install {PROXY_PACKAGE}:\n{done.stderr[-2000:]}")
    return found


def check_jupyterhub() -> None:
    for module in ("jupyterhub", "jupyterhub_idle_culler", "psutil"):
        try:
            __import__(module)
        except ImportError:
            raise HubUnavailable(f"the Python package {module} is not installed in {sys.prefix} "
                                 "(make setup installs it with the test extra)") from None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- the hub's configuration

#: Appended after the school's config: only what a test machine needs differs.
LOCAL_CONFIG = r'''
import json, os, shutil
c = get_config()  # noqa: F821
S = json.loads(open(os.path.join(os.path.dirname(__file__), "settings.json")).read())
load_subconfig(S["deploy_config"])  # noqa: F821  deploy/jupyterhub_config.py, as a school runs it

c.JupyterHub.bind_url = "http://127.0.0.1:%d" % S["port"]
c.JupyterHub.hub_bind_url = "http://127.0.0.1:%d" % S["hub_port"]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%d" % S["proxy_api_port"]
c.ConfigurableHTTPProxy.command = [S["proxy"]]
c.ConfigurableHTTPProxy.pid_file = os.path.join(S["run_dir"], "proxy.pid")
c.JupyterHub.pid_file = os.path.join(S["run_dir"], "hub.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(S["run_dir"], "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(S["run_dir"], "cookie_secret")
c.SharedPasswordAuthenticator.user_password = S["password"]

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(S["homes"], "{username}")
c.Spawner.cmd = [S["singleuser"]]
c.Spawner.args = S["args"]
c.Spawner.environment.update(S["env"])
c.Spawner.environment["KIT_ANSWERS"] = lambda spawner: os.path.join(spawner.home_dir, "kit_answers.json")
c.Spawner.start_timeout = S["timeout"]
c.Spawner.http_timeout = S["timeout"]
c.JupyterHub.concurrent_spawn_limit = 0
if S["default_url"] is not None:
    c.Spawner.default_url = S["default_url"]


def _home(spawner):
    """A fresh home with a working copy of the kit's notebooks (never the repository's)."""
    home = spawner.home_dir
    os.makedirs(home, exist_ok=True)
    if S["copy_notebooks"] and not os.path.exists(os.path.join(home, "notebooks")):
        shutil.copytree(S["notebooks"], os.path.join(home, "notebooks"),
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "kit_answers.json*",
                                                      ".kit_answers.json*"))


c.Spawner.pre_spawn_hook = _home
c.JupyterHub.services.append({"name": "hub-local", "api_token": S["token"]})
c.JupyterHub.load_roles.append({
    "name": "hub-local",
    "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users",
               "read:servers", "list:services", "read:services"],
    "services": ["hub-local"],
})
'''


class LocalHub:
    """Start with ``LocalHub(...).start()``, always end with ``stop()`` (or use ``with``)."""

    def __init__(self, *, password: str | None = None, copy_notebooks: bool = True,
                 default_url: str | None = None, env: dict | None = None,
                 hub_env: dict | None = None, timeout: int = 600, run_dir: Path | None = None):
        self.run_id = secrets.token_hex(6)
        self.run_dir = Path(run_dir or tempfile.mkdtemp(prefix="kit-hub-"))
        self.homes = self.run_dir / "homes"
        self.password = password or secrets.token_hex(8)
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.copy_notebooks = copy_notebooks
        self.default_url = default_url
        self.env = dict(env or {})
        self.hub_env = dict(hub_env or {})
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None
        self.log = self.run_dir / "hub.log"
        self.sampler: MemorySampler | None = None

    # -------------------------------------------------------- start and stop
    def start(self, ready_timeout: float = 120) -> "LocalHub":
        check_jupyterhub()
        proxy = proxy_path()
        if proxy is None:
            raise HubUnavailable("configurable-http-proxy is not installed: run `make hub-deps` "
                                 "(npm install into .hub/proxy)")
        self.homes.mkdir(parents=True, exist_ok=True)
        root = hasattr(os, "geteuid") and os.geteuid() == 0
        settings = {
            "deploy_config": str(DEPLOY_CONFIG), "run_dir": str(self.run_dir), "homes": str(self.homes),
            "port": self.port, "hub_port": free_port(), "proxy_api_port": free_port(),
            "proxy": str(proxy), "password": self.password, "token": self.token,
            "singleuser": str(ENV_BIN / "jupyterhub-singleuser"),
            "args": ["--allow-root"] if root else [],
            "env": {MARK: self.run_id, "PYTHONUNBUFFERED": "1", **self.env},
            "timeout": self.timeout, "default_url": self.default_url,
            "copy_notebooks": self.copy_notebooks, "notebooks": str(NOTEBOOKS),
        }
        (self.run_dir / "settings.json").write_text(json.dumps(settings))
        config = self.run_dir / "jupyterhub_config.py"
        config.write_text(LOCAL_CONFIG)
        env = {**os.environ, MARK: self.run_id, **self.hub_env}
        env["PATH"] = f"{ENV_BIN}{os.pathsep}{env.get('PATH', '')}"
        env.pop("KIT_ANSWERS", None)
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)],
                                         cwd=self.run_dir, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log_tail()
                self.stop()
                raise RuntimeError(f"jupyterhub stopped at start:\n{tail}")
            try:
                self.api("GET", "/")
                return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        tail = self.log_tail()
        self.stop()
        raise RuntimeError(f"jupyterhub did not answer in {ready_timeout} s:\n{tail}")

    def __enter__(self) -> "LocalHub":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self, remove: bool = True) -> list[str]:
        """Stop users' servers, the hub, its proxy and services; return what had to be killed."""
        if self.sampler:
            self.sampler.stop()
        if self.proc and self.proc.poll() is None:
            try:
                users = self.api("GET", "/users")
                for user in users:
                    if user.get("servers"):
                        self.api("DELETE", f"/users/{user['name']}/server")
                self._wait_servers_gone(60)
            except (urllib.error.URLError, OSError, ValueError):
                pass
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        strays = self.end_strays()
        if remove:
            shutil.rmtree(self.run_dir, ignore_errors=True)
        return strays

    def _wait_servers_gone(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not any(u.get("servers") for u in self.api("GET", "/users")):
                return
            time.sleep(0.5)

    def marked_processes(self) -> list:
        """Processes started for this hub (they carry HUB_LOCAL_RUN=<this run's id>)."""
        import psutil

        found = []
        for proc in psutil.process_iter(["pid"]):
            if proc.pid == os.getpid():
                continue
            try:
                if proc.environ().get(MARK) == self.run_id:
                    found.append(proc)
            except (psutil.Error, OSError):
                continue
        return found

    def end_strays(self, grace: float = 15.0) -> list[str]:
        """End, by process id, anything of this run still alive; describe what there was.

        A kernel whose server was just stopped may still be shutting down: what ends by itself
        within ``grace`` seconds is no stray (seen once: a kernel still exiting as the hub stopped).
        """
        import psutil

        _, strays = psutil.wait_procs(self.marked_processes(), timeout=grace)
        described = []
        for proc in strays:
            try:
                described.append(f"{proc.pid} {' '.join(proc.cmdline())[:120]}")
                proc.terminate()
            except psutil.Error:
                pass
        gone, alive = psutil.wait_procs(strays, timeout=10)
        for proc in alive:
            try:
                proc.kill()
            except psutil.Error:
                pass
        return described

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    # -------------------------------------------------------- the hub's REST API
    def api(self, method: str, path: str, body=None, timeout: float = 30):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"{self.url}/hub/api{path}", data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read()
        return json.loads(text) if text else None

    def add_users(self, names: list[str]) -> None:
        self.api("POST", "/users", {"usernames": names})

    def user_url(self, name: str) -> str:
        return f"{self.url}/user/{name}/"

    # -------------------------------------------------------- processes and memory
    def start_sampling(self, interval: float = 0.5) -> "MemorySampler":
        self.sampler = MemorySampler(self, interval)
        self.sampler.start()
        return self.sampler


def _peak_rss(proc) -> int:
    """A process's peak resident memory in bytes (Linux VmHWM), else its current RSS."""
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return proc.memory_info().rss


class MemorySampler(threading.Thread):
    """Every ``interval`` s: resident memory of the hub, its proxy and services, and of each
    user's server plus kernels (grouped by JUPYTERHUB_USER). Keeps the peaks."""

    def __init__(self, hub: LocalHub, interval: float):
        super().__init__(daemon=True)
        self.hub, self.interval = hub, interval
        self._stop_event = threading.Event()
        self.groups: dict[int, str] = {}          # pid -> "hub", "proxy", "service" or user name
        self.proc_peak: dict[int, int] = {}        # pid -> peak RSS bytes (VmHWM or sampled)
        self.group_peak: dict[str, int] = {}       # group -> peak of the sum of its RSS, sampled
        self.total_peak = 0
        self.alive: set[int] = set()               # pids seen in the latest sample

    def run(self) -> None:
        while not self._stop_event.is_set():
            try:
                self.sample()
            except Exception:  # a process that ends while being read: next round
                pass
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()

    def _group(self, proc) -> str:
        if proc.pid not in self.groups:
            env = proc.environ()
            cmd = " ".join(proc.cmdline())
            if proc.pid == self.hub.proc.pid:
                group = "hub"
            elif env.get("JUPYTERHUB_USER") and "JUPYTERHUB_SERVICE_NAME" not in env:
                group = "user:" + env["JUPYTERHUB_USER"]
            elif "configurable-http-proxy" in cmd:
                group = "proxy"
            else:
                group = "service"
            self.groups[proc.pid] = group
        return self.groups[proc.pid]

    def sample(self) -> dict[str, int]:
        import psutil

        hub = psutil.Process(self.hub.proc.pid)
        sums: dict[str, int] = {}
        alive = set()
        for proc in [hub, *hub.children(recursive=True)]:
            try:
                group = self._group(proc)
                rss = proc.memory_info().rss
                peak = _peak_rss(proc)
            except (psutil.Error, OSError):
                continue
            self.proc_peak[proc.pid] = max(self.proc_peak.get(proc.pid, 0), rss, peak)
            alive.add(proc.pid)
            sums[group] = sums.get(group, 0) + rss
        for group, value in sums.items():
            self.group_peak[group] = max(self.group_peak.get(group, 0), value)
        self.total_peak = max(self.total_peak, sum(sums.values()))
        self.alive = alive
        return sums

    def peaks_by_group(self) -> dict[str, int]:
        """Per group, its peak resident memory: the sum of the own peaks (VmHWM) of its
        processes alive at the latest sample (a user's server and kernel: an upper bound of
        their peak together), or the largest sum sampled, if larger (short-lived helpers,
        such as JupyterLab's one-off ``node yarn.js config`` at start, count only there)."""
        out: dict[str, int] = {}
        for pid in self.alive:
            group = self.groups.get(pid)
            if group:
                out[group] = out.get(group, 0) + self.proc_peak[pid]
        for group, sampled in self.group_peak.items():
            out[group] = max(out.get(group, 0), sampled)
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--install-proxy", action="store_true",
                        help="install configurable-http-proxy into .hub/proxy with npm")
    args = parser.parse_args(argv)
    if args.install_proxy:
        try:
            print(install_proxy())
        except HubUnavailable as err:
            print(f"Cannot run a hub here: {err}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
