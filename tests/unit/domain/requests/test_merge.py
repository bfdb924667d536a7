"""Merging a duplicate into its parent: the aggregate's rules and the use case on fakes."""

from copy import deepcopy
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from domain.directory.catalog import SlaPolicy
from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.requests.model import CloseReason, EntryKind, ServiceRequest, Status, TimelineEntry
from domain.requests.ports import RequestRepository
from domain.requests.use_cases import MergeRequest, merge_request
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import (
    Conflict,
    IllegalTransition,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.shared.sla import BusinessHours, Interval, SlaCalendar
from domain.shared.vocabulary import Actor, Visibility
from tests.unit.builders import principal
from tests.unit.fakes import (
    FakeGeocoder,
    FakeJurisdictions,
    FakeStore,
    FakeUnitOfWork,
    FakeUnitOfWorkFactory,
)
from tests.unit.wiring import Wiring

HOURS = BusinessHours(ZoneInfo("America/New_York"))
REQUESTED = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 16, 15, 0, tzinfo=UTC)
CLERK = Actor(None, "Casey Clerk")
AGENT = principal(Role.AGENT, number=3)
PW_EMPLOYEE = principal(Role.STAFF, "public-works", Tier.EMPLOYEE, number=4)
SAN_EMPLOYEE = principal(Role.STAFF, "sanitation", Tier.EMPLOYEE, number=6)

PARENT, CHILD, OTHER = "26-00000001", "26-00000002", "26-00000003"


def request(request_id: str, **fields: Any) -> ServiceRequest:
    fields.setdefault("department_code", "public-works")
    fields.setdefault("service_code", "pothole")
    return ServiceRequest(
        id=request_id,
        sla=SlaPolicy(12, SlaCalendar.BUSINESS),
        requested_at=REQUESTED,
        **fields,
    )


# --- the aggregate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ON_HOLD]
)
def test_merging_closes_as_duplicate_links_and_records_it(status: Status) -> None:
    on_hold_since = REQUESTED if status is Status.ON_HOLD else None
    child = request(CHILD, status=status, on_hold_since=on_hold_since)
    child.merge_into(PARENT, CLERK, NOW, HOURS)
    assert (child.status, child.close_reason, child.closed_at) == (
        Status.CLOSED,
        CloseReason.DUPLICATE,
        NOW,
    )
    assert child.duplicate_of == PARENT
    assert child.updated_at == NOW
    assert child.pending_entries == [
        TimelineEntry(
            EntryKind.STATUS,
            NOW,
            CLERK,
            Visibility.PUBLIC,
            {"from": status.value, "to": "closed", "reason": "duplicate"},
        ),
        TimelineEntry(EntryKind.MERGE, NOW, CLERK, Visibility.PUBLIC, {"into": PARENT}),
    ]
    assert child.holds == ([Interval(REQUESTED, NOW)] if status is Status.ON_HOLD else [])


def test_a_closed_request_cannot_be_merged() -> None:
    child = request(CHILD, status=Status.CLOSED, close_reason=CloseReason.RESOLVED)
    with pytest.raises(IllegalTransition, match="reopen it first"):
        child.merge_into(PARENT, CLERK, NOW, HOURS)
    assert (child.duplicate_of, child.close_reason, child.pending_entries) == (
        None,
        CloseReason.RESOLVED,
        [],
    )


def test_a_request_cannot_be_merged_into_itself() -> None:
    child = request(CHILD)
    with pytest.raises(ValidationFailed) as refused:
        child.merge_into(CHILD, CLERK, NOW, HOURS)
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("into", "a request cannot be merged into itself")
    ]
    assert (child.status, child.pending_entries) == (Status.NEW, [])


def test_the_parent_records_the_duplicate_it_takes_in() -> None:
    parent = request(PARENT, status=Status.IN_PROGRESS)
    parent.absorb(CHILD, CLERK, NOW)
    assert parent.status is Status.IN_PROGRESS
    assert parent.pending_entries == [
        TimelineEntry(EntryKind.MERGE, NOW, CLERK, Visibility.PUBLIC, {"from": CHILD})
    ]


def test_a_closed_parent_or_a_duplicate_takes_in_nothing() -> None:
    closed = request(PARENT, status=Status.CLOSED, close_reason=CloseReason.RESOLVED)
    with pytest.raises(Conflict, match=f"request {PARENT} is closed"):
        closed.absorb(CHILD, CLERK, NOW)
    merged = request(
        PARENT, status=Status.CLOSED, close_reason=CloseReason.DUPLICATE, duplicate_of=OTHER
    )
    with pytest.raises(Conflict) as refused:
        merged.absorb(CHILD, CLERK, NOW)
    assert refused.value.detail == (
        f"request {PARENT} is itself a duplicate of {OTHER}; merge into {OTHER}"
    )
    assert closed.pending_entries == merged.pending_entries == []


def test_reopening_a_merged_request_unlinks_it() -> None:
    child = request(CHILD)
    child.merge_into(PARENT, CLERK, NOW, HOURS)
    later = NOW + timedelta(hours=1)
    child.transition(Status.IN_PROGRESS, CLERK, later, HOURS, note="Not the same hole")
    assert (child.status, child.duplicate_of, child.close_reason) == (
        Status.IN_PROGRESS,
        None,
        None,
    )
    assert child.pending_entries[-1].data == {
        "from": "closed",
        "to": "in_progress",
        "note": "Not the same hole",
        "was_duplicate_of": PARENT,
    }


# --- the use case ----------------------------------------------------------------------------


class LockRecorder:
    """Wraps a fake request repository and records which rows were locked, in order."""

    def __init__(self, inner: RequestRepository, locked: list[str]) -> None:
        self._inner = inner
        self.locked = locked

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None:
        if for_update:
            self.locked.append(request_id)
        return await self._inner.get(request_id, for_update=for_update)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class RecordingFactory(FakeUnitOfWorkFactory):
    def __init__(self, store: FakeStore) -> None:
        super().__init__(store)
        self.locked: list[str] = []

    def __call__(self) -> FakeUnitOfWork:
        unit = super().__call__()
        unit.requests = LockRecorder(unit.requests, self.locked)  # type: ignore[assignment]
        return unit


@pytest.fixture
def factory() -> RecordingFactory:
    store = FakeStore()
    store.put_request(request(PARENT, status=Status.ACKNOWLEDGED, version=3))
    store.put_request(request(CHILD))
    store.put_request(request(OTHER, department_code="sanitation", service_code="graffiti"))
    return RecordingFactory(store)


@pytest.fixture
def wiring(factory: RecordingFactory) -> Wiring:
    return Wiring(Context(factory, FixedClock(NOW)), HOURS, FakeJurisdictions(), FakeGeocoder())


async def test_merge_closes_and_links_the_request_and_bumps_both_versions(
    wiring: Wiring, factory: RecordingFactory
) -> None:
    merged = await merge_request(
        wiring.context, MergeRequest(CHILD, PARENT, if_match=1), AGENT, hours=wiring.hours
    )
    store = factory.store
    assert merged == store.requests[CHILD]
    assert (merged.status, merged.close_reason, merged.duplicate_of, merged.version) == (
        Status.CLOSED,
        CloseReason.DUPLICATE,
        PARENT,
        2,
    )
    parent = store.requests[PARENT]
    assert (parent.status, parent.version, parent.duplicate_of) == (Status.ACKNOWLEDGED, 4, None)
    assert [(e.kind, e.data, e.actor) for e in store.timeline[CHILD]] == [
        (EntryKind.STATUS, {"from": "new", "to": "closed", "reason": "duplicate"}, AGENT.actor),
        (EntryKind.MERGE, {"into": PARENT}, AGENT.actor),
    ]
    assert store.timeline[PARENT] == [
        TimelineEntry(EntryKind.MERGE, NOW, AGENT.actor, Visibility.PUBLIC, {"from": CHILD})
    ]
    assert [unit.committed for unit in factory.units] == [True]


@pytest.mark.parametrize(("child", "parent"), [(CHILD, PARENT), (PARENT, CHILD)])
async def test_both_rows_are_locked_in_the_order_of_their_ids(
    wiring: Wiring, factory: RecordingFactory, child: str, parent: str
) -> None:
    version = factory.store.requests[child].version
    await merge_request(
        wiring.context, MergeRequest(child, parent, if_match=version), AGENT, hours=wiring.hours
    )
    assert factory.locked == [PARENT, CHILD]


async def test_department_staff_merge_within_their_department(
    wiring: Wiring, factory: RecordingFactory
) -> None:
    merged = await merge_request(
        wiring.context, MergeRequest(CHILD, PARENT, if_match=1), PW_EMPLOYEE, hours=wiring.hours
    )
    assert merged.duplicate_of == PARENT


def snapshot(factory: RecordingFactory) -> tuple[dict[str, ServiceRequest], dict[str, Any]]:
    """A deep copy of the committed requests and timelines."""
    return deepcopy(factory.store.requests), deepcopy(factory.store.timeline)


Refusal = tuple[MergeRequest, Principal, type[Exception], str]

REFUSALS: list[Refusal] = [
    (MergeRequest("26-00000404", PARENT, 1), AGENT, NotFound, "26-00000404 was not found"),
    (MergeRequest(CHILD, "26-00000404", 1), AGENT, NotFound, "26-00000404 was not found"),
    (MergeRequest(CHILD, "26-00000404", None), AGENT, NotFound, "26-00000404 was not found"),
    (MergeRequest(CHILD, OTHER, 1), PW_EMPLOYEE, NotFound, f"{OTHER} was not found"),
    (MergeRequest(CHILD, PARENT, 1), SAN_EMPLOYEE, NotFound, f"{CHILD} was not found"),
    (MergeRequest(CHILD, PARENT, None), AGENT, PreconditionRequired, "send If-Match"),
    (MergeRequest(CHILD, PARENT, 2), AGENT, PreconditionFailed, "changed by someone else"),
    (MergeRequest(CHILD, CHILD, 1), AGENT, ValidationFailed, "into: a request cannot be merged"),
]


@pytest.mark.parametrize(
    "refusal",
    REFUSALS,
    ids=[
        "unknown-request",
        "unknown-parent",
        "unknown-parent-before-428",
        "parent-hidden-from-staff",
        "request-hidden-from-staff",
        "no-if-match",
        "stale-if-match",
        "into-itself",
    ],
)
async def test_a_refused_merge_changes_nothing(
    wiring: Wiring, factory: RecordingFactory, refusal: Refusal
) -> None:
    command, who, error, detail = refusal
    before = snapshot(factory)
    with pytest.raises(error) as refused:
        await merge_request(wiring.context, command, who, hours=wiring.hours)
    assert detail in str(refused.value)
    assert snapshot(factory) == before


async def test_a_closed_parent_or_a_closed_request_is_409(
    wiring: Wiring, factory: RecordingFactory
) -> None:
    store = factory.store
    store.requests[PARENT] = replace(
        store.requests[PARENT], status=Status.CLOSED, close_reason=CloseReason.RESOLVED
    )
    before = snapshot(factory)
    with pytest.raises(Conflict, match=f"request {PARENT} is closed"):
        await merge_request(
            wiring.context, MergeRequest(CHILD, PARENT, 1), AGENT, hours=wiring.hours
        )
    with pytest.raises(IllegalTransition, match="reopen it first"):
        await merge_request(
            wiring.context, MergeRequest(PARENT, CHILD, 3), AGENT, hours=wiring.hours
        )
    assert snapshot(factory) == before


async def test_merging_into_a_duplicate_is_409_and_names_its_parent(
    wiring: Wiring, factory: RecordingFactory
) -> None:
    await merge_request(wiring.context, MergeRequest(CHILD, PARENT, 1), AGENT, hours=wiring.hours)
    third = factory.store.put_request(request("26-00000004"))
    with pytest.raises(Conflict) as refused:
        await merge_request(
            wiring.context, MergeRequest(third.id, CHILD, 1), AGENT, hours=wiring.hours
        )
    assert refused.value.detail == (
        f"request {CHILD} is itself a duplicate of {PARENT}; merge into {PARENT}"
    )
    assert factory.store.requests[third.id].status is Status.NEW
