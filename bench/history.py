"""History import speed: `import_rows_per_s` on a generated file in the Baltimore schema.

`measure(server)` writes a CSV of BENCH_SCALE rows (full: 1,000,000; small: 100,000; tiny:
5,000) into a temporary directory, creates a fresh database with the demo data (catalog and
boundary layers), and runs `frontdoor import-requests FILE --mapping baltimore`'s own code
path on it. The figure is rows read per second, end to end: catalog and boundary loading,
reading, translating, placing every point, and writing. Target: at least 20,000.

The rows are the real Baltimore sample's rows as templates (type, agency, channel, status
and their mix, including its placeholder and missing points), each with a new id, a new
creation time between 2014 and 2019 (in no order: the hardest case for the date indexes),
a close time after it, and a point moved a little.
Run alone: `python -m bench.history` (BENCH_DATABASE_URL picks the server, as for
`make bench`); it records its figures in bench/results.json too.
"""

import asyncio
import csv
import gzip
import io
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from adapters.history.mapping_files import load_mapping
from api.commands.import_requests import run_import
from api.progress import ProgressBar
from bench.resolve import DATA
from bench.server import bench_database, postgres

SAMPLE = DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz"
SCALES = {"full": 1_000_000, "small": 100_000, "tiny": 5_000}
TARGET_ROWS_PER_S = 20_000
SEED = 311
FORMAT = "%m/%d/%Y %I:%M:%S %p"
START = datetime(2014, 1, 1)
SPAN_SECONDS = 5 * 365 * 24 * 3600


def rows_for_scale() -> int:
    scale = os.environ.get("BENCH_SCALE", "full")
    if scale not in SCALES:
        raise SystemExit(f"BENCH_SCALE must be one of {', '.join(SCALES)}")
    return SCALES[scale]


def _templates() -> tuple[list[str], list[list[str]]]:
    with gzip.open(SAMPLE, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def generated_rows(count: int, seed: int = SEED) -> Iterator[list[str]]:
    """`count` rows in the sample's schema; ServiceRequestNum is unique."""
    header, templates = _templates()
    at = {name: i for i, name in enumerate(header)}
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, not secrets
    for i in range(count):
        row = list(rng.choice(templates))
        created = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
        closed = created + timedelta(seconds=rng.randrange(1, 30 * 24 * 3600))
        row[at["ServiceRequestNum"]] = f"B{created:%y}-{i:08d}"
        row[at["CreatedDate"]] = created.strftime(FORMAT)
        row[at["CloseDate"]] = closed.strftime(FORMAT) if row[at["CloseDate"]] else ""
        row[at["StatusDate"]] = (closed if row[at["CloseDate"]] else created).strftime(FORMAT)
        row[at["DueDate"]] = (created + timedelta(days=3)).strftime(FORMAT)
        if row[at["Latitude"]] not in ("", "39"):
            row[at["Latitude"]] = f"{float(row[at['Latitude']]) + rng.uniform(-5e-4, 5e-4):.6f}"
            row[at["Longitude"]] = f"{float(row[at['Longitude']]) + rng.uniform(-5e-4, 5e-4):.6f}"
        yield row


def write_file(path: Path, count: int) -> None:
    header, _ = _templates()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        buffer: list[list[str]] = []
        for row in generated_rows(count):
            buffer.append(row)
            if len(buffer) == 10_000:
                writer.writerows(buffer)
                buffer.clear()
        writer.writerows(buffer)


async def _import(url: str, path: Path) -> tuple[int, int, float]:
    bar = ProgressBar("bench import", stream=io.StringIO(), interactive=False)
    summary = await run_import(url, path, load_mapping("baltimore"), bar=bar)
    if summary.bad or summary.imported != summary.read:
        raise RuntimeError(f"the generated file did not import whole: {summary.lines()}")
    return summary.read, summary.imported, summary.seconds


def measure(server: str) -> dict[str, float]:
    count = rows_for_scale()
    with tempfile.TemporaryDirectory(prefix="frontdoor-history-") as scratch:
        path = Path(scratch) / "baltimore_generated.csv"
        started = time.perf_counter()
        write_file(path, count)
        print(f"generated {count:,} rows in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        with bench_database(server) as url:
            read, _, seconds = asyncio.run(_import(url, path))
    return {
        "import_rows": read,
        "import_rows_per_s": round(read / seconds, 1),
        "import_rows_target_per_s": TARGET_ROWS_PER_S,
    }


def main() -> int:
    from bench.results import RESULTS

    with postgres() as server:
        figures = measure(server)
    for key, value in sorted(figures.items()):
        print(f"{key:34} {value}")
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    stored.update(figures)
    RESULTS.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
    return 0 if figures["import_rows_per_s"] >= TARGET_ROWS_PER_S else 1


if __name__ == "__main__":
    sys.exit(main())
