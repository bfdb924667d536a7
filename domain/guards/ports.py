"""What the guards need from the outside."""

from datetime import datetime
from typing import Protocol


class SpentChallenges(Protocol):
    async def spend(self, digest: str, expires_at: datetime, now: datetime) -> bool:
        """Record the challenge as used; False when it already was (and is not yet expired)."""
        ...
