"""Escalation: an open request nearing or past its expected date is announced, once per step.

`EscalationPolicy.reached` is the one rule for "due soon" and "overdue": the escalation scan
announces by it (`due`), the API states it on every request (`standing`), and the list and the
scan's candidates filter on its SQL twin (adapters/db/read_models/request_standing.py).
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.requests.model import ServiceRequest, Status

MICROSECOND = timedelta(microseconds=1)


class Threshold(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class Standing(StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def sla_clock(request: ServiceRequest, now: datetime) -> datetime | None:
    """What the request's SLA clock reads: nothing once closed, and where the hold began
    while a hold pauses it (unknown if that start was not recorded)."""
    if request.status is Status.CLOSED:
        return None
    if request.status is Status.ON_HOLD and request.sla.pauses_on_hold:
        return None if request.on_hold_since is None else min(request.on_hold_since, now)
    return now


def standing_is_frozen(request: ServiceRequest) -> bool:
    """Whether only a change to the request (a new version) can move its standing: closed,
    undated, or on a hold that pauses the SLA. Otherwise time alone moves it."""
    return frozen_standing(request.status, request.expected_at, request.sla.pauses_on_hold)


def frozen_standing(status: Status, expected_at: datetime | None, pauses_on_hold: bool) -> bool:
    """standing_is_frozen from the three fields it reads (a conditional GET has no more)."""
    paused = status is Status.ON_HOLD and pauses_on_hold
    return status is Status.CLOSED or expected_at is None or paused


def _micros(span: timedelta) -> int:
    return span // MICROSECOND


@dataclass(frozen=True)
class EscalationPolicy:
    """Due soon once `due_soon_fraction` of the time to the expected date has passed, or
    within `due_soon_within` of it (0 = off); overdue once it has passed."""

    due_soon_fraction: float = 0.8
    due_soon_within: timedelta = timedelta(0)

    def reached(
        self, requested_at: datetime, expected_at: datetime, now: datetime
    ) -> Threshold | None:
        """In whole microseconds, the fraction's product rounded down: SQL draws the same line."""
        if now >= expected_at:
            return Threshold.OVERDUE
        due_soon_after = math.floor(_micros(expected_at - requested_at) * self.due_soon_fraction)
        by_fraction = _micros(now - requested_at) >= due_soon_after
        by_margin = self.due_soon_within > timedelta(0) and _micros(expected_at - now) <= _micros(
            self.due_soon_within
        )
        if by_fraction or by_margin:
            return Threshold.DUE_SOON
        return None

    def standing(self, request: ServiceRequest, now: datetime) -> Standing:
        """On time, due soon or overdue, read on the request's SLA clock: closed and undated
        requests are on time, and a hold that pauses the SLA freezes the standing it began
        with."""
        clock = sla_clock(request, now)
        if clock is None or request.expected_at is None:
            return Standing.ON_TIME
        threshold = self.reached(request.requested_at, request.expected_at, clock)
        return Standing.ON_TIME if threshold is None else Standing(threshold.value)

    def due(self, request: ServiceRequest, now: datetime) -> Threshold | None:
        """The threshold the escalation scan announces: none while only a change to the
        request could move its standing (closed, undated, or its SLA paused on hold)."""
        if standing_is_frozen(request) or request.expected_at is None:
            return None
        return self.reached(request.requested_at, request.expected_at, now)
