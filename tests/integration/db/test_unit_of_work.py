"""SqlUnitOfWork: one transaction; only commit makes changes durable and visible."""

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork, SqlUnitOfWorkFactory
from domain.directory.catalog import Department, Service, SlaPolicy
from domain.shared.sla import SlaCalendar
from tests.integration.builders import add_requests, count, make_request

pytestmark = pytest.mark.usefixtures("seeded")

PARKS = Department("parks-annex", "Parks Annex", "annex@example.org", "+1 410 555 0199")
WITHIN_TWO_DAYS = SlaPolicy(48, SlaCalendar.ALWAYS, False)
BENCHES = Service("park-bench-repair", "Park bench repair", "parks-annex", WITHIN_TWO_DAYS)


class Boom(Exception):
    pass


async def stored(engine: AsyncEngine, code: str) -> Department | None:
    async with SqlUnitOfWork(engine) as uow:
        return await uow.departments.get(code)


async def test_commit_persists(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWorkFactory(seeded)() as uow:
        await uow.departments.add(PARKS)
        await uow.requests.add(make_request("26-00000001"))
        await uow.commit()

    assert await stored(seeded, "parks-annex") == PARKS
    assert await count(seeded, "service_requests") == 1


async def test_leaving_without_commit_rolls_back(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        await uow.departments.add(PARKS)
        await uow.requests.add(make_request("26-00000001"))
        assert await uow.departments.get("parks-annex") == PARKS  # visible to itself

    assert await stored(seeded, "parks-annex") is None
    assert await count(seeded, "service_requests") == 0
    assert await count(seeded, "departments") == 8


async def test_an_exception_inside_rolls_back_and_propagates(seeded: AsyncEngine) -> None:
    with pytest.raises(Boom):
        async with SqlUnitOfWork(seeded) as uow:
            await uow.departments.add(PARKS)
            await uow.requests.add(make_request("26-00000001"))
            raise Boom

    assert await stored(seeded, "parks-annex") is None
    assert await count(seeded, "service_requests") == 0


async def test_a_failed_statement_rolls_back_the_earlier_writes(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001"))

    with pytest.raises(Exception, match="pk_service_requests"):
        async with SqlUnitOfWork(seeded) as uow:
            await uow.departments.add(PARKS)
            await uow.requests.add(make_request("26-00000001"))  # duplicate key

    assert await stored(seeded, "parks-annex") is None
    assert await count(seeded, "service_requests") == 1


async def test_uncommitted_writes_are_invisible_to_another_unit_of_work(
    seeded: AsyncEngine,
) -> None:
    async with SqlUnitOfWork(seeded) as writer, SqlUnitOfWork(seeded) as reader:
        await writer.departments.add(PARKS)
        await writer.requests.add(make_request("26-00000001"))

        assert await reader.departments.get("parks-annex") is None
        assert await reader.requests.get("26-00000001") is None

        await writer.commit()

        # read committed: the reader's next statement sees the committed rows
        assert await reader.departments.get("parks-annex") == PARKS
        assert await reader.requests.get("26-00000001") is not None

    assert await stored(seeded, "parks-annex") == PARKS


async def test_a_service_committed_by_another_unit_of_work_is_seen_on_asking_again(
    seeded: AsyncEngine,
) -> None:
    async with SqlUnitOfWork(seeded) as writer, SqlUnitOfWork(seeded) as reader:
        await writer.departments.add(PARKS)
        await writer.services.add(BENCHES)

        assert await reader.services.get("park-bench-repair") is None

        await writer.commit()

        # read committed: a code not found before is looked up again, not remembered
        seen = await reader.services.get("park-bench-repair")
        assert seen is not None and seen.name == "Park bench repair"
        assert await reader.departments.get("parks-annex") == PARKS


async def test_each_unit_of_work_has_its_own_connection(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as first, SqlUnitOfWork(seeded) as second:
        assert first.connection is not second.connection
        mine = await first.connection.exec_driver_sql("SELECT pg_backend_pid()")
        theirs = await second.connection.exec_driver_sql("SELECT pg_backend_pid()")
        assert mine.scalar() != theirs.scalar()


async def test_connection_and_commit_outside_the_block_are_refused(seeded: AsyncEngine) -> None:
    uow = SqlUnitOfWork(seeded)
    with pytest.raises(RuntimeError, match="not open"):
        _ = uow.connection
    with pytest.raises(RuntimeError, match="not open"):
        await uow.commit()

    async with uow:
        assert uow.connection.in_transaction()
        await uow.commit()

    with pytest.raises(RuntimeError, match="not open"):
        _ = uow.connection
    with pytest.raises(RuntimeError, match="not open"):
        await uow.commit()


async def test_units_of_work_return_their_connections_to_the_pool(seeded: AsyncEngine) -> None:
    checked_out = seeded.pool.checkedout()  # type: ignore[attr-defined]
    for _ in range(3):
        async with SqlUnitOfWork(seeded) as uow:
            await uow.departments.get("bge")
    with pytest.raises(Boom):
        async with SqlUnitOfWork(seeded):
            raise Boom
    assert seeded.pool.checkedout() == checked_out  # type: ignore[attr-defined]


async def test_writes_after_the_commit_are_not_kept_without_another_commit(
    seeded: AsyncEngine,
) -> None:
    late = Department("late-dept", "Late")
    async with SqlUnitOfWork(seeded) as uow:
        await uow.departments.add(PARKS)
        await uow.commit()
        await uow.departments.add(late)

    assert await stored(seeded, "parks-annex") == PARKS
    assert await stored(seeded, "late-dept") is None
