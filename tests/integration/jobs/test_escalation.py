"""The escalation scan: request.overdue once per threshold and request, on the real tables."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from adapters.db.read_models.escalation_candidates import SqlEscalationCandidates
from adapters.jobs.codec import decode_event
from adapters.jobs.escalation import EscalationScan
from api.bootstrap import use_case_context
from domain.requests.escalation import EscalationPolicy
from domain.requests.model import Status
from domain.shared.clock import FixedClock
from domain.shared.events import Event, EventType
from tests.integration.builders import T0, add_requests, at, make_request
from tests.integration.jobs.helpers import take_jobs

DUE = T0 + timedelta(hours=10)  # every request below is expected 10 h after T0


async def _published(engine: AsyncEngine) -> list[Event]:
    return [decode_event(job.payload) for job in await take_jobs(engine)]


def scan(engine: AsyncEngine, clock: FixedClock, policy: EscalationPolicy) -> EscalationScan:
    context = use_case_context(engine, clock)
    return EscalationScan(context, SqlEscalationCandidates(engine), policy)


async def _scan_at(
    engine: AsyncEngine, hours: float, policy: EscalationPolicy | None = None
) -> list[Event]:
    await scan(engine, FixedClock(at(hours)), policy or EscalationPolicy()).run()
    return await _published(engine)


async def test_due_soon_at_80_percent_then_overdue_each_once(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001", expected_at=DUE, event_sequence=3))
    assert await _scan_at(seeded, 7.9) == []
    [soon] = await _scan_at(seeded, 8)
    assert (soon.type, soon.subject) == (EventType.REQUEST_OVERDUE, "26-00000001")
    assert soon.data["threshold"] == "due_soon"
    assert soon.data["sequence"] == 4
    assert soon.data["expected_datetime"] == DUE.isoformat()
    assert soon.department_code == "transportation"
    assert await _scan_at(seeded, 9) == []  # once per threshold
    [late] = await _scan_at(seeded, 10)
    assert (late.data["threshold"], late.data["sequence"]) == ("overdue", 5)
    assert await _scan_at(seeded, 30) == []
    async with seeded.connect() as db:
        sequence = await db.scalar(text("SELECT event_sequence FROM service_requests"))
    assert sequence == 5


async def test_a_late_scan_announces_overdue_only(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001", expected_at=DUE))
    [late] = await _scan_at(seeded, 12)
    assert late.data["threshold"] == "overdue"
    assert await _scan_at(seeded, 13) == []


async def test_closed_paused_and_undated_requests_are_left_alone(seeded: AsyncEngine) -> None:
    await add_requests(
        seeded,
        make_request("26-00000001", expected_at=DUE, status=Status.CLOSED),
        make_request("26-00000002", expected_at=DUE, status=Status.ON_HOLD),  # SLA paused
        make_request("26-00000003"),
    )
    assert await _scan_at(seeded, 20) == []


async def test_the_margin_in_hours_also_makes_a_request_due_soon(seeded: AsyncEngine) -> None:
    await add_requests(seeded, make_request("26-00000001", expected_at=DUE))
    policy = EscalationPolicy(due_soon_fraction=0.99, due_soon_within=timedelta(hours=3))
    assert await _scan_at(seeded, 6.9, policy) == []
    [soon] = await _scan_at(seeded, 7, policy)
    assert soon.data["threshold"] == "due_soon"


async def test_two_scans_at_once_announce_once(seeded: AsyncEngine) -> None:
    import asyncio

    await add_requests(seeded, make_request("26-00000001", expected_at=DUE))
    scans = [scan(seeded, FixedClock(at(11)), EscalationPolicy()) for _ in range(3)]
    counts = await asyncio.gather(*(each.run() for each in scans))
    assert sum(counts) == 1
    assert [e.data["threshold"] for e in await _published(seeded)] == ["overdue"]


async def test_due_soon_is_the_same_instant_in_a_session_with_daylight_saving(
    seeded: AsyncEngine,
) -> None:
    """80% of 5 days from 2026-10-30 12:00 UTC is 2026-11-03 12:00 UTC, though New York left
    daylight saving time in between: `timestamp + interval '4 days'` there says 13:00."""
    requested = datetime(2026, 10, 30, 12, tzinfo=UTC)
    request = make_request("26-00000001", requested_at=requested)
    request.expected_at = requested + timedelta(days=5)
    await add_requests(seeded, request)
    new_york = create_async_engine(
        seeded.url.render_as_string(hide_password=False),
        connect_args={"server_settings": {"timezone": "America/New_York"}},
    )
    try:
        clock = FixedClock(datetime(2026, 11, 3, 12, 30, tzinfo=UTC))
        assert await scan(new_york, clock, EscalationPolicy()).run() == 1
    finally:
        await new_york.dispose()
    [soon] = await _published(seeded)
    assert soon.data["threshold"] == "due_soon"
