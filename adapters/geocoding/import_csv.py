"""Import an address table: python -m adapters.geocoding.import_csv PATH [--replace].

The CSV's header names the columns address, zip, lat, long. DATABASE_URL says where.
"""

import argparse
import asyncio
import os
import sys
from pathlib import Path

from adapters.db.engine import make_engine
from adapters.geocoding.importer import import_addresses_csv
from domain.addresses.csv_import import ImportResult
from domain.shared.errors import ValidationFailed


async def _run(url: str, path: Path, replace: bool) -> ImportResult:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        with path.open(encoding="utf-8-sig", newline="") as source:
            return await import_addresses_csv(engine, source, replace)
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m adapters.geocoding.import_csv", description=__doc__
    )
    parser.add_argument("path", type=Path, help="CSV file with address,zip,lat,long")
    parser.add_argument("--replace", action="store_true", help="replace the whole table")
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL")
    if not url:
        print("set DATABASE_URL to the PostgreSQL database to import into", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(_run(url, args.path, args.replace))
    except (ValidationFailed, OSError, UnicodeDecodeError) as fault:
        print(f"import refused: {fault}", file=sys.stderr)
        return 1
    for row in result.rejected:
        print(f"line {row.line}: {row.reason}", file=sys.stderr)
    print(f"imported {result.imported} rows, skipped {result.skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
