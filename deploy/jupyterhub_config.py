"""JupyterHub for a class on one school server (The Littlest JupyterHub style).

Start it, as root, from the kit's folder (see deploy/README.md for the whole set-up):

    KIT_CLASS_PASSWORD=... KIT_TEACHER_PASSWORD=... \
        .venv/bin/jupyterhub -f deploy/jupyterhub_config.py

What this file sets up, and why:

* **Log-in**: one class password (JupyterHub's SharedPasswordAuthenticator). Students
  type their own name and the class password; the teacher logs in as ``teacher`` with a
  separate, longer password and gets the admin page (start, stop and look into students'
  servers). Nothing else to install and no accounts to create.
* **Servers**: each student's JupyterLab runs as its own throw-away system user with its
  own folder (SystemdSpawner with ``dynamic_users``, as The Littlest JupyterHub does), with
  a **memory limit** enforced by systemd. The kit's Python environment (the ``.venv``
  ``make setup`` made) is the students' environment, so ``import kit`` works.
* **Notebooks**: the first visit pulls the kit's notebooks into the student's folder with
  **nbgitpuller** (later visits merge updates without overwriting students' work) and opens
  ``notebooks/00_start.ipynb``.
* **Idle servers are stopped** by ``jupyterhub-idle-culler``, run by the hub as a service:
  a student server idle for 60 minutes is stopped (their files stay), which frees its memory.

Figures: after running notebook 01 a student's server and kernel use about 375 MB
(``make hub-load``; deploy/README.md has the measurements). 30 students need about 11.5 GB
of memory (plan a 16 GB server), less when idle servers are culled.

Every value below can be changed with an environment variable of the same meaning (for a
systemd unit's ``Environment=`` lines) or by editing this file.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

c = get_config()  # noqa: F821 (JupyterHub provides get_config)

#: The kit's folder (this file is in its deploy/ folder) and its Python environment.
KIT_DIR = Path(os.environ.get("KIT_DIR", Path(__file__).resolve().parent.parent))
KIT_ENV = Path(os.environ.get("KIT_ENV", KIT_DIR / ".venv"))

#: Memory: each student may use at most KIT_MEM_LIMIT (the measured need is ~375 MB per
#: student after notebook 01; the limit leaves room for a student's own article and charts).
MEM_LIMIT = os.environ.get("KIT_MEM_LIMIT", "1G")
CPU_LIMIT = float(os.environ.get("KIT_CPU_LIMIT", "1"))

#: Stop servers idle for this many seconds (their files are kept).
IDLE_TIMEOUT = int(os.environ.get("KIT_IDLE_TIMEOUT", "3600"))

#: Where nbgitpuller takes the notebooks from: the git remote this kit was cloned from
#: (set KIT_REPO to your school's copy), and the folder it makes in each student's home.
def _origin(folder: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(folder), "remote", "get-url", "origin"],
                              capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


KIT_REPO = os.environ.get("KIT_REPO") or _origin(KIT_DIR) or KIT_DIR.as_uri()
KIT_BRANCH = os.environ.get("KIT_BRANCH", "main")
KIT_FOLDER = os.environ.get("KIT_FOLDER", "media-literacy-kit")
FIRST_NOTEBOOK = os.environ.get("KIT_FIRST_NOTEBOOK", "notebooks/00_start.ipynb")

# ------------------------------------------------------------------ the hub
c.JupyterHub.bind_url = os.environ.get("KIT_HUB_URL", "http://:8000")
c.JupyterHub.db_url = os.environ.get("KIT_HUB_DB", "sqlite:///jupyterhub.sqlite")
# A class logs in within the same minute: let the servers start together, give them time.
c.JupyterHub.concurrent_spawn_limit = 60
c.JupyterHub.active_server_limit = int(os.environ.get("KIT_MAX_SERVERS", "0"))  # 0: no limit
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the students' servers
_proxy = shutil.which("configurable-http-proxy") or str(
    KIT_DIR / ".hub" / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy")
c.ConfigurableHTTPProxy.command = [_proxy]  # `make hub-deps` installs it there

# ------------------------------------------------------------------ log-in
c.JupyterHub.authenticator_class = "shared-password"
TEACHER = os.environ.get("KIT_TEACHER", "teacher")
c.SharedPasswordAuthenticator.admin_users = {TEACHER}
if os.environ.get("KIT_CLASS_PASSWORD"):  # at least 8 characters
    c.SharedPasswordAuthenticator.user_password = os.environ["KIT_CLASS_PASSWORD"]
if os.environ.get("KIT_TEACHER_PASSWORD"):  # at least 32 characters, not the class password
    c.SharedPasswordAuthenticator.admin_password = os.environ["KIT_TEACHER_PASSWORD"]
c.Authenticator.allow_all = True  # anyone with the class password; or set allowed_users
c.JupyterHub.admin_access = True  # the teacher can open a student's server to help

# ------------------------------------------------------------------ students' servers
c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
c.SystemdSpawner.dynamic_users = True  # no system accounts needed; home in /var/lib/private
c.SystemdSpawner.isolate_tmp = True
c.SystemdSpawner.isolate_devices = True
c.SystemdSpawner.disable_user_sudo = True
c.SystemdSpawner.unit_name_template = "kit-{USERNAME}"
c.Spawner.mem_limit = MEM_LIMIT  # enforced by systemd (MemoryMax)
c.Spawner.cpu_limit = CPU_LIMIT  # enforced by systemd (CPUQuota)
c.Spawner.cmd = [str(KIT_ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.environment = {
    "PATH": f"{KIT_ENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",  # git, for nbgitpuller
}
# Kernels of closed or reloaded pages (Voila app mode especially: one kernel per page, about
# 200-240 MB each) are stopped after 2 idle minutes with no page connected; open pages keep theirs.
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=120", "--MappingKernelManager.cull_interval=30",
                  "--MappingKernelManager.cull_connected=False"]
c.Spawner.start_timeout = 180  # 30 servers starting at once on a small server
c.Spawner.http_timeout = 120
# Every visit pulls the notebooks (first time: a copy; then only new material) and opens the first.
c.Spawner.default_url = (
    f"/git-pull?repo={quote(KIT_REPO, safe='')}&branch={quote(KIT_BRANCH)}"
    f"&targetpath={quote(KIT_FOLDER)}&urlpath={quote(f'lab/tree/{KIT_FOLDER}/{FIRST_NOTEBOOK}')}"
)

# ------------------------------------------------------------------ idle culler
# Skipped if a culler is configured already (The Littlest JupyterHub runs its own, if this
# file is dropped into its jupyterhub_config.d/). ``services`` is a list when set before,
# else a lazy value whose append() adds to JupyterHub's default: both work.
_services = c.JupyterHub.services
if not (isinstance(_services, list) and any("cull" in s.get("name", "") for s in _services)):
    c.JupyterHub.services.append({
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={IDLE_TIMEOUT}", "--cull-every=300", "--concurrency=10"],
    })
    c.JupyterHub.load_roles.append({
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    })
