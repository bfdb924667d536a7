"""Counting a caller's tries per fixed window, shared by every API process."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol


def until_window_ends(window: timedelta, now: datetime) -> timedelta:
    """The rate limiter's windows are fixed and aligned on the epoch."""
    seconds = int(window.total_seconds())
    elapsed = int(now.astimezone(UTC).timestamp()) % seconds
    return timedelta(seconds=seconds - elapsed)


@dataclass(frozen=True)
class Quota:
    """Where a key stands in its current window: what the RateLimit header fields tell."""

    limit: int
    window: timedelta
    hits: int
    reset: timedelta  # until the window ends and the count starts again

    @classmethod
    def of(cls, limit: int, window: timedelta, hits: int, now: datetime) -> "Quota":
        return cls(limit, window, hits, until_window_ends(window, now))

    @property
    def allowed(self) -> bool:
        """The last hit counted was within the limit."""
        return self.hits <= self.limit

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.hits)


class RateLimiter(Protocol):
    async def hit(self, key: str, limit: int, window: timedelta, now: datetime) -> Quota:
        """Count one hit for `key`; the quota is not `allowed` once hits pass `limit`."""
        ...

    async def peek(self, key: str, limit: int, window: timedelta, now: datetime) -> Quota:
        """Where `key` stands in the current window; counts nothing."""
        ...

    async def forgive(self, key: str, window: timedelta, now: datetime) -> None:
        """Take back one hit of `key` in the current window (a try that turned out fine)."""
        ...

    async def reset(self, key: str) -> None:
        """Forget every hit of `key`."""
        ...
