"""metrics_dashboard_ms: the dashboard's 30-day summary over a big city's history, live.

A fresh database gets the demo catalog and users, then (inside PostgreSQL) 1,000,000
requests, 2,000,000 contacts and 500,000 calls over two years ending now; VACUUM ANALYZE as
after any bulk load. An API process then answers GET /api/v1/metrics/summary (the last 30
days, no result cache) for a supervisor: the figure is the median of several runs after a
warm-up. BENCH_SCALE=small (100k/200k) or tiny (10k/20k) stands in when time is short.
Run alone: `python -m bench.leaders` (BENCH_DATABASE_URL or the local PostgreSQL).
"""

import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.demo.loader import load_demo_data
from bench.leaders_data import CALLS, CASES, REQUESTS
from bench.server import api_process, postgres

SCALES = {  # requests, contacts, calls
    "full": (1_000_000, 2_000_000, 500_000),
    "small": (100_000, 200_000, 50_000),
    "tiny": (10_000, 20_000, 5_000),
}
RUNS, WARM_UP = 9, 2
TARGET_MS = 500
SUPERVISOR = {"username": "supervisor@example.org", "password": "frontdoor"}


async def _execute(url: str, *statements: str, n: int | None = None) -> None:
    connection = await asyncpg.connect(url)
    try:
        for statement in statements:
            if n is None:
                await connection.execute(statement)
            else:
                await connection.execute(statement.replace(":n", "$1"), n)
    finally:
        await connection.close()


async def _demo(url: str) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await load_demo_data(engine)  # with the boundary layers: top issues per district
    finally:
        await engine.dispose()


@contextmanager
def metrics_database(server: str) -> Iterator[str]:
    name = f"frontdoor_metrics_bench_{os.getpid()}"
    asyncio.run(_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_execute(server, f'CREATE DATABASE "{name}"'))
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        asyncio.run(_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def fill(url: str, scale: str) -> float:
    """Migrate, load the demo data and the synthetic history; seconds it took."""
    requests, contacts, calls = SCALES[scale]
    started = time.perf_counter()
    upgrade(url)
    asyncio.run(_demo(url))
    asyncio.run(_execute(url, REQUESTS, n=requests))
    asyncio.run(_execute(url, CASES, n=contacts))
    asyncio.run(_execute(url, CALLS, n=calls))
    asyncio.run(_execute(url, "VACUUM ANALYZE"))
    return time.perf_counter() - started


def _time(client: httpx.Client, path: str, params: dict[str, str]) -> list[float]:
    times = []
    for run in range(WARM_UP + RUNS):
        started = time.perf_counter()
        answer = client.get(path, params=params)
        elapsed = (time.perf_counter() - started) * 1000
        answer.raise_for_status()
        if run >= WARM_UP:
            times.append(elapsed)
    return times


def timings(base: str) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=120) as client:
        token = client.post("/api/v1/auth/token", data=SUPERVISOR).json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        summary = _time(client, "/api/v1/metrics/summary", {})
        department = _time(client, "/api/v1/metrics/summary", {"department": "transportation"})
        by_channel = _time(client, "/api/v1/metrics/contacts", {"group_by": "channel"})
        by_department = _time(
            client, "/api/v1/metrics/sla", {"group_by": "department", "interval": "week"}
        )
        districts = {"layer": "council-districts"}
        top = _time(client, "/api/v1/metrics/top-issues", districts)
        open_now = _time(client, "/api/v1/metrics/open-by-area", districts)
    return {
        "metrics_dashboard_ms": round(statistics.median(summary), 1),
        "metrics_dashboard_department_ms": round(statistics.median(department), 1),
        "metrics_contacts_by_channel_daily_ms": round(statistics.median(by_channel), 1),
        "metrics_sla_by_department_weekly_ms": round(statistics.median(by_department), 1),
        "metrics_top_issues_ms": round(statistics.median(top), 1),
        "metrics_open_by_area_ms": round(statistics.median(open_now), 1),
    }


def measure(server: str, scale: str | None = None) -> dict[str, float]:
    scale = scale or os.environ.get("BENCH_SCALE", "full")
    requests, contacts, calls = SCALES[scale]
    with metrics_database(server) as url:
        seconds = fill(url, scale)
        with api_process(url) as base:
            figures = timings(base)
    figures["metrics_dashboard_requests"] = requests
    figures["metrics_dashboard_contacts"] = contacts
    figures["metrics_dashboard_calls"] = calls
    figures["metrics_dashboard_target_ms"] = TARGET_MS
    figures["metrics_bench_fill_s"] = round(seconds, 1)
    return figures


def main() -> int:
    from bench.results import RESULTS

    with postgres() as server:
        figures = measure(server)
    for key, value in sorted(figures.items()):
        print(f"{key:40} {value}")
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    stored.update(figures)
    RESULTS.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
    return 0 if figures["metrics_dashboard_ms"] <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
