"""Create and get against the bare app, under wrk, in one run: the issue's ratios.

Product and bare runs alternate (`scale.rounds` times each) and the median counts. The
generator's own ceiling is wrk against the bare app's static /healthz. Latency at half of
peak throughput: wrk paced with `delay()` on 4 connections (see `_half_rate`).
"""

import json
import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bench import wrk
from bench.dataset import CROWDED_POINT
from bench.processes import PeakRss, Served, app_and_database_cpu, cpu_delta
from bench.scale import Scale

AGENT = {"username": "agent@example.org", "password": "frontdoor"}
PACED_CONNECTIONS = 4
LAT, LONG, NUMBER = "__LAT__", "__LONG__", "__NUMBER__"


def body_template() -> str:
    """The create body of the old bench (a pothole by phone, a named reporter), with holes:
    %.6f and %.6f for the point, then %d twice for the reporter's name and e-mail."""
    body = {
        "service_code": "trm-pothole-repair",
        "description": "Benchmark pothole",
        "location": {"lat": LAT, "long": LONG},
        "attributes": {"pothole_size": "medium"},
        "reporter": {
            "first_name": "Bench",
            "last_name": f"Mark{NUMBER}",
            "email": f"bench{NUMBER}@example.net",  # one resident each: no shared row lock
        },
        "channel": "phone",
    }
    text = json.dumps(body, separators=(",", ":"))
    return text.replace(f'"{LAT}"', "%.6f").replace(f'"{LONG}"', "%.6f").replace(NUMBER, "%d")


def agent_headers(base: str) -> dict[str, str]:
    answer = httpx.post(f"{base}/api/v1/auth/token", data=AGENT, timeout=30)
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def warm_up(base: str, headers: dict[str, str]) -> None:
    """One create and one read, unhurried: the first ones load the spatial index and fill
    the pools, which a short wrk run would otherwise count as its first seconds."""
    lat, long = CROWDED_POINT
    body = body_template() % (lat, long, 0, 0)
    with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
        created = client.post(
            "/api/v1/requests",
            content=body,
            headers={"Content-Type": "application/json", "Idempotency-Key": "bench-warm-up"},
        )
        created.raise_for_status()
        client.get(created.headers["Location"]).raise_for_status()


def sample_paths(scale: Scale, count: int = 1000) -> list[str]:
    rng = random.Random(5)  # noqa: S311 - reproducible benchmark ids, not secrets
    ids = rng.sample(range(1, scale.requests + 1), min(count, scale.requests))
    return [f"/api/v1/requests/B{i}" for i in ids]


def etags(base: str, headers: dict[str, str], paths: list[str]) -> list[dict[str, str]]:
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        return [{"If-None-Match": client.get(p).headers["ETag"]} for p in paths]


@dataclass(frozen=True)
class Costed:
    """A run and the CPU it cost: the app's processes (API and workers), and this
    database's PostgreSQL backends. CPU per request holds up better than requests per
    second on a machine shared with other work, which steals time from both apps."""

    run: wrk.Run
    app_cpu_s: float  # the API process and the workers
    worker_cpu_s: float  # the workers alone: outbox jobs, and their scans on a timer
    db_cpu_s: float

    def app_ms(self) -> float:
        return 1000 * self.app_cpu_s / max(self.run.requests, 1)

    def db_ms(self) -> float:
        return 1000 * self.db_cpu_s / max(self.run.requests, 1)

    def worker_ms(self) -> float:
        return 1000 * self.worker_cpu_s / max(self.run.requests, 1)


def costed(served: Served, database: str, load: Callable[[], wrk.Run]) -> Costed:
    app_before, worker_before, db_before = app_and_database_cpu(served, database)
    run = _shown(load())
    app_after, worker_after, db_after = app_and_database_cpu(served, database)
    result = Costed(
        run,
        cpu_delta(app_before, app_after),
        cpu_delta(worker_before, worker_after),
        cpu_delta(db_before, db_after),
    )
    app, worker, db = result.app_ms(), result.worker_ms(), result.db_ms()
    print(f"{'':34} CPU per request: app {app:.2f} ms (workers {worker:.2f}), PostgreSQL {db:.2f}")
    return result


@dataclass
class Pair:
    product: list[Costed]
    bare: list[Costed]

    @staticmethod
    def median(runs: list[Costed]) -> float:
        return statistics.median(r.run.rps for r in runs)

    @staticmethod
    def app_ms(runs: list[Costed]) -> float:
        return statistics.median(r.app_ms() for r in runs)

    @staticmethod
    def db_ms(runs: list[Costed]) -> float:
        return statistics.median(r.db_ms() for r in runs)

    @staticmethod
    def worker_ms(runs: list[Costed]) -> float:
        return statistics.median(r.worker_ms() for r in runs)


def _alternate(rounds: int, product: Callable[[], Costed], bare: Callable[[], Costed]) -> Pair:
    pair = Pair([], [])
    for _ in range(rounds):
        pair.product.append(product())
        pair.bare.append(bare())
    return pair


def _shown(run: wrk.Run) -> wrk.Run:
    print(run.line(), flush=True)
    if run.errors > run.requests * 0.01:
        raise RuntimeError(f"{run.name}: {run.errors} errors in {run.requests} requests")
    return run


def _half_rate(
    name: str, base: str, script_at: Callable[[float], str], peak: float, s: int
) -> wrk.Run:
    """wrk has no fixed-rate mode: each of 4 connections waits `delay` after each answer, so
    the rate is about connections / (delay + latency). The delay aims at half of `peak`,
    taking one service time (1/peak) off; the run reports the rate it reached."""
    peak = max(peak, 1.0)  # a starved machine can finish no request in a tiny run
    target = peak / 2
    delay_ms = 1000 * PACED_CONNECTIONS / target - 1000 / peak
    run = wrk.run(name, base, script_at(delay_ms), s, connections=PACED_CONNECTIONS)
    return _shown(run)


def measure(
    product: Served, bare: Served, database: str, scale: Scale, points: list[tuple[float, float]]
) -> dict[str, float]:
    s = scale.seconds
    headers = agent_headers(product.base)
    template = body_template()
    crowd = [(CROWDED_POINT[0] + dy, CROWDED_POINT[1] + dx) for dy, dx in _jitter(50)]
    paths = sample_paths(scale)
    conditional = etags(product.base, headers, paths[:100])

    def create(served: Served, name: str, where: list[tuple[float, float]]) -> wrk.Run:
        script = wrk.post_script("/api/v1/requests", template, where, headers)
        return wrk.run(name, served.base, script, s)

    def get(served: Served, name: str) -> wrk.Run:
        return wrk.run(name, served.base, wrk.get_script(paths, headers), s)

    warm_up(product.base, headers)
    ceiling = _shown(
        wrk.run(
            "wrk ceiling: bare GET /healthz", bare.base, wrk.static_script(), s, path="/healthz"
        )
    )
    warm = max(1, s // 5)
    for served in (product, bare):  # JIT-free, but pools, caches and indexes warm up
        wrk.run(
            "warm-up",
            served.base,
            wrk.post_script("/api/v1/requests", template, points, headers),
            warm,
        )
        wrk.run("warm-up", served.base, wrk.get_script(paths, headers), warm)
    with PeakRss(product) as rss:
        creates = _alternate(
            scale.rounds,
            lambda: costed(product, database, lambda: create(product, "product POST", points)),
            lambda: costed(bare, database, lambda: create(bare, "bare INSERT", points)),
        )
        crowded = [
            _shown(create(product, "product POST /requests (crowded)", crowd))
            for _ in range(scale.rounds)
        ]
        gets = _alternate(
            scale.rounds,
            lambda: costed(product, database, lambda: get(product, "product GET")),
            lambda: costed(bare, database, lambda: get(bare, "bare SELECT by key")),
        )
        not_modified = [
            _shown(
                wrk.run(
                    "product GET 304",
                    product.base,
                    wrk.get_script(paths[:100], headers, conditional),
                    s,
                )
            )
            for _ in range(scale.rounds)
        ]
        create_rps, get_rps = creates.median(creates.product), gets.median(gets.product)
        create_half = _half_rate(
            "product create at half peak",
            product.base,
            lambda d: wrk.post_script("/api/v1/requests", template, points, headers, d),
            create_rps,
            s,
        )
        get_half = _half_rate(
            "product get at half peak",
            product.base,
            lambda d: wrk.get_script(paths, headers, delay_ms=d),
            get_rps,
            s,
        )
    bare_insert, bare_select = creates.median(creates.bare), gets.median(gets.bare)
    crowded_rps = statistics.median(r.rps for r in crowded)
    costs = {
        "create_app_cpu_ms": Pair.app_ms(creates.product),
        "bare_insert_app_cpu_ms": Pair.app_ms(creates.bare),
        "create_db_cpu_ms": Pair.db_ms(creates.product),
        "create_worker_cpu_ms": Pair.worker_ms(creates.product),
        "get_worker_cpu_ms": Pair.worker_ms(gets.product),
        "bare_insert_db_cpu_ms": Pair.db_ms(creates.bare),
        "get_app_cpu_ms": Pair.app_ms(gets.product),
        "bare_select_app_cpu_ms": Pair.app_ms(gets.bare),
        "get_db_cpu_ms": Pair.db_ms(gets.product),
        "bare_select_db_cpu_ms": Pair.db_ms(gets.bare),
    }
    total = {  # app + database CPU per request: the cost a dedicated machine would pay
        "create_cpu_vs_bare_insert": ratio(
            costs["bare_insert_app_cpu_ms"] + costs["bare_insert_db_cpu_ms"],
            costs["create_app_cpu_ms"] + costs["create_db_cpu_ms"],
        ),
        "get_cpu_vs_bare_select": ratio(
            costs["bare_select_app_cpu_ms"] + costs["bare_select_db_cpu_ms"],
            costs["get_app_cpu_ms"] + costs["get_db_cpu_ms"],
        ),
    }
    return {
        **{k: round(v, 3) for k, v in costs.items()},
        **total,
        "wrk_ceiling_rps": round(ceiling.rps, 1),
        "create_request_rps": round(create_rps, 1),
        "bare_insert_rps": round(bare_insert, 1),
        "create_vs_bare_insert": ratio(create_rps, bare_insert),
        "create_p50_ms_at_16": round(statistics.median(r.run.p50_ms for r in creates.product), 2),
        "create_crowded_rps": round(crowded_rps, 1),
        "create_crowded_vs_scattered": ratio(crowded_rps, create_rps),
        "get_request_rps": round(get_rps, 1),
        "bare_select_rps": round(bare_select, 1),
        "get_vs_bare_select": ratio(get_rps, bare_select),
        "get_p50_ms_at_16": round(statistics.median(r.run.p50_ms for r in gets.product), 2),
        "get_304_rps": round(statistics.median(r.rps for r in not_modified), 1),
        "create_half_peak_rps": round(create_half.rps, 1),
        "create_half_peak_p50_ms": round(create_half.p50_ms, 2),
        "create_half_peak_p99_ms": round(create_half.p99_ms, 2),
        "get_half_peak_rps": round(get_half.rps, 1),
        "get_half_peak_p50_ms": round(get_half.p50_ms, 2),
        "get_half_peak_p99_ms": round(get_half.p99_ms, 2),
        "api_peak_rss_mb": round(rss.peak_mb.get("api", 0.0), 1),
        "worker_peak_rss_mb": round(rss.peak_mb.get("worker", 0.0), 1),
    }


def ratio(part: float, whole: float) -> float:
    return round(part / whole, 3) if whole else 0.0


def _jitter(count: int) -> list[tuple[float, float]]:
    """Offsets within about 20 m: callers at one corner, not one exact point."""
    rng = random.Random(9)  # noqa: S311 - reproducible benchmark points, not secrets
    return [(rng.uniform(-1.5e-4, 1.5e-4), rng.uniform(-2e-4, 2e-4)) for _ in range(count)]
