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
from domain.shared.events import Event, EventSubscriber, hears

log = logging.getLogger("frontdoor.events")

MAX_ATTEMPTS = 12
RETRY_BASE = timedelta(seconds=5)
RETRY_CAP = timedelta(hours=1)

# One look-up and one write per subscriber that worked, each a single statement on an
# autocommit connection: no BEGIN/COMMIT round trips around them.
HANDLED = text("SELECT subscriber FROM handled_events WHERE event_id = :event")
MARK = text(
    "INSERT INTO handled_events (event_id, subscriber, handled_at)"
    " SELECT CAST(:event AS uuid), name, CAST(:at AS timestamptz)"
    " FROM unnest(CAST(:names AS text[])) AS name"
    " ON CONFLICT DO NOTHING"
)


class Dispatcher:
    def __init__(
        self, engine: AsyncEngine, subscribers: Mapping[str, EventSubscriber], clock: Clock
    ) -> None:
        self._engine = engine
        self._ledger = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._subscribers = subscribers
        self._clock = clock

    async def dispatch(self, event: Event, attempt: int = 1) -> list[str]:
        """Returns the names of the subscribers that failed (and will be tried again).

        A subscriber that does not hear the event has nothing to do: it is recorded with the
        first subscriber that did work (or at the end), not by a write of its own."""
        done = await self._handled(event.id)
        pending = [name for name in self._subscribers if name not in done]
        working = [name for name in pending if hears(self._subscribers[name], event)]
        idle = [name for name in pending if name not in working]
        failed = []
        for name in working:
            try:
                await self._subscribers[name].handle(event)
            except Exception:
                log.exception("subscriber %s failed on event %s", name, event.id)
                failed.append(name)
                continue
            await self._mark(event.id, [name, *idle])
            idle = []
        if idle:
            await self._mark(event.id, idle)
        if failed:
            await self._again(event, attempt)
        return failed

    async def _handled(self, event_id: UUID) -> set[str]:
        async with self._ledger.connect() as db:
            return set(await db.scalars(HANDLED, {"event": event_id}))

    async def _mark(self, event_id: UUID, names: list[str]) -> None:
        async with self._ledger.connect() as db:
            await db.execute(MARK, {"event": event_id, "names": names, "at": self._clock.now()})

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
