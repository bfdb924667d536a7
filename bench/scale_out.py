"""`python -m bench scale-out`: 1 then 2 API processes, with 2 workers, on one database.

Each step runs creates and gets under wrk and accounts for the CPU of every party from /proc:
the API processes, the workers, this database's PostgreSQL backends, PostgreSQL's shared
processes, wrk itself, and the whole machine (other tenants included). On two cores shared by
all of them the throughput ratio alone proves nothing; the accounting shows where the
ceiling is. Afterwards pgqueuer's log must show no job picked or finished twice.
"""

import resource
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import psutil

from bench import hot_paths, wrk
from bench.dataset import database, scattered_points, seed
from bench.outbox import drain
from bench.processes import (
    Served,
    cpu_by_pid,
    cpu_delta,
    machine_busy_seconds,
    postgres_processes,
    product,
)
from bench.scale import Scale, current
from bench.server import postgres

WORKERS = 2


def _parties(served: Served, database_name: str) -> dict[str, dict[int, float]]:
    roles = served.roles()
    mine, shared = postgres_processes(database_name)
    return {
        "api": cpu_by_pid(roles["api"]),
        "worker": cpu_by_pid(roles["worker"]),
        "postgres_backends": cpu_by_pid(mine),
        "postgres_shared": cpu_by_pid(shared),
    }


def accounted(served: Served, database_name: str, load: Callable[[], wrk.Run]) -> dict[str, float]:
    before = _parties(served, database_name)
    wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy_before, total_before = machine_busy_seconds()
    started = time.perf_counter()
    run = load()
    wall = time.perf_counter() - started
    busy_after, total_after = machine_busy_seconds()
    wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = _parties(served, database_name)
    cores = {name: cpu_delta(before[name], after[name]) / wall for name in after}
    wrk_cpu = (wrk_after.ru_utime + wrk_after.ru_stime) - (
        wrk_before.ru_utime + wrk_before.ru_stime
    )
    cores["wrk"] = wrk_cpu / wall
    cores["machine_busy"] = (
        (busy_after - busy_before) / (total_after - total_before) * psutil.cpu_count()
    )
    figures = {f"{name}_cores": round(value, 2) for name, value in cores.items()}
    figures["rps"] = round(run.rps, 1)
    figures["p50_ms"] = round(run.p50_ms, 2)
    figures["errors"] = run.errors
    print(run.line(), figures, flush=True)
    return figures


def step(url: str, scale: Scale, api_processes: int) -> dict[str, dict[str, float]]:
    name = urlsplit(url).path.lstrip("/")
    points = scattered_points(2000)
    with product(url, workers=api_processes, run_worker=False, extra_workers=WORKERS) as served:
        headers = hot_paths.agent_headers(served.base)
        template = hot_paths.body_template()
        paths = hot_paths.sample_paths(scale)
        post = wrk.post_script("/api/v1/requests", template, points, headers)
        get = wrk.get_script(paths, headers)
        hot_paths.warm_up(served.base, headers)
        wrk.run("warm-up", served.base, post, max(1, scale.seconds // 5))
        wrk.run("warm-up", served.base, get, max(1, scale.seconds // 5))
        label = f"{api_processes} API"
        return {
            "create": accounted(
                served, name, lambda: wrk.run(f"{label} create", served.base, post, scale.seconds)
            ),
            "get": accounted(
                served, name, lambda: wrk.run(f"{label} get", served.base, get, scale.seconds)
            ),
        }


def measure(scale: Scale) -> dict[str, object]:
    figures: dict[str, object] = {"scale": scale.name, "workers": WORKERS}
    with postgres() as server, database(server, "scale_out") as url:
        seed(url, scale)
        for api_processes in (1, 2):
            figures[f"api_{api_processes}"] = step(url, scale, api_processes)
        with product(url, workers=1, run_worker=False, extra_workers=WORKERS):
            figures["jobs"] = drain(url)  # both workers drain the backlog together
    return figures


def main() -> int:
    from bench.results import RESULTS, record

    figures = measure(current())
    record({"scale_out": figures})
    print(f"scale-out figures recorded in {RESULTS} under scale_out")
    jobs = figures["jobs"]
    assert isinstance(jobs, dict)
    return 1 if jobs["jobs_picked_twice"] or jobs["jobs_done_twice"] else 0
