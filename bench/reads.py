"""Single-call latencies over the full dataset, one call at a time: the Open311 default list
(the newest 1,000 of the last 90 days) and a batch resolve of 1,000 points over HTTP."""

import statistics
import time

import httpx

from bench.resolve import random_points

BATCH_RUNS, BATCH_WARM_UP = 7, 2
CITY = (-76.711, 39.197, -76.529, 39.372)  # Baltimore's bounding box (long, lat)


def _p95(times: list[float]) -> float:
    if len(times) < 20:
        return max(times)
    return statistics.quantiles(times, n=100)[94]


def _timed(client: httpx.Client, method: str, path: str, **kwargs: object) -> float:
    started = time.perf_counter()
    answer = client.request(method, path, **kwargs)  # type: ignore[arg-type]
    elapsed = (time.perf_counter() - started) * 1000
    answer.raise_for_status()
    return elapsed


def open311_list(base: str, calls: int) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=60) as client:
        first = client.get("/open311/v2/requests.json")
        first.raise_for_status()
        times = [_timed(client, "GET", "/open311/v2/requests.json") for _ in range(calls)]
    return {
        "open311_list_results": len(first.json()),
        "open311_list_p50_ms": round(statistics.median(times), 1),
        "open311_list_p95_ms": round(_p95(times), 1),
    }


def resolve_batch(base: str, headers: dict[str, str]) -> dict[str, float]:
    points = random_points(CITY, 1000, seed=1000)
    body = {
        "points": [
            {"lat": lat, "long": long, "service_code": "trm-pothole-repair"} for lat, long in points
        ]
    }
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        times = [
            _timed(client, "POST", "/api/v1/jurisdictions/resolve", json=body)
            for _ in range(BATCH_WARM_UP + BATCH_RUNS)
        ][BATCH_WARM_UP:]
    return {"resolve_batch_1000_ms": round(statistics.median(times), 1)}
