"""`python -m bench` at BENCH_SCALE=tiny runs whole and writes every figure the issue asks
for; `make bench` runs the same script at full scale (never `make test`)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.results import REQUIRED


def test_the_bench_runs_at_tiny_scale_and_writes_every_key(pg_server: str, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    env = {
        **os.environ,
        "BENCH_SCALE": "tiny",
        "BENCH_RESULTS": str(results),
        "BENCH_DATABASE_URL": pg_server,
    }
    subprocess.run([sys.executable, "-m", "bench"], env=env, check=True, timeout=600)

    figures = json.loads(results.read_text())
    assert [key for key in REQUIRED if key not in figures] == []
    assert figures["bench_scale"] == "tiny"
    assert set(figures["targets"]) == {key for key in REQUIRED if key in figures["targets"]}
    assert all(isinstance(t["met"], bool) for t in figures["targets"].values())
    assert figures["jobs_picked_twice"] == 0
