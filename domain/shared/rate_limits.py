"""Counting a caller's tries per fixed window, shared by every API process."""

from datetime import datetime, timedelta
from typing import Protocol


class RateLimiter(Protocol):
    async def allow(self, key: str, limit: int, window: timedelta, now: datetime) -> bool:
        """Count one hit for `key`; False once it passes `limit` hits in the current window."""
        ...

    async def exceeded(self, key: str, limit: int, window: timedelta, now: datetime) -> bool:
        """Whether `key` already has `limit` hits in the current window; counts nothing."""
        ...

    async def forgive(self, key: str, window: timedelta, now: datetime) -> None:
        """Take back one hit of `key` in the current window (a try that turned out fine)."""
        ...

    async def reset(self, key: str) -> None:
        """Forget every hit of `key`."""
        ...
