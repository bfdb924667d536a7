"""The delivery log of a webhook subscription, newest first, with every attempt."""

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.webhooks import webhook_attempts, webhook_deliveries
from domain.webhooks.delivery_log import AttemptRow, DeliveryRow


class WebhookReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def deliveries(self, subscription_id: UUID, limit: int) -> list[DeliveryRow]:
        d, a = webhook_deliveries, webhook_attempts
        query = (
            select(d)
            .where(d.c.subscription_id == subscription_id)
            .order_by(d.c.created_at.desc(), d.c.id)
            .limit(limit)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
            ids = [row.id for row in rows]
            attempts = (
                await db.execute(
                    select(a).where(a.c.delivery_id.in_(ids)).order_by(a.c.delivery_id, a.c.attempt)
                )
            ).all()
        log: dict[UUID, list[AttemptRow]] = {}
        for at in attempts:
            log.setdefault(at.delivery_id, []).append(
                AttemptRow(at.attempt, at.at, at.status_code, at.duration_ms, at.error)
            )
        return [
            DeliveryRow(
                id=row.id,
                subscription_id=row.subscription_id,
                event_id=row.event_id,
                event_type=row.event_type,
                subject=row.subject,
                status=row.status,
                attempts=row.attempts,
                created_at=row.created_at,
                next_attempt_at=row.next_attempt_at,
                delivered_at=row.delivered_at,
                attempt_log=log.get(row.id, []),
            )
            for row in rows
        ]
