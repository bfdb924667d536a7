"""The escalation scan (a pgqueuer schedule): publish request.overdue once per threshold.

`escalations` holds (request, threshold) once announced; the insert, the request's next
sequence number and the event's job commit together, so a scan that runs twice at once or
again after a crash announces nothing twice.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, exists, not_, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.read_models.request_standing import StandingFilter, standing_is
from adapters.db.tables.outbox import escalations
from adapters.db.tables.requests import service_requests
from adapters.jobs.outbox import PgQueuerOutbox
from domain.requests.escalation import (
    EscalationPolicy,
    OpenRequestFacts,
    Threshold,
    overdue_event,
)
from domain.requests.model import Status
from domain.shared.clock import Clock

BATCH = 500


def candidates(policy: EscalationPolicy, now: datetime) -> Select[Any]:
    """Open, SLA clock running, due soon or overdue by the API's rule (request_standing),
    the furthest threshold not yet announced."""
    t = service_requests
    paused = and_(t.c.status == Status.ON_HOLD.value, t.c.sla_pauses_on_hold)
    announced = exists().where(
        escalations.c.request_id == t.c.id, escalations.c.threshold == Threshold.OVERDUE.value
    )
    late = StandingFilter(frozenset(Threshold), now, policy)
    return (
        select(t.c.id, t.c.requested_at, t.c.expected_at)
        .where(standing_is(late), not_(paused), not_(announced))
        .order_by(t.c.expected_at, t.c.id)
        .limit(BATCH)
    )


RECORD = text(
    "INSERT INTO escalations (request_id, threshold, at) VALUES (:id, :threshold, :at)"
    " ON CONFLICT DO NOTHING RETURNING request_id"
)
NEXT_SEQUENCE = text(
    """
    UPDATE service_requests SET event_sequence = event_sequence + 1
    WHERE id = :id AND status <> 'closed'
    RETURNING id, status, department_code, service_code, expected_at, event_sequence
    """
)


class EscalationScan:
    def __init__(self, engine: AsyncEngine, clock: Clock, policy: EscalationPolicy) -> None:
        self._engine = engine
        self._clock = clock
        self._policy = policy

    async def run(self) -> int:
        """Returns how many events it published."""
        now = self._clock.now()
        async with self._engine.connect() as db:
            rows = (await db.execute(candidates(self._policy, now))).all()
        published = 0
        for row in rows:
            threshold = self._policy.reached(row.requested_at, row.expected_at, now)
            if threshold is not None:
                published += await self._announce(row.id, threshold, now)
        return published

    async def _announce(self, request_id: str, threshold: Threshold, now: datetime) -> int:
        async with self._engine.begin() as db:
            if threshold is Threshold.OVERDUE:  # a late scan skips straight to overdue
                await self._record(db, request_id, Threshold.DUE_SOON, now)
            if not await self._record(db, request_id, threshold, now):
                return 0
            row = (await db.execute(NEXT_SEQUENCE, {"id": request_id})).first()
            if row is None:
                return 0
            facts = OpenRequestFacts(
                row.id,
                row.status,
                row.department_code,
                row.service_code,
                row.expected_at,
                row.event_sequence,
            )
            await PgQueuerOutbox(db).publish(overdue_event(facts, threshold, now))
        return 1

    @staticmethod
    async def _record(
        db: AsyncConnection, request_id: str, threshold: Threshold, now: datetime
    ) -> bool:
        params = {"id": request_id, "threshold": threshold.value, "at": now}
        return (await db.execute(RECORD, params)).first() is not None
