"""EscalationPolicy.standing (domain/requests/escalation.py) in SQL, term for term, so that a
list filtered on "due soon" or "overdue" holds exactly the requests whose flags say so.

Times are compared in whole microseconds since the epoch (exact numerics), never as
`timestamp + interval * fraction`: an interval of whole days moves with daylight saving time
and PostgreSQL rounds its product differently from Python.
"""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Double,
    and_,
    bindparam,
    case,
    cast,
    extract,
    false,
    func,
    literal_column,
    not_,
    or_,
)
from sqlalchemy.types import DateTime

from adapters.db.tables.requests import service_requests as t
from domain.requests.escalation import EscalationPolicy, Threshold
from domain.requests.model import Status
from domain.requests.queries import StandingFilter


def _micros(at: ColumnElement[Any]) -> ColumnElement[Any]:
    return extract("epoch", at) * literal_column("1000000")


def _clock(now: ColumnElement[datetime]) -> tuple[ColumnElement[bool], ColumnElement[Any]]:
    """(whether the request has an SLA clock, what it reads): `sla_clock`."""
    paused = and_(t.c.status == Status.ON_HOLD.value, t.c.sla_pauses_on_hold)
    has_clock = and_(
        t.c.status != Status.CLOSED.value,
        t.c.expected_at.is_not(None),
        or_(not_(paused), t.c.on_hold_since.is_not(None)),
    )
    reads = case((paused, func.least(t.c.on_hold_since, now)), else_=now)
    return has_clock, reads


def _due_soon(policy: EscalationPolicy, clock: ColumnElement[Any]) -> ColumnElement[bool]:
    """`EscalationPolicy.reached` gives DUE_SOON."""
    total = _micros(t.c.expected_at) - _micros(t.c.requested_at)
    fraction = bindparam(None, policy.due_soon_fraction, type_=Double)
    due_soon_after = func.floor(cast(total, Double) * fraction)
    by_fraction = _micros(clock) - _micros(t.c.requested_at) >= due_soon_after
    within = policy.due_soon_within // timedelta(microseconds=1)
    if within <= 0:
        return and_(clock < t.c.expected_at, by_fraction)
    by_margin = _micros(t.c.expected_at) - _micros(clock) <= bindparam(None, within, BigInteger)
    return and_(clock < t.c.expected_at, or_(by_fraction, by_margin))


def standing_is(f: StandingFilter) -> ColumnElement[bool]:
    now = bindparam(None, f.now, type_=DateTime(timezone=True))
    has_clock, clock = _clock(now)
    standings = []
    if Threshold.OVERDUE in f.late:
        standings.append(clock >= t.c.expected_at)
    if Threshold.DUE_SOON in f.late:
        standings.append(_due_soon(f.policy, clock))
    return and_(has_clock, or_(false(), *standings))
