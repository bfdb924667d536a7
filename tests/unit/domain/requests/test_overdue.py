"""announce_overdue: request.overdue once per threshold, through the aggregate and the unit of
work, with the one payload builder (events.request_event)."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from domain.directory.catalog import SlaPolicy
from domain.requests.escalation import EscalationPolicy
from domain.requests.model import ServiceRequest, Status
from domain.requests.overdue import announce_overdue
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.events import EventType
from domain.shared.sla import SlaCalendar
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory

T0 = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
DUE = T0 + timedelta(hours=10)
ID = "26-00000001"
POLICY = EscalationPolicy()


def pothole(**fields: object) -> ServiceRequest:
    base = ServiceRequest(
        id=ID,
        service_code="trm-pothole-repair",
        department_code="transportation",
        sla=SlaPolicy(24.0, SlaCalendar.ALWAYS, pauses_on_hold=True),
        requested_at=T0,
        expected_at=DUE,
        event_sequence=3,
        version=2,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


@pytest.fixture
def uow() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_request(pothole())
    return FakeUnitOfWorkFactory(store)


async def announce(uow: FakeUnitOfWorkFactory, hours: float) -> bool:
    clock = FixedClock(T0 + timedelta(hours=hours))
    return await announce_overdue(Context(uow, clock), ID, policy=POLICY)


async def test_due_soon_then_overdue_each_once_on_the_next_sequence(
    uow: FakeUnitOfWorkFactory,
) -> None:
    assert not await announce(uow, 7.9)
    assert await announce(uow, 8)
    assert not await announce(uow, 9)
    assert await announce(uow, 10)
    assert not await announce(uow, 30)
    soon, late = uow.store.events
    assert (soon.type, soon.subject, soon.occurred_at) == (
        EventType.REQUEST_OVERDUE,
        ID,
        T0 + timedelta(hours=8),
    )
    assert soon.data == {
        "sequence": 4,
        "threshold": "due_soon",
        "expected_datetime": DUE.isoformat(),
        "status": "new",
        "previous_status": "new",
        "public_status_changed": False,
        "department_code": "transportation",
        "service_code": "trm-pothole-repair",
        "changes": [],
    }
    assert (late.data["threshold"], late.data["sequence"]) == ("overdue", 5)
    stored = uow.store.requests[ID]
    assert (stored.event_sequence, stored.version) == (5, 2)  # the ETag does not move


async def test_a_late_announcement_is_overdue_and_settles_due_soon(
    uow: FakeUnitOfWorkFactory,
) -> None:
    assert await announce(uow, 12)
    assert not await announce(uow, 13)
    assert [e.data["threshold"] for e in uow.store.events] == ["overdue"]
    assert set(uow.store.escalations) == {(ID, "due_soon"), (ID, "overdue")}


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.CLOSED},
        {"status": Status.ON_HOLD, "on_hold_since": T0},  # the SLA pauses on hold
        {"expected_at": None},
    ],
)
async def test_closed_paused_and_undated_requests_are_left_alone(fields: dict[str, object]) -> None:
    store = FakeStore()
    store.put_request(pothole(**fields))
    uow = FakeUnitOfWorkFactory(store)
    assert not await announce(uow, 20)
    assert store.events == [] and store.escalations == {}
    assert not any(unit.committed for unit in uow.units)


async def test_an_unknown_request_is_left_alone(uow: FakeUnitOfWorkFactory) -> None:
    assert not await announce_overdue(Context(uow, FixedClock(T0)), "26-00000404", policy=POLICY)
