"""Run with `make bench`. Prints each hot path's throughput as a ratio of a bare endpoint's.

The baseline is GET /healthz on the same process: no database, no auth. A ratio of 0.25 means
the path serves a quarter of the requests per second that the bare stack serves on this machine,
so the figures compare across machines and runs.
"""

import argparse
import asyncio
import json
import random
import sys
from pathlib import Path

import httpx

from bench import geocoder, history, knowledge, leaders, resolve
from bench.load import Result, run
from bench.server import api_process, bench_database, postgres


def body(i: int) -> dict[str, object]:
    """Request i: a different reporter each time, at a point spread over downtown Baltimore."""
    rng = random.Random(i)  # noqa: S311 - reproducible benchmark bodies, not secrets
    return {
        **BODY,
        "location": {
            "lat": 39.2904 + rng.uniform(-0.02, 0.02),
            "long": -76.6122 + rng.uniform(-0.02, 0.02),
        },
        "reporter": {
            "first_name": "Bench",
            "last_name": f"Mark{i}",
            "email": f"bench{i}@example.net",
        },
    }


BODY = {
    "service_code": "trm-pothole-repair",
    "description": "Benchmark pothole",
    "location": {"lat": 39.2904, "long": -76.6122},
    "attributes": {"pothole_size": "medium"},
    "reporter": {"first_name": "Bench", "last_name": "Mark", "email": "bench@example.net"},
    "channel": "phone",
}


async def http_figures(base: str) -> dict[str, float]:
    """Latency figures of single endpoints, measured sequentially on the running server."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        token = await client.post(
            "/api/v1/auth/token", data={"username": "agent@example.org", "password": "frontdoor"}
        )
    auth = {"Authorization": f"Bearer {token.json()['access_token']}"}
    return await resolve.measure_http(base, auth)


async def scenarios(base: str, count: int, concurrency: int) -> list[Result]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        token = await client.post(
            "/api/v1/auth/token", data={"username": "agent@example.org", "password": "frontdoor"}
        )
        auth = {"Authorization": f"Bearer {token.json()['access_token']}"}
        created = await client.post("/api/v1/requests", json=BODY, headers=auth)
        request_id = created.json()["id"]
        await run(client, "warm-up", lambda c, i: c.get("/healthz"), 200, concurrency, 200)
        return [
            await run(
                client,
                "baseline GET /healthz",
                lambda c, i: c.get("/healthz"),
                count,
                concurrency,
                200,
            ),
            await run(
                client,
                "POST /api/v1/requests",
                lambda c, i: c.post("/api/v1/requests", json=body(i), headers=auth),
                count,
                concurrency,
                201,
            ),
            await run(
                client,
                "GET /api/v1/requests/{id}",
                lambda c, i: c.get(f"/api/v1/requests/{request_id}", headers=auth),
                count,
                concurrency,
                200,
            ),
            await run(
                client,
                "GET /api/v1/requests?limit=50",
                lambda c, i: c.get("/api/v1/requests?limit=50", headers=auth),
                count // 4,
                concurrency,
                200,
            ),
        ]


def report(results: list[Result]) -> None:
    baseline = results[0].rate
    print(f"{'scenario':34} {'n':>6} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'ratio':>7} fail")
    for r in results:
        print(
            f"{r.name:34} {r.count:6d} {r.rate:9.1f} {r.median_ms:8.2f} {r.percentile(0.95):8.2f}"
            f" {r.rate / baseline:7.3f} {r.failures}"
        )


RESULTS = Path(__file__).with_name("results.json")
KEYS = {
    "POST /api/v1/requests": "request_create",
    "GET /api/v1/requests/{id}": "request_read",
    "GET /api/v1/requests?limit=50": "request_list",
}


def record(results: list[Result], extra: dict[str, float]) -> None:
    """Merge this run's figures into bench/results.json; other benchmarks add their own keys."""
    figures = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    figures.update(extra)
    baseline = results[0].rate
    figures["baseline_rps"] = round(baseline, 1)
    for r in results[1:]:
        key = KEYS[r.name]
        figures[f"{key}_rps"] = round(r.rate, 1)
        figures[f"{key}_vs_baseline"] = round(r.rate / baseline, 3)
        figures[f"{key}_p50_ms"] = round(r.median_ms, 2)
        figures[f"{key}_p95_ms"] = round(r.percentile(0.95), 2)
    RESULTS.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    extra = {**resolve.measure(), **geocoder.measure()}
    with postgres() as server:
        extra.update(asyncio.run(knowledge.measure(server)))
        extra.update(leaders.measure(server))  # BENCH_SCALE=small|tiny: a smaller history
        extra.update(history.measure(server))  # import_rows_per_s, same BENCH_SCALE
        with bench_database(server) as url, api_process(url) as base:
            results = asyncio.run(scenarios(base, args.count, args.concurrency))
            extra.update(asyncio.run(http_figures(base)))
    report(results)
    for key, value in sorted(extra.items()):
        print(f"{key:34} {value}")
    record(results, extra)
    return 1 if any(r.failures for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
