"""`frontdoor import-calls FILE`: load the phone system's call records (CSV, gzip or not).

DATABASE_URL says where (a database migrated by `make run` or `python -m api`). The header is
`call_id,queue,offered_at,answered_at,abandoned_at,ended_at,agent`; times are RFC 3339 with
an offset, and each call has `answered_at` or `abandoned_at`. Each bad row is reported on
stderr with its line number and reason, and the rest goes on; a call id already stored is
left as it was, so a second run of the same file adds nothing. Exit status 0 when the file
was read to the end, 2 when it cannot be used.
"""

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TextIO

from adapters.db.engine import make_engine
from adapters.db.repositories.call_records import SqlCallRecords
from adapters.text_files import open_text
from api.settings import Settings
from domain.metrics.importing import CallImport
from domain.shared.errors import ValidationFailed


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "import-calls",
        help="import call records from the phone system (CSV, gzip or not)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, help="the CSV file (.csv or .csv.gz)")
    parser.set_defaults(run=run)


async def import_file(url: str, path: Path) -> CallImport:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        with open_text(path) as (lines, _):
            return await SqlCallRecords(engine).import_in_batches(lines)
    finally:
        await engine.dispose()


def report(result: CallImport, out: TextIO, errors: TextIO) -> None:
    for row in result.errors:
        print(f"line {row.line}: {row.reason}", file=errors)
    if result.rejected > len(result.errors):
        print(f"... and {result.rejected - len(result.errors):,} more bad rows", file=errors)
    print(
        f"{result.received:,} rows: {result.inserted:,} calls added, "
        f"{result.unchanged:,} already there, {result.rejected:,} bad",
        file=out,
    )


def run(args: argparse.Namespace) -> int:
    url = Settings().database_url
    if not url:
        print("set DATABASE_URL to the PostgreSQL database to import into", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(import_file(url, args.file))
    except (ValidationFailed, UnicodeDecodeError) as refused:
        print(f"import refused: {refused}", file=sys.stderr)
        return 2
    report(result, sys.stdout, sys.stderr)
    return 0
