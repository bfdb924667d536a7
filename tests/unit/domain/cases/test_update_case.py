"""Finishing a contact's record after the call, against the in-memory fakes."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from domain.cases.model import Case, CaseType
from domain.contacts.use_cases import UpdateCase, update_case
from domain.directory.catalog import Department, SlaPolicy
from domain.directory.users import Role, Tier
from domain.requests.model import ServiceRequest
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import (
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Channel
from tests.unit.builders import principal
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

CALLED = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
NOW = CALLED + timedelta(minutes=10)
AGENT = principal(Role.AGENT)
PW_MANAGER = principal(Role.STAFF, "public-works", Tier.MANAGER)
CASE_ID = UUID(int=500)
LOGGED = Case(
    CASE_ID,
    Channel.PHONE,
    CaseType.INFORMATION,
    CALLED,
    summary="Asked about potholes",
    notes="First notes",
    tags=["roads"],
    department_code="public-works",
    resolved_on_first_contact=False,
    started_at=CALLED,
    updated_at=CALLED,
)


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department("public-works", "Public Works"))
    store.put_request(
        ServiceRequest("26-00000001", "pothole", "public-works", SlaPolicy(12), CALLED)
    )
    store.cases[CASE_ID] = replace(LOGGED)
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def wiring(factory: FakeUnitOfWorkFactory) -> Wiring:
    hours = BusinessHours(ZoneInfo("America/New_York"))
    return Wiring(Context(factory, FixedClock(NOW)), hours, FakeJurisdictions(), FakeGeocoder())


def change(**fields: object) -> UpdateCase:
    if_match = fields.pop("if_match", 1)
    return UpdateCase(CASE_ID, if_match, changed=frozenset(fields), **fields)  # type: ignore[arg-type]


def stored(factory: FakeUnitOfWorkFactory) -> Case:
    return factory.store.cases[CASE_ID]


async def test_only_the_named_fields_change_and_the_version_moves_on(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    ended = CALLED + timedelta(minutes=6)
    updated = await update_case(
        wiring.context, change(notes="Sent a crew", tags=("Roads", "Night"), ended_at=ended), AGENT
    )
    assert stored(factory) == updated
    assert updated.notes == "Sent a crew"
    assert updated.tags == ["roads", "night"]
    assert updated.ended_at == ended
    assert updated.summary == "Asked about potholes"  # not named, not changed
    assert (updated.version, updated.updated_at, updated.created_at) == (2, NOW, CALLED)


async def test_a_field_named_without_a_value_is_cleared(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await update_case(
        wiring.context, change(resolved_on_first_contact=None, department_code=None), AGENT
    )
    assert stored(factory).department_code is None
    assert stored(factory).resolved_on_first_contact is None
    await update_case(wiring.context, change(if_match=2, resolved_on_first_contact=True), AGENT)
    assert stored(factory).resolved_on_first_contact is True


async def test_without_if_match_the_update_is_refused(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(PreconditionRequired):
        await update_case(wiring.context, change(if_match=None, notes="x"), AGENT)
    assert stored(factory) == LOGGED


async def test_a_stale_version_is_refused(wiring: Wiring, factory: FakeUnitOfWorkFactory) -> None:
    await update_case(wiring.context, change(notes="first writer"), AGENT)
    with pytest.raises(PreconditionFailed):
        await update_case(wiring.context, change(notes="second writer"), AGENT)
    assert stored(factory).notes == "first writer"


async def test_an_unknown_case_is_not_found(wiring: Wiring) -> None:
    with pytest.raises(NotFound):
        await update_case(wiring.context, UpdateCase(UUID(int=404), 1, notes="x"), AGENT)


async def test_department_staff_may_not_update_a_contact(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(Forbidden):
        await update_case(wiring.context, change(notes="x"), PW_MANAGER)
    assert factory.units == []


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (change(department_code="parks"), "department"),
        (change(request_ids=("26-00000404",)), "request_ids"),
        (change(type=CaseType.REFERRAL), "referral"),
        (change(ended_at=CALLED - timedelta(minutes=1)), "ended_at"),
        (change(notes="n" * 8001), "notes"),
    ],
    ids=["department", "request", "referral", "ended", "notes"],
)
async def test_an_update_breaking_a_rule_changes_nothing(
    wiring: Wiring, factory: FakeUnitOfWorkFactory, command: UpdateCase, field: str
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        await update_case(wiring.context, command, AGENT)
    assert [e.field for e in failure.value.errors] == [field]
    assert stored(factory) == LOGGED


async def test_links_to_known_requests_and_departments_are_kept(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    command = change(
        type=CaseType.COMPLAINT, department_code="public-works", request_ids=("26-00000001",)
    )
    await update_case(wiring.context, command, AGENT)
    assert stored(factory).type is CaseType.COMPLAINT
    assert stored(factory).department_code == "public-works"
    assert stored(factory).request_ids == ["26-00000001"]
