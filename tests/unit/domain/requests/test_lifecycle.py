"""The ServiceRequest aggregate: lifecycle table, SLA pauses, timeline, assignment, transfer.

Calendar facts used below (worked out by hand): Mon 2026-06-15 starts a plain June week;
New York is on EDT (UTC-4), so business hours 08:00-17:00 local are 12:00-21:00 UTC.
"""

from datetime import UTC, datetime
from itertools import product
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from domain.directory.catalog import SlaPolicy
from domain.requests.model import (
    LIFECYCLE,
    CloseReason,
    EntryKind,
    Location,
    Priority,
    ServiceRequest,
    Status,
    TimelineEntry,
)
from domain.shared.errors import IllegalTransition, ValidationFailed
from domain.shared.sla import BusinessHours, Interval, SlaCalendar
from domain.shared.vocabulary import Actor, Channel, Visibility

NY = ZoneInfo("America/New_York")
HOURS = BusinessHours(NY)
REQUESTED = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)  # Mon 10:00 EDT
LATER = datetime(2026, 6, 15, 16, 30, tzinfo=UTC)
CLERK = Actor(UUID(int=7), "Casey Clerk")
RESIDENT = Actor(None, "resident")

BUSINESS_12H = SlaPolicy(12, SlaCalendar.BUSINESS, pauses_on_hold=True)
ALWAYS_48H = SlaPolicy(48, SlaCalendar.ALWAYS, pauses_on_hold=True)
ALWAYS_48H_NO_PAUSE = SlaPolicy(48, SlaCalendar.ALWAYS, pauses_on_hold=False)
BUSINESS_12H_NO_PAUSE = SlaPolicy(12, SlaCalendar.BUSINESS, pauses_on_hold=False)

ALLOWED = {
    (Status.NEW, Status.ACKNOWLEDGED),
    (Status.NEW, Status.IN_PROGRESS),
    (Status.NEW, Status.CLOSED),
    (Status.ACKNOWLEDGED, Status.IN_PROGRESS),
    (Status.ACKNOWLEDGED, Status.ON_HOLD),
    (Status.ACKNOWLEDGED, Status.CLOSED),
    (Status.IN_PROGRESS, Status.ON_HOLD),
    (Status.IN_PROGRESS, Status.CLOSED),
    (Status.ON_HOLD, Status.IN_PROGRESS),
    (Status.ON_HOLD, Status.CLOSED),
    (Status.CLOSED, Status.IN_PROGRESS),
}
ALL_PAIRS = list(product(Status, Status))


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


def submitted(sla: SlaPolicy = BUSINESS_12H, description: str = "") -> ServiceRequest:
    request = ServiceRequest(
        id="26-00000001",
        service_code="pothole",
        department_code="public-works",
        sla=sla,
        requested_at=REQUESTED,
        description=description,
        channel=Channel.PHONE,
    )
    request.record_submission(RESIDENT, HOURS)
    return request


def in_status(status: Status) -> ServiceRequest:
    """A request already in ``status``, with no pending timeline entries."""
    request = ServiceRequest(
        id="26-00000001",
        service_code="pothole",
        department_code="public-works",
        sla=BUSINESS_12H,
        requested_at=REQUESTED,
        status=status,
        expected_at=utc(16, 17),
    )
    if status is Status.ON_HOLD:
        request.on_hold_since = REQUESTED
    if status is Status.CLOSED:
        request.close_reason = CloseReason.RESOLVED
        request.closed_at = REQUESTED
    return request


def move(request: ServiceRequest, to: Status, at: datetime = LATER) -> None:
    """Make an allowed move with whatever reason/note it needs."""
    reason = CloseReason.RESOLVED if to is Status.CLOSED else None
    note = "back to work" if request.status is Status.CLOSED else None
    request.transition(to, CLERK, at, HOURS, reason, note)


def field_errors(error: ValidationFailed) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in error.errors]


# --- the lifecycle table ---------------------------------------------------------------------


def test_the_table_is_exactly_the_documented_one() -> None:
    assert len(ALL_PAIRS) == 25
    assert len(set(ALL_PAIRS) - ALLOWED) == 14
    assert {(a, b) for a, targets in LIFECYCLE.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("start", "to"), sorted(ALLOWED))
def test_allowed_moves_succeed(start: Status, to: Status) -> None:
    request = in_status(start)
    move(request, to)
    assert request.status is to
    expected = {"from": start.value, "to": to.value}
    if to is Status.CLOSED:
        expected["reason"] = "resolved"
    if start is Status.CLOSED:
        expected["note"] = "back to work"
    assert request.pending_entries == [
        TimelineEntry(EntryKind.STATUS, LATER, CLERK, Visibility.PUBLIC, expected)
    ]
    assert request.updated_at == LATER


@pytest.mark.parametrize(("start", "to"), sorted(set(ALL_PAIRS) - ALLOWED))
def test_every_other_move_is_illegal(start: Status, to: Status) -> None:
    request = in_status(start)
    before = (request.status, request.closed_at, request.on_hold_since, request.close_reason)
    reason = CloseReason.RESOLVED if to is Status.CLOSED else None
    with pytest.raises(IllegalTransition) as raised:
        request.transition(to, CLERK, LATER, HOURS, reason, "a note")
    assert raised.value.detail == f"a request cannot move from {start} to {to}"
    after = (request.status, request.closed_at, request.on_hold_since, request.close_reason)
    assert after == before
    assert request.pending_entries == []
    assert request.updated_at is None


def test_the_illegal_check_comes_before_the_reason_check() -> None:
    request = in_status(Status.CLOSED)
    with pytest.raises(IllegalTransition):
        request.transition(Status.CLOSED, CLERK, LATER, HOURS)


# --- reasons and notes -----------------------------------------------------------------------


@pytest.mark.parametrize("start", [Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS])
def test_closing_needs_a_reason(start: Status) -> None:
    request = in_status(start)
    with pytest.raises(ValidationFailed) as raised:
        request.transition(Status.CLOSED, CLERK, LATER, HOURS)
    assert field_errors(raised.value) == [("reason", "closing a request needs a reason")]
    assert request.status is start
    assert request.closed_at is None
    assert request.pending_entries == []


def test_closing_sets_closed_at_and_reason() -> None:
    request = in_status(Status.IN_PROGRESS)
    request.transition(Status.CLOSED, CLERK, LATER, HOURS, CloseReason.DUPLICATE)
    assert request.closed_at == LATER
    assert request.close_reason is CloseReason.DUPLICATE
    assert request.pending_entries[0].data == {
        "from": "in_progress",
        "to": "closed",
        "reason": "duplicate",
    }


@pytest.mark.parametrize(
    ("start", "to"), [(Status.NEW, Status.ACKNOWLEDGED), (Status.CLOSED, Status.IN_PROGRESS)]
)
def test_a_reason_on_a_move_that_is_not_a_close_is_refused(start: Status, to: Status) -> None:
    request = in_status(start)
    with pytest.raises(ValidationFailed) as raised:
        request.transition(to, CLERK, LATER, HOURS, CloseReason.RESOLVED, "note")
    assert field_errors(raised.value) == [("reason", "only closing takes a reason")]
    assert request.status is start


@pytest.mark.parametrize("note", [None, "", "   \n"])
def test_reopening_needs_a_note(note: str | None) -> None:
    request = in_status(Status.CLOSED)
    with pytest.raises(ValidationFailed) as raised:
        request.transition(Status.IN_PROGRESS, CLERK, LATER, HOURS, note=note)
    assert field_errors(raised.value) == [("note", "reopening a request needs a note")]
    assert request.status is Status.CLOSED
    assert request.closed_at == REQUESTED
    assert request.close_reason is CloseReason.RESOLVED


def test_reopening_clears_closed_at_and_the_reason() -> None:
    request = in_status(Status.CLOSED)
    request.transition(Status.IN_PROGRESS, CLERK, LATER, HOURS, note="resident says not fixed")
    assert request.status is Status.IN_PROGRESS
    assert request.closed_at is None
    assert request.close_reason is None
    assert request.pending_entries == [
        TimelineEntry(
            EntryKind.STATUS,
            LATER,
            CLERK,
            Visibility.PUBLIC,
            {"from": "closed", "to": "in_progress", "note": "resident says not fixed"},
        )
    ]


def test_a_note_on_an_ordinary_move_is_kept_in_the_timeline() -> None:
    request = in_status(Status.NEW)
    request.transition(Status.ACKNOWLEDGED, CLERK, LATER, HOURS, note="crew told")
    assert request.pending_entries[0].data == {
        "from": "new",
        "to": "acknowledged",
        "note": "crew told",
    }


def test_successive_moves_append_entries_in_order() -> None:
    request = submitted()
    move(request, Status.ACKNOWLEDGED, utc(15, 15))
    move(request, Status.IN_PROGRESS, utc(15, 16))
    move(request, Status.CLOSED, utc(15, 17))
    assert [(e.kind, e.at, e.actor, e.data.get("to")) for e in request.pending_entries] == [
        (EntryKind.CREATED, REQUESTED, RESIDENT, None),
        (EntryKind.STATUS, utc(15, 15), CLERK, "acknowledged"),
        (EntryKind.STATUS, utc(15, 16), CLERK, "in_progress"),
        (EntryKind.STATUS, utc(15, 17), CLERK, "closed"),
    ]
    assert request.updated_at == utc(15, 17)
    assert request.closed_at == utc(15, 17)


# --- submission ------------------------------------------------------------------------------


def test_submission_records_the_creation_and_the_expected_date() -> None:
    request = submitted()
    # 12 business hours from Mon 10:00 EDT: 7 h on Monday, 5 h on Tuesday -> Tue 13:00 EDT.
    assert request.expected_at == utc(16, 17)
    assert request.pending_entries == [
        TimelineEntry(
            EntryKind.CREATED,
            REQUESTED,
            RESIDENT,
            Visibility.PUBLIC,
            {"status": "new", "channel": "phone"},
        )
    ]
    assert request.updated_at == REQUESTED


def test_submission_on_the_24x7_calendar() -> None:
    assert submitted(ALWAYS_48H).expected_at == utc(17, 14)


def test_a_description_of_4000_characters_is_accepted() -> None:
    assert submitted(description="x" * 4000).description == "x" * 4000


def test_a_description_over_4000_characters_is_refused() -> None:
    request = ServiceRequest(
        id="26-00000001",
        service_code="pothole",
        department_code="public-works",
        sla=BUSINESS_12H,
        requested_at=REQUESTED,
        description="x" * 4001,
    )
    with pytest.raises(ValidationFailed) as raised:
        request.record_submission(RESIDENT, HOURS)
    assert field_errors(raised.value) == [("description", "must be at most 4000 characters")]
    assert request.pending_entries == []
    assert request.expected_at is None


@pytest.mark.parametrize(
    ("lat", "long", "problem"),
    [
        (39.29, None, ("location", "lat and long go together")),
        (None, -76.61, ("location", "lat and long go together")),
        (90.5, -76.61, ("location.lat", "must be between -90 and 90")),
        (39.29, -180.5, ("location.long", "must be between -180 and 180")),
    ],
)
def test_location_bounds(lat: float | None, long: float | None, problem: tuple[str, str]) -> None:
    with pytest.raises(ValidationFailed) as raised:
        Location(lat, long)
    assert field_errors(raised.value) == [problem]


# --- holds and the SLA clock -----------------------------------------------------------------


def test_going_on_hold_starts_the_hold_and_keeps_the_expected_date() -> None:
    request = submitted()
    move(request, Status.IN_PROGRESS, utc(15, 15))
    move(request, Status.ON_HOLD, utc(15, 19))
    assert request.on_hold_since == utc(15, 19)
    assert request.holds == []
    assert request.expected_at == utc(16, 17)


def test_resuming_a_business_sla_pushes_the_date_by_the_business_time_on_hold() -> None:
    request = submitted(BUSINESS_12H)
    move(request, Status.IN_PROGRESS, utc(15, 15))
    move(request, Status.ON_HOLD, utc(15, 19))  # Mon 15:00 EDT
    move(request, Status.IN_PROGRESS, utc(16, 13))  # Tue 09:00 EDT
    # Working time: Mon 10-15 (5 h), then Tue from 09:00 for the remaining 7 h -> 16:00 EDT.
    assert request.expected_at == utc(16, 20)
    assert request.holds == [Interval(utc(15, 19), utc(16, 13))]
    assert request.on_hold_since is None


def test_a_hold_outside_business_hours_does_not_move_a_business_date() -> None:
    request = submitted(BUSINESS_12H)
    move(request, Status.IN_PROGRESS, utc(15, 15))
    move(request, Status.ON_HOLD, utc(15, 21, 30))  # Mon 17:30 EDT
    move(request, Status.IN_PROGRESS, utc(16, 11, 30))  # Tue 07:30 EDT
    assert request.expected_at == utc(16, 17)
    assert request.holds == [Interval(utc(15, 21, 30), utc(16, 11, 30))]


def test_resuming_a_24x7_sla_pushes_the_date_by_the_wall_clock_time_on_hold() -> None:
    request = submitted(ALWAYS_48H)
    assert request.expected_at == utc(17, 14)
    move(request, Status.ACKNOWLEDGED, utc(15, 15))
    move(request, Status.ON_HOLD, utc(15, 20))
    move(request, Status.IN_PROGRESS, utc(16, 2, 30))  # 6 h 30 min on hold
    assert request.expected_at == utc(17, 20, 30)
    move(request, Status.ON_HOLD, utc(16, 10))
    move(request, Status.IN_PROGRESS, utc(16, 11, 15))  # another 1 h 15 min
    assert request.expected_at == utc(17, 21, 45)
    assert request.holds == [
        Interval(utc(15, 20), utc(16, 2, 30)),
        Interval(utc(16, 10), utc(16, 11, 15)),
    ]


def test_closing_from_hold_also_ends_the_hold() -> None:
    request = submitted(ALWAYS_48H)
    move(request, Status.IN_PROGRESS, utc(15, 15))
    move(request, Status.ON_HOLD, utc(15, 20))
    move(request, Status.CLOSED, utc(16, 2, 30))
    assert request.holds == [Interval(utc(15, 20), utc(16, 2, 30))]
    assert request.expected_at == utc(17, 20, 30)
    assert request.on_hold_since is None
    assert request.closed_at == utc(16, 2, 30)


@pytest.mark.parametrize("sla", [ALWAYS_48H_NO_PAUSE, BUSINESS_12H_NO_PAUSE])
def test_an_sla_that_does_not_pause_keeps_its_date(sla: SlaPolicy) -> None:
    request = submitted(sla)
    original = request.expected_at
    assert original == (utc(17, 14) if sla.calendar is SlaCalendar.ALWAYS else utc(16, 17))
    move(request, Status.IN_PROGRESS, utc(15, 15))
    move(request, Status.ON_HOLD, utc(15, 19))
    move(request, Status.IN_PROGRESS, utc(16, 13))
    assert request.expected_at == original
    assert request.holds == [Interval(utc(15, 19), utc(16, 13))]


# --- comments --------------------------------------------------------------------------------


@pytest.mark.parametrize("visibility", list(Visibility))
def test_a_comment_keeps_its_visibility_and_trimmed_body(visibility: Visibility) -> None:
    request = in_status(Status.NEW)
    request.comment("  crew on site \n", visibility, CLERK, LATER)
    assert request.pending_entries == [
        TimelineEntry(EntryKind.COMMENT, LATER, CLERK, visibility, {"body": "crew on site"})
    ]
    assert request.updated_at == LATER
    assert request.status is Status.NEW


@pytest.mark.parametrize("body", ["", "   ", "\n\t"])
def test_an_empty_comment_is_refused(body: str) -> None:
    request = in_status(Status.NEW)
    with pytest.raises(ValidationFailed) as raised:
        request.comment(body, Visibility.PUBLIC, CLERK, LATER)
    assert field_errors(raised.value) == [("body", "must not be empty")]
    assert request.pending_entries == []


def test_a_comment_of_4000_characters_is_accepted_but_not_4001() -> None:
    request = in_status(Status.NEW)
    request.comment("y" * 4000, Visibility.INTERNAL, CLERK, LATER)
    with pytest.raises(ValidationFailed) as raised:
        request.comment("y" * 4001, Visibility.INTERNAL, CLERK, LATER)
    assert field_errors(raised.value) == [("body", "must be at most 4000 characters")]
    assert len(request.pending_entries) == 1


def test_comments_are_allowed_on_a_closed_request() -> None:
    request = in_status(Status.CLOSED)
    request.comment("thanks", Visibility.PUBLIC, RESIDENT, LATER)
    assert request.pending_entries[0].actor == RESIDENT
    assert request.status is Status.CLOSED


# --- assignment, transfer, priority ----------------------------------------------------------

WORKER = UUID(int=21)
OTHER_WORKER = UUID(int=22)


def test_assigning_records_an_internal_entry() -> None:
    request = in_status(Status.NEW)
    request.assign(WORKER, CLERK, LATER)
    assert request.assignee_id == WORKER
    assert request.pending_entries == [
        TimelineEntry(
            EntryKind.ASSIGNMENT,
            LATER,
            CLERK,
            Visibility.INTERNAL,
            {"from": None, "to": "00000000-0000-0000-0000-000000000015"},
        )
    ]


def test_reassigning_and_unassigning_record_from_and_to() -> None:
    request = in_status(Status.NEW)
    request.assignee_id = WORKER
    request.assign(OTHER_WORKER, CLERK, LATER)
    request.assign(None, CLERK, LATER)
    assert request.assignee_id is None
    assert [e.data for e in request.pending_entries] == [
        {"from": str(WORKER), "to": str(OTHER_WORKER)},
        {"from": str(OTHER_WORKER), "to": None},
    ]


@pytest.mark.parametrize("assignee", [None, WORKER])
def test_assigning_the_same_assignee_is_a_no_op(assignee: UUID | None) -> None:
    request = in_status(Status.NEW)
    request.assignee_id = assignee
    request.assign(assignee, CLERK, LATER)
    assert request.assignee_id == assignee
    assert request.pending_entries == []
    assert request.updated_at is None


def test_a_transfer_moves_the_request_and_clears_the_assignee() -> None:
    request = in_status(Status.IN_PROGRESS)
    request.assignee_id = WORKER
    request.transfer("sanitation", "  trash, not a pothole ", CLERK, LATER)
    assert request.department_code == "sanitation"
    assert request.assignee_id is None
    assert request.status is Status.IN_PROGRESS
    assert request.pending_entries == [
        TimelineEntry(
            EntryKind.TRANSFER,
            LATER,
            CLERK,
            Visibility.PUBLIC,
            {"from": "public-works", "to": "sanitation", "reason": "trash, not a pothole"},
        )
    ]


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_transfer_needs_a_reason(reason: str) -> None:
    request = in_status(Status.NEW)
    request.assignee_id = WORKER
    with pytest.raises(ValidationFailed) as raised:
        request.transfer("sanitation", reason, CLERK, LATER)
    assert field_errors(raised.value) == [("reason", "a transfer needs a reason")]
    assert (request.department_code, request.assignee_id) == ("public-works", WORKER)
    assert request.pending_entries == []


def test_a_transfer_to_the_same_department_is_refused() -> None:
    request = in_status(Status.NEW)
    with pytest.raises(ValidationFailed) as raised:
        request.transfer("public-works", "why not", CLERK, LATER)
    assert field_errors(raised.value) == [("department", "the request is already there")]
    assert request.pending_entries == []


def test_reprioritising_records_an_internal_entry_once() -> None:
    request = in_status(Status.NEW)
    request.reprioritise(Priority.URGENT, CLERK, LATER)
    request.reprioritise(Priority.URGENT, CLERK, utc(15, 18))
    assert request.priority is Priority.URGENT
    assert request.pending_entries == [
        TimelineEntry(
            EntryKind.PRIORITY,
            LATER,
            CLERK,
            Visibility.INTERNAL,
            {"from": "normal", "to": "urgent"},
        )
    ]
    assert request.updated_at == LATER
