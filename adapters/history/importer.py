"""The import pipeline: prepare a batch in another process while the last one is written.

Reading, translating and placing rows is Python work; writing a batch is PostgreSQL's (COPY
into staging, then one INSERT ... SELECT). While the database works on batch n, a forked
process prepares batch n + 1 (adapters/history/preparing.py), so the two overlap instead of
adding up. Each batch is one transaction: an interrupted import leaves whole batches, and
running it again completes it.
"""

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.jurisdictions import JurisdictionReadModel
from adapters.db.repositories.history_writer import BatchWriter, pg_time
from adapters.db.repositories.imported_requests import ensure_catch_all, import_catalog
from adapters.geo.live import build
from adapters.history.locating import Locator
from adapters.history.preparing import PreparedBatches, prepared_in_process
from adapters.history.source import SourceFile, open_source
from domain.history.mapping import Mapping
from domain.history.rows import BadRow, ImportedRequest, RowTranslator
from domain.history.summary import ImportSummary
from domain.requests.model import CloseReason, Status
from domain.shared.vocabulary import Channel

BATCH_ROWS = 50_000
FIRST_BATCH_ROWS = 5_000  # then twice as many each time up to BATCH_ROWS: writing starts soon

Progress = Callable[[int, int, int], None]  # (rows read, bytes read, bytes in all)
BadRowSink = Callable[[BadRow], None]


@dataclass
class Batch:
    records: list[tuple[Any, ...]] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    read: int = 0
    position: int = 0  # bytes of the file read when the batch was complete


async def import_requests(
    engine: AsyncEngine,
    path: Path,
    mapping: Mapping,
    *,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
    bad_row: BadRowSink | None = None,
) -> ImportSummary:
    started = time.perf_counter()
    summary = ImportSummary()
    async with engine.begin() as db:
        summary.created = await ensure_catch_all(
            db, mapping.other_service, mapping.other_department
        )
        catalog = await import_catalog(db)
    snapshot = await JurisdictionReadModel(engine).snapshot()
    with open_source(path) as source:
        translator = RowTranslator(mapping, source.header, catalog.facts)

        def batches() -> Iterator[Batch]:
            locator = Locator(build(snapshot), catalog.services)
            return prepared_batches(source, translator, locator, batch_rows)

        async with engine.connect() as db:
            raw = await db.get_raw_connection()
            async with BatchWriter(raw.driver_connection, mapping.source) as writer:
                with prepared_in_process(batches) as prepared:
                    await _pipeline(prepared, writer, summary, source.size, progress, bad_row)
    summary.seconds = time.perf_counter() - started
    return summary


async def _pipeline(
    prepared: PreparedBatches,
    writer: BatchWriter,
    summary: ImportSummary,
    size: int,
    progress: Progress | None,
    bad_row: BadRowSink | None,
) -> None:
    following = asyncio.ensure_future(asyncio.to_thread(prepared.receive))
    while (batch := await following) is not None:
        following = asyncio.ensure_future(asyncio.to_thread(prepared.receive))
        for bad in batch.bad:
            if bad_row is not None:
                bad_row(bad)
        summary.bad += batch.bad
        summary.read += batch.read
        try:
            summary.imported += await writer.write(batch.records)
        except BaseException:
            following.cancel()
            raise
        if progress is not None:
            progress(summary.read, batch.position, size)


def prepared_batches(
    source: SourceFile, translator: RowTranslator, locator: Locator, batch_rows: int
) -> Iterator[Batch]:
    """Batches of COPY-ready records (PREPARED_FIELDS, times as `pg_time` counts them). A
    source id seen twice in a batch keeps its first row (a later batch's repeat is left out
    by the database), so a batch's ids are unique.

    A batch is written in order of creation: the indexes on the request's dates (and the
    reference, which starts with the year) then take it in one sweep instead of at random,
    which made a million-row file 15 % faster; so did batches of 50,000 over 10,000. The
    first batches are smaller, so the database has work while the next ones are prepared."""
    batch, requests, size = Batch(), [], min(batch_rows, FIRST_BATCH_ROWS)
    for line, fields in source.rows:
        batch.read += 1
        translated = fields if isinstance(fields, BadRow) else translator.translate(fields, line)
        if isinstance(translated, BadRow):
            batch.bad.append(translated)
        else:
            requests.append(translated)
        if batch.read >= size:
            yield _complete(batch, requests, locator, source.position())
            batch, requests, size = Batch(), [], min(batch_rows, size * 2)
    if batch.read:
        yield _complete(batch, requests, locator, source.position())


def _complete(
    batch: Batch, requests: list[ImportedRequest], locator: Locator, position: int
) -> Batch:
    seen: set[str] = set()
    unique = []
    for request in requests:
        if request.external_id not in seen:
            seen.add(request.external_id)
            unique.append(request)
    unique.sort(key=_creation)
    placements = locator.place(unique)
    batch.records = [_record(r, d, a) for r, (d, a) in zip(unique, placements, strict=True)]
    batch.position = position
    return batch


def _creation(request: ImportedRequest) -> datetime:
    return request.requested_at


# Each vocabulary member as the plain string the record holds: `.value` is a Python property
# on an enum, read three times a row, and a member itself pickles as a call to its class.
VALUES: dict[Any, str] = {
    member: member.value for kind in (Status, CloseReason, Channel) for member in kind
}


def _record(r: ImportedRequest, department: str, areas: str) -> tuple[Any, ...]:
    requested_at, updated_at, closed_at = r.requested_at, r.updated_at, r.closed_at
    requested = pg_time(requested_at)
    closed = pg_time(closed_at)
    # A row's update time is mostly its creation or close time, the very same object.
    if updated_at is requested_at:
        updated = requested
    elif updated_at is closed_at:
        updated = closed
    else:
        updated = pg_time(updated_at)
    on_hold = r.on_hold_since
    return (
        r.external_id,
        r.source_type,
        r.service_code,
        department,
        VALUES[r.status],
        VALUES[r.close_reason] if r.close_reason else None,
        VALUES[r.channel],
        requested,
        updated,
        closed,
        pg_time(r.expected_at),
        None if on_hold is None else (updated if on_hold is updated_at else pg_time(on_hold)),
        r.description,
        r.address,
        r.lat,
        r.long,
        areas,
    )
