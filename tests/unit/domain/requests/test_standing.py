"""EscalationPolicy.standing: the one rule for "due soon" and "overdue" (issue 11, finding 10).

The queue, the request page and the escalation scan all read it: due soon once 80% of the time
to the expected date has passed (or within the margin in hours), overdue once it has passed.
"""

from datetime import UTC, datetime, timedelta

import pytest

from domain.directory.catalog import SlaPolicy
from domain.requests.escalation import EscalationPolicy, Standing, standing_is_frozen
from domain.requests.model import ServiceRequest, Status
from domain.shared.sla import SlaCalendar

T0 = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
DAY = SlaPolicy(24.0, SlaCalendar.ALWAYS, pauses_on_hold=True)
POLICY = EscalationPolicy()


def request(
    status: Status = Status.NEW,
    *,
    expected_in: float | None = 24.0,
    sla: SlaPolicy = DAY,
    on_hold_since: datetime | None = None,
) -> ServiceRequest:
    return ServiceRequest(
        id="26-00000001",
        service_code="trm-pothole-repair",
        department_code="transportation",
        sla=sla,
        requested_at=T0,
        status=status,
        expected_at=None if expected_in is None else T0 + timedelta(hours=expected_in),
        on_hold_since=on_hold_since,
    )


def hours(h: float) -> datetime:
    return T0 + timedelta(hours=h)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (hours(0), Standing.ON_TIME),  # a 24-hour SLA is not due soon the moment it is made
        (hours(19), Standing.ON_TIME),
        (hours(19.2) - timedelta(microseconds=1), Standing.ON_TIME),
        (hours(19.2), Standing.DUE_SOON),  # 80% of 24 hours
        (hours(24) - timedelta(microseconds=1), Standing.DUE_SOON),
        (hours(24), Standing.OVERDUE),
        (hours(500), Standing.OVERDUE),
    ],
)
def test_due_soon_at_80_percent_of_the_sla_then_overdue(now: datetime, expected: Standing) -> None:
    assert POLICY.standing(request(), now) is expected


def test_the_fraction_and_the_margin_come_from_the_policy() -> None:
    later = EscalationPolicy(due_soon_fraction=0.5)
    assert later.standing(request(), hours(12)) is Standing.DUE_SOON
    margin = EscalationPolicy(due_soon_fraction=0.99, due_soon_within=timedelta(hours=6))
    assert margin.standing(request(), hours(17.9)) is Standing.ON_TIME
    assert margin.standing(request(), hours(18)) is Standing.DUE_SOON
    week = request(expected_in=24 * 7)
    assert margin.standing(week, hours(24 * 7 - 6)) is Standing.DUE_SOON
    assert POLICY.standing(week, hours(134)) is Standing.ON_TIME  # 80% of a week: 134.4 h
    assert POLICY.standing(week, hours(134.4)) is Standing.DUE_SOON


@pytest.mark.parametrize("status", [Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS])
def test_every_open_status_runs_the_clock(status: Status) -> None:
    assert POLICY.standing(request(status), hours(20)) is Standing.DUE_SOON
    assert POLICY.standing(request(status), hours(30)) is Standing.OVERDUE


def test_closed_and_undated_requests_are_neither_due_soon_nor_overdue() -> None:
    assert POLICY.standing(request(Status.CLOSED), hours(30)) is Standing.ON_TIME
    assert POLICY.standing(request(expected_in=None), hours(30)) is Standing.ON_TIME


def test_a_hold_that_pauses_the_sla_stops_the_clock_where_the_hold_began() -> None:
    def held(since: float | None) -> ServiceRequest:
        start = None if since is None else hours(since)
        return request(Status.ON_HOLD, on_hold_since=start)

    assert POLICY.standing(held(10), hours(30)) is Standing.ON_TIME
    assert POLICY.standing(held(20), hours(30)) is Standing.DUE_SOON
    assert POLICY.standing(held(25), hours(30)) is Standing.OVERDUE
    assert POLICY.standing(held(20), hours(10)) is Standing.ON_TIME  # a hold still to come
    assert POLICY.standing(held(None), hours(30)) is Standing.ON_TIME


def test_a_hold_that_does_not_pause_the_sla_leaves_the_clock_running() -> None:
    running = SlaPolicy(24.0, SlaCalendar.ALWAYS, pauses_on_hold=False)
    held = request(Status.ON_HOLD, sla=running, on_hold_since=hours(10))
    assert POLICY.standing(held, hours(20)) is Standing.DUE_SOON
    assert POLICY.standing(held, hours(30)) is Standing.OVERDUE


def test_the_boundary_is_whole_microseconds_rounded_down() -> None:
    """One microsecond short of the fraction is on time; the SQL filter draws the same line."""
    odd = request(expected_in=None)
    odd.expected_at = T0 + timedelta(microseconds=7)  # 80% of 7 us = 5.6 us -> 5 us
    assert POLICY.standing(odd, T0 + timedelta(microseconds=4)) is Standing.ON_TIME
    assert POLICY.standing(odd, T0 + timedelta(microseconds=5)) is Standing.DUE_SOON


def test_the_standing_is_frozen_only_while_no_sla_clock_runs() -> None:
    """A conditional GET may answer 304 only then: the flags move with time, not versions."""
    assert not standing_is_frozen(request())
    assert not standing_is_frozen(request(expected_in=-5))  # overdue, but it was not always
    assert standing_is_frozen(request(Status.CLOSED))
    assert standing_is_frozen(request(expected_in=None))
    assert standing_is_frozen(request(Status.ON_HOLD, on_hold_since=hours(0.5)))
    running = SlaPolicy(24.0, SlaCalendar.ALWAYS, pauses_on_hold=False)
    assert not standing_is_frozen(request(Status.ON_HOLD, sla=running))
