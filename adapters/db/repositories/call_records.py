"""Call records: stored once; a call id already stored keeps its first version."""

from collections.abc import Iterable, Sequence

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.tables.metrics import call_records
from domain.metrics.calls import CallRecord
from domain.metrics.importing import CallImport, import_calls

BATCH = 2000  # 7 parameters a row: well under PostgreSQL's 32,767 per statement


def _values(call: CallRecord) -> dict[str, object]:
    return {
        "call_id": call.call_id,
        "queue": call.queue,
        "offered_at": call.offered_at,
        "answered_at": call.answered_at,
        "abandoned_at": call.abandoned_at,
        "ended_at": call.ended_at,
        "agent": call.agent,
    }


async def add_calls(db: AsyncConnection, calls: Sequence[CallRecord]) -> int:
    """Insert the calls not stored yet (ON CONFLICT DO NOTHING); returns how many were new."""
    inserted = 0
    for start in range(0, len(calls), BATCH):
        batch = calls[start : start + BATCH]
        statement = (
            insert(call_records)
            .values([_values(call) for call in batch])
            .on_conflict_do_nothing(index_elements=["call_id"])
            .returning(call_records.c.call_id)
        )
        inserted += len((await db.execute(statement)).all())
    return inserted


class SqlCallRecords:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def import_lines(self, lines: Iterable[str]) -> CallImport:
        """The whole file in one transaction: an error stores none of it."""
        async with self._engine.begin() as db:
            return await import_calls(lines, lambda calls: add_calls(db, calls))

    async def import_in_batches(self, lines: Iterable[str]) -> CallImport:
        """Each batch in its own transaction, for files of any size (a re-run adds nothing)."""

        async def store(calls: Sequence[CallRecord]) -> int:
            async with self._engine.begin() as db:
                return await add_calls(db, calls)

        return await import_calls(lines, store)
