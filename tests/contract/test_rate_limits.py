"""The rate limiter, on the in-memory fake and on PostgreSQL: counts, quotas, fixed windows."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.rate_limit import SqlRateLimiter
from domain.shared.rate_limits import Quota, RateLimiter
from tests.statements import statements
from tests.unit.fakes_rate_limits import FakeRateLimiter

WINDOW = timedelta(minutes=15)
T = datetime(2026, 12, 5, 10, 2, tzinfo=UTC)  # 13 minutes before its window ends


@pytest.fixture(params=["fake", "postgresql"])
def limiter(request: pytest.FixtureRequest) -> RateLimiter:
    if request.param == "fake":
        return FakeRateLimiter()
    return SqlRateLimiter(request.getfixturevalue("seeded"))


async def test_hits_past_the_limit_are_refused_until_the_next_window(
    limiter: RateLimiter,
) -> None:
    quotas = [await limiter.hit("k", 2, WINDOW, T) for _ in range(3)]
    assert [q.allowed for q in quotas] == [True, True, False]
    assert [q.remaining for q in quotas] == [1, 0, 0]
    assert quotas[0] == Quota(2, WINDOW, 1, timedelta(minutes=13))
    assert (await limiter.peek("k", 2, WINDOW, T)).remaining == 0
    later = await limiter.peek("k", 2, WINDOW, T + timedelta(minutes=13))
    assert later == Quota(2, WINDOW, 0, WINDOW)
    assert (await limiter.peek("other", 2, WINDOW, T)).remaining == 2


async def test_the_next_window_counts_from_one_again(limiter: RateLimiter) -> None:
    for _ in range(3):
        await limiter.hit("k", 2, WINDOW, T)
    fresh = await limiter.hit("k", 2, WINDOW, T + timedelta(minutes=13, seconds=1))
    assert fresh == Quota(2, WINDOW, 1, timedelta(minutes=14, seconds=59))


async def test_a_forgiven_hit_is_taken_back_and_never_below_zero(limiter: RateLimiter) -> None:
    await limiter.hit("k", 2, WINDOW, T)
    await limiter.hit("k", 2, WINDOW, T)
    await limiter.forgive("k", WINDOW, T)
    assert (await limiter.peek("k", 2, WINDOW, T)).remaining == 1
    for _ in range(3):
        await limiter.forgive("k", WINDOW, T)
    assert (await limiter.hit("k", 1, WINDOW, T)).allowed
    assert not (await limiter.hit("k", 1, WINDOW, T)).allowed
    await limiter.forgive("never-hit", WINDOW, T)
    assert (await limiter.peek("never-hit", 1, WINDOW, T)).hits == 0


async def test_a_reset_forgets_only_its_key(limiter: RateLimiter) -> None:
    for key in ["a", "b"]:
        await limiter.hit(key, 1, WINDOW, T)
    await limiter.reset("a")
    assert (await limiter.peek("a", 1, WINDOW, T)).hits == 0
    assert (await limiter.peek("b", 1, WINDOW, T)).hits == 1


async def test_a_hit_is_one_statement_that_drops_earlier_windows(seeded: AsyncEngine) -> None:
    """One round trip: the create path of a partner key pays for it on every POST."""
    limiter = SqlRateLimiter(seeded)
    await limiter.hit("k", 2, WINDOW, T)
    with statements(seeded) as sent:
        await limiter.hit("k", 2, WINDOW, T + WINDOW)
    assert len(sent) == 1
    assert sent[0].lstrip().upper().startswith("WITH")
    async with seeded.connect() as db:
        windows = await db.scalar(text("SELECT count(*) FROM rate_limits WHERE key = 'k'"))
    assert windows == 1
