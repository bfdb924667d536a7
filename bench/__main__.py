"""`make bench`: the product against a bare FastAPI + asyncpg app, under wrk, on a big city.

    BENCH_SCALE=full|small|tiny python -m bench             the whole bench
    BENCH_SCALE=small python -m bench scale-out             1 then 2 API processes, 2 workers

The dataset is made inside PostgreSQL (bench/dataset.py); the product starts as production
does (bench/processes.py); wrk drives both apps in turn (bench/hot_paths.py). Every figure
lands in bench/results.json with a `targets` map; docs/benchmarks.md explains them.
"""

import asyncio
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil

from bench import geocoder, history, hot_paths, knowledge, leaders, reads, resolve, scale_out
from bench.dataset import database, scattered_points, seed
from bench.outbox import drain
from bench.processes import bare, product
from bench.results import record
from bench.scale import Scale, current
from bench.server import postgres

ENSURE_APT = Path(__file__).resolve().parents[1] / "scripts" / "ensure-apt.sh"


def machine() -> dict[str, object]:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "bench_nproc": os.cpu_count() or 0,
        "bench_cpu_model": model,
        "bench_memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "bench_loadavg_at_start": round(os.getloadavg()[0], 2),
    }


def served_figures(url: str, scale: Scale) -> dict[str, float]:
    points = scattered_points(2000)
    with bare(url) as bare_app, product(url) as app:
        name = urlsplit(url).path.lstrip("/")
        figures: dict[str, float] = hot_paths.measure(app, bare_app, name, scale, points)
        figures.update(drain(url))
        headers = hot_paths.agent_headers(app.base)
        figures.update(reads.open311_list(app.base, scale.list_calls))
        figures.update(reads.resolve_batch(app.base, headers))
        figures.update(leaders.timings(app.base))
    return figures


def run_all(scale: Scale) -> dict[str, object]:
    figures: dict[str, object] = {"bench_scale": scale.name, **machine()}
    figures.update(resolve.measure())
    figures.update(geocoder.measure())
    with postgres() as server:
        with database(server, "bench_city") as url:
            started = time.perf_counter()
            figures.update(seed(url, scale))
            figures["seed_s"] = round(time.perf_counter() - started, 1)
            figures["bench_requests"] = scale.requests
            figures["bench_cases"] = scale.cases
            figures["bench_articles"] = scale.articles
            figures["bench_crowd"] = scale.crowd
            figures["metrics_dashboard_requests"] = scale.requests  # the dashboard's data
            figures["metrics_dashboard_contacts"] = scale.cases
            figures["metrics_dashboard_calls"] = scale.calls
            figures["metrics_bench_fill_s"] = figures["seed_s"]
            figures.update(served_figures(url, scale))
            figures.update(asyncio.run(_kb(url, scale)))
        figures.update(history.measure(server))
    return figures


async def _kb(url: str, scale: Scale) -> dict[str, float]:
    times = await knowledge._time_searches(url, scale.searches)
    ordered = sorted(times)
    return {
        "kb_search_p50_ms": round(ordered[len(ordered) // 2], 2),
        "kb_search_p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
    }


def main() -> int:
    if sys.argv[1:2] == ["scale-out"]:
        subprocess.run(["bash", str(ENSURE_APT), "wrk", "wrk"], check=True)  # noqa: S603, S607
        return scale_out.main()
    subprocess.run(["bash", str(ENSURE_APT), "wrk", "wrk"], check=True)  # noqa: S603, S607
    started = time.perf_counter()
    figures = run_all(current())
    figures["bench_total_s"] = round(time.perf_counter() - started, 1)
    stored = record(figures)
    for key, value in sorted(figures.items()):
        print(f"{key:40} {value}")
    met = stored["targets"]
    assert isinstance(met, dict)
    for key, target in met.items():
        print(
            f"target {key:33} {target['value']!s:>12} {target['target']:>10}  met={target['met']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
