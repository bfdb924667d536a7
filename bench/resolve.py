"""Point resolution: the STRtree index against a linear scan, and the resolve endpoint's latency.

`measure()` runs in process on Baltimore's 10,025 2020 census blocks (the shared public data),
on 20,000 random points in the city's bounding box (seeded). `resolve_points_per_s` is the
batch path the product serves batches and imports with, `AreaIndex.hits_at_many` (vectorised
STRtree queries), in batches of 1,000 points, the batch endpoint's size;
`resolve_single_points_per_s` is `AreaIndex.hits_at`, one point per call, as a single resolve
does. In the same run it times a linear scan, `covers` on every prepared polygon in a Python
loop, on the first 500 of those points, and checks that all of them find the same blocks. It
also reports the single-point speed-up over a vectorised linear scan (`shapely.covers` over the
whole array per point), which is the stronger baseline.

`measure_http()` times GET /api/v1/jurisdictions/resolve on a running server, one request after
another, and gives the median and 99th percentile latency.
"""

import gzip
import json
import os
import random
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

import httpx
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from adapters.geo.index import AreaIndex, IndexedArea
from domain.jurisdictions.model import AreaHit, AreaRef, LayerRole

DATA = Path(
    os.environ.get("FRONTDOOR_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
BLOCKS = DATA / "boundaries" / "baltimore" / "census_blocks_2020.geojson.gz"
SEED = 311
INDEX_POINTS = 20_000
BATCH = 1_000
LINEAR_POINTS = 500
HTTP_REQUESTS = 500
HTTP_WARM_UP = 20

Point = tuple[float, float]  # (lat, long)


def load_blocks(path: Path = BLOCKS) -> tuple[list[IndexedArea], list[BaseGeometry]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    geometries = list(shapely.from_geojson([json.dumps(f["geometry"]) for f in features]))
    areas = [
        IndexedArea(
            AreaHit(
                AreaRef(i, "census-blocks", f["properties"]["geoid20"], f["properties"]["name20"]),
                LayerRole.INFO,
                "census block",
                geometry.area,
            ),
            geometry,
        )
        for i, (f, geometry) in enumerate(zip(features, geometries, strict=True))
    ]
    return areas, geometries


def random_points(bounds: Sequence[float], count: int, seed: int = SEED) -> list[Point]:
    min_x, min_y, max_x, max_y = bounds
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark points, not secrets
    return [(rng.uniform(min_y, max_y), rng.uniform(min_x, max_x)) for _ in range(count)]


def time_index(index: AreaIndex, points: Sequence[Point]) -> tuple[float, list[set[int]]]:
    found: list[set[int]] = []
    started = time.perf_counter()
    for lat, long in points:
        found.append({hit.ref.id for hit in index.hits_at(lat, long)})
    return time.perf_counter() - started, found


def time_batches(index: AreaIndex, points: Sequence[Point]) -> tuple[float, list[set[int]]]:
    found: list[set[int]] = []
    started = time.perf_counter()
    for start in range(0, len(points), BATCH):
        for hits in index.hits_at_many(points[start : start + BATCH]):
            found.append({hit.ref.id for hit in hits})
    return time.perf_counter() - started, found


def time_linear(
    geometries: Sequence[BaseGeometry], points: Sequence[Point]
) -> tuple[float, list[set[int]]]:
    """The scan a first version would write: every polygon, one `covers` call each."""
    found: list[set[int]] = []
    started = time.perf_counter()
    for lat, long in points:
        point = shapely.Point(long, lat)
        found.append({i for i, geometry in enumerate(geometries) if geometry.covers(point)})
    return time.perf_counter() - started, found


def time_vectorised_linear(
    geometries: Sequence[BaseGeometry], points: Sequence[Point]
) -> tuple[float, list[set[int]]]:
    """A linear scan without the Python loop: one `shapely.covers` over the array per point."""
    array = np.asarray(geometries, dtype=object)
    found: list[set[int]] = []
    started = time.perf_counter()
    for lat, long in points:
        hits = np.flatnonzero(shapely.covers(array, shapely.Point(long, lat)))
        found.append(set(hits.tolist()))
    return time.perf_counter() - started, found


def measure() -> dict[str, float]:
    areas, geometries = load_blocks()
    index = AreaIndex(areas)  # prepares every geometry, so the scans below use them prepared
    points = random_points(shapely.total_bounds(geometries).tolist(), INDEX_POINTS)
    time_index(index, points[:1000])  # warm-up
    time_batches(index, points[:BATCH])
    index_seconds, index_found = time_index(index, points)
    batch_seconds, batch_found = time_batches(index, points)
    if batch_found != index_found:
        raise AssertionError("the batch and single-point look-ups disagree")
    sample = points[:LINEAR_POINTS]
    linear_seconds, linear_found = time_linear(geometries, sample)
    vector_seconds, vector_found = time_vectorised_linear(geometries, sample)
    if not index_found[:LINEAR_POINTS] == linear_found == vector_found:
        raise AssertionError("the index and the linear scans disagree")
    index_rate = len(points) / index_seconds
    linear_rate = len(sample) / linear_seconds
    vector_rate = len(sample) / vector_seconds
    return {
        "resolve_points_per_s": round(len(points) / batch_seconds, 1),
        "resolve_single_points_per_s": round(index_rate, 1),
        "linear_points_per_s": round(linear_rate, 1),
        "resolve_vs_linear": round(index_rate / linear_rate, 1),
        "resolve_vs_linear_vectorised": round(index_rate / vector_rate, 1),
    }


def percentile(latencies: Sequence[float], q: float) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def measure_http(
    base_url: str, headers: dict[str, str], count: int = HTTP_REQUESTS
) -> dict[str, float]:
    """`count` sequential resolves of random points in Baltimore (with a service code)."""
    points = random_points((-76.72, 39.19, -76.52, 39.38), count + HTTP_WARM_UP, SEED + 1)
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as client:
        for i, (lat, long) in enumerate(points):
            params: dict[str, float | str] = {
                "lat": lat,
                "long": long,
                "service_code": "trm-pothole-repair",
            }
            started = time.perf_counter()
            answer = await client.get("/api/v1/jurisdictions/resolve", params=params)
            elapsed = time.perf_counter() - started
            if answer.status_code != 200:
                raise RuntimeError(f"resolve answered {answer.status_code}: {answer.text[:200]}")
            if i >= HTTP_WARM_UP:
                latencies.append(elapsed)
    return {
        "resolve_http_p50_ms": round(statistics.median(latencies) * 1000, 2),
        "resolve_http_p99_ms": round(percentile(latencies, 0.99), 2),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
