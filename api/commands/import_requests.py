"""`frontdoor import-requests FILE --mapping MAPPING`: load a city's open-data 311 history.

DATABASE_URL says where (a database migrated by `make run` or `python -m api`). MAPPING is
a mapping file or the name of one that ships (`baltimore`, `boston`). Each bad row is
reported on stderr with its line number and reason, and the rest goes on; a second run of
the same file adds nothing. Exit status 0 when the file was read to the end (bad rows
included), 1 when the database failed or another import of the same source is running, 2
when the mapping or the file cannot be used, 130 when interrupted (every batch is whole: run
it again to finish).
"""

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import TextIO

import asyncpg
from sqlalchemy.exc import DBAPIError

from adapters.db.engine import make_engine
from adapters.db.repositories.history_writer import CatalogChanged, SourceBusy
from adapters.history.importer import BATCH_ROWS, import_requests
from adapters.history.mapping_files import load_mapping, shipped_mappings
from adapters.history.preparing import PreparingFailed
from api.progress import ProgressBar
from domain.history.mapping import Mapping, MappingInvalid
from domain.history.rows import BadRow
from domain.history.summary import ImportSummary

LISTED_BAD_ROWS = 20
# The import stopped for a reason it states: another run of the source, a catalog change.
IMPORT_STOPPED = (SourceBusy, CatalogChanged, PreparingFailed)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "import-requests",
        help="import a city's 311 history (CSV, gzip or not)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, help="the CSV export (.csv or .csv.gz)")
    names = ", ".join(shipped_mappings())
    parser.add_argument(
        "--mapping", required=True, help=f"a mapping file (JSON), or a shipped one: {names}"
    )
    parser.add_argument(
        "--batch-rows", type=_positive, default=BATCH_ROWS, help="rows per transaction"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    url = os.environ.get("DATABASE_URL") or os.environ.get("FRONTDOOR_DATABASE_URL")
    if not url:
        print("set DATABASE_URL to the PostgreSQL database to import into", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        mapping = load_mapping(args.mapping)
        summary = asyncio.run(run_import(url, args.file, mapping, args.batch_rows))
    except MappingInvalid as invalid:
        print("import refused:", *invalid.problems, sep="\n  ", file=sys.stderr)
        return 2
    except (OSError, asyncpg.PostgresError, DBAPIError, *IMPORT_STOPPED) as failure:
        print(f"import failed: {failure}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: whole batches are in; run it again to finish", file=sys.stderr)
        return 130
    report(summary)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


async def run_import(
    url: str,
    path: Path,
    mapping: Mapping,
    batch_rows: int = BATCH_ROWS,
    bar: ProgressBar | None = None,
) -> ImportSummary:
    """The command's code path (the benchmark runs it too)."""
    bar = bar or ProgressBar(f"importing {path.name}")
    engine = make_engine(url, pool_size=2, max_overflow=0)

    def bad_row(row: BadRow) -> None:
        bar.note(f"line {row.line}: {row.reason}")

    try:
        summary = await import_requests(
            engine, path, mapping, batch_rows=batch_rows, progress=bar.update, bad_row=bad_row
        )
    finally:
        await engine.dispose()
        bar.finish()
    return summary


def report(summary: ImportSummary, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    for created in summary.created:
        print(f"created {created} for rows of types the catalog lacks", file=out)
    for line in summary.lines():
        print(line, file=out)
    for row in summary.bad[:LISTED_BAD_ROWS]:
        print(f"  line {row.line}: {row.reason}", file=out)
    if len(summary.bad) > LISTED_BAD_ROWS:
        more = len(summary.bad) - LISTED_BAD_ROWS
        print(f"  … and {more:,} more (all on stderr above)", file=out)
