"""bench/results.json: every benchmark merges its figures in; `targets` says which are met."""

import json
import os
from pathlib import Path

RESULTS = Path(os.environ.get("BENCH_RESULTS") or Path(__file__).with_name("results.json"))
OBSOLETE = ("baseline_rps", "request_create_", "request_read_", "request_list_")
TARGETS = {  # key: (comparison, bound)
    "create_vs_bare_insert": (">=", 0.5),
    "get_vs_bare_select": (">=", 0.7),
    "open311_list_p95_ms": ("<=", 150),
    "resolve_points_per_s": (">=", 500_000),
    "resolve_batch_1000_ms": ("<=", 30),
    "kb_search_p95_ms": ("<=", 10),
    "metrics_dashboard_ms": ("<=", 500),
    "import_rows_per_s": (">=", 20_000),
    "create_crowded_vs_scattered": (">=", 0.8),
}
REQUIRED = (
    *TARGETS,
    "create_request_rps",
    "get_request_rps",
    "get_304_rps",
    "create_half_peak_p50_ms",
    "create_half_peak_p99_ms",
    "get_half_peak_p50_ms",
    "get_half_peak_p99_ms",
    "api_peak_rss_mb",
    "worker_peak_rss_mb",
    "wrk_ceiling_rps",
    "targets",
)


def targets(figures: dict[str, object]) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for key, (comparison, bound) in TARGETS.items():
        value = figures.get(key)
        met = isinstance(value, int | float) and (
            value >= bound if comparison == ">=" else value <= bound
        )
        out[key] = {"target": f"{comparison} {bound}", "value": value, "met": met}
    return out


def record(figures: dict[str, object]) -> dict[str, object]:
    """Merge into bench/results.json: other benchmarks keep their keys there."""
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    stored = {k: v for k, v in stored.items() if not k.startswith(OBSOLETE)}
    stored.update(figures)
    stored["targets"] = targets(stored)
    RESULTS.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
    return stored
