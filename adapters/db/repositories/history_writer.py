"""Batches of the history import, copied straight into `service_requests` and its provenance.

A batch is one transaction, so it is either wholly imported or not at all. Each row becomes a
request numbered like the app numbers them (`YY-NNNNNNNN` from `request_number_seq`, YY the
year of creation in UTC), with its service's SLA, its search words (the importer finds them,
so the database does not: migration 0024; the reference is not among them, 0037) and a
provenance row in `imported_requests`.

The writer holds an advisory lock on its source for the whole import, so the source ids it
read from `imported_requests` at the start stay the whole truth: a row imported before (or
earlier in the file) is left out in Python, and no statement has to look for it. A second
import of the same source at once is refused rather than queued behind the first.

COPY goes straight into the tables: a staging table and an INSERT ... SELECT cost the
database a third more per row. So the codes are checked here: the batch's services and
departments are locked FOR KEY SHARE (as the foreign-key triggers would lock them, once per
row) and must all exist, which makes the rows sound where the role may skip those triggers.
"""

import struct
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any

import asyncpg

from adapters.acting import current_acting
from domain.requests.search_words import text_words

# What the importer sends per row, in this order; the five times as `pg_time` counts them.
PREPARED_FIELDS = (
    "external_id",
    "source_type",
    "service_code",
    "department_code",
    "status",
    "close_reason",
    "channel",
    "requested_at",
    "updated_at",
    "closed_at",
    "expected_at",
    "on_hold_since",
    "description",
    "address",
    "lat",
    "long",
    "areas",
)
# A request holds every prepared field but the source's own type, which its provenance keeps.
REQUEST_COLUMNS = (
    "id",
    *(name for name in PREPARED_FIELDS if name != "source_type"),
    "priority",
    "sla_target_hours",
    "sla_calendar",
    "sla_pauses_on_hold",
    "change_xid",
    "search_document",
)
PROVENANCE_COLUMNS = ("source", "source_id", "request_id", "source_type")

# With triggers skipped (session_replication_role = replica) the rows are not audited one by
# one: the batch is, as one entry (migration 0032).
RECORD_IMPORT = """
    SELECT frontdoor_audit_write('request', 'import:' || $1, 'import', NULL,
                                 jsonb_build_object('source', $1::text, 'requests', $2::int))
"""
TELL_WHO_ACTS = "SELECT set_config('frontdoor.actor', $1, false)"  # see adapters/db/engine.py
LOCK_SOURCE = "SELECT pg_try_advisory_lock(hashtextextended('frontdoor.history:' || $1, 0))"
UNLOCK_SOURCE = "SELECT pg_advisory_unlock(hashtextextended('frontdoor.history:' || $1, 0))"
IMPORTED_BEFORE = "SELECT source_id FROM imported_requests WHERE source = $1"
LOCK_SERVICES = """
SELECT code, sla_target_hours, sla_calendar, sla_pauses_on_hold
FROM services WHERE code = ANY($1::text[]) FOR KEY SHARE
"""
LOCK_DEPARTMENTS = "SELECT code FROM departments WHERE code = ANY($1::text[]) FOR KEY SHARE"
NUMBERS = """
SELECT pg_current_xact_id()::text::bigint,
       array(SELECT nextval('request_number_seq') FROM generate_series(1, $1))
"""


class SourceBusy(RuntimeError):
    """Another import of the same source is running."""


class CatalogChanged(RuntimeError):
    """A service or department the rows name was deleted while the import ran."""


@dataclass(frozen=True, slots=True)
class Sla:
    target_hours: float
    calendar: str
    pauses_on_hold: bool


class BatchWriter:
    """Writes batches through one raw asyncpg connection (COPY needs the driver's own).

    Use it as an async context manager: entering locks the source, leaving unlocks it."""

    def __init__(self, connection: Any, source: str) -> None:
        self._db = connection
        self._source = source
        self._imported: set[str] = set()
        self._words = _Words()
        self.skips_triggers = False

    async def __aenter__(self) -> "BatchWriter":
        db = self._db
        if not await db.fetchval(LOCK_SOURCE, self._source):
            raise SourceBusy(f"another import of source {self._source!r} is running")
        try:
            self._imported = {row[0] for row in await db.fetch(IMPORTED_BEFORE, self._source)}
            await db.set_type_codec(
                "timestamptz",
                schema="pg_catalog",
                encoder=TIMESTAMP.pack,
                decoder=_no_decoding,
                format="binary",
            )
            await db.set_type_codec(
                "tsvector",
                schema="pg_catalog",
                encoder=tsvector_binary,
                decoder=_no_decoding,
                format="binary",
            )
            self.skips_triggers = await self._may_skip_triggers()
            await db.execute(TELL_WHO_ACTS, current_acting().actor)
        except BaseException:
            await db.fetchval(UNLOCK_SOURCE, self._source)
            raise
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._db.is_closed():
            return  # the server let go of the lock with the session
        await self._db.reset_type_codec("tsvector", schema="pg_catalog")
        await self._db.reset_type_codec("timestamptz", schema="pg_catalog")
        await self._db.fetchval(UNLOCK_SOURCE, self._source)

    async def _may_skip_triggers(self) -> bool:
        """Whether this role may skip the foreign-key triggers (a third of the database's
        time per row): a superuser may, or a role granted `session_replication_role`."""
        try:
            await self._db.execute("SET session_replication_role = replica")
        except asyncpg.InsufficientPrivilegeError:
            return False
        await self._db.execute("RESET session_replication_role")
        return True

    async def write(self, rows: Sequence[tuple[Any, ...]]) -> int:
        """Import one batch (rows in PREPARED_FIELDS' order) in one transaction; answers how
        many rows were new."""
        fresh = [row for row in rows if row[0] not in self._imported]
        if not fresh:
            return 0
        db = self._db
        async with db.transaction():
            # A crash may lose the last batches' commits, never half a batch: a re-run
            # restores them, so the batch need not wait for its WAL to reach the disk.
            await db.execute("SET LOCAL synchronous_commit = off")
            if self.skips_triggers:
                await db.execute("SET LOCAL session_replication_role = replica")
            slas = await self._lock_catalog(fresh)
            xid, numbers = await db.fetchrow(NUMBERS, len(fresh))
            words = self._words
            requests = [
                _request(row, number, slas[row[2]], xid, words)
                for row, number in zip(fresh, numbers, strict=True)
            ]
            await db.copy_records_to_table(
                "service_requests", records=requests, columns=REQUEST_COLUMNS
            )
            provenance = [
                (self._source, row[0], request[0], row[1])
                for row, request in zip(fresh, requests, strict=True)
            ]
            await db.copy_records_to_table(
                "imported_requests", records=provenance, columns=PROVENANCE_COLUMNS
            )
            if self.skips_triggers:  # the audit triggers too: one entry says what came in
                await db.execute(RECORD_IMPORT, self._source, len(fresh))
        self._imported.update(row[0] for row in fresh)
        return len(fresh)

    async def _lock_catalog(self, rows: Sequence[tuple[Any, ...]]) -> dict[str, Sla]:
        services = {row[2] for row in rows}
        departments = {row[3] for row in rows}
        found = await self._db.fetch(LOCK_SERVICES, list(services))
        slas = {code: Sla(hours, calendar, pauses) for code, hours, calendar, pauses in found}
        known = {row[0] for row in await self._db.fetch(LOCK_DEPARTMENTS, list(departments))}
        missing = sorted(services - slas.keys()) + sorted(departments - known)
        if missing:
            raise CatalogChanged(f"no longer in the catalog: {', '.join(missing)}")
        return slas


def _request(
    row: tuple[Any, ...], number: int, sla: Sla, xid: int, words: "_Words"
) -> tuple[Any, ...]:
    return (
        f"{_year(row[7])}-{number:08d}",
        row[0],
        *row[2:],
        "normal",
        sla.target_hours,
        sla.calendar,
        sla.pauses_on_hold,
        xid,
        words.of(row[0], row[12], row[13]),
    )


class _Words:
    """A row's search words (domain/requests/search_words.py): the words of its id, and those
    of its description and address, which repeat from row to row and are found once each.
    The cache is emptied when full, so memory stays bounded whatever the file."""

    LIMIT = 100_000

    def __init__(self) -> None:
        self._known: dict[str, set[str] | None] = {}

    def of(self, external_id: str, description: str, address: str | None) -> list[str] | None:
        words = text_words(external_id)
        for text in (description, address):
            if not text or words is None:
                continue
            if text in self._known:
                found = self._known[text]
            else:
                if len(self._known) >= self.LIMIT:
                    self._known.clear()
                found = self._known[text] = text_words(text)
            words = None if found is None else words | found
        return None if words is None else sorted(words)


PG_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
ONE_MICROSECOND = timedelta(microseconds=1)
TIMESTAMP = struct.Struct("!q")  # a timestamptz in binary: microseconds since PG_EPOCH
# Where each year starts in UTC, as `pg_time` counts: a reference's year is found by bisection.
FIRST_YEAR = 1900
YEAR_STARTS = [
    (datetime(year, 1, 1, tzinfo=UTC) - PG_EPOCH) // ONE_MICROSECOND
    for year in range(FIRST_YEAR, 2201)
]
YEAR_PREFIXES = [f"{year % 100:02d}" for year in range(FIRST_YEAR, 2201)]


def _year(moment: int) -> str:
    """The two digits of the UTC year of a `pg_time`, as a reference starts."""
    at = bisect_right(YEAR_STARTS, moment) - 1
    if 0 <= at < len(YEAR_STARTS) - 1:
        return YEAR_PREFIXES[at]
    return f"{(PG_EPOCH + timedelta(microseconds=moment)).year % 100:02d}"


def pg_time(moment: datetime | None) -> int | None:
    """A time as PostgreSQL counts it (microseconds since 2000-01-01 UTC). The importer sends
    times so: a batch's datetimes cost its preparing process 6 us a row to pickle (a Python
    reduce each), and the writer's driver converted each to UTC; an int costs neither."""
    return None if moment is None else (moment - PG_EPOCH) // ONE_MICROSECOND


EMPTY_TSVECTOR = struct.pack("!i", 0)


def tsvector_binary(words: Iterable[str]) -> bytes:
    """PostgreSQL's binary form of a tsvector of words without positions: the count, then
    each lexeme null-terminated with a zero count of positions. The words come sorted and
    distinct, the order the server keeps them in."""
    lexemes = list(words)
    if not lexemes:
        return EMPTY_TSVECTOR
    return struct.pack("!i", len(lexemes)) + ("\0\0\0".join(lexemes) + "\0\0\0").encode()


def _no_decoding(data: bytes) -> Any:
    raise NotImplementedError("the history writer only writes tsvectors and times")
