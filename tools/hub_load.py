"""A class on a real JupyterHub: N students run notebook 01 at the same time (`make hub-load`).

Starts a JupyterHub on this computer with the school's configuration
(deploy/jupyterhub_config.py, through tools/hub_local.py: local ports, a local-process
spawner, a temporary home per user with its own copy of the notebooks and its own
``KIT_ANSWERS``), creates N users and starts their servers through the hub's REST API, all
at once. Each user's server then opens ``notebooks/01_framing.ipynb`` (contents API),
starts a kernel for it (sessions API) and runs all its code cells in order over the
kernel's websocket, through the hub's proxy, as JupyterLab's "Run All Cells" does. All
users run together. Finally it stops everything it started and checks nothing is left.

It writes ``bench/results/hub-load.json``:

    users                 how many users
    failures              how many users' runs failed (``failed_users``: who and why)
    run_all_s             seconds to run all cells, one figure per user (kernel started)
    spawn_s               seconds from "start my server" to its answering, per user
    peak_rss_mb_per_user  peak resident memory of a user's server plus kernel, per user
    hub_rss_mb            the hub's peak (``proxy_rss_mb``, ``services_rss_mb``: the others)
    total_rss_mb          peak of everything the hub started, all at once (sampled)
    cpus                  this computer's CPUs

and exits 1 when any user failed, or something stayed behind.

    python tools/hub_load.py --users 30          # what `make hub-load USERS=30` runs
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hub_local  # noqa: E402

ROOT = hub_local.ROOT
NOTEBOOK = "notebooks/01_framing.ipynb"
RESULTS = ROOT / "bench" / "results" / "hub-load.json"
CELL_TIMEOUT = 300  # seconds for one cell, even with 30 kernels on 2 cores


class UserFailed(Exception):
    pass


# ---------------------------------------------------------------- one user's session


class Kernel:
    """A kernel's websocket (JSON messages, Jupyter protocol 5.3) through the hub's proxy."""

    def __init__(self, ws, session: str):
        self.ws, self.session = ws, session

    @classmethod
    async def connect(cls, base_ws: str, kernel_id: str, token: str) -> "Kernel":
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        session = uuid.uuid4().hex
        req = HTTPRequest(f"{base_ws}api/kernels/{kernel_id}/channels?session_id={session}",
                          headers={"Authorization": f"token {token}"}, request_timeout=120,
                          connect_timeout=120)
        ws = await websocket_connect(req, max_message_size=100 * 1024 * 1024)
        return cls(ws, session)

    def send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "hub-load", "session": self.session,
                       "msg_type": msg_type, "version": "5.3",
                       "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
            "buffers": [],
        }))
        return msg_id

    async def reply(self, msg_id: str, timeout: float) -> tuple[dict, list[dict]]:
        """Wait for the shell reply to ``msg_id`` and for the kernel to go idle after it;
        return the reply and the error outputs (iopub ``error``) it produced."""
        errors, reply, idle = [], None, False
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise UserFailed(f"no answer from the kernel in {timeout:.0f} s")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise UserFailed("the kernel's websocket closed")
            if isinstance(raw, bytes):
                continue  # binary frames carry widget buffers: not needed here
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "error":
                errors.append(msg["content"])
            elif kind == "status" and msg["content"].get("execution_state") == "idle":
                idle = True
            elif msg.get("channel") == "shell" and kind.endswith("_reply"):
                reply = msg["content"]
        return reply, errors

    async def ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            msg_id = self.send("kernel_info_request", {})
            try:
                await self.reply(msg_id, min(10, max(1, deadline - time.monotonic())))
                return
            except (UserFailed, asyncio.TimeoutError):
                if time.monotonic() > deadline:
                    raise UserFailed(f"kernel not ready in {timeout:.0f} s") from None

    def close(self) -> None:
        self.ws.close()


async def _request(client, method: str, url: str, token: str, body=None, timeout: float = 120):
    from tornado.httpclient import HTTPRequest

    req = HTTPRequest(url, method=method, headers={"Authorization": f"token {token}",
                                                  "Content-Type": "application/json"},
                      body=None if body is None else json.dumps(body),
                      allow_nonstandard_methods=True, request_timeout=timeout, connect_timeout=timeout)
    resp = await client.fetch(req, raise_error=False)
    if resp.code >= 400 or resp.code == 599:
        raise UserFailed(f"{method} {url} -> {resp.code} {resp.body[:300] if resp.body else resp.error}")
    return json.loads(resp.body) if resp.body else None


async def spawn(client, hub: hub_local.LocalHub, name: str, timeout: float) -> float:
    """Start ``name``'s server through the hub; return seconds until it is ready."""
    api = f"{hub.url}/hub/api/users/{name}"
    start = time.monotonic()
    await _request(client, "POST", f"{api}/server", hub.token, body={})
    while time.monotonic() - start < timeout:
        user = await _request(client, "GET", api, hub.token)
        server = (user.get("servers") or {}).get("")
        if server and server.get("ready"):
            return time.monotonic() - start
        if not server and not user.get("pending"):
            raise UserFailed("the server stopped while starting (see the hub's log)")
        await asyncio.sleep(0.5)
    raise UserFailed(f"server not ready in {timeout:.0f} s")


async def run_notebook(client, hub: hub_local.LocalHub, name: str, notebook: str = NOTEBOOK) -> dict:
    """Open ``notebook`` on ``name``'s running server and run all its code cells in order."""
    base = hub.user_url(name)
    model = await _request(client, "GET", f"{base}api/contents/{notebook}?type=notebook&content=1",
                           hub.token)
    cells = [c for c in model["content"]["cells"]
             if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    t0 = time.monotonic()
    session = await _request(client, "POST", f"{base}api/sessions", hub.token, body={
        "path": notebook, "name": Path(notebook).name, "type": "notebook",
        "kernel": {"name": "python3"}})
    kernel = await Kernel.connect("ws" + base[4:], session["kernel"]["id"], hub.token)
    try:
        await kernel.ready(CELL_TIMEOUT)
        kernel_s = time.monotonic() - t0
        t1 = time.monotonic()
        for i, cell in enumerate(cells, 1):
            msg_id = kernel.send("execute_request", {
                "code": "".join(cell["source"]), "silent": False, "store_history": True,
                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            reply, errors = await kernel.reply(msg_id, CELL_TIMEOUT)
            if reply.get("status") != "ok" or errors:
                err = (errors or [reply])[0]
                raise UserFailed(f"cell {i} of {len(cells)}: {err.get('ename')}: {err.get('evalue')}")
        return {"cells": len(cells), "kernel_start_s": kernel_s, "run_all_s": time.monotonic() - t1}
    finally:
        kernel.close()


async def one_user(client, hub, name: str, timeout: float) -> dict:
    result = {"user": name}
    try:
        result["spawn_s"] = await spawn(client, hub, name, timeout)
        result.update(await run_notebook(client, hub, name))
    except (UserFailed, asyncio.TimeoutError, OSError) as err:
        result["error"] = str(err) or type(err).__name__
    return result


async def run_users(hub: hub_local.LocalHub, names: list[str], timeout: float = 900) -> list[dict]:
    """Every user at once: start their server, open notebook 01, run all its cells."""
    from tornado.httpclient import AsyncHTTPClient

    client = AsyncHTTPClient(force_instance=True, max_clients=max(10, 2 * len(names)))
    try:
        return await asyncio.gather(*(one_user(client, hub, n, timeout) for n in names))
    finally:
        client.close()


# ---------------------------------------------------------------- the whole class


def _mb(value: float | None) -> float | None:
    return None if value is None else round(value / 2**20, 1)


def _answers_state() -> dict[str, float]:
    """The answers files in the repository's notebooks/ (none must appear or change)."""
    return {str(p): p.stat().st_mtime for p in (ROOT / "notebooks").rglob("*kit_answers.json*")}


def load(users: int, *, quiet: bool = False) -> dict:
    names = [f"student{i:02d}" for i in range(1, users + 1)]
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    answers_before = _answers_state()
    hub = hub_local.LocalHub()
    started = time.monotonic()
    say(f"Starting JupyterHub ({hub.url}) with deploy/jupyterhub_config.py ...")
    hub.start()
    strays: list[str] = []
    try:
        hub.add_users(names)
        sampler = hub.start_sampling(0.5)
        say(f"{users} users: starting their servers and running {NOTEBOOK}, all at once ...")
        results = asyncio.run(run_users(hub, names))
        sampler.sample()  # the kernels are still alive: their peaks are all in now
        sampler.stop()
        peaks = sampler.peaks_by_group()
        log_tail = hub.log_tail(80)
    finally:
        strays = hub.stop()
    wall = time.monotonic() - started

    failed = {r["user"]: r["error"] for r in results if "error" in r}
    per_user = [peaks.get(f"user:{n}") for n in names]
    measured = [p for p in per_user if p]
    run_all = [round(r["run_all_s"], 2) if "run_all_s" in r else None for r in results]
    ok_runs = [x for x in run_all if x is not None]
    report = {
        "users": users,
        "failures": len(failed),
        "failed_users": failed,
        "notebook": NOTEBOOK,
        "run_all_s": run_all,
        "run_all_s_median": round(statistics.median(ok_runs), 2) if ok_runs else None,
        "run_all_s_max": max(ok_runs) if ok_runs else None,
        "spawn_s": [round(r["spawn_s"], 2) if "spawn_s" in r else None for r in results],
        "kernel_start_s": [round(r["kernel_start_s"], 2) if "kernel_start_s" in r else None
                           for r in results],
        "peak_rss_mb_per_user": [_mb(p) for p in per_user],
        "peak_rss_mb_per_user_max": _mb(max(measured)) if measured else None,
        "peak_rss_mb_per_user_median": _mb(statistics.median(measured)) if measured else None,
        "hub_rss_mb": _mb(peaks.get("hub")),
        "proxy_rss_mb": _mb(peaks.get("proxy")),
        "services_rss_mb": _mb(peaks.get("service")),
        "total_rss_mb": _mb(sampler.total_peak),
        "total_rss_mb_upper_bound": _mb(sum(peaks.values())),
        "cpus": os.cpu_count(),
        "wall_s": round(wall, 1),
        "stray_processes": strays,
        "answers_written_to_repository": _answers_state() != answers_before,
        "memory_note": "per user: the sum of the own peaks (VmHWM) of the user's server and kernel "
                       "(or the largest sum sampled every 0.5 s, if larger); total: the largest "
                       "sampled sum of everything the hub started",
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "jupyterhub": __import__("jupyterhub").__version__,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    if failed:
        report["hub_log_tail"] = log_tail
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.users < 1:
        parser.error("--users must be at least 1")
    try:
        report = load(args.users)
    except hub_local.HubUnavailable as err:
        print(f"Cannot run a hub here: {err}", file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\n{report['users']} users, {report['failures']} failed; run all cells: median "
          f"{report['run_all_s_median']} s, slowest {report['run_all_s_max']} s")
    print(f"memory per user (server + kernel): up to {report['peak_rss_mb_per_user_max']} MB; "
          f"hub {report['hub_rss_mb']} MB; everything {report['total_rss_mb']} MB; {report['cpus']} CPUs")
    print(f"written to {args.output}")
    for user, error in report["failed_users"].items():
        print(f"FAILED {user}: {error}", file=sys.stderr)
    if report["stray_processes"]:
        print(f"processes left after stopping (ended now): {report['stray_processes']}", file=sys.stderr)
    if report["answers_written_to_repository"]:
        print("answers were written into the repository's notebooks/", file=sys.stderr)
    bad = report["failures"] or report["stray_processes"] or report["answers_written_to_repository"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
