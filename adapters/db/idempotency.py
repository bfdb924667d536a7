"""Idempotency keys in PostgreSQL: one row per (caller scope, key), shared by every process.

Every write here is one statement, atomic on its own, so it runs in autocommit: no BEGIN and
COMMIT round trips around it (the claim and the completion wrap every keyed POST)."""

from datetime import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.idempotency import idempotency_keys as keys
from domain.idempotency.model import (
    IN_FLIGHT_LEASE,
    RETENTION,
    Claim,
    Claimed,
    InFlight,
    Mismatch,
    Replay,
    StoredResponse,
)


class SqlIdempotencyStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def claim(self, scope: str, key: str, fingerprint: str, now: datetime) -> Claim:
        # One statement decides who owns the key: concurrent claims queue on the row lock, and
        # only an expired record or an abandoned claim is taken over.
        fresh = {
            "fingerprint": fingerprint,
            "claimed_at": now,
            "expires_at": now + RETENTION,
            "status": None,
            "headers": None,
            "body": None,
        }
        taken = (
            insert(keys)
            .values(scope=scope, key=key, **fresh)
            .on_conflict_do_update(
                index_elements=[keys.c.scope, keys.c.key],
                set_=fresh,
                where=or_(
                    keys.c.expires_at <= now,
                    (keys.c.status.is_(None)) & (keys.c.claimed_at <= now - IN_FLIGHT_LEASE),
                ),
            )
            .returning(keys.c.key)
        )
        async with self._engine.connect() as db:
            if (await db.execute(taken)).first() is not None:
                return Claimed()
            row = (
                await db.execute(
                    select(keys.c.fingerprint, keys.c.status, keys.c.headers, keys.c.body).where(
                        keys.c.scope == scope, keys.c.key == key
                    )
                )
            ).first()
        if row is None:
            return InFlight()  # released between the two statements: the first try failed
        if row.fingerprint != fingerprint:
            return Mismatch()
        if row.status is None:
            return InFlight()
        headers = tuple((str(name), str(value)) for name, value in row.headers or [])
        return Replay(StoredResponse(int(row.status), headers, bytes(row.body or b"")))

    async def complete(self, scope: str, key: str, response: StoredResponse, now: datetime) -> None:
        stored = (
            keys.update()
            .where(keys.c.scope == scope, keys.c.key == key)
            .values(
                status=response.status,
                headers=[list(pair) for pair in response.headers],
                body=response.body,
                expires_at=now + RETENTION,
            )
        )
        async with self._engine.connect() as db:
            await db.execute(stored)

    async def release(self, scope: str, key: str) -> None:
        async with self._engine.connect() as db:
            await db.execute(
                delete(keys).where(
                    keys.c.scope == scope, keys.c.key == key, keys.c.status.is_(None)
                )
            )

    async def purge_expired(self, now: datetime) -> int:
        async with self._engine.begin() as db:
            result = await db.execute(delete(keys).where(keys.c.expires_at <= now))
        return int(result.rowcount or 0)
