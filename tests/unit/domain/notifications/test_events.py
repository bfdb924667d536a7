"""Which events call for which message."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.notifications.escalation import Threshold, lateness
from domain.notifications.residents import message_kind
from domain.shared.events import Event, EventType

AT = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def event(kind: EventType, **data: object) -> Event:
    return Event(type=kind, subject="26-00000001", occurred_at=AT, data=data)


def moved(status: str, previous: str | None = None) -> Event:
    return event(EventType.REQUEST_UPDATED, status=status, previous_status=previous)


@pytest.mark.parametrize(
    ("happened", "message"),
    [
        (event(EventType.REQUEST_CREATED, status="new"), "submitted"),
        (moved("on_hold", "in_progress"), "status"),
        (moved("in_progress", "new"), "status"),
        (moved("in_progress", "closed"), "status"),  # reopened
        (moved("new", "new"), None),  # a change other than the status
        (moved("in_progress"), None),
        (moved("closed", "on_hold"), None),  # request.closed tells it
        (event(EventType.REQUEST_CLOSED, status="closed"), "closed"),
        (event(EventType.REQUEST_OVERDUE, threshold="overdue"), None),
        (event(EventType.CASE_CREATED), None),
    ],
)
def test_residents_hear_of_creation_every_status_change_and_closure(
    happened: Event, message: str | None
) -> None:
    assert message_kind(happened) == message


def test_lateness_is_measured_from_the_event() -> None:
    expected = AT - timedelta(hours=26, minutes=10)
    assert lateness(Threshold.OVERDUE, expected, AT) == "overdue by 1 day 2 hours"
    assert lateness(Threshold.DUE_SOON, AT + timedelta(minutes=45), AT) == "due in 45 minutes"
    assert lateness(Threshold.DUE_SOON, None, AT) == "due soon"
