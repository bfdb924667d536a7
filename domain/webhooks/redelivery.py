"""The port behind a partner's "send it again"."""

from datetime import datetime
from typing import Protocol
from uuid import UUID


class Redeliver(Protocol):
    async def __call__(self, delivery_id: UUID, now: datetime, /) -> bool:
        """Queue the delivery again, at `now`, with the same webhook-id; False if it is
        already waiting for its next attempt."""
        ...
