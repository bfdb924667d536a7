"""The in-memory rate limiter; tests/contract/test_rate_limits.py keeps it honest."""

from datetime import datetime, timedelta

from domain.shared.rate_limits import Quota


class FakeRateLimiter:
    def __init__(self) -> None:
        self.hits: dict[tuple[str, int], int] = {}  # (key, window start in epoch seconds)

    async def hit(self, key: str, limit: int, window: timedelta, now: datetime) -> Quota:
        start = _window_start(window, now)
        for earlier in [k for k in self.hits if k[0] == key and k[1] < start]:
            del self.hits[earlier]
        self.hits[(key, start)] = self.hits.get((key, start), 0) + 1
        return Quota.of(limit, window, self.hits[(key, start)], now)

    async def peek(self, key: str, limit: int, window: timedelta, now: datetime) -> Quota:
        return Quota.of(limit, window, self.hits.get((key, _window_start(window, now)), 0), now)

    async def forgive(self, key: str, window: timedelta, now: datetime) -> None:
        counted = (key, _window_start(window, now))
        if self.hits.get(counted, 0) > 0:
            self.hits[counted] -= 1

    async def reset(self, key: str) -> None:
        for counted in [k for k in self.hits if k[0] == key]:
            del self.hits[counted]


def _window_start(window: timedelta, now: datetime) -> int:
    seconds = int(window.total_seconds())
    return int(now.timestamp()) // seconds * seconds
