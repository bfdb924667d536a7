"""Importing an address table from CSV (header `address,zip,lat,long`).

Bad rows are counted, and the first few reported, without failing the import; a missing column
in the header refuses it whole. The import and the version bump commit together, so every API
process rebuilds its index from a complete table.
"""

import asyncio
import csv
import io
from dataclasses import dataclass
from typing import IO, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.addresses import (
    address_rows,
    delete_all_points,
    insert_address_rows,
    mark_addresses_changed,
)
from domain.addresses.csv_import import ImportResult, RejectedRow
from domain.addresses.model import AddressPoint
from domain.addresses.points import check_header, read_point
from domain.shared.errors import ValidationFailed

MAX_REPORTED = 20


@dataclass
class _Prepared:
    rows: list[dict[str, Any]]
    accepted: int
    skipped: int
    rejected: list[RejectedRow]


async def import_addresses_csv(
    engine: AsyncEngine, text_or_file: str | IO[str], replace: bool
) -> ImportResult:
    """Add the rows to the table (or, with replace, put them in place of all it held)."""
    prepared = await asyncio.to_thread(_prepare, text_or_file)
    async with engine.begin() as db:
        if replace:
            await delete_all_points(db)
        await insert_address_rows(db, prepared.rows)
        await mark_addresses_changed(db)
    return ImportResult(prepared.accepted, prepared.skipped, prepared.rejected)


def _prepare(text_or_file: str | IO[str]) -> _Prepared:
    source = io.StringIO(text_or_file) if isinstance(text_or_file, str) else text_or_file
    reader = csv.DictReader(source)
    try:
        check_header(reader.fieldnames)
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or ()]
        points: list[AddressPoint] = []
        rejected: list[RejectedRow] = []
        skipped = 0
        for row in reader:
            try:
                points.append(read_point(row))
            except ValueError as fault:
                skipped += 1
                if len(rejected) < MAX_REPORTED:
                    rejected.append(RejectedRow(reader.line_num, str(fault)))
    except csv.Error as fault:
        line = reader.line_num + 1  # the reader counts a line once it has read it whole
        raise ValidationFailed.single("body", f"line {line}: {fault}") from None
    return _Prepared(address_rows(points), len(points), skipped, rejected)
