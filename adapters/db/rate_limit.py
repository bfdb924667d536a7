"""A fixed-window rate limiter in PostgreSQL, so every API process shares the same counts."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.rate_limits import rate_limits


class SqlRateLimiter:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def allow(self, key: str, limit: int, window: timedelta, now: datetime) -> bool:
        """Count one hit for `key`; False once it passes `limit` hits in the current window."""
        start = _window_start(window, now)
        counted = (
            insert(rate_limits)
            .values(key=key, window_start=start, hits=1)
            .on_conflict_do_update(
                index_elements=[rate_limits.c.key, rate_limits.c.window_start],
                set_={"hits": rate_limits.c.hits + literal_column("1")},
            )
            .returning(rate_limits.c.hits)
        )
        async with self._engine.begin() as db:
            hits = int((await db.execute(counted)).scalar_one())
            await db.execute(
                delete(rate_limits).where(
                    rate_limits.c.key == key, rate_limits.c.window_start < start
                )
            )
        return hits <= limit

    async def exceeded(self, key: str, limit: int, window: timedelta, now: datetime) -> bool:
        """Whether `key` already has `limit` hits in the current window; counts nothing."""
        hits = await self._hits(key, _window_start(window, now))
        return hits >= limit

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
        async with self._engine.begin() as db:
            await db.execute(taken_back)

    async def reset(self, key: str) -> None:
        """Forget every hit of `key`."""
        async with self._engine.begin() as db:
            await db.execute(delete(rate_limits).where(rate_limits.c.key == key))

    async def _hits(self, key: str, start: datetime) -> int:
        async with self._engine.connect() as db:
            found = await db.scalar(
                select(rate_limits.c.hits).where(
                    rate_limits.c.key == key, rate_limits.c.window_start == start
                )
            )
        return int(found or 0)


def _window_start(window: timedelta, now: datetime) -> datetime:
    seconds = int(window.total_seconds())
    return datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, UTC)
