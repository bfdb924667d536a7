"""Webhook deliveries and their attempt log as rows."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.webhooks import webhook_attempts
from adapters.db.tables.webhooks import webhook_deliveries as t
from domain.webhooks.deliveries import DeliveryAttempt, DeliveryStatus, WebhookDelivery


class SqlWebhookDeliveries:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, delivery: WebhookDelivery) -> bool:
        """The unique (subscription, event) key makes a second fan-out of an event a no-op."""
        query = (
            pg_insert(t)
            .values(**_values(delivery), id=delivery.id, body=delivery.body)
            .on_conflict_do_nothing(index_elements=[t.c.subscription_id, t.c.event_id])
            .returning(t.c.id)
        )
        return (await self._db.execute(query)).scalar_one_or_none() is not None

    async def get(self, delivery_id: UUID, *, for_update: bool = False) -> WebhookDelivery | None:
        query = select(t).where(t.c.id == delivery_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else _delivery(row)

    async def save(self, delivery: WebhookDelivery) -> None:
        changed = {
            "status": delivery.status.value,
            "attempts": delivery.attempts,
            "next_attempt_at": delivery.next_attempt_at,
            "delivered_at": delivery.delivered_at,
        }
        await self._db.execute(update(t).where(t.c.id == delivery.id).values(**changed))

    async def record(self, attempt: DeliveryAttempt) -> None:
        await self._db.execute(
            insert(webhook_attempts).values(
                delivery_id=attempt.delivery_id,
                attempt=attempt.attempt,
                at=attempt.at,
                status_code=attempt.status_code,
                duration_ms=attempt.duration_ms,
                error=attempt.error,
            )
        )


def _values(d: WebhookDelivery) -> dict[str, Any]:
    return {
        "subscription_id": d.subscription_id,
        "event_id": d.event_id,
        "event_type": d.event_type,
        "subject": d.subject,
        "status": d.status.value,
        "attempts": d.attempts,
        "created_at": d.created_at,
        "next_attempt_at": d.next_attempt_at,
        "delivered_at": d.delivered_at,
    }


def _delivery(row: Row[Any]) -> WebhookDelivery:
    return WebhookDelivery(
        id=row.id,
        subscription_id=row.subscription_id,
        event_id=row.event_id,
        event_type=row.event_type,
        subject=row.subject,
        body=row.body,
        created_at=row.created_at,
        status=DeliveryStatus(row.status),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        delivered_at=row.delivered_at,
    )
