"""The outbox writes a pgqueuer job in the change's own transaction: commit both or neither."""

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.jobs.codec import decode_event
from adapters.jobs.outbox import DISPATCH
from domain.shared.events import Event, EventType
from tests.integration.builders import T0, add_requests, make_request


async def _jobs(engine: AsyncEngine) -> list[Event]:
    async with engine.connect() as db:
        rows = await db.execute(
            text("SELECT payload FROM pgqueuer WHERE entrypoint = :e ORDER BY id"), {"e": DISPATCH}
        )
        return [decode_event(payload) for (payload,) in rows]


def _event(subject: str) -> Event:
    return Event(
        EventType.REQUEST_UPDATED,
        subject,
        T0,
        "transportation",
        "trm-pothole-repair",
        {"sequence": 2, "changes": ["status"]},
    )


async def test_a_committed_change_leaves_its_job_and_the_event_round_trips(
    seeded: AsyncEngine,
) -> None:
    event = _event("26-00000001")
    async with SqlUnitOfWork(seeded) as uow:
        await uow.events.publish(event)
        await uow.commit()
    assert await _jobs(seeded) == [event]


async def test_a_rolled_back_change_leaves_no_job(seeded: AsyncEngine) -> None:
    request = make_request("26-00000009")
    with pytest.raises(RuntimeError, match="boom"):
        async with SqlUnitOfWork(seeded) as uow:
            await uow.requests.add(request)
            await uow.events.publish(_event(request.id))
            raise RuntimeError("boom")
    assert await _jobs(seeded) == []
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM service_requests")) == 0


async def test_publishing_first_thing_in_the_unit_of_work_still_rolls_back(
    seeded: AsyncEngine,
) -> None:
    """SQLAlchemy begins lazily: a publish before any statement must not run in autocommit."""
    async with SqlUnitOfWork(seeded) as uow:
        await uow.events.publish(_event("26-00000002"))
    assert await _jobs(seeded) == []


async def test_the_sequence_and_the_writing_transaction_are_stored_with_the_change(
    seeded: AsyncEngine,
) -> None:
    request = make_request("26-00000003", event_sequence=4)
    await add_requests(seeded, request)
    async with seeded.connect() as db:
        row = (
            await db.execute(
                text("SELECT event_sequence, change_xid FROM service_requests WHERE id = :id"),
                {"id": request.id},
            )
        ).one()
    assert row.event_sequence == 4
    assert row.change_xid > 0
