"""A fixed-window rate limiter in PostgreSQL, so every API process shares the same counts.

Every check is one statement on an autocommit connection: one round trip, no BEGIN or
COMMIT around it (the create path of a partner key pays for it on every POST)."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.rate_limits import rate_limits
from domain.shared.rate_limits import Quota


class SqlRateLimiter:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def hit(self, key: str, limit: int, window: timedelta, now: datetime) -> Quota:
        """Count one hit for `key`; the quota is not `allowed` once hits pass `limit`."""
        start = _window_start(window, now)
        earlier_windows = (
            delete(rate_limits)
            .where(rate_limits.c.key == key, rate_limits.c.window_start < start)
            .returning(rate_limits.c.key)
            .cte("earlier_windows")
        )
        counted = (
            insert(rate_limits)
            .values(key=key, window_start=start, hits=1)
            .on_conflict_do_update(
                index_elements=[rate_limits.c.key, rate_limits.c.window_start],
                set_={"hits": rate_limits.c.hits + literal_column("1")},
            )
            .returning(rate_limits.c.hits)
            .add_cte(earlier_windows)
        )
        async with self._engine.connect() as db:
            hits = int((await db.execute(counted)).scalar_one())
        return Quota.of(limit, window, hits, now)

    async def peek(self, key: str, limit: int, window: timedelta, now: datetime) -> Quota:
        """Where `key` stands in the current window; counts nothing."""
        found = select(rate_limits.c.hits).where(
            rate_limits.c.key == key, rate_limits.c.window_start == _window_start(window, now)
        )
        async with self._engine.connect() as db:
            hits = await db.scalar(found)
        return Quota.of(limit, window, int(hits or 0), now)

    async def forgive(self, key: str, window: timedelta, now: datetime) -> None:
        """Take back one hit of `key` in the current window (a try that turned out fine)."""
        taken_back = (
            update(rate_limits)
            .where(
                rate_limits.c.key == key,
                rate_limits.c.window_start == _window_start(window, now),
                rate_limits.c.hits > 0,
            )
            .values(hits=rate_limits.c.hits - literal_column("1"))
        )
        async with self._engine.connect() as db:
            await db.execute(taken_back)

    async def reset(self, key: str) -> None:
        """Forget every hit of `key`."""
        async with self._engine.connect() as db:
            await db.execute(delete(rate_limits).where(rate_limits.c.key == key))


def _window_start(window: timedelta, now: datetime) -> datetime:
    seconds = int(window.total_seconds())
    return datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, UTC)
