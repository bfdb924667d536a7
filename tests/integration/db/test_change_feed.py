"""The change feed under concurrency: transactions that commit out of order skip nothing."""

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.changes import START, ChangeFeed
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.requests.model import Priority
from tests.integration.builders import RESIDENT, add_requests, at, make_request


async def _ids(feed: ChangeFeed, cursor: str) -> tuple[list[str], str]:
    page = await feed.page(cursor, 50, None)
    return [r.id for r in page.items], page.next_cursor


async def _reprioritise(uow: SqlUnitOfWork, request_id: str, priority: Priority) -> None:
    request = await uow.requests.get(request_id, for_update=True)
    assert request is not None
    request.reprioritise(priority, RESIDENT, at(1))
    await uow.requests.save(request, expected_version=request.version)


async def test_a_change_committed_late_is_not_skipped_and_nothing_repeats(
    seeded: AsyncEngine,
) -> None:
    feed = ChangeFeed(seeded)
    await add_requests(seeded, make_request("26-00000001"), make_request("26-00000002"))
    first, cursor = await _ids(feed, START)
    assert first == ["26-00000001", "26-00000002"]

    async with SqlUnitOfWork(seeded) as t1:
        await _reprioritise(t1, "26-00000001", Priority.HIGH)  # T1 starts first...
        async with SqlUnitOfWork(seeded) as t2:
            await _reprioritise(t2, "26-00000002", Priority.URGENT)
            await t2.commit()  # ...but T2 commits first
        held_back, same = await _ids(feed, cursor)
        assert (held_back, same) == ([], cursor)  # T2's change waits for T1 to settle
        await t1.commit()

    changed, cursor = await _ids(feed, cursor)
    assert changed == ["26-00000001", "26-00000002"]  # in transaction order, both there
    assert await _ids(feed, cursor) == ([], cursor)


async def test_a_rolled_back_change_never_shows_and_pages_follow_on(seeded: AsyncEngine) -> None:
    feed = ChangeFeed(seeded)
    await add_requests(seeded, *(make_request(f"26-0000000{n}") for n in range(1, 6)))
    async with SqlUnitOfWork(seeded) as doomed:
        await _reprioritise(doomed, "26-00000003", Priority.LOW)
    pages, cursor = [], START
    while True:
        page = await feed.page(cursor, 2, None)
        if not page.items:
            break
        pages.append([r.id for r in page.items])
        cursor = page.next_cursor
    assert pages == [
        ["26-00000001", "26-00000002"],
        ["26-00000003", "26-00000004"],
        ["26-00000005"],
    ]


async def test_staff_follow_their_department_only(seeded: AsyncEngine) -> None:
    await add_requests(
        seeded,
        make_request("26-00000001"),
        make_request("26-00000002", service_code="bge-stlights-out", department_code="bge"),
    )
    page = await ChangeFeed(seeded).page(START, 50, "bge")
    assert [r.id for r in page.items] == ["26-00000002"]
