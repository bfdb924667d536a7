"""A subscription's delivery log, as partners and administrators read it."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True)
class AttemptRow:
    attempt: int
    at: datetime
    status_code: int | None
    duration_ms: int
    error: str | None


@dataclass(frozen=True)
class DeliveryRow:
    id: UUID
    subscription_id: UUID
    event_id: UUID
    event_type: str
    subject: str
    status: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    attempt_log: list[AttemptRow] = field(default_factory=list)


class DeliveryLogReads(Protocol):
    async def deliveries(self, subscription_id: UUID, limit: int) -> list[DeliveryRow]:
        """Newest first, each with its attempts in order."""
        ...
