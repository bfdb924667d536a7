"""The dispatcher's ledger: each subscriber hears each event once, and the ledger is cheap.

A subscriber that says it does not hear an event (`hears`) is recorded as done without being
called; the bookkeeping of one event takes one look-up and one write per subscriber that
did work, not a connection per subscriber for each.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.jobs.dispatch import Dispatcher
from domain.shared.clock import FixedClock
from domain.shared.events import Event, EventType
from tests.integration.builders import T0


class Hearing:
    """Hears the event types it is given (all when none); counts its calls."""

    def __init__(self, *types: EventType, fails: int = 0) -> None:
        self.types = set(types)
        self.fails = fails
        self.calls = 0

    def hears(self, event: Event) -> bool:
        return not self.types or event.type in self.types

    async def handle(self, event: Event) -> None:
        assert self.hears(event), "called with an event it does not hear"
        self.calls += 1
        if self.calls <= self.fails:
            raise RuntimeError("down")


class Plain:
    """A subscriber without `hears`: it hears every event."""

    def __init__(self) -> None:
        self.calls = 0

    async def handle(self, event: Event) -> None:
        self.calls += 1


def created() -> Event:
    return Event(EventType.REQUEST_CREATED, "26-00000001", T0, "transportation", None, {})


async def ledger(engine: AsyncEngine, e: Event) -> list[str]:
    async with engine.connect() as db:
        rows = await db.scalars(
            text("SELECT subscriber FROM handled_events WHERE event_id = :e ORDER BY subscriber"),
            {"e": e.id},
        )
        return list(rows)


@contextmanager
def checkouts(engine: AsyncEngine) -> Iterator[list[object]]:
    seen: list[object] = []

    def count(*_: Any) -> None:
        seen.append(1)

    sa_event.listen(engine.sync_engine, "checkout", count)
    try:
        yield seen
    finally:
        sa_event.remove(engine.sync_engine, "checkout", count)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


async def test_a_subscriber_that_does_not_hear_an_event_is_recorded_without_a_call(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    overdue_only, everything, plain = Hearing(EventType.REQUEST_OVERDUE), Hearing(), Plain()
    subscribers = {"overdue": overdue_only, "all": everything, "plain": plain}
    dispatcher = Dispatcher(seeded, subscribers, clock)
    e = created()
    assert await dispatcher.dispatch(e) == []
    assert await dispatcher.dispatch(e) == []  # a stalled worker's job, picked up again
    assert (overdue_only.calls, everything.calls, plain.calls) == (0, 1, 1)
    assert await ledger(seeded, e) == ["all", "overdue", "plain"]


async def test_a_failed_subscriber_alone_is_left_for_the_retry(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    flaky, after, quiet = Hearing(fails=1), Hearing(), Hearing(EventType.SURVEY_DUE)
    dispatcher = Dispatcher(seeded, {"flaky": flaky, "after": after, "quiet": quiet}, clock)
    e = created()
    assert await dispatcher.dispatch(e) == ["flaky"]
    assert await ledger(seeded, e) == ["after", "quiet"]
    assert await dispatcher.dispatch(e, attempt=2) == []
    assert (flaky.calls, after.calls, quiet.calls) == (2, 1, 0)
    assert await ledger(seeded, e) == ["after", "flaky", "quiet"]


async def test_the_ledger_of_an_event_takes_a_connection_per_subscriber_that_worked(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    """Five subscribers, two of which hear a creation: one look-up, two writes."""
    subscribers = {
        "webhooks": Hearing(),
        "residents": Hearing(EventType.REQUEST_CREATED),
        "managers": Hearing(EventType.REQUEST_OVERDUE),
        "inbox": Hearing(EventType.MESSAGE_QUEUED),
        "surveys": Hearing(EventType.SURVEY_DUE),
    }
    dispatcher = Dispatcher(seeded, subscribers, clock)
    e = created()
    with checkouts(seeded) as seen:
        assert await dispatcher.dispatch(e) == []
    assert len(seen) == 3
    assert await ledger(seeded, e) == sorted(subscribers)
    with checkouts(seeded) as seen:
        assert await dispatcher.dispatch(e) == []  # all done: the look-up alone
    assert len(seen) == 1
