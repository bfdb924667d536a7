"""The dispatch job: hand one committed event to every subscriber, each at most once.

`handled_events` records (event, subscriber) once a subscriber is done with an event, so a
job that runs again (a crash, a stalled worker's job picked up by another) skips the work
already done. A subscriber that fails is tried again later by a new job for the event; the
others are not held back.
"""

import logging
from collections.abc import Mapping
from datetime import timedelta
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.jobs.codec import encode_event
from adapters.jobs.outbox import DISPATCH, queries_on
from domain.shared.clock import Clock
from domain.shared.events import Event, EventSubscriber

log = logging.getLogger("frontdoor.events")

MAX_ATTEMPTS = 12
RETRY_BASE = timedelta(seconds=5)
RETRY_CAP = timedelta(hours=1)

HANDLED = text("SELECT 1 FROM handled_events WHERE event_id = :event AND subscriber = :name")
MARK = text(
    "INSERT INTO handled_events (event_id, subscriber, handled_at) VALUES (:event, :name, :at)"
    " ON CONFLICT DO NOTHING"
)


class Dispatcher:
    def __init__(
        self, engine: AsyncEngine, subscribers: Mapping[str, EventSubscriber], clock: Clock
    ) -> None:
        self._engine = engine
        self._subscribers = subscribers
        self._clock = clock

    async def dispatch(self, event: Event, attempt: int = 1) -> list[str]:
        """Returns the names of the subscribers that failed (and will be tried again)."""
        failed = []
        for name, subscriber in self._subscribers.items():
            if await self._handled(event.id, name):
                continue
            try:
                await subscriber.handle(event)
            except Exception:
                log.exception("subscriber %s failed on event %s", name, event.id)
                failed.append(name)
                continue
            await self._mark(event.id, name)
        if failed:
            await self._again(event, attempt)
        return failed

    async def _handled(self, event_id: UUID, name: str) -> bool:
        async with self._engine.connect() as db:
            return await db.scalar(HANDLED, {"event": event_id, "name": name}) is not None

    async def _mark(self, event_id: UUID, name: str) -> None:
        async with self._engine.begin() as db:
            await db.execute(MARK, {"event": event_id, "name": name, "at": self._clock.now()})

    async def _again(self, event: Event, attempt: int) -> None:
        if attempt >= MAX_ATTEMPTS:
            log.error("event %s given up after %d dispatch attempts", event.id, attempt)
            return
        delay = min(RETRY_CAP, RETRY_BASE * 2 ** (attempt - 1))
        async with self._engine.begin() as db:
            queries = await queries_on(db)
            await queries.enqueue(
                DISPATCH,
                encode_event(event),
                execute_after=delay,
                headers={"attempt": str(attempt + 1)},
            )
