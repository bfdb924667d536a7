"""The delivery log: a claimed key is a row, written in the transaction that spans the send."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.notifications import notification_deliveries
from domain.notifications.ports import Delivery


class SqlDeliveryLog:
    """A claim inserts the key and holds the transaction open while the message is sent.

    A second claim of the same key waits on the first: it sees the row once that commits
    (already sent), or claims it itself if the first rolled back (the send failed).
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    @asynccontextmanager
    async def claim(self, delivery: Delivery) -> AsyncIterator[bool]:
        async with self._engine.begin() as db:
            inserted = await db.execute(
                insert(notification_deliveries)
                .values(
                    key=delivery.key,
                    event_id=delivery.event_id,
                    request_id=delivery.request_id,
                    kind=delivery.kind,
                    channel=delivery.channel.value,
                    sent_at=delivery.at,
                )
                .on_conflict_do_nothing(index_elements=["key"])
                .returning(notification_deliveries.c.key)
            )
            yield inserted.first() is not None
