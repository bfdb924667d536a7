"""Escalation: an open request nearing or past its expected date is announced, once per step."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.shared.events import Event, EventType


class Threshold(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class EscalationPolicy:
    """Due soon once `due_soon_fraction` of the time to the expected date has passed, or
    within `due_soon_within` of it (0 = off); overdue once it has passed."""

    due_soon_fraction: float = 0.8
    due_soon_within: timedelta = timedelta(0)

    def reached(
        self, requested_at: datetime, expected_at: datetime, now: datetime
    ) -> Threshold | None:
        if now >= expected_at:
            return Threshold.OVERDUE
        by_fraction = requested_at + (expected_at - requested_at) * self.due_soon_fraction
        by_margin = (
            self.due_soon_within > timedelta(0) and now >= expected_at - self.due_soon_within
        )
        if now >= by_fraction or by_margin:
            return Threshold.DUE_SOON
        return None


@dataclass(frozen=True)
class OpenRequestFacts:
    id: str
    status: str
    department_code: str
    service_code: str
    expected_at: datetime
    sequence: int


def overdue_event(request: OpenRequestFacts, threshold: Threshold, now: datetime) -> Event:
    data: dict[str, object] = {
        "sequence": request.sequence,
        "threshold": threshold.value,
        "expected_datetime": request.expected_at.isoformat(),
        "status": request.status,
        "previous_status": request.status,
        "public_status_changed": False,
        "department_code": request.department_code,
        "service_code": request.service_code,
        "changes": [],
    }
    return Event(
        EventType.REQUEST_OVERDUE,
        request.id,
        now,
        request.department_code,
        request.service_code,
        data,
    )
