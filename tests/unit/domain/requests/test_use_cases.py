"""Request use cases against the in-memory fakes.

Clock: Mon 2026-06-15 14:00 UTC (10:00 EDT in New York). The pothole service has a 12-hour
business SLA, due Tue 2026-06-16 13:00 EDT = 17:00 UTC; bulk trash has a 48-hour 24x7 SLA.
"""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from domain.directory.catalog import (
    AttributeDefinition,
    AttributeOption,
    Datatype,
    Department,
    Service,
    SlaPolicy,
)
from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier, User
from domain.requests.model import (
    CloseReason,
    EntryKind,
    Priority,
    ServiceRequest,
    Status,
    TimelineEntry,
)
from domain.requests.use_cases import (
    CommentOnRequest,
    SubmitServiceRequest,
    TransitionRequest,
    UpdateRequest,
    comment_on_request,
    submit_service_request,
    transition_request,
    update_request,
)
from domain.residents.model import Reporter
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import (
    Forbidden,
    IllegalTransition,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.shared.sla import BusinessHours, SlaCalendar
from domain.shared.vocabulary import Actor, Channel, Visibility
from tests.unit.builders import RESIDENT, user
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NY = ZoneInfo("America/New_York")
HOURS = BusinessHours(NY)
NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
LATER = datetime(2026, 6, 15, 15, 45, tzinfo=UTC)
POTHOLE_SLA = SlaPolicy(12, SlaCalendar.BUSINESS)
TRASH_SLA = SlaPolicy(48, SlaCalendar.ALWAYS, pauses_on_hold=False)

ADMIN = user(1, Role.ADMIN)
SUPERVISOR = user(2, Role.SUPERVISOR)
AGENT = user(3, Role.AGENT)
PW_EMPLOYEE = user(4, Role.STAFF, "public-works", Tier.EMPLOYEE)
PW_MANAGER = user(5, Role.STAFF, "public-works", Tier.MANAGER)
SAN_EMPLOYEE = user(6, Role.STAFF, "sanitation", Tier.EMPLOYEE)
SAN_MANAGER = user(7, Role.STAFF, "sanitation", Tier.MANAGER)
PW_RETIRED = user(8, Role.STAFF, "public-works", Tier.EMPLOYEE, active=False)
NOBODY = UUID(int=404)


def as_(who: User) -> Principal:
    return Principal.of(who)


POTHOLE = Service(
    code="pothole",
    name="Pothole",
    department_code="public-works",
    sla=POTHOLE_SLA,
    attributes=[
        AttributeDefinition(
            "size",
            Datatype.SINGLE,
            "How big?",
            required=True,
            values=(AttributeOption("small", "Small"), AttributeOption("large", "Large")),
        ),
        AttributeDefinition("depth", Datatype.NUMBER, "Depth in inches"),
    ],
)
BULK_TRASH = Service("bulk-trash", "Bulk trash", "sanitation", TRASH_SLA)
GRAFFITI = Service("graffiti", "Graffiti", "sanitation", POTHOLE_SLA, active=False)


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department("public-works", "Public Works"))
    store.put_department(Department("sanitation", "Sanitation"))
    for service in (POTHOLE, BULK_TRASH, GRAFFITI):
        store.put_service(service)
    for staff in (
        ADMIN,
        SUPERVISOR,
        AGENT,
        PW_EMPLOYEE,
        PW_MANAGER,
        SAN_EMPLOYEE,
        SAN_MANAGER,
        PW_RETIRED,
    ):
        store.put_user(staff)
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def wiring(factory: FakeUnitOfWorkFactory, clock: FixedClock) -> Wiring:
    return Wiring(Context(factory, clock), HOURS, FakeJurisdictions(), FakeGeocoder())


POTHOLE_REPORT = SubmitServiceRequest(
    service_code="pothole",
    description="  Deep hole by the bus stop  ",
    attributes={"size": "large", "depth": "3.5"},
    reporter=Reporter(first_name="Ana", email="ana@example.org"),
    channel=Channel.PHONE,
)


async def open_pothole(wiring: Wiring) -> ServiceRequest:
    agent = as_(AGENT)
    return (
        await submit_service_request(
            wiring.context, POTHOLE_REPORT, agent, agent.actor, **wiring.places
        )
    ).request


def field_errors(error: ValidationFailed) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in error.errors]


def stored(factory: FakeUnitOfWorkFactory, request_id: str = "26-00000001") -> ServiceRequest:
    return factory.store.requests[request_id]


def kinds(factory: FakeUnitOfWorkFactory, request_id: str = "26-00000001") -> list[EntryKind]:
    return [entry.kind for entry in factory.store.timeline[request_id]]


# --- submit ----------------------------------------------------------------------------------


async def test_submit_stores_the_request_with_the_services_department_and_sla(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    agent = as_(AGENT)
    request = (
        await submit_service_request(
            wiring.context, POTHOLE_REPORT, agent, agent.actor, **wiring.places
        )
    ).request
    assert request.id == "26-00000001"
    assert request.department_code == "public-works"
    assert request.sla == POTHOLE_SLA
    assert request.requested_at == NOW
    assert request.expected_at == datetime(2026, 6, 16, 17, 0, tzinfo=UTC)
    assert request.attributes == {"size": "large", "depth": 3.5}
    assert request.description == "Deep hole by the bus stop"
    assert request.status is Status.NEW
    assert request.version == 1
    assert stored(factory) == request
    assert factory.store.timeline["26-00000001"] == [
        TimelineEntry(
            EntryKind.CREATED,
            NOW,
            agent.actor,
            Visibility.PUBLIC,
            {"status": "new", "channel": "phone"},
        )
    ]
    assert [unit.committed for unit in factory.units] == [True]


async def test_submit_on_a_24x7_service_and_numbering(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    request = (
        await submit_service_request(
            wiring.context, SubmitServiceRequest("bulk-trash"), None, RESIDENT, **wiring.places
        )
    ).request
    assert request.id == "26-00000002"
    assert request.department_code == "sanitation"
    assert request.expected_at == datetime(2026, 6, 17, 14, 0, tzinfo=UTC)
    assert factory.store.timeline["26-00000002"][0].actor == RESIDENT
    assert sorted(factory.store.requests) == ["26-00000001", "26-00000002"]


async def test_the_reference_takes_the_year_of_the_clock(wiring: Wiring, clock: FixedClock) -> None:
    clock.set(datetime(2027, 1, 4, 15, 0, tzinfo=UTC))
    request = (
        await submit_service_request(
            wiring.context, SubmitServiceRequest("bulk-trash"), None, RESIDENT, **wiring.places
        )
    ).request
    assert request.id == "27-00000001"


@pytest.mark.parametrize("who", [ADMIN, SUPERVISOR, AGENT])
async def test_call_center_roles_may_submit(
    who: User, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    submitter = as_(who)
    request = (
        await submit_service_request(
            wiring.context, POTHOLE_REPORT, submitter, submitter.actor, **wiring.places
        )
    ).request
    assert request.id == "26-00000001"
    assert stored(factory).department_code == "public-works"
    assert factory.store.timeline["26-00000001"][0].actor == Actor(who.id, who.display_name)


@pytest.mark.parametrize("who", [PW_EMPLOYEE, PW_MANAGER])
async def test_staff_may_not_submit(
    who: User, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    submitter = as_(who)
    with pytest.raises(Forbidden):
        await submit_service_request(
            wiring.context, POTHOLE_REPORT, submitter, submitter.actor, **wiring.places
        )
    assert factory.units == []
    assert factory.store.requests == {}


@pytest.mark.parametrize("code", ["no-such-service", "graffiti"])
async def test_submit_to_an_unknown_or_inactive_service_is_refused(
    code: str, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        await submit_service_request(
            wiring.context, SubmitServiceRequest(code), None, RESIDENT, **wiring.places
        )
    assert field_errors(raised.value) == [("service_code", "is not an active service")]
    assert factory.store.requests == {}
    assert factory.store.timeline == {}
    assert [unit.committed for unit in factory.units] == [False]


async def test_submit_validates_the_attributes(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    command = replace(POTHOLE_REPORT, attributes={"depth": "deep", "colour": "red"})
    with pytest.raises(ValidationFailed) as raised:
        await submit_service_request(wiring.context, command, None, RESIDENT, **wiring.places)
    assert field_errors(raised.value) == [
        ("attributes.colour", "is not an attribute of this service"),
        ("attributes.size", "is required"),
        ("attributes.depth", "must be a number"),
    ]
    assert factory.store.requests == {}
    assert factory.store.timeline == {}


async def test_submit_with_a_description_over_4000_characters_stores_nothing(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        await submit_service_request(
            wiring.context,
            replace(POTHOLE_REPORT, description="z" * 4001),
            None,
            RESIDENT,
            **wiring.places,
        )
    assert field_errors(raised.value) == [("description", "must be at most 4000 characters")]
    assert factory.store.requests == {}
    assert factory.store.timeline == {}
    assert [unit.committed for unit in factory.units] == [False]


# --- transition ------------------------------------------------------------------------------


async def test_transition_with_the_current_version(
    wiring: Wiring, factory: FakeUnitOfWorkFactory, clock: FixedClock
) -> None:
    await open_pothole(wiring)
    clock.set(LATER)
    employee = as_(PW_EMPLOYEE)
    request = await transition_request(
        wiring.context,
        TransitionRequest("26-00000001", Status.IN_PROGRESS, if_match=1),
        employee,
        hours=wiring.hours,
    )
    assert (request.status, request.version, request.updated_at) == (
        Status.IN_PROGRESS,
        2,
        LATER,
    )
    assert (stored(factory).status, stored(factory).version) == (Status.IN_PROGRESS, 2)
    assert factory.store.timeline["26-00000001"][1] == TimelineEntry(
        EntryKind.STATUS,
        LATER,
        employee.actor,
        Visibility.PUBLIC,
        {"from": "new", "to": "in_progress"},
    )


async def test_successive_transitions_follow_the_version(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    agent = as_(AGENT)
    await transition_request(
        wiring.context,
        TransitionRequest("26-00000001", Status.ACKNOWLEDGED, 1),
        agent,
        hours=wiring.hours,
    )
    await transition_request(
        wiring.context,
        TransitionRequest("26-00000001", Status.CLOSED, 2, CloseReason.RESOLVED),
        agent,
        hours=wiring.hours,
    )
    with pytest.raises(PreconditionFailed):
        await transition_request(
            wiring.context,
            TransitionRequest("26-00000001", Status.IN_PROGRESS, 2, note="again"),
            agent,
            hours=wiring.hours,
        )
    assert (stored(factory).status, stored(factory).version) == (Status.CLOSED, 3)
    assert stored(factory).closed_at == NOW
    assert kinds(factory) == [EntryKind.CREATED, EntryKind.STATUS, EntryKind.STATUS]


async def test_transition_without_if_match_is_refused(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(PreconditionRequired):
        await transition_request(
            wiring.context,
            TransitionRequest("26-00000001", Status.IN_PROGRESS, None),
            as_(AGENT),
            hours=wiring.hours,
        )
    assert (stored(factory).status, stored(factory).version) == (Status.NEW, 1)


@pytest.mark.parametrize("stale", [0, 2])
async def test_transition_with_a_stale_version_is_refused(
    stale: int, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(PreconditionFailed):
        await transition_request(
            wiring.context,
            TransitionRequest("26-00000001", Status.IN_PROGRESS, stale),
            as_(AGENT),
            hours=wiring.hours,
        )
    assert (stored(factory).status, stored(factory).version) == (Status.NEW, 1)


async def test_transition_of_an_unknown_request_is_not_found(wiring: Wiring) -> None:
    with pytest.raises(NotFound) as raised:
        await transition_request(
            wiring.context,
            TransitionRequest("26-99999999", Status.IN_PROGRESS, 1),
            as_(AGENT),
            hours=wiring.hours,
        )
    assert raised.value.detail == "service request 26-99999999 was not found"


@pytest.mark.parametrize("if_match", [None, 1, 7])
async def test_staff_of_another_department_get_not_found_before_the_version_check(
    if_match: int | None, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(NotFound) as raised:
        await transition_request(
            wiring.context,
            TransitionRequest("26-00000001", Status.IN_PROGRESS, if_match),
            as_(SAN_MANAGER),
            hours=wiring.hours,
        )
    assert raised.value.detail == "service request 26-00000001 was not found"
    assert stored(factory).version == 1


async def test_an_illegal_transition_changes_nothing(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(IllegalTransition):
        await transition_request(
            wiring.context,
            TransitionRequest("26-00000001", Status.ON_HOLD, 1),
            as_(AGENT),
            hours=wiring.hours,
        )
    assert (stored(factory).status, stored(factory).version) == (Status.NEW, 1)
    assert kinds(factory) == [EntryKind.CREATED]
    assert factory.units[-1].committed is False


# --- comment ---------------------------------------------------------------------------------


@pytest.mark.parametrize("visibility", list(Visibility))
async def test_comment_is_stored_with_its_visibility(
    visibility: Visibility, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    employee = as_(PW_EMPLOYEE)
    request = await comment_on_request(
        wiring.context, CommentOnRequest("26-00000001", " cones placed ", visibility, 1), employee
    )
    assert request.version == 2
    assert factory.store.timeline["26-00000001"][1] == TimelineEntry(
        EntryKind.COMMENT, NOW, employee.actor, visibility, {"body": "cones placed"}
    )


async def test_comment_needs_if_match(wiring: Wiring, factory: FakeUnitOfWorkFactory) -> None:
    await open_pothole(wiring)
    with pytest.raises(PreconditionRequired):
        await comment_on_request(
            wiring.context,
            CommentOnRequest("26-00000001", "hi", Visibility.PUBLIC, None),
            as_(AGENT),
        )
    with pytest.raises(PreconditionFailed):
        await comment_on_request(
            wiring.context, CommentOnRequest("26-00000001", "hi", Visibility.PUBLIC, 5), as_(AGENT)
        )
    assert kinds(factory) == [EntryKind.CREATED]


async def test_comment_on_another_departments_request_is_not_found(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(NotFound):
        await comment_on_request(
            wiring.context,
            CommentOnRequest("26-00000001", "hi", Visibility.INTERNAL, None),
            as_(SAN_EMPLOYEE),
        )
    assert kinds(factory) == [EntryKind.CREATED]


async def test_an_empty_comment_stores_nothing(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(ValidationFailed):
        await comment_on_request(
            wiring.context, CommentOnRequest("26-00000001", "  ", Visibility.PUBLIC, 1), as_(AGENT)
        )
    assert stored(factory).version == 1
    assert kinds(factory) == [EntryKind.CREATED]


# --- update: assignment ----------------------------------------------------------------------


def assign(user_id: UUID | None, if_match: int | None = 1) -> UpdateRequest:
    return UpdateRequest("26-00000001", if_match, change_assignee=True, assignee_id=user_id)


def transfer(to: str, reason: str | None = "belongs there", if_match: int = 1) -> UpdateRequest:
    return UpdateRequest("26-00000001", if_match, department_code=to, transfer_reason=reason)


async def test_a_manager_assigns_within_the_department(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    manager = as_(PW_MANAGER)
    request = await update_request(wiring.context, assign(PW_EMPLOYEE.id), manager)
    assert (request.assignee_id, request.version) == (PW_EMPLOYEE.id, 2)
    assert stored(factory).assignee_id == PW_EMPLOYEE.id
    assert factory.store.timeline["26-00000001"][1] == TimelineEntry(
        EntryKind.ASSIGNMENT,
        NOW,
        manager.actor,
        Visibility.INTERNAL,
        {"from": None, "to": str(PW_EMPLOYEE.id)},
    )


async def test_a_manager_unassigns(wiring: Wiring, factory: FakeUnitOfWorkFactory) -> None:
    await open_pothole(wiring)
    await update_request(wiring.context, assign(PW_EMPLOYEE.id), as_(PW_MANAGER))
    await update_request(wiring.context, assign(None, if_match=2), as_(PW_MANAGER))
    assert stored(factory).assignee_id is None
    assert factory.store.timeline["26-00000001"][2].data == {
        "from": str(PW_EMPLOYEE.id),
        "to": None,
    }


@pytest.mark.parametrize("who", [PW_EMPLOYEE, AGENT])
async def test_employees_and_agents_may_not_assign(
    who: User, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(Forbidden):
        await update_request(wiring.context, assign(PW_EMPLOYEE.id), as_(who))
    assert stored(factory).assignee_id is None
    assert stored(factory).version == 1


async def test_a_manager_may_not_assign_someone_from_another_department(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(Forbidden) as raised:
        await update_request(wiring.context, assign(SAN_EMPLOYEE.id), as_(PW_MANAGER))
    assert raised.value.detail == "managers assign within their own department"
    assert stored(factory).assignee_id is None


@pytest.mark.parametrize("assignee", [PW_RETIRED.id, NOBODY])
async def test_an_inactive_or_unknown_assignee_is_refused(
    assignee: UUID, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(ValidationFailed) as raised:
        await update_request(wiring.context, assign(assignee), as_(SUPERVISOR))
    assert field_errors(raised.value) == [("assignee_id", "is not an active user")]
    assert stored(factory).assignee_id is None


async def test_a_supervisor_may_not_assign_someone_who_cannot_see_the_request(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(ValidationFailed) as raised:
        await update_request(wiring.context, assign(SAN_EMPLOYEE.id), as_(SUPERVISOR))
    assert field_errors(raised.value) == [("assignee_id", "cannot see this department's requests")]
    assert stored(factory).assignee_id is None


@pytest.mark.parametrize("assignee", [AGENT, PW_EMPLOYEE])
async def test_a_supervisor_assigns_anyone_who_can_see_the_request(
    assignee: User, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    await update_request(wiring.context, assign(as_(assignee).user_id), as_(SUPERVISOR))
    assert stored(factory).assignee_id == as_(assignee).user_id


async def test_assigning_the_current_assignee_adds_no_entry(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    await update_request(wiring.context, assign(PW_EMPLOYEE.id), as_(PW_MANAGER))
    await update_request(wiring.context, assign(PW_EMPLOYEE.id, if_match=2), as_(PW_MANAGER))
    assert kinds(factory) == [EntryKind.CREATED, EntryKind.ASSIGNMENT]


async def test_update_checks_visibility_before_if_match(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(NotFound):
        await update_request(
            wiring.context, assign(SAN_EMPLOYEE.id, if_match=None), as_(SAN_MANAGER)
        )
    with pytest.raises(PreconditionRequired):
        await update_request(wiring.context, assign(PW_EMPLOYEE.id, if_match=None), as_(PW_MANAGER))
    with pytest.raises(PreconditionFailed):
        await update_request(wiring.context, assign(PW_EMPLOYEE.id, if_match=3), as_(PW_MANAGER))
    assert stored(factory).version == 1


# --- update: transfer ------------------------------------------------------------------------


async def test_a_supervisor_transfers_and_the_assignee_is_cleared(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    await update_request(wiring.context, assign(PW_EMPLOYEE.id), as_(SUPERVISOR))
    supervisor = as_(SUPERVISOR)
    request = await update_request(wiring.context, transfer("sanitation", if_match=2), supervisor)
    assert (request.department_code, request.assignee_id, request.version) == (
        "sanitation",
        None,
        3,
    )
    assert stored(factory).department_code == "sanitation"
    assert factory.store.timeline["26-00000001"][2] == TimelineEntry(
        EntryKind.TRANSFER,
        NOW,
        supervisor.actor,
        Visibility.PUBLIC,
        {"from": "public-works", "to": "sanitation", "reason": "belongs there"},
    )


async def test_a_supervisor_transfers_a_request_of_any_department(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await submit_service_request(
        wiring.context, SubmitServiceRequest("bulk-trash"), None, RESIDENT, **wiring.places
    )
    await update_request(wiring.context, transfer("public-works"), as_(SUPERVISOR))
    assert stored(factory).department_code == "public-works"


async def test_a_manager_transfers_out_of_the_department_and_then_loses_sight(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    await update_request(wiring.context, transfer("sanitation"), as_(PW_MANAGER))
    assert stored(factory).department_code == "sanitation"
    with pytest.raises(NotFound):
        await update_request(wiring.context, transfer("public-works", if_match=2), as_(PW_MANAGER))
    assert stored(factory).department_code == "sanitation"


async def test_a_manager_may_not_transfer_another_departments_request(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(NotFound):
        await update_request(wiring.context, transfer("sanitation"), as_(SAN_MANAGER))
    assert stored(factory).department_code == "public-works"


@pytest.mark.parametrize("who", [PW_EMPLOYEE, AGENT])
async def test_employees_and_agents_may_not_transfer(
    who: User, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(Forbidden):
        await update_request(wiring.context, transfer("sanitation"), as_(who))
    assert stored(factory).department_code == "public-works"


async def test_a_transfer_to_an_unknown_department_is_refused(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(ValidationFailed) as raised:
        await update_request(wiring.context, transfer("parks"), as_(SUPERVISOR))
    assert field_errors(raised.value) == [("department", "is not a known department")]
    assert stored(factory).department_code == "public-works"


@pytest.mark.parametrize("reason", [None, "  "])
async def test_a_transfer_without_a_reason_is_refused(
    reason: str | None, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(ValidationFailed) as raised:
        await update_request(wiring.context, transfer("sanitation", reason), as_(SUPERVISOR))
    assert field_errors(raised.value) == [("reason", "a transfer needs a reason")]
    assert stored(factory).department_code == "public-works"


# --- update: priority and atomicity ----------------------------------------------------------


@pytest.mark.parametrize("who", [AGENT, SUPERVISOR, PW_MANAGER])
async def test_call_center_and_the_departments_manager_set_priority(
    who: User, wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    await update_request(
        wiring.context, UpdateRequest("26-00000001", 1, priority=Priority.HIGH), as_(who)
    )
    assert stored(factory).priority is Priority.HIGH
    assert factory.store.timeline["26-00000001"][1].data == {"from": "normal", "to": "high"}


async def test_an_employee_may_not_set_priority(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    with pytest.raises(Forbidden):
        await update_request(
            wiring.context,
            UpdateRequest("26-00000001", 1, priority=Priority.HIGH),
            as_(PW_EMPLOYEE),
        )
    assert stored(factory).priority is Priority.NORMAL


async def test_a_failing_part_of_an_update_undoes_the_whole_update(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await open_pothole(wiring)
    command = UpdateRequest(
        "26-00000001",
        1,
        change_assignee=True,
        assignee_id=PW_EMPLOYEE.id,
        priority=Priority.URGENT,
        department_code="parks",
        transfer_reason="wrong place",
    )
    with pytest.raises(ValidationFailed):
        await update_request(wiring.context, command, as_(SUPERVISOR))
    request = stored(factory)
    assert (request.priority, request.assignee_id, request.version) == (
        Priority.NORMAL,
        None,
        1,
    )
    assert kinds(factory) == [EntryKind.CREATED]
