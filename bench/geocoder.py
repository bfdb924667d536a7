"""Address search latency: the in-memory index over the Baltimore 311 sample's addresses.

`measure()` runs in process (no server, no database). It builds the index from the sample's
8,115 canonical addresses (adapters/demo/addresses.py), then times `AddressIndex.search` on
perturbed queries, one after another: typos, written-out or missing suffixes, missing zips,
added city and state (bench/address_queries.py, seeded). The score caches are emptied first,
so the figures include the work a query on streets not seen before costs.

Run alone: `python -m bench.geocoder`. The shared data folder is ../shared/data beside the
repository, or FRONTDOOR_SHARED_DATA.
"""

import os
import statistics
import sys
import time
from pathlib import Path

from adapters.demo.addresses import SAMPLE, sample_points
from adapters.geocoding.index import AddressIndex
from bench.address_queries import perturbed_queries
from domain.addresses.matching import street_similarity, token_similarity

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FRONTDOOR_SHARED_DATA", REPO.parent / "shared" / "data"))
SEED = 311
QUERIES = 2_000


def measure(count: int = QUERIES, seed: int = SEED, data: Path = DATA) -> dict[str, float]:
    """p50 and p95 of one search, in milliseconds."""
    points = sample_points(data / SAMPLE)
    index = AddressIndex(points)
    queries = perturbed_queries(points, count, seed)
    street_similarity.cache_clear()
    token_similarity.cache_clear()
    times = []
    for query in queries:
        started = time.perf_counter()
        index.search(query.text, 5)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "geocoder_search_p50_ms": round(statistics.median(times), 3),
        "geocoder_search_p95_ms": round(statistics.quantiles(times, n=100)[94], 3),
    }


if __name__ == "__main__":
    print(measure())
    sys.exit(0)
