"""The audit trail's hash chain: sealing new rows in `seq` order, and verifying the whole.

Each audit row's seal is hash = sha256(previous seal's hash || the row's canonical bytes),
with the `seq` of the row it follows, so an edited row, a deleted one, or one put in
between, breaks the chain at that place.

Why seal afterwards, not in the trigger: chaining in the trigger needs the previous hash,
which means one lock held by every writing transaction until it commits: the product's
writes would go one at a time. Here a write only draws a number. The catch is that numbers
commit out of order: 12 may be visible while 11 is still in flight (and 11 may yet roll back,
leaving a gap for good). So the sealer first notes the last number drawn, then the
transactions of this database that hold a lock on `audit_log`, and waits until those have
ended: every number up to the one it noted is then either committed or never will be. That
holds because an INSERT locks its table before it draws the number of its row, and keeps the
lock until its transaction ends. `pg_locks` is readable by any role, and looking only at this
table's locks, no other database's long transaction holds the sealer back.
"""

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

GENESIS = bytes(32)
BATCH = 5000
# One sealer at a time; the key is the trail's own (an arbitrary constant).
SEALING_LOCK = 0x61756469745F6C67

# The bytes a seal covers: every column, the time as microseconds (not as text, which would
# depend on the session's time zone), in a JSON array (jsonb's text form is canonical).
CANONICAL = """
    convert_to(jsonb_build_array(
        seq, (extract(epoch FROM at) * 1000000)::bigint, actor, request_id, entity,
        entity_id, action, before, after)::text, 'UTF8')
"""

LAST_NUMBER = text("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_log_seq")
# The transactions that wrote to the trail and have not ended (by their virtual ids).
WRITERS = """
    SELECT {what} FROM pg_locks
    WHERE relation = 'audit_log'::regclass AND mode = 'RowExclusiveLock' AND granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND pid <> pg_backend_pid()
"""
WRITING_NOW = text(WRITERS.format(what="coalesce(array_agg(virtualtransaction), '{}')"))
STILL_WRITING = text(
    WRITERS.format(what="count(*)") + " AND virtualtransaction = ANY(CAST(:held AS text[]))"
)
TAKE_LOCK = text("SELECT pg_try_advisory_xact_lock(:key)")
LAST_SEAL = text("SELECT seq, hash FROM audit_seals ORDER BY seq DESC LIMIT 1")
TO_SEAL = text(
    f"""
    SELECT seq, {CANONICAL} AS canonical FROM audit_log
    WHERE seq > :after AND seq <= :upto ORDER BY seq LIMIT :limit
    """  # noqa: S608 (a constant)
)
WRITE_SEALS = text(
    """
    INSERT INTO audit_seals (seq, prev_seq, hash)
    SELECT * FROM unnest(CAST(:seqs AS bigint[]), CAST(:prevs AS bigint[]),
                         CAST(:hashes AS bytea[]))
    """
)
ROWS_IN = text(
    f"""
    SELECT seq, {CANONICAL} AS canonical FROM audit_log
    WHERE seq >= :low AND seq < :high ORDER BY seq
    """  # noqa: S608 (a constant)
)
SEALS_IN = text(
    "SELECT seq, prev_seq, hash FROM audit_seals WHERE seq >= :low AND seq < :high ORDER BY seq"
)
HIGHEST = text(
    "SELECT greatest((SELECT max(seq) FROM audit_log), (SELECT max(seq) FROM audit_seals))"
)


def link(previous: bytes, canonical: bytes) -> bytes:
    return sha256(previous + canonical).digest()


@dataclass(frozen=True)
class Verdict:
    """What verifying found: `broken_seq` is the first place the chain does not hold."""

    checked: int
    unsealed: int
    head: bytes
    broken_seq: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


Progress = Callable[[int, int, int], None]  # rows, done, total


class AuditChain:
    def __init__(self, engine: AsyncEngine, wait_seconds: float = 10.0) -> None:
        self._engine = engine
        self._wait_seconds = wait_seconds

    async def seal(self) -> int:
        """Seal every row that can no longer change place; returns how many it sealed."""
        horizon = await self._settled_horizon()
        if horizon is None:
            return 0
        sealed = 0
        while True:
            count = await self._seal_batch(horizon)
            sealed += count
            if count < BATCH:
                return sealed

    async def _settled_horizon(self) -> int | None:
        """The last number drawn, once every transaction that might hold a lower one has
        ended; None if some are still in flight after the wait."""
        async with self._engine.connect() as db:
            horizon = int(await db.scalar(LAST_NUMBER) or 0)
            held = list(await db.scalar(WRITING_NOW))
        deadline = time.monotonic() + self._wait_seconds
        while held:
            async with self._engine.connect() as db:
                if not await db.scalar(STILL_WRITING, {"held": held}):
                    return horizon
            if time.monotonic() > deadline:
                return None
            await asyncio.sleep(0.02)
        return horizon

    async def _seal_batch(self, horizon: int) -> int:
        async with self._engine.begin() as db:
            if not await db.scalar(TAKE_LOCK, {"key": SEALING_LOCK}):
                return 0  # another sealer is at it
            last = (await db.execute(LAST_SEAL)).first()
            prev_seq, prev_hash = (last.seq, bytes(last.hash)) if last else (None, GENESIS)
            rows = await db.execute(
                TO_SEAL, {"after": prev_seq or 0, "upto": horizon, "limit": BATCH}
            )
            seals: list[tuple[int, int | None, bytes]] = []
            for row in rows:
                prev_hash = link(prev_hash, bytes(row.canonical))
                seals.append((row.seq, prev_seq, prev_hash))
                prev_seq = row.seq
            await _write(db, seals)
        return len(seals)

    async def verify(self, progress: Progress | None = None) -> Verdict:
        """Seal what can be sealed, then walk the whole chain from its start."""
        await self.seal()
        async with self._engine.connect() as db:
            highest = int(await db.scalar(HIGHEST) or 0)
            walk = _Walk()
            low = 1
            while low <= highest:
                high = low + BATCH
                rows = (await db.execute(ROWS_IN, {"low": low, "high": high})).all()
                seals = (await db.execute(SEALS_IN, {"low": low, "high": high})).all()
                if (verdict := walk.step(rows, seals)) is not None:
                    return verdict
                if progress is not None:
                    progress(walk.checked, min(high - 1, highest), highest)
                low = high
        return walk.end()


async def _write(db: AsyncConnection, seals: Sequence[tuple[int, int | None, bytes]]) -> None:
    if seals:
        await db.execute(
            WRITE_SEALS,
            {
                "seqs": [seal[0] for seal in seals],
                "prevs": [seal[1] for seal in seals],
                "hashes": [seal[2] for seal in seals],
            },
        )


class _Walk:
    """The chain recomputed, one range of `seq` at a time."""

    def __init__(self) -> None:
        self.checked = 0
        self.unsealed = 0
        self.prev_seq: int | None = None
        self.prev_hash = GENESIS

    def step(self, rows: Sequence[Any], seals: Sequence[Any]) -> Verdict | None:
        by_seq = {row.seq: bytes(row.canonical) for row in rows}
        sealed = {seal.seq for seal in seals}
        for seal in seals:
            if (broken := self._check(seal, by_seq.get(seal.seq))) is not None:
                return broken
        for seq in sorted(by_seq.keys() - sealed):
            if self.prev_seq is not None and seq < self.prev_seq:
                return self._broken(seq, "this row is not in the chain: added after sealing")
            self.unsealed += 1
        return None

    def _check(self, seal: Any, canonical: bytes | None) -> Verdict | None:
        if self.unsealed:
            return self._broken(seal.seq, "rows before this seal were never sealed")
        if seal.prev_seq != self.prev_seq:
            missing = seal.prev_seq if seal.prev_seq is not None else seal.seq
            if self.prev_seq is None or (seal.prev_seq or 0) > self.prev_seq:
                return self._broken(missing, "this row was deleted, with its seal")
            return self._broken(seal.seq, "the seal does not follow the one before it")
        if canonical is None:
            return self._broken(seal.seq, "this row was deleted")
        expected = link(self.prev_hash, canonical)
        if expected != bytes(seal.hash):
            return self._broken(seal.seq, "this row was changed after it was sealed")
        self.prev_seq, self.prev_hash = seal.seq, expected
        self.checked += 1
        return None

    def _broken(self, seq: int, reason: str) -> Verdict:
        return Verdict(self.checked, self.unsealed, self.prev_hash, seq, reason)

    def end(self) -> Verdict:
        return Verdict(self.checked, self.unsealed, self.prev_hash)
