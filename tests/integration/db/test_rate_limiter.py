"""The PostgreSQL rate limiter: counting, a try taken back, a key forgotten, fixed windows."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.rate_limit import SqlRateLimiter

WINDOW = timedelta(minutes=15)
T = datetime(2026, 12, 5, 10, 2, tzinfo=UTC)


async def test_hits_past_the_limit_are_refused_until_the_next_window(
    seeded: AsyncEngine,
) -> None:
    limiter = SqlRateLimiter(seeded)
    assert [await limiter.allow("k", 2, WINDOW, T) for _ in range(3)] == [True, True, False]
    assert await limiter.exceeded("k", 2, WINDOW, T)
    assert not await limiter.exceeded("k", 2, WINDOW, T + timedelta(minutes=13))
    assert not await limiter.exceeded("other", 2, WINDOW, T)


async def test_a_forgiven_hit_is_taken_back_and_never_below_zero(seeded: AsyncEngine) -> None:
    limiter = SqlRateLimiter(seeded)
    await limiter.allow("k", 2, WINDOW, T)
    await limiter.allow("k", 2, WINDOW, T)
    await limiter.forgive("k", WINDOW, T)
    assert not await limiter.exceeded("k", 2, WINDOW, T)
    for _ in range(3):
        await limiter.forgive("k", WINDOW, T)
    assert await limiter.allow("k", 1, WINDOW, T)
    assert not await limiter.allow("k", 1, WINDOW, T)
    await limiter.forgive("never-hit", WINDOW, T)
    assert not await limiter.exceeded("never-hit", 1, WINDOW, T)


async def test_a_reset_forgets_only_its_key(seeded: AsyncEngine) -> None:
    limiter = SqlRateLimiter(seeded)
    for key in ["a", "b"]:
        await limiter.allow(key, 1, WINDOW, T)
    await limiter.reset("a")
    assert not await limiter.exceeded("a", 1, WINDOW, T)
    assert await limiter.exceeded("b", 1, WINDOW, T)
