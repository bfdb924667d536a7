"""The transactional outbox: an event is a pgqueuer job written in the change's transaction.

pgqueuer speaks asyncpg, so the job is inserted on the unit of work's own connection: it
commits with the change or not at all, and the worker sees it only once it is committed.
"""

from datetime import timedelta
from typing import Any
from uuid import UUID

from pgqueuer import AsyncpgDriver, Queries
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.jobs.codec import encode_delivery, encode_event
from domain.shared.events import Event

DISPATCH = "events.dispatch"
DELIVER = "webhooks.deliver"
ESCALATE = "requests.escalate"
RETAIN = "maintenance.retention"
SURVEY = "requests.survey"
ANONYMIZE = "maintenance.anonymize"
AUDIT_SEAL = "maintenance.audit_seal"


async def raw_connection(connection: AsyncConnection) -> Any:
    """The asyncpg connection under a SQLAlchemy one (same session, same transaction)."""
    return (await connection.get_raw_connection()).driver_connection


async def queries_on(connection: AsyncConnection) -> Queries:
    """pgqueuer's queries on the connection, inside its transaction.

    SQLAlchemy opens the asyncpg transaction lazily, at the first statement: when nothing has
    run yet, a trivial statement opens it, so the job cannot slip out in autocommit.
    """
    raw = await raw_connection(connection)
    if not raw.is_in_transaction():
        await connection.execute(text("SELECT 1"))
    return Queries(AsyncpgDriver(raw))


class PgQueuerOutbox:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def publish(self, event: Event) -> None:
        queries = await queries_on(self._connection)
        await queries.enqueue(DISPATCH, encode_event(event))


class PgQueuerDeliveryQueue:
    """Webhook delivery attempts as jobs, in the unit of work's transaction."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def schedule(
        self, delivery_id: UUID, attempt: int, after: timedelta | None = None
    ) -> None:
        queries = await queries_on(self._connection)
        await queries.enqueue(DELIVER, encode_delivery(delivery_id, attempt), execute_after=after)
