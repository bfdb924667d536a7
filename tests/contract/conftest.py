"""Each contract runs twice: on the in-memory fakes and on the PostgreSQL unit of work.

The unit tests trust the fakes to behave as the SQL adapters do; these contracts are where
that trust is checked. A contract that passes on one backend and fails on the other is a
divergence to fix (usually in the fake).
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from uuid import UUID

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from adapters.jobs.codec import decode_delivery
from adapters.jobs.outbox import DELIVER
from domain.shared.transaction import UnitOfWorkFactory
from domain.unit_of_work import UnitOfWork
from tests.integration.jobs.helpers import take_jobs
from tests.unit.fakes import DuplicateKey, FakeUnitOfWorkFactory

# A committed delivery job: (delivery, attempt, delay before it may run).
QueuedDelivery = tuple[UUID, int, timedelta]


@dataclass(frozen=True)
class Backend:
    name: str
    uow: UnitOfWorkFactory[UnitOfWork]
    duplicate_key: type[Exception]  # how this backend refuses a second row with the same key
    queued_deliveries: Callable[[], Awaitable[list[QueuedDelivery]]]  # taken off the queue


@pytest.fixture(params=["fake", "postgresql"])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "fake":
        fake = FakeUnitOfWorkFactory()
        return Backend("fake", fake, DuplicateKey, partial(fake_queue, fake))
    engine: AsyncEngine = request.getfixturevalue("seeded")  # demo catalog, no requests
    return Backend(
        "postgresql", SqlUnitOfWorkFactory(engine), IntegrityError, partial(pgqueuer_queue, engine)
    )


async def fake_queue(fake: FakeUnitOfWorkFactory) -> list[QueuedDelivery]:
    queued = fake.store.webhook_deliveries.queued
    taken = [(d, attempt, after or timedelta(0)) for d, attempt, after in queued]
    queued.clear()
    return taken


async def pgqueuer_queue(engine: AsyncEngine) -> list[QueuedDelivery]:
    jobs = await take_jobs(engine)
    assert {job.entrypoint for job in jobs} <= {DELIVER}
    return [(*decode_delivery(job.payload), job.delay) for job in jobs]
