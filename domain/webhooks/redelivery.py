"""A partner's "send it again": the ports behind it, and the use case."""

from datetime import datetime
from typing import Protocol
from uuid import UUID


class Redeliver(Protocol):
    async def __call__(self, delivery_id: UUID, now: datetime, /) -> bool:
        """Queue the delivery again, at `now`, with the same webhook-id; False if it is
        already waiting for its next attempt."""
        ...


class DeliveryOwners(Protocol):
    async def subscription_of(self, delivery_id: UUID) -> UUID | None:
        """The subscription a delivery was made for; None for an unknown delivery."""
        ...
