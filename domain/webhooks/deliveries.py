"""A webhook delivery: one event for one subscription, sent until it lands or retries run out.

The body is fixed when the delivery is made and sent byte for byte on every attempt, under
the delivery's id as `webhook-id`, so receivers can drop a duplicate.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from domain.shared.events import Event


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    CANCELLED = "cancelled"


def webhook_body(event: Event) -> str:
    """The Standard Webhooks envelope: type, timestamp, data. Fixed once, sent byte for byte."""
    data = {
        "id": str(event.id),
        "subject": event.subject,
        "department_code": event.department_code,
        "service_code": event.service_code,
        **event.data,
    }
    envelope = {"type": event.type.value, "timestamp": event.occurred_at.isoformat(), "data": data}
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


@dataclass
class WebhookDelivery:
    id: UUID
    subscription_id: UUID
    event_id: UUID
    event_type: str
    subject: str
    body: str
    created_at: datetime
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: int = 0
    next_attempt_at: datetime | None = None
    delivered_at: datetime | None = None

    @classmethod
    def of(cls, subscription_id: UUID, event: Event, body: str, now: datetime) -> "WebhookDelivery":
        """A new delivery, due at once."""
        return cls(
            id=uuid4(),
            subscription_id=subscription_id,
            event_id=event.id,
            event_type=event.type.value,
            subject=event.subject,
            body=body,
            created_at=now,
            next_attempt_at=now,
        )

    def awaits(self, attempt: int) -> bool:
        """Whether `attempt` is the one due: not done, cancelled, or another attempt's job."""
        return self.status is DeliveryStatus.PENDING and self.attempts == attempt - 1

    def cancel(self) -> None:
        self._settle(DeliveryStatus.CANCELLED, self.attempts)

    def succeeded(self, attempt: int, at: datetime) -> None:
        self._settle(DeliveryStatus.DELIVERED, attempt, delivered_at=at)

    def failed(self, attempt: int) -> None:
        self._settle(DeliveryStatus.FAILED, attempt)

    def retry(self, attempt: int, at: datetime) -> None:
        self._settle(DeliveryStatus.PENDING, attempt, next_attempt_at=at)

    def send_again(self, now: datetime) -> bool:
        """Due again now, as the next attempt; False if it is already waiting for one."""
        if self.status is DeliveryStatus.PENDING:
            return False
        self._settle(DeliveryStatus.PENDING, self.attempts, next_attempt_at=now)
        return True

    def _settle(
        self,
        status: DeliveryStatus,
        attempts: int,
        *,
        next_attempt_at: datetime | None = None,
        delivered_at: datetime | None = None,
    ) -> None:
        self.status, self.attempts = status, attempts
        self.next_attempt_at, self.delivered_at = next_attempt_at, delivered_at


@dataclass(frozen=True)
class Outcome:
    """What one POST came to: an HTTP status, or an error before any answer."""

    status_code: int | None
    duration_ms: int
    error: str | None
    retry_after: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


@dataclass(frozen=True)
class DeliveryAttempt:
    delivery_id: UUID
    attempt: int
    at: datetime
    status_code: int | None
    duration_ms: int
    error: str | None

    @classmethod
    def of(
        cls, delivery_id: UUID, attempt: int, at: datetime, outcome: Outcome
    ) -> "DeliveryAttempt":
        return cls(
            delivery_id, attempt, at, outcome.status_code, outcome.duration_ms, outcome.error
        )
