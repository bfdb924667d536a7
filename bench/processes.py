"""The processes under test, started the way production starts them, and their accounting.

The product is `python -m api` with FRONTDOOR_ENV=production: it migrates, starts uvicorn with
FRONTDOOR_WORKERS workers, and (FRONTDOOR_RUN_WORKER, true by default as in production) its
own `python -m api worker`; `extra_workers` adds more `python -m api worker` processes, as a
deployment with dedicated workers does. The bare app gets the same worker count and pool.
"""

import os
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import psutil

from bench.server import free_port


@dataclass
class Served:
    base: str
    process: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def tree(self) -> list[psutil.Process]:
        roots = [psutil.Process(p.pid) for p in [self.process, *self.workers]]
        found = []
        for root in roots:
            try:
                found += [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
        return found

    def roles(self) -> dict[str, list[psutil.Process]]:
        """api: the processes serving HTTP; worker: the job workers; other: uvicorn's
        supervisor (with several workers), multiprocessing's resource tracker, mail-in."""
        roles: dict[str, list[psutil.Process]] = {"api": [], "worker": [], "other": []}
        lines = {}
        for process in self.tree():
            try:
                lines[process] = process.cmdline()
            except psutil.NoSuchProcess:
                continue
        spawned = any("spawn_main" in " ".join(c) for c in lines.values())
        for process, command in lines.items():
            line = " ".join(command)
            if command[-1:] == ["worker"]:
                roles["worker"].append(process)
            elif "spawn_main" in line or (process.pid == self.process.pid and not spawned):
                roles["api"].append(process)
            else:
                roles["other"].append(process)
        return roles


def _env(url: str, port: int, workers: int, run_worker: bool) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "PORT": str(port),
        "FRONTDOOR_ENV": "production",
        "FRONTDOOR_SECRET_KEY": secrets.token_urlsafe(48),
        "FRONTDOOR_DEMO_DATA": "false",  # seeded already (bench/dataset.py)
        "FRONTDOOR_ALLOW_DEMO_IN_PRODUCTION": "true",  # the demo users sign the bench in
        "FRONTDOOR_WORKERS": str(workers),
        "FRONTDOOR_RUN_WORKER": "true" if run_worker else "false",
        "FRONTDOOR_LOG_LEVEL": "WARNING",
    }


def wait_ready(base: str, path: str, process: subprocess.Popen[bytes], within: float = 120) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the process behind {base} exited during start-up")
        try:
            if httpx.get(f"{base}{path}", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not become ready within {within:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def product(
    url: str, workers: int = 1, run_worker: bool = True, extra_workers: int = 0
) -> Iterator[Served]:
    port = free_port()
    env = _env(url, port, workers, run_worker)
    api = subprocess.Popen([sys.executable, "-m", "api"], env=env)
    extra = [
        subprocess.Popen([sys.executable, "-m", "api", "worker"], env=env)
        for _ in range(extra_workers)
    ]
    served = Served(f"http://127.0.0.1:{port}", api, extra)
    try:
        wait_ready(served.base, "/readyz", api)
        yield served
    finally:
        for process in [*extra, api]:
            _stop(process)


@contextmanager
def bare(url: str, workers: int = 1) -> Iterator[Served]:
    port = free_port()
    env = _env(url, port, workers, run_worker=False)
    process = subprocess.Popen([sys.executable, "-m", "bench.bare_app"], env=env)
    served = Served(f"http://127.0.0.1:{port}", process)
    try:
        wait_ready(served.base, "/healthz", process)
        yield served
    finally:
        _stop(process)


class PeakRss:
    """Samples the resident memory of each role's processes while a load runs."""

    def __init__(self, served: Served, every: float = 0.25) -> None:
        self._served = served
        self._every = every
        self._stop = threading.Event()
        self.peak_mb: dict[str, float] = {}
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            for role, processes in self._served.roles().items():
                for process in processes:
                    try:
                        mb = process.memory_info().rss / 2**20
                    except psutil.NoSuchProcess:
                        continue
                    self.peak_mb[role] = max(self.peak_mb.get(role, 0.0), mb)
            self._stop.wait(self._every)


def cpu_by_pid(processes: list[psutil.Process]) -> dict[int, float]:
    out = {}
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        out[process.pid] = times.user + times.system
    return out


def cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds spent between two snapshots; a process born since counts from zero."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def app_and_database_cpu(
    served: "Served", database: str
) -> tuple[dict[int, float], dict[int, float], dict[int, float]]:
    """(the app's processes, API and workers; the workers alone; this database's backends)."""
    roles = served.roles()
    return (
        cpu_by_pid(roles["api"] + roles["worker"]),
        cpu_by_pid(roles["worker"]),
        cpu_by_pid(postgres_processes(database)[0]),
    )


def postgres_processes(database: str) -> tuple[list[psutil.Process], list[psutil.Process]]:
    """(this database's backends, the server's shared processes); other databases' backends,
    such as other test runs on the same server, are left out of both."""
    mine, shared = [], []
    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] != "postgres":
            continue
        title = " ".join(process.info["cmdline"] or [])
        if f" {database} " in title:
            mine.append(process)
        elif (
            title.startswith("postgres: ") and "127.0.0.1(" not in title and "[local]" not in title
        ):
            shared.append(process)
    return mine, shared


def machine_busy_seconds() -> tuple[float, float]:
    """(busy CPU seconds, total CPU seconds) of the whole machine, from /proc/stat."""
    times = psutil.cpu_times()
    total = sum(times)
    return total - times.idle - getattr(times, "iowait", 0.0), total
