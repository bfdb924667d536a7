"""The built-in subscriber: one delivery row, and one delivery job, per matching subscription."""

import json
from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.jobs.outbox import DELIVER, queries_on
from domain.shared.clock import Clock
from domain.shared.events import Event

MATCHING = text(
    """
    SELECT id FROM webhook_subscriptions
    WHERE active AND :type = ANY(event_types)
      AND (department_code IS NULL OR department_code = :department)
      AND (cardinality(service_codes) = 0 OR :service = ANY(service_codes))
    ORDER BY id
    """
)

NEW_DELIVERY = text(
    """
    INSERT INTO webhook_deliveries
        (id, subscription_id, event_id, event_type, subject, body, status, created_at,
         next_attempt_at)
    VALUES (:id, :subscription_id, :event_id, :event_type, :subject, :body, 'pending', :now, :now)
    ON CONFLICT (subscription_id, event_id) DO NOTHING
    RETURNING id
    """
)


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


def delivery_job(delivery_id: UUID, attempt: int) -> bytes:
    return json.dumps({"delivery_id": str(delivery_id), "attempt": attempt}).encode()


class WebhookFanOut:
    """Idempotent by event id: the unique (subscription, event) key makes a re-run a no-op."""

    def __init__(self, engine: AsyncEngine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock

    async def handle(self, event: Event) -> None:
        body, now = webhook_body(event), self._clock.now()
        async with self._engine.begin() as db:
            params = {
                "type": event.type.value,
                "department": event.department_code,
                "service": event.service_code,
            }
            subscriptions = [row.id for row in await db.execute(MATCHING, params)]
            created = [await self._insert(db, s, event, body, now) for s in subscriptions]
            fresh = [delivery_id for delivery_id in created if delivery_id is not None]
            if fresh:
                queries = await queries_on(db)
                await queries.enqueue(
                    [DELIVER] * len(fresh),
                    [delivery_job(delivery_id, 1) for delivery_id in fresh],
                    [0] * len(fresh),
                )

    @staticmethod
    async def _insert(
        db: AsyncConnection, subscription_id: UUID, event: Event, body: str, now: datetime
    ) -> UUID | None:
        values = {
            "id": uuid4(),
            "subscription_id": subscription_id,
            "event_id": event.id,
            "event_type": event.type.value,
            "subject": event.subject,
            "body": body,
            "now": now,
        }
        result = await db.execute(NEW_DELIVERY, values)
        delivery_id: UUID | None = result.scalar_one_or_none()
        return delivery_id
