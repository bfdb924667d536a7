"""Derive the demo address table (adapters/demo/addresses.csv) from the Baltimore 311 sample.

Usage: python scripts/derive_demo_addresses.py [DATA_DIR] [--output PATH]

DATA_DIR is the shared data folder (default: ../shared/data beside the repository). The output
is deterministic. The rules are in adapters/demo/addresses.py; sources in ATTRIBUTION.md.
"""

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from adapters.demo.addresses import ADDRESSES, SAMPLE, sample_points, write_csv  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "data_dir", nargs="?", type=Path, default=REPO_ROOT.parent / "shared" / "data"
    )
    parser.add_argument("--output", type=Path, default=ADDRESSES)
    args = parser.parse_args()
    points = sample_points(args.data_dir / SAMPLE)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        write_csv(points, handle)
    print(f"wrote {len(points)} addresses to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
