"""SqlRequestRepository on the real PostgreSQL: round trips, ids, optimistic locking, row locks."""

import asyncio
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.requests import RequestReadModel
from adapters.db.tables.requests import request_timeline, service_requests
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.directory.catalog import SlaPolicy
from domain.requests.model import (
    CloseReason,
    EntryKind,
    Location,
    Priority,
    ServiceRequest,
    Status,
    TimelineEntry,
)
from domain.requests.queries import RequestFilter
from domain.residents.model import Reporter
from domain.shared.errors import PreconditionFailed
from domain.shared.sla import Interval, SlaCalendar
from domain.shared.vocabulary import Actor, Channel, Visibility
from tests.integration.builders import (
    HOURS,
    MANAGER_ID,
    RESIDENT,
    STAFF_ID,
    T0,
    add_requests,
    at,
    count,
    make_request,
)

pytestmark = pytest.mark.usefixtures("seeded")

PLUS_TWO = timezone(timedelta(hours=2))
MANAGER = Actor(MANAGER_ID, "Morgan Manager")
ID_FORMAT = re.compile(r"^\d{2}-\d{8}$")


def every_field() -> ServiceRequest:
    return ServiceRequest(
        id="26-00000042",
        external_id="partner-7781",
        service_code="bge-stlights-out",
        department_code="bge",
        sla=SlaPolicy(27.0, SlaCalendar.BUSINESS, True),
        requested_at=datetime(2026, 3, 2, 9, 15, 30, 123456, tzinfo=UTC),
        description="Three lights out along the block",
        location=Location(39.290385, -76.612189, "100 N Holliday St, Baltimore, MD 21202"),
        attributes={
            "light_condition": "flickering",  # singlevaluelist
            "lights_out": 3.0,  # number
            "pole_number": "BGE-00412",  # string
            "seen_at": "2026-03-01T22:10:00-05:00",  # datetime
            "notes": "Line one\nLine two",  # text
            "extras": ["cycling", "day-burner"],  # multivaluelist
            "ratio": 0.30000000000000004,
        },
        reporter=Reporter("Ada", "Lovelace", "ada@example.net", "+1 410 555 0100", "en"),
        channel=Channel.PHONE,
        priority=Priority.HIGH,
        status=Status.CLOSED,
        close_reason=CloseReason.RESOLVED,
        assignee_id=STAFF_ID,
        updated_at=datetime(2026, 3, 6, 16, 0, tzinfo=UTC),
        expected_at=datetime(2026, 3, 5, 12, 15, 30, 123456, tzinfo=UTC),
        closed_at=datetime(2026, 3, 6, 16, 0, tzinfo=UTC),
        holds=[
            Interval(
                datetime(2026, 3, 3, 10, 0, tzinfo=UTC), datetime(2026, 3, 3, 14, 30, tzinfo=UTC)
            ),
            Interval(
                datetime(2026, 3, 4, 17, 0, 0, 1, tzinfo=PLUS_TWO),
                datetime(2026, 3, 4, 19, 45, tzinfo=PLUS_TWO),
            ),
        ],
        on_hold_since=datetime(2026, 3, 6, 15, 0, tzinfo=UTC),
        version=1,
    )


async def test_add_then_get_returns_every_field(seeded: AsyncEngine) -> None:
    request = every_field()
    await add_requests(seeded, request)

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.requests.get("26-00000042")

    assert loaded == every_field()
    assert loaded is not None
    assert loaded.holds[1].start.utcoffset() == timedelta(hours=2)
    assert loaded.requested_at.microsecond == 123456
    assert loaded.location == Location(
        39.290385, -76.612189, "100 N Holliday St, Baltimore, MD 21202"
    )
    assert loaded.attributes["lights_out"] == 3.0
    assert isinstance(loaded.attributes["lights_out"], float)
    assert loaded.attributes["ratio"] == 0.30000000000000004
    assert loaded.attributes["extras"] == ["cycling", "day-burner"]


async def test_the_minimal_request_round_trips_with_its_defaults(seeded: AsyncEngine) -> None:
    bare = ServiceRequest(
        id="26-00000001",
        service_code="sw-dirty-alley",
        department_code="solid-waste",
        sla=SlaPolicy(45.0),
        requested_at=T0,
    )
    await add_requests(seeded, bare)

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.requests.get("26-00000001")

    # a request that was never updated is stored with updated_at = requested_at
    assert loaded == ServiceRequest(
        id="26-00000001",
        service_code="sw-dirty-alley",
        department_code="solid-waste",
        sla=SlaPolicy(45.0, SlaCalendar.BUSINESS, True),
        requested_at=T0,
        updated_at=T0,
    )
    assert loaded is not None
    assert loaded.location == Location(None, None, None)
    assert loaded.reporter.is_anonymous


async def test_get_of_an_unknown_id_is_none(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.requests.get("26-99999999") is None
        assert await uow.requests.get("26-99999999", for_update=True) is None


async def test_add_writes_the_pending_timeline_entries_and_clears_them(
    seeded: AsyncEngine,
) -> None:
    request = make_request("26-00000001", description="Pothole")
    request.record_submission(RESIDENT, HOURS)
    request.comment("Crew notified", Visibility.INTERNAL, MANAGER, at(1))
    assert len(request.pending_entries) == 2

    await add_requests(seeded, request)

    assert request.pending_entries == []
    timeline = await RequestReadModel(seeded).timeline("26-00000001")
    assert timeline == [
        TimelineEntry(
            EntryKind.CREATED, T0, RESIDENT, Visibility.PUBLIC, {"status": "new", "channel": "api"}
        ),
        TimelineEntry(
            EntryKind.COMMENT, at(1), MANAGER, Visibility.INTERNAL, {"body": "Crew notified"}
        ),
    ]


async def test_next_id_is_yy_dash_eight_digits_and_counts_up(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        first = await uow.requests.next_id(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
        second = await uow.requests.next_id(datetime(2027, 1, 1, 0, 0, tzinfo=UTC))
        third = await uow.requests.next_id(datetime(2031, 6, 1, tzinfo=UTC))

    assert (first, second, third) == ("26-00000001", "27-00000002", "31-00000003")
    assert all(ID_FORMAT.match(value) for value in (first, second, third))


async def test_next_id_numbers_are_not_reused_after_a_rollback(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.requests.next_id(T0) == "26-00000001"
        # left without commit: the sequence value is still spent
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.requests.next_id(T0) == "26-00000002"


async def test_next_id_is_unique_across_concurrent_units_of_work(seeded: AsyncEngine) -> None:
    async def five_ids() -> list[str]:
        async with SqlUnitOfWork(seeded) as uow:
            ids = [await uow.requests.next_id(T0) for _ in range(5)]
            await uow.commit()
        return ids

    batches = await asyncio.gather(*(five_ids() for _ in range(8)))

    for batch in batches:
        numbers = [int(value[3:]) for value in batch]
        assert numbers == sorted(numbers)
        assert len(set(numbers)) == 5
    every = [value for batch in batches for value in batch]
    assert sorted(every) == [f"26-{n:08d}" for n in range(1, 41)]


async def test_save_with_the_current_version_bumps_it_and_appends_timeline_rows(
    seeded: AsyncEngine,
) -> None:
    request = make_request("26-00000001", description="Pothole")
    request.record_submission(RESIDENT, HOURS)
    await add_requests(seeded, request)

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.requests.get("26-00000001", for_update=True)
        assert loaded is not None and loaded.version == 1
        loaded.transition(Status.ACKNOWLEDGED, MANAGER, at(1), HOURS)
        loaded.assign(STAFF_ID, MANAGER, at(1))
        loaded.reprioritise(Priority.URGENT, MANAGER, at(2))
        await uow.requests.save(loaded, expected_version=1)
        assert loaded.version == 2
        assert loaded.pending_entries == []
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        stored = await uow.requests.get("26-00000001")
    assert stored is not None
    assert stored.version == 2
    assert stored.status is Status.ACKNOWLEDGED
    assert stored.assignee_id == STAFF_ID
    assert stored.priority is Priority.URGENT
    assert stored.updated_at == at(2)
    kinds = [e.kind for e in await RequestReadModel(seeded).timeline("26-00000001")]
    assert kinds == [
        EntryKind.CREATED,
        EntryKind.STATUS,
        EntryKind.ASSIGNMENT,
        EntryKind.PRIORITY,
    ]

    async with SqlUnitOfWork(seeded) as uow:
        again = await uow.requests.get("26-00000001", for_update=True)
        assert again is not None
        again.comment("On our list", Visibility.PUBLIC, MANAGER, at(3))
        await uow.requests.save(again, expected_version=again.version)
        await uow.commit()
    assert again.version == 3
    assert await count(seeded, "service_requests", "version = 3") == 1
    assert await count(seeded, "request_timeline", "request_id = '26-00000001'") == 5


async def test_save_with_a_stale_version_raises_and_writes_nothing(seeded: AsyncEngine) -> None:
    request = make_request("26-00000001", description="Pothole")
    request.record_submission(RESIDENT, HOURS)
    await add_requests(seeded, request)

    async with SqlUnitOfWork(seeded) as uow:
        first = await uow.requests.get("26-00000001")
    async with SqlUnitOfWork(seeded) as uow:
        second = await uow.requests.get("26-00000001")
    assert first is not None and second is not None

    async with SqlUnitOfWork(seeded) as uow:
        first.transition(Status.IN_PROGRESS, MANAGER, at(1), HOURS)
        await uow.requests.save(first, expected_version=1)
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        second.reprioritise(Priority.LOW, MANAGER, at(2))
        second.comment("stale", Visibility.PUBLIC, MANAGER, at(2))
        with pytest.raises(PreconditionFailed):
            await uow.requests.save(second, expected_version=1)
        # nothing written, even inside the same transaction, and the entries are kept
        assert second.version == 1
        assert len(second.pending_entries) == 2
        row = (
            await uow.connection.execute(
                select(service_requests.c.version, service_requests.c.priority)
            )
        ).one()
        assert tuple(row) == (2, "normal")
        entries = await uow.connection.scalar(
            select(text("count(*)")).select_from(request_timeline)
        )
        assert entries == 2
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        stored = await uow.requests.get("26-00000001")
    assert stored is not None
    assert (stored.version, stored.status, stored.priority) == (
        2,
        Status.IN_PROGRESS,
        Priority.NORMAL,
    )
    assert await count(seeded, "request_timeline") == 2


async def test_save_with_a_version_from_the_future_raises(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001"))
    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.requests.get("26-00000001")
        assert loaded is not None
        with pytest.raises(PreconditionFailed):
            await uow.requests.save(loaded, expected_version=2)
    assert await count(seeded, "service_requests", "version = 1") == 1


async def test_concurrent_saves_of_one_version_let_exactly_one_win(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001"))

    winner = SqlUnitOfWork(seeded)
    loser = SqlUnitOfWork(seeded)
    async with winner, loser:
        mine = await winner.requests.get("26-00000001")
        theirs = await loser.requests.get("26-00000001")
        assert mine is not None and theirs is not None
        mine.reprioritise(Priority.HIGH, MANAGER, at(1))
        theirs.reprioritise(Priority.LOW, MANAGER, at(1))
        await winner.requests.save(mine, expected_version=1)  # holds the row lock now

        blocked = asyncio.ensure_future(loser.requests.save(theirs, expected_version=1))
        await winner.commit()
        with pytest.raises(PreconditionFailed):
            await blocked
        await loser.commit()

    async with SqlUnitOfWork(seeded) as uow:
        stored = await uow.requests.get("26-00000001")
    assert stored is not None
    assert (stored.version, stored.priority) == (2, Priority.HIGH)
    assert await count(seeded, "request_timeline") == 1


LOCK_PROBE = text("SELECT id FROM service_requests WHERE id = :id FOR UPDATE NOWAIT")


async def test_get_for_update_locks_the_row_until_the_transaction_ends(
    seeded: AsyncEngine,
) -> None:
    await add_requests(seeded, make_request("26-00000001"), make_request("26-00000002"))

    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.requests.get("26-00000001", for_update=True) is not None
        async with seeded.connect() as other:
            with pytest.raises(DBAPIError) as refused:
                await other.execute(LOCK_PROBE, {"id": "26-00000001"})
            assert refused.value.orig.sqlstate == "55P03"  # type: ignore[union-attr]
            await other.rollback()
            # only that row is locked
            assert (await other.execute(LOCK_PROBE, {"id": "26-00000002"})).scalar() == (
                "26-00000002"
            )
            await other.rollback()

    async with seeded.connect() as other:
        locked = await other.execute(LOCK_PROBE, {"id": "26-00000001"})
        assert locked.scalar() == "26-00000001"
        await other.rollback()


async def test_get_without_for_update_takes_no_row_lock(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001"))

    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.requests.get("26-00000001") is not None
        async with seeded.connect() as other:
            locked = await other.execute(LOCK_PROBE, {"id": "26-00000001"})
            assert locked.scalar() == "26-00000001"
            await other.rollback()


DROP = "'; DROP TABLE service_requests; --"
SCRIPT = "<script>alert(1)</script>"
AWKWARD = 'O\'Brien "quoted" \\backslash\\ %_ ü 中文 🚧 \t$1 :id ?'


async def test_hostile_strings_are_stored_and_read_back_byte_for_byte(
    seeded: AsyncEngine,
) -> None:
    request = make_request(
        "26-00000001",
        description=DROP,
        external_id=SCRIPT,
        location=Location(39.3, -76.6, SCRIPT),
        reporter=Reporter(DROP, SCRIPT, "x'@example.net", AWKWARD, "en"),
        attributes={"depth_inches": 4.0, "position": DROP, "note": SCRIPT, "awkward": AWKWARD},
    )
    request.comment(DROP, Visibility.PUBLIC, Actor(None, SCRIPT), at(1))
    await add_requests(seeded, request)

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.requests.get("26-00000001")
        assert await uow.requests.get(DROP) is None
        raw = (
            await uow.connection.execute(
                select(
                    service_requests.c.description,
                    service_requests.c.external_id,
                    service_requests.c.address,
                    service_requests.c.reporter_first_name,
                    service_requests.c.reporter_phone,
                )
            )
        ).one()
    assert loaded is not None
    assert loaded.description.encode() == DROP.encode()
    assert loaded.external_id == SCRIPT
    assert loaded.location.address == SCRIPT
    assert loaded.reporter == Reporter(DROP, SCRIPT, "x'@example.net", AWKWARD, "en")
    assert loaded.attributes == {
        "depth_inches": 4.0,
        "position": DROP,
        "note": SCRIPT,
        "awkward": AWKWARD,
    }
    assert tuple(raw) == (DROP, SCRIPT, SCRIPT, DROP, AWKWARD)

    timeline = await RequestReadModel(seeded).timeline("26-00000001")
    assert [(e.actor.name, e.data) for e in timeline] == [(SCRIPT, {"body": DROP})]

    found = await RequestReadModel(seeded).page(RequestFilter(q=DROP))
    assert [r.id for r in found.items] == ["26-00000001"]
    assert (await RequestReadModel(seeded).page(RequestFilter(q=DROP[:5]))).items[0].id == (
        "26-00000001"
    )

    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT to_regclass('public.service_requests')::text")) == (
            "service_requests"
        )
        assert await db.scalar(text("SELECT to_regclass('public.users')::text")) == "users"
    assert await count(seeded, "service_requests") == 1
    assert await count(seeded, "users") == 5
