"""BENCH_SCALE: how big the dataset is and how long each load run lasts.

full is the issue's city: 1,000,000 requests, 2,000,000 cases (contacts), 10,000 articles and
10,000 open requests crowded within 200 m of one point. small is about ten times smaller and
runs whole in under ten minutes on two cores; tiny is the smoke test of `make test`.
"""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    requests: int
    cases: int
    calls: int
    articles: int
    crowd: int  # open requests within 200 m of CROWDED_POINT
    seconds: int  # one wrk run
    rounds: int  # product and baseline runs alternate this many times each
    searches: int  # knowledge searches timed
    list_calls: int  # Open311 list calls timed


SCALES = {
    "full": Scale("full", 1_000_000, 2_000_000, 500_000, 10_000, 10_000, 10, 2, 500, 30),
    "small": Scale("small", 100_000, 200_000, 50_000, 1_000, 1_000, 10, 2, 300, 20),
    "tiny": Scale("tiny", 5_000, 10_000, 2_000, 100, 200, 3, 2, 40, 5),
}


def current() -> Scale:
    name = os.environ.get("BENCH_SCALE", "full")
    if name not in SCALES:
        raise SystemExit(f"BENCH_SCALE must be one of {', '.join(SCALES)}")
    return SCALES[name]
